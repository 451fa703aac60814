#include "map_style.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace isv {

namespace {

// Reads one JSON object of the style, remembering the first problem met (with the key it was under).
struct Reader {
    QString problem;

    QColor colour(const QJsonObject& o, const char* key, const QColor& otherwise = {}) {
        if (!o.contains(key)) {
            if (!otherwise.isValid()) fail(key, "is missing");
            return otherwise;
        }
        const QColor c(o[key].toString());
        if (!c.isValid()) fail(key, "is not a colour (#RRGGBB or #AARRGGBB)");
        return c;
    }
    // Bounded above too: a width or size of 1e9 would make every frame paint for minutes.
    double number(const QJsonObject& o, const char* key, double otherwise, double most = 100) {
        if (!o.contains(key)) return otherwise;
        const double v = o[key].toDouble(-1);
        if (!o[key].isDouble() || !(v >= 0) || !(v <= most)) {
            fail(key, QString("is not a number from 0 to %1").arg(most));
            return otherwise;
        }
        return v;
    }
    QFont font(const QJsonObject& o, const QString& family) {
        QFont f;
        const QString fam = o.contains("family") ? o["family"].toString() : family;
        if (!fam.isEmpty()) {
            f = QFont(fam);
            f.setStyleHint(QFont::SansSerif);
        }
        if (o["bold"].toBool()) f.setBold(true);
        if (o["italic"].toBool()) f.setItalic(true);
        if (o.contains("spacing"))
            f.setLetterSpacing(QFont::PercentageSpacing, number(o, "spacing", 100, 400));
        const double size = number(o, "size", 9, 200);
        if (size > 0)
            f.setPointSizeF(size);
        else
            fail("size", "must be above 0");
        return f;
    }
    void fail(const char* key, const QString& what) {
        if (problem.isEmpty()) problem = QString("'%1' %2").arg(QLatin1String(key), what);
    }
};

} // namespace

const LabelStyle& MapStyle::label(const QString& kind) const {
    const auto it = kinds.constFind(kind);
    return it == kinds.constEnd() ? otherKind : *it;
}

QColor MapStyle::addedFill() const {
    QColor c = added;
    c.setAlpha(addedFillAlpha);
    return c;
}

geo::Result<MapStyle> MapStyle::fromJson(const QByteArray& json, const QString& name, Worldviews worldviews) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return geo::Error{(name + ": not a style file (" +
                           (error.error ? error.errorString() : QString("no JSON object")) + ")")
                              .toStdString()};
    const QJsonObject root = doc.object();
    const QString family = root["font"].toString();
    Reader r;
    MapStyle s;
    const QJsonObject c = root["colours"].toObject();
    s.sea = r.colour(c, "sea"), s.land = r.colour(c, "land"), s.coast = r.colour(c, "coast");
    s.highlight = r.colour(c, "highlight"), s.selected = r.colour(c, "selected"),
    s.added = r.colour(c, "added");
    s.text = r.colour(c, "text"), s.defactoLine = r.colour(c, "defacto_line");
    s.graticule = r.colour(c, "graticule"), s.gridText = r.colour(c, "grid_text");
    s.panel = r.colour(c, "panel");
    s.titlePanel = r.colour(c, "title_panel", s.panel), s.notePanel = r.colour(c, "note_panel", s.panel);
    s.legendPanel = r.colour(c, "legend_panel", s.panel);
    s.legendBorder = r.colour(c, "legend_border", s.text);
    s.attributionText = r.colour(c, "attribution_text", s.text);
    const QJsonObject w = root["widths"].toObject();
    s.coastWidth = r.number(w, "coast", s.coastWidth);
    s.lakeShoreWidth = r.number(w, "lake_shore", s.lakeShoreWidth);
    s.defactoWidth = r.number(w, "defacto_line", s.defactoWidth);
    s.claimBorderWidth = r.number(w, "claim_border", s.claimBorderWidth);
    s.claimBorderHaloWidth = r.number(w, "claim_border_halo", s.claimBorderHaloWidth);
    s.claimSwatchWidth = r.number(w, "claim_swatch", s.claimSwatchWidth);
    s.highlightWidth = r.number(w, "highlight", s.highlightWidth);
    s.selectedWidth = r.number(w, "selected", s.selectedWidth);
    s.addedWidth = r.number(w, "added", s.addedWidth);
    s.graticuleWidth = r.number(w, "graticule", s.graticuleWidth);
    s.halo = QPen(r.colour(c, "halo"), r.number(w, "halo", 3), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    s.addedFillAlpha = static_cast<int>(r.number(root, "added_fill_alpha", 70, 255));
    const QJsonObject f = root["fonts"].toObject();
    s.title = r.font(f["title"].toObject(), family);
    s.legendHeading = r.font(f["legend_heading"].toObject(), family);
    s.legend = r.font(f["legend"].toObject(), family);
    s.scaleBar = r.font(f["scale_bar"].toObject(), family);
    s.northArrow = r.font(f["north_arrow"].toObject(), family);
    s.attribution = r.font(f["attribution"].toObject(), family);
    s.note = r.font(f["note"].toObject(), family);
    s.gridLabel = r.font(f["grid_label"].toObject(), family);
    const QJsonObject small = root["small_map"].toObject();
    SmallMapStyle& sm = s.smallMap;
    sm.areaPx = r.number(small, "area_px", sm.areaPx, 1e8);
    sm.legendShare = r.number(small, "legend_share", sm.legendShare, 1);
    sm.fontScale = r.number(small, "font_scale", sm.fontScale, 1);
    sm.wrapPx = r.number(small, "wrap_px", sm.wrapPx, 2000);
    sm.swatchPx = r.number(small, "swatch_px", sm.swatchPx, 100);
    sm.furnitureScale = r.number(small, "furniture_scale", sm.furnitureScale, 1);
    const QJsonObject labels = root["labels"].toObject();
    const QJsonObject fallback = labels["default"].toObject();
    const auto labelStyle = [&](QJsonObject o) {
        for (auto it = fallback.begin(); it != fallback.end(); ++it)
            if (!o.contains(it.key())) o.insert(it.key(), it.value());
        LabelStyle l;
        l.font = r.font(o, family);
        l.colour = r.colour(o, "colour", s.text);
        const QString placement = o["placement"].toString();
        if (!placement.isEmpty() && placement != "point" && placement != "area" && placement != "centre")
            r.fail("placement", "is not one of point, area, centre");
        l.point = placement == "point";
        l.area = placement == "area";
        l.minPx = r.number(o, "min_px", 0, 10000);
        l.maxViews = r.number(o, "max_views", 0, 1e6);
        l.maxMetresPerPixel = r.number(o, "max_metres_per_px", 0, 1e9);
        l.displace = o["displace"].toBool();
        return l;
    };
    s.otherKind = labelStyle({});
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.key() != "default") s.kinds.insert(it.key(), labelStyle(it.value().toObject()));
    if (!r.problem.isEmpty()) return geo::Error{(name + ": " + r.problem).toStdString()};
    s.worldviews = std::move(worldviews);
    return s;
}

std::shared_ptr<const MapStyle> MapStyle::shipped() {
    static const std::shared_ptr<const MapStyle> style = [] {
        const Worldviews& wv = Worldviews::shipped(); // registers the compiled-in resources
        QFile f(":/isleview/style.json");
        f.open(QIODevice::ReadOnly);
        auto s = fromJson(f.readAll(), "style.json", wv);
        // Compiled in and checked by a test: a failure here is a broken build, never the user's input.
        if (!s) qFatal("%s", s.error().message.c_str());
        return std::make_shared<const MapStyle>(std::move(s).value());
    }();
    return style;
}

} // namespace isv
