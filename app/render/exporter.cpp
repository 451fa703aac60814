#include "exporter.h"

#include "export_metadata.h"
#include "frame_plan.h"
#include "pdf_text.h"
#include "render_cache.h"
#include "render_map.h"

#include <geo/raster_writer.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace isv {

namespace {

geo::Error fail(const QString& path, const QString& why) {
    return geo::Error{(path + ": " + why).toStdString()};
}

// The frame as exported: always with the attribution line, dated today unless it says otherwise.
MapSettings exported(const ExportOptions& o) {
    MapSettings s = o.settings;
    s.attribution = true;
    if (s.attributionDate.isEmpty()) s.attributionDate = attributionDateToday();
    return s;
}

// The frame `s`, or the comparison `o` asks for in it.
RenderReport draw(const Scene& scene, const ExportOptions& o, const MapSettings& s, QPainter& painter,
                  RenderCache* cache = nullptr) {
    return o.compare ? renderPair(scene, *o.compare, s, painter, nullptr, cache)
                     : renderMap(scene, s, painter, nullptr, cache);
}

// Draws onto a vector device's painter; a render error names the layer.
std::optional<geo::Error> renderVector(const Scene& scene, const MapSettings& s, QPainter& painter,
                                       const ExportOptions& o) {
    const RenderReport report = draw(scene, o, s, painter);
    if (report.errors.isEmpty()) return std::nullopt;
    return fail(o.path, report.errors.join("; "));
}

// The title and attribution line a file's metadata carries; a comparison's names both halves'.
QString description(const Scene& scene, const MapSettings& s, const ExportOptions& o) {
    if (o.compare)
        return (o.compare->title.isEmpty() ? QString() : o.compare->title + " — ") +
               attributionText(scene, o.compare->halves[0]) + " | " +
               attributionText(scene, o.compare->halves[1]);
    return (s.title.isEmpty() ? QString() : s.title + " — ") + attributionText(scene, s);
}

// Frames are drawn in horizontal bands of at most this many device pixels (256 MB at 4 bytes a pixel): a
// 20000 x 20000 export draws 7 bands of 3355 rows instead of needing one 1.6 GB image; a 4K frame is one
// band.
constexpr qint64 kBandPixels = qint64(64) << 20;
// Frames above this many pixels (twice a 4K frame) are planned before their band is allocated (see
// renderBands).
constexpr qint64 kWarmPixels = qint64(16) << 20;

geo::Error tooBig(const QString& path, QSize size) {
    return fail(path, QString("a %1 x %2 image does not fit in memory; choose a smaller size")
                          .arg(size.width())
                          .arg(size.height()));
}

int bandRows(const ExportOptions& o, QSize size) {
    if (o.bandRows > 0) return std::min(o.bandRows, size.height());
    return static_cast<int>(std::clamp<qint64>(kBandPixels / size.width(), 1, size.height()));
}

// Whether `bytes` more could be allocated now. Drawing a band needs memory besides the band (font engines,
// text sprites, the compressor's output), and some libraries crash rather than fail when they get none
// (fontconfig): a band that leaves no room is refused while failing is still clean.
bool headroom(std::size_t bytes) {
    void* volatile probe = std::malloc(bytes); // volatile: the compiler may not drop the pair
    const bool ok = probe != nullptr;
    std::free(probe);
    return ok;
}

// Takes each band as it is drawn, with the frame row it starts at; false stops the drawing.
using BandSink = std::function<bool(QImage& band, int y)>;

// Draws the frame `rows` device rows at a time into one band-sized image and hands each band to `sink`. A
// band is the whole frame drawn through a painter moved up by the rows above it (as renderMap's stripes are):
// renderMap plans labels, legend and furniture from the settings alone, so they come out the same whichever
// band they fall in. The error says what to do when the band does not fit in memory, or names the layer that
// failed to draw.
std::optional<geo::Error> renderBands(const Scene& scene, const MapSettings& s, const ExportOptions& o,
                                      QImage::Format format, int rows, const ExportProgress& progress,
                                      const BandSink& sink) {
    const QString& path = o.path;
    const QSize size = s.pixelSize();
    RenderCache cache; // text sprites and hatch tiles, drawn once for all bands
    // A big frame is planned once before its band takes the memory: planning loads the fonts, whose files
    // fontconfig and FreeType map in whole (the CJK ones are tens of MB each), and fontconfig crashes rather
    // than fails when an allocation does. (renderMap plans each band again, from the same settings.)
    if (qint64(size.width()) * size.height() > kWarmPixels) (void)planFrame(scene, s, cache, true);
    QImage band(size.width(), rows, format);
    if (band.isNull() ||
        !headroom(static_cast<std::size_t>(band.sizeInBytes()) / 4 + (std::size_t(64) << 20)))
        return tooBig(path, size);
    band.setDevicePixelRatio(s.devicePixelRatio);
    for (int y = 0; y < size.height(); y += rows) {
        const int n = std::min(rows, size.height() - y);
        QImage shorter; // the last band: the first rows of the same buffer
        if (n < rows) {
            shorter = QImage(band.bits(), size.width(), n, band.bytesPerLine(), format);
            shorter.setDevicePixelRatio(s.devicePixelRatio);
        }
        QImage& target = n < rows ? shorter : band;
        QPainter painter;
        if (!painter.begin(&target)) return tooBig(path, size);
        if (y > 0) painter.setWorldTransform(QTransform::fromTranslate(0, -y / s.devicePixelRatio));
        const RenderReport report = draw(scene, o, s, painter, &cache);
        painter.end();
        if (!report.errors.isEmpty()) {
            // renderMap turns an exception on its workers into an error; running out of memory is the size's.
            if (report.errors.join(" ").contains("bad_alloc")) return tooBig(path, size);
            return fail(path, report.errors.join("; "));
        }
        if (!sink(target, y)) break;
        if (progress) progress(static_cast<double>(y + n) / size.height());
    }
    return std::nullopt;
}

// Qt's PNG writer (libpng, adaptive row filters, zlib level 6) takes 0.3 s for a 3840x2160 map: more than
// the rest of an export. This one writes 8-bit RGB rows unfiltered at zlib level 1, each band's two halves
// compressed at once (a full flush ends every part but the last on a byte boundary, so the raw deflate
// streams concatenate): about 50 ms for the same image, 10 % larger. Each band goes out as one IDAT chunk as
// soon as it is drawn. Write errors are not checked here: the QSaveFile remembers them and its commit()
// reports them.
class PngWriter {
  public:
    PngWriter(QIODevice& out, QSize size, int dpi, const QList<QPair<QString, QString>>& texts)
        : out_(out), width_(static_cast<std::size_t>(size.width())),
          height_(static_cast<std::size_t>(size.height())) {
        out_.write("\x89PNG\r\n\x1a\n", 8);
        QByteArray ihdr;
        be32(ihdr, static_cast<std::uint32_t>(width_));
        be32(ihdr, static_cast<std::uint32_t>(height_));
        ihdr.append("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, deflate, no filter method, no interlace
        chunk("IHDR", {ihdr});
        QByteArray phys;
        const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
        be32(phys, ppm);
        be32(phys, ppm);
        phys.append('\x01'); // unit: metre
        chunk("pHYs", {phys});
        // iTXt, not tEXt: the texts are UTF-8 (names in Japanese and Russian script). Keyword, a null, not
        // compressed (0, 0), no language tag and no translated keyword (two nulls), the text.
        for (const auto& [key, text] : texts)
            chunk("iTXt", {key.toLatin1(), QByteArrayView("\0\0\0\0\0", 5), text.toUtf8()});
    }

    /// Compresses and writes the next rows of the image (`rows`: Format_RGB32, opaque). False when zlib
    /// runs out of memory (its only failure with these fixed parameters).
    bool add(const QImage& rows) {
        const auto h = static_cast<std::size_t>(rows.height());
        const bool first = done_ == 0, last = done_ + h >= height_;
        const std::size_t mid = h / 2;
        Half a, b;
        std::optional<std::thread> second;
        try {
            second.emplace([&] { compress(rows, mid, h, last, b); });
        } catch (const std::system_error&) { // no thread to be had: both halves here
        }
        compress(rows, 0, mid, false, a);
        if (second)
            second->join();
        else
            compress(rows, mid, h, last, b);
        if (!a.ok || !b.ok) return false;
        const std::size_t row = 1 + 3 * width_;
        adler_ = adler32_combine(adler_, a.adler, static_cast<z_off_t>(row * mid));
        adler_ = adler32_combine(adler_, b.adler, static_cast<z_off_t>(row * (h - mid)));
        QByteArray tail;
        if (last) be32(tail, static_cast<std::uint32_t>(adler_));
        const QByteArrayView header = first ? QByteArrayView("\x78\x01", 2) // deflate, 32 KiB window, fastest
                                            : QByteArrayView();
        chunk("IDAT", {header, bytes(a.data), bytes(b.data), tail});
        if (last) chunk("IEND", {});
        done_ += h;
        return true;
    }

  private:
    struct Half {
        std::vector<unsigned char> data;
        uLong adler = 1;
        bool ok = false;
    };

    static void be32(QByteArray& to, std::uint32_t v) {
        const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        to.append(b, 4);
    }
    static QByteArrayView bytes(const std::vector<unsigned char>& v) {
        return {reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size())};
    }

    void chunk(const char* type, std::initializer_list<QByteArrayView> parts) {
        qsizetype n = 0;
        for (const QByteArrayView& p : parts)
            n += p.size();
        QByteArray head;
        be32(head, static_cast<std::uint32_t>(n));
        head.append(type, 4);
        out_.write(head);
        uLong crc = crc32(0, reinterpret_cast<const Bytef*>(type), 4);
        for (const QByteArrayView& p : parts) {
            if (p.isEmpty()) continue;
            crc = crc32(crc, reinterpret_cast<const Bytef*>(p.data()), static_cast<uInt>(p.size()));
            out_.write(p.data(), p.size());
        }
        QByteArray tail;
        be32(tail, static_cast<std::uint32_t>(crc));
        out_.write(tail);
    }

    // Rows [y0, y1) of `image` as unfiltered RGB, deflated; ends on a full flush unless `last`. Converts and
    // compresses 64 rows at a time (converting a half at once would cost 12 MB of fresh pages for a 4K map).
    void compress(const QImage& image, std::size_t y0, std::size_t y1, bool last, Half& half) const {
        half.adler = adler32(0, nullptr, 0);
        if (y0 == y1) return void(half.ok = true);
        const std::size_t w = width_, row = 1 + 3 * w;
        z_stream z{};
        if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
        try {
            // A map deflates 5-20 times at level 1: the output starts at a quarter of the input and doubles
            // when full, rather than holding deflateBound (more than the input) for a 64-Mpixel band.
            half.data.resize(row * (y1 - y0) / 4 + 4096);
            z.next_out = half.data.data();
            z.avail_out = static_cast<uInt>(half.data.size());
            // Deflates until all input is taken and, when flushing, all output written (zlib's contract: a
            // flush is complete when deflate returns with output space left).
            const auto run = [&](int flush) {
                for (;;) {
                    if (z.avail_out == 0) {
                        const std::size_t used = half.data.size();
                        half.data.resize(used * 2);
                        z.next_out = half.data.data() + used;
                        z.avail_out = static_cast<uInt>(half.data.size() - used);
                    }
                    const int rc = deflate(&z, flush);
                    if (rc == Z_STREAM_END) return true;
                    if (rc != Z_OK && rc != Z_BUF_ERROR) return false;
                    if (z.avail_out == 0) continue;
                    if (flush == Z_FINISH) {
                        if (rc == Z_BUF_ERROR) return false;
                        continue;
                    }
                    if (z.avail_in == 0) return true;
                }
            };
            std::vector<unsigned char> raw(row * 64);
            bool ok = true;
            for (std::size_t from = y0; from < y1 && ok; from += 64) {
                const std::size_t to = std::min(y1, from + 64);
                for (std::size_t y = from; y < to; ++y) {
                    const auto* src = reinterpret_cast<const QRgb*>(image.constScanLine(static_cast<int>(y)));
                    unsigned char* d = &raw[(y - from) * row];
                    *d++ = 0;
                    for (std::size_t x = 0; x < w; ++x, d += 3)
                        d[0] = uchar(qRed(src[x])), d[1] = uchar(qGreen(src[x])), d[2] = uchar(qBlue(src[x]));
                }
                const auto bytes = static_cast<uInt>(row * (to - from));
                half.adler = adler32(half.adler, raw.data(), bytes);
                z.next_in = raw.data();
                z.avail_in = bytes;
                ok = run(Z_NO_FLUSH);
            }
            half.ok = ok && run(last ? Z_FINISH : Z_FULL_FLUSH);
            half.data.resize(z.total_out);
        } catch (const std::bad_alloc&) { // on a worker thread: an exception must not leave it
            half.ok = false;
        }
        deflateEnd(&z);
    }

    QIODevice& out_;
    std::size_t width_, height_, done_ = 0;
    uLong adler_ = 1; // of the rows written so far
};

// Affine transform from physical pixel (col,row) to projected metres: GDAL order, from the upper-left corner
// of the upper-left pixel.
geo::GeoTransform geoTransform(const MapSettings& s) {
    const geo::Box b = s.viewport.mapBounds();
    const double px = s.viewport.metresPerPixel / s.devicePixelRatio;
    return {b.minx, px, 0, b.maxy, 0, -px};
}

// The world file, .prj and .aux.xml that place a PNG or JPEG, opened and written but not yet committed.
geo::Result<std::vector<std::unique_ptr<QSaveFile>>> sidecars(const Scene& scene, const MapSettings& s,
                                                              const ExportOptions& o, bool jpeg) {
    const QFileInfo fi(o.path);
    const QString base = fi.path() + "/" + fi.completeBaseName();
    const auto crs = geo::crsSidecars(scene.crs());
    if (!crs) return fail(o.path, QString::fromStdString(crs.error().message));
    const geo::GeoTransform gt = geoTransform(s);
    // World file: pixel size x, rotation, rotation, pixel size y, then the centre of the upper-left pixel.
    const QString world = QString("%1\n0\n0\n%2\n%3\n%4\n")
                              .arg(gt[1], 0, 'f', 10)
                              .arg(gt[5], 0, 'f', 10)
                              .arg(gt[0] + gt[1] / 2, 0, 'f', 10)
                              .arg(gt[3] + gt[5] / 2, 0, 'f', 10);
    const std::pair<QString, QByteArray> files[] = {
        {base + (jpeg ? ".jgw" : ".pgw"), world.toUtf8()},
        {base + ".prj", QByteArray::fromStdString(crs->prj)},
        {o.path + ".aux.xml", QByteArray::fromStdString(crs->auxXml)},
    };
    std::vector<std::unique_ptr<QSaveFile>> out;
    for (const auto& [path, text] : files) {
        auto file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly)) return fail(path, file->errorString());
        file->write(text);
        out.push_back(std::move(file));
    }
    return out;
}

geo::Result<QStringList> writeRaster(const Scene& scene, const MapSettings& s, const ExportOptions& o,
                                     bool jpeg, const ExportProgress& progress) {
    std::vector<std::unique_ptr<QSaveFile>> beside;
    if (o.worldFile) {
        auto opened = sidecars(scene, s, o, jpeg);
        if (!opened) return opened.error();
        beside = std::move(opened.value());
    }
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly)) return fail(o.path, file.errorString());
    const QSize size = s.pixelSize();
    std::optional<geo::Error> encodeError;
    std::optional<geo::Error> failed;
    // The map is opaque (the sea is filled first): RGB32 renders fastest and needs no alpha in the file. A
    // failed write stops the drawing; commit() below reports it and keeps any earlier file.
    if (jpeg) {
        // Qt's JPEG writer takes one whole image, so a JPEG is drawn in one band, and fails as too big for
        // the memory where a PNG or GeoTIFF of the same size still draws band by band.
        failed =
            renderBands(scene, s, o, QImage::Format_RGB32, size.height(), progress, [&](QImage& image, int) {
                // The density goes into the file only after drawing: Qt sizes point-size
                // fonts by the device's dots per metre, and the device pixel ratio already
                // scales everything by dpi / 96.
                image.setDotsPerMeterX(static_cast<int>(s.dpi() / 0.0254));
                image.setDotsPerMeterY(static_cast<int>(s.dpi() / 0.0254));
                // Qt's JPEG writer puts each text in a comment marker as "Key: text".
                for (const auto& [key, text] : exportTexts(scene, s))
                    image.setText(key, text);
                if (!image.save(&file, "JPEG", 92) && file.error() == QFileDevice::NoError)
                    encodeError = fail(o.path, "could not encode the image as JPEG");
                return true;
            });
    } else {
        PngWriter png(file, size, s.dpi(), exportTexts(scene, s));
        failed = renderBands(scene, s, o, QImage::Format_RGB32, bandRows(o, size), progress,
                             [&](QImage& rows, int) {
                                 if (!png.add(rows)) encodeError = tooBig(o.path, size); // zlib's memory
                                 return !encodeError && file.error() == QFileDevice::NoError;
                             });
    }
    if (failed) return *failed; // the QSaveFiles' destructors discard what they wrote
    if (encodeError) return *encodeError;
    if (!file.commit()) return fail(o.path, file.errorString());
    // The image first: a failure before here leaves every earlier file as it was.
    QStringList written{o.path};
    for (const auto& f : beside) {
        if (!f->commit()) return fail(f->fileName(), f->errorString());
        written << f->fileName();
    }
    return written;
}

geo::Result<QStringList> writeSvg(const Scene& scene, const MapSettings& s, const ExportOptions& o) {
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly)) return fail(o.path, file.errorString());
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    const QSizeF logical(s.viewport.widthPx, s.viewport.heightPx);
    svg.setSize(logical.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), logical));
    svg.setResolution(96);
    // QSvgGenerator writes these verbatim: escape them so the file stays well-formed XML.
    svg.setTitle(
        (s.title.isEmpty() ? QCoreApplication::translate("map", "Isleview map") : s.title).toHtmlEscaped());
    svg.setDescription(description(scene, s, o).toHtmlEscaped());
    QPainter painter;
    if (!painter.begin(&svg)) {
        file.cancelWriting();
        return fail(o.path, "could not start the SVG writer");
    }
    const auto failed = renderVector(scene, s, painter, o);
    painter.end();
    if (failed) {
        file.cancelWriting();
        return *failed;
    }
    if (!file.commit()) return fail(o.path, file.errorString());
    return QStringList{o.path};
}

geo::Result<QStringList> writePdf(const Scene& scene, const MapSettings& s, const ExportOptions& o) {
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly)) return fail(o.path, file.errorString());
    // Written in memory first (a vector map is a few MB at most), so that its text maps can be put right
    // (pdf_text.h) before the file is.
    QBuffer memory;
    memory.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&memory);
        const int dpi = s.dpi();
        const QSize size = s.pixelSize();
        // The page is `size` dots at `dpi`; it is drawn at 96 dots per inch, one dot per logical pixel, as
        // the SVG is: Qt sizes point-size fonts by the device's resolution, so a device at `dpi` scaled by
        // dpi / 96 would draw the text dpi / 96 times too large. A vector page has no pixels to lose.
        pdf.setResolution(96);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi),
                                  QPageSize::Point, "Map", QPageSize::ExactMatch));
        pdf.setTitle(s.title.isEmpty() ? QCoreApplication::translate("map", "Isleview map") : s.title);
        pdf.setCreator("Isleview — " + attributionText(scene, s));
        const QString xmp =
            QString("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
                    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
                    "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                    "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                    "<dc:description>%1</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
                    "<?xpacket end='w'?>")
                .arg(description(scene, s, o).toHtmlEscaped());
        pdf.setDocumentXmpMetadata(xmp.toUtf8());
        QPainter painter;
        if (!painter.begin(&pdf)) {
            file.cancelWriting();
            return fail(o.path, "could not start the PDF writer");
        }
        const auto failed = renderVector(scene, s, painter, o);
        painter.end();
        if (failed) {
            file.cancelWriting();
            return *failed;
        }
    }
    QByteArray bytes = memory.buffer();
    fixPdfToUnicode(bytes);
    file.write(bytes);
    if (!file.commit()) return fail(o.path, file.errorString());
    return QStringList{o.path};
}

geo::Result<QStringList> writeGeoTiff(const Scene& scene, const MapSettings& s, const ExportOptions& o,
                                      const ExportProgress& progress) {
    const QSize size = s.pixelSize();
    geo::GeoTiffInfo info;
    info.width = size.width();
    info.height = size.height();
    info.bands = 4;
    info.transform = geoTransform(s);
    info.crs = scene.crs();
    info.metadata = {
        {"TIFFTAG_SOFTWARE", "Isleview"},
        {"TIFFTAG_IMAGEDESCRIPTION", description(scene, s, o).toStdString()},
        {"TIFFTAG_DATETIME", QDateTime::currentDateTime().toString("yyyy:MM:dd HH:mm:ss").toStdString()},
    };
    auto writer = geo::GeoTiffWriter::create(QFile::encodeName(o.path).toStdString(), info);
    if (!writer) return writer.error();
    std::optional<geo::Error> writeError;
    const auto failed = renderBands(
        scene, s, o, QImage::Format_RGBA8888, bandRows(o, size), progress, [&](QImage& rows, int y) {
            writeError = writer->write(y, rows.height(), rows.constBits(), 4, rows.bytesPerLine());
            return !writeError;
        });
    if (failed) return *failed; // the writer's destructor removes its temporary
    if (writeError) return *writeError;
    if (auto e = writer->commit()) return *e;
    return QStringList{o.path};
}

} // namespace

int exportLevel(const ExportOptions& options) {
    return levelOfDetail(options.settings);
}

geo::Box focusBox(const Scene& scene, const QString& id) {
    const geo::Box b = scene.placeBounds(id);
    if (b.empty()) return b;
    const double pad = std::max(b.width(), b.height()) * 0.12 + 2000;
    return {b.minx - pad, b.miny - pad, b.maxx + pad, b.maxy + pad};
}

QString formatForPath(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == "png") return "png";
    if (ext == "jpg" || ext == "jpeg") return "jpeg";
    if (ext == "svg") return "svg";
    if (ext == "pdf") return "pdf";
    if (ext == "tif" || ext == "tiff") return "tiff";
    return {};
}

geo::Result<ExportReport> exportMap(const Scene& scene, const ExportOptions& o,
                                    const ExportProgress& progress) {
    const QString format = formatForPath(o.path);
    if (format.isEmpty())
        return fail(o.path, "unknown image format '." + QFileInfo(o.path).suffix() +
                                "' (use .png, .jpg, .jpeg, .svg, .pdf, .tif or .tiff)");
    if (const QSize size = o.settings.pixelSize();
        size.width() < 16 || size.height() < 16 || size.width() > 20000 || size.height() > 20000)
        return fail(o.path, "image size must be between 16 and 20000 pixels a side");
    if (o.worldFile && format != "png" && format != "jpeg")
        return fail(o.path,
                    "--world-file applies to PNG and JPEG only (GeoTIFF carries its own georeference)");
    if (o.compare && (o.worldFile || format == "tiff"))
        return fail(o.path, "a comparison is two maps side by side, not one georeferenced raster: write it "
                            "as .png, .jpg, .svg or .pdf, without a world file");
    if (QFileInfo(o.path).isDir()) return fail(o.path, "is a folder");
    const MapSettings s = exported(o);
    const auto write = [&]() -> geo::Result<QStringList> {
        try {
            return format == "png"    ? writeRaster(scene, s, o, false, progress)
                   : format == "jpeg" ? writeRaster(scene, s, o, true, progress)
                   : format == "svg"  ? writeSvg(scene, s, o)
                   : format == "pdf"  ? writePdf(scene, s, o)
                                      : writeGeoTiff(scene, s, o, progress);
        } catch (const std::bad_alloc&) { // the temporaries are discarded as the stack unwinds
            return tooBig(o.path, s.pixelSize());
        }
    };
    geo::Result<QStringList> written = write();
    if (!written) return written.error();
    return ExportReport{o.path, format, written.value()};
}

} // namespace isv
