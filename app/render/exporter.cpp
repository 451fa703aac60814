#include "exporter.h"

#include "render_cache.h"
#include "render_map.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <zlib.h>

#include <atomic>
#include <cstdio>
#include <optional>
#include <thread>

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

// The map drawn into a new image, or why it could not be: an image too big for the memory, or a render
// error (which names the layer).
geo::Result<QImage> renderImage(const Scene& scene, const MapSettings& s, const ExportOptions& o,
                                QImage::Format format) {
    const QSize size = s.pixelSize();
    QImage image(size, format);
    if (image.isNull())
        return fail(o.path, QString("a %1 x %2 image does not fit in memory; choose a smaller size")
                                .arg(size.width())
                                .arg(size.height()));
    image.setDevicePixelRatio(s.devicePixelRatio);
    QPainter painter(&image);
    RenderCache cache;
    const RenderReport report = renderMap(scene, s, painter, nullptr, &cache);
    painter.end();
    if (!report.errors.isEmpty()) return fail(o.path, report.errors.join("; "));
    // The density goes into the file only after drawing: Qt sizes point-size fonts by the device's dots per
    // metre, and the device pixel ratio already scales everything by dpi / 96.
    image.setDotsPerMeterX(static_cast<int>(s.dpi() / 0.0254));
    image.setDotsPerMeterY(static_cast<int>(s.dpi() / 0.0254));
    return image;
}

// Draws onto a vector device's painter; a render error names the layer.
std::optional<geo::Error> renderVector(const Scene& scene, const MapSettings& s, QPainter& painter,
                                       const QString& path) {
    const RenderReport report = renderMap(scene, s, painter);
    if (report.errors.isEmpty()) return std::nullopt;
    return fail(path, report.errors.join("; "));
}

QString description(const Scene& scene, const MapSettings& s) {
    return (s.title.isEmpty() ? QString() : s.title + " — ") + attributionText(scene, s);
}

// Qt's PNG writer (libpng, adaptive row filters, zlib level 6) takes 0.3 s for a 3840x2160 map: more than
// the rest of an export. This one writes 8-bit RGB rows unfiltered at zlib level 1, the two halves
// compressed at once (a full flush ends the first half on a byte boundary, so the two raw deflate streams
// concatenate): about 50 ms for the same image, 10 % larger. `image` is opaque (Format_RGB32).
bool writePng(QIODevice& out, const QImage& image, int dpi) {
    const auto w = static_cast<std::size_t>(image.width()), h = static_cast<std::size_t>(image.height());
    const std::size_t row = 1 + 3 * w; // filter byte, then R G B
    struct Half {
        std::vector<unsigned char> data;
        uLong adler = 0;
        bool ok = false;
    };
    // Each half converts its own rows to RGB and compresses them, on its own thread, 64 rows at a time (a
    // small buffer: converting a half at once would cost 12 MB of fresh pages).
    const auto compress = [&](std::size_t y0, std::size_t y1, bool last, Half& half) {
        z_stream z{};
        if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
        half.data.resize(deflateBound(&z, static_cast<uLong>(row * (y1 - y0))) + 16);
        half.adler = adler32(0, nullptr, 0);
        z.next_out = half.data.data();
        z.avail_out = static_cast<uInt>(half.data.size());
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
            ok = deflate(&z, Z_NO_FLUSH) == Z_OK && z.avail_in == 0;
        }
        const int rc = ok ? deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH) : Z_STREAM_ERROR;
        half.ok = last ? rc == Z_STREAM_END : rc == Z_OK;
        half.data.resize(z.total_out);
        deflateEnd(&z);
    };
    const std::size_t mid = h / 2;
    Half a, b;
    std::thread second([&] { compress(mid, h, true, b); });
    compress(0, mid, false, a);
    second.join();
    if (!a.ok || !b.ok) return false;

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    const auto be32 = [](QByteArray& to, std::uint32_t v) {
        const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        to.append(bytes, 4);
    };
    const auto chunk = [&](const char* type, const QByteArray& body) {
        be32(png, static_cast<std::uint32_t>(body.size()));
        const QByteArray typed = QByteArray(type, 4) + body;
        png.append(typed);
        be32(png, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.constData()),
                                                   static_cast<uInt>(typed.size()))));
    };
    QByteArray ihdr;
    be32(ihdr, static_cast<std::uint32_t>(w));
    be32(ihdr, static_cast<std::uint32_t>(h));
    ihdr.append("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, deflate, no filter method, no interlace
    chunk("IHDR", ihdr);
    QByteArray phys;
    const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    be32(phys, ppm);
    be32(phys, ppm);
    phys.append('\x01'); // unit: metre
    chunk("pHYs", phys);
    QByteArray idat("\x78\x01", 2); // zlib header: deflate, 32 KiB window, fastest level
    idat.append(reinterpret_cast<const char*>(a.data.data()), static_cast<qsizetype>(a.data.size()));
    idat.append(reinterpret_cast<const char*>(b.data.data()), static_cast<qsizetype>(b.data.size()));
    be32(idat, static_cast<std::uint32_t>(
                   adler32_combine(a.adler, b.adler, static_cast<z_off_t>(row * (h - mid)))));
    chunk("IDAT", idat);
    chunk("IEND", {});
    return out.write(png) == png.size();
}

// Affine transform from physical pixel (col,row) to projected metres: GDAL order.
std::array<double, 6> geoTransform(const MapSettings& s) {
    const geo::Box b = s.viewport.mapBounds();
    const double px = s.viewport.metresPerPixel / s.devicePixelRatio;
    return {b.minx, px, 0, b.maxy, 0, -px};
}

geo::Result<QStringList> writeRaster(const Scene& scene, const MapSettings& s, const ExportOptions& o,
                                     const char* format) {
    const bool jpeg = QByteArray(format) == "JPEG";
    // The map is opaque (the sea is filled first): RGB32 renders fastest and needs no alpha in the file.
    const geo::Result<QImage> rendered = renderImage(scene, s, o, QImage::Format_RGB32);
    if (!rendered) return rendered.error();
    const QImage& image = rendered.value();
    QStringList written;
    std::unique_ptr<QSaveFile> world;
    if (o.worldFile) {
        const QFileInfo fi(o.path);
        const QString wpath = fi.path() + "/" + fi.completeBaseName() + (jpeg ? ".jgw" : ".pgw");
        world = std::make_unique<QSaveFile>(wpath);
        if (!world->open(QIODevice::WriteOnly)) return fail(wpath, world->errorString());
        const auto gt = geoTransform(s);
        // World file: pixel size x, rotation, rotation, pixel size y, centre of the upper-left pixel.
        const QString text = QString("%1\n0\n0\n%2\n%3\n%4\n")
                                 .arg(gt[1], 0, 'f', 6)
                                 .arg(gt[5], 0, 'f', 6)
                                 .arg(gt[0] + gt[1] / 2, 0, 'f', 4)
                                 .arg(gt[3] + gt[5] / 2, 0, 'f', 4);
        world->write(text.toUtf8());
    }
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly)) return fail(o.path, file.errorString());
    if (!(jpeg ? image.save(&file, format, 92) : writePng(file, image, s.dpi()))) {
        file.cancelWriting();
        return fail(o.path, "could not encode the image");
    }
    if (world && !world->commit()) {
        file.cancelWriting();
        return fail(world->fileName(), world->errorString());
    }
    if (!file.commit()) {
        if (world) QFile::remove(world->fileName());
        return fail(o.path, file.errorString());
    }
    written << o.path;
    if (world) written << world->fileName();
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
    svg.setTitle((s.title.isEmpty() ? QString("Isleview map") : s.title).toHtmlEscaped());
    svg.setDescription(description(scene, s).toHtmlEscaped());
    QPainter painter;
    if (!painter.begin(&svg)) {
        file.cancelWriting();
        return fail(o.path, "could not start the SVG writer");
    }
    const auto failed = renderVector(scene, s, painter, o.path);
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
    {
        QPdfWriter pdf(&file);
        const int dpi = s.dpi();
        const QSize size = s.pixelSize();
        pdf.setResolution(dpi);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi),
                                  QPageSize::Point, "Map", QPageSize::ExactMatch));
        pdf.setTitle(s.title.isEmpty() ? "Isleview map" : s.title);
        pdf.setCreator("Isleview — " + attributionText(scene, s));
        const QString xmp =
            QString("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
                    "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
                    "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                    "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                    "<dc:description>%1</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
                    "<?xpacket end='w'?>")
                .arg(description(scene, s).toHtmlEscaped());
        pdf.setDocumentXmpMetadata(xmp.toUtf8());
        QPainter painter;
        if (!painter.begin(&pdf)) {
            file.cancelWriting();
            return fail(o.path, "could not start the PDF writer");
        }
        // The PDF device works in dots at `dpi`; renderMap works in logical pixels.
        painter.scale(s.devicePixelRatio, s.devicePixelRatio);
        const auto failed = renderVector(scene, s, painter, o.path);
        painter.end();
        if (failed) {
            file.cancelWriting();
            return *failed;
        }
    }
    if (!file.commit()) return fail(o.path, file.errorString());
    return QStringList{o.path};
}

geo::Result<QStringList> writeGeoTiff(const Scene& scene, const MapSettings& s, const ExportOptions& o) {
    const geo::Result<QImage> rendered = renderImage(scene, s, o, QImage::Format_RGBA8888);
    if (!rendered) return rendered.error();
    const QImage& image = rendered.value();
    const QFileInfo fi(o.path);
    if (!fi.dir().exists()) return fail(o.path, "the folder does not exist");
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) return fail(o.path, "GDAL has no GTiff driver");
    // GDAL writes in place, so write beside the target and rename when complete.
    // A name of its own per process and call, so two exports to one file cannot write the same temporary.
    static std::atomic<int> serial{0};
    const QString tmp = QString("%1/.%2.%3-%4.part")
                            .arg(fi.path(), fi.fileName())
                            .arg(QCoreApplication::applicationPid())
                            .arg(serial.fetch_add(1));
    const QByteArray tmpName = QFile::encodeName(tmp);
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "COMPRESS", "DEFLATE");
    opts = CSLSetNameValue(opts, "PHOTOMETRIC", "RGB");
    opts = CSLSetNameValue(opts, "ALPHA", "YES");
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDataset* ds = driver->Create(tmpName.constData(), image.width(), image.height(), 4, GDT_Byte, opts);
    CSLDestroy(opts);
    bool ok = ds != nullptr;
    QString why = ok ? QString() : QString::fromUtf8(CPLGetLastErrorMsg());
    if (ok) {
        auto gt = geoTransform(s);
        ds->SetGeoTransform(gt.data());
        OGRSpatialReference srs;
        srs.SetFromUserInput(scene.crs().c_str());
        ds->SetSpatialRef(&srs);
        ds->SetMetadataItem("TIFFTAG_SOFTWARE", "Isleview");
        ds->SetMetadataItem("TIFFTAG_IMAGEDESCRIPTION", description(scene, s).toUtf8().constData());
        ds->SetMetadataItem(
            "TIFFTAG_DATETIME",
            QDateTime::currentDateTime().toString("yyyy:MM:dd HH:mm:ss").toUtf8().constData());
        ok = ds->RasterIO(GF_Write, 0, 0, image.width(), image.height(),
                          const_cast<uchar*>(image.constBits()), image.width(), image.height(), GDT_Byte, 4,
                          nullptr, 4, static_cast<GSpacing>(image.bytesPerLine()), 1) == CE_None;
        if (!ok) why = QString::fromUtf8(CPLGetLastErrorMsg());
        CPLErrorReset();
        GDALClose(ds); // flushes: a full disk shows up here
        if (ok && CPLGetLastErrorType() >= CE_Failure)
            ok = false, why = QString::fromUtf8(CPLGetLastErrorMsg());
    }
    CPLPopErrorHandler();
    if (ok && std::rename(tmpName.constData(), QFile::encodeName(o.path).constData()) != 0)
        ok = false, why = QString::fromLocal8Bit(std::strerror(errno));
    if (!ok) {
        QFile::remove(tmp);
        return fail(o.path, why.isEmpty() ? "could not write the GeoTIFF" : why);
    }
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

geo::Result<ExportReport> exportMap(const Scene& scene, const ExportOptions& o) {
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
    if (QFileInfo(o.path).isDir()) return fail(o.path, "is a folder");
    const MapSettings s = exported(o);
    geo::Result<QStringList> written = format == "png"    ? writeRaster(scene, s, o, "PNG")
                                       : format == "jpeg" ? writeRaster(scene, s, o, "JPEG")
                                       : format == "svg"  ? writeSvg(scene, s, o)
                                       : format == "pdf"  ? writePdf(scene, s, o)
                                                          : writeGeoTiff(scene, s, o);
    if (!written) return written.error();
    return ExportReport{o.path, format, written.value()};
}

} // namespace isv
