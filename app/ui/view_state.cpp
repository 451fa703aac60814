#include "view_state.h"

#include <worldview.h>

#include <QSettings>

#include <cmath>
#include <optional>

namespace isv {

void saveViewState(QSettings& store, const MapSettings& s) {
    store.setValue("view/centerX", s.viewport.center.x);
    store.setValue("view/centerY", s.viewport.center.y);
    store.setValue("view/metresPerPixel", s.viewport.metresPerPixel);
    store.setValue("view/legend", s.legend);
    store.setValue("view/scaleBar", s.scaleBar);
    store.setValue("view/northArrow", s.northArrow);
    store.setValue("names/names", s.names.namesWord());
    store.setValue("names/script", s.names.scriptWord());
    // Written even when empty, so "no overlays" is remembered as a choice.
    store.setValue("claims/shown", s.claims.join(','));
    QStringList hidden(s.hiddenLayers.begin(), s.hiddenLayers.end());
    hidden.sort();
    store.setValue("layers/hidden", hidden.join(','));
}

namespace {

// Reads one value at a time, strictly: the settings file is text anyone (or anything) may have edited,
// and QVariant's own conversions turn "maybe" into true and "12abc" into 0 without a word.
struct Reader {
    const QSettings& store;
    QStringList* problems;

    void problem(const QString& key, const QString& what) const {
        if (problems) *problems << key + ": " + what;
    }
    static QString shown(const QVariant& v) {
        const QString text = v.canConvert<QString>() ? v.toString() : QString::fromLatin1(v.typeName());
        return text.size() > 40 ? text.left(40) + "…" : text;
    }
    // A text, or a list (an unquoted "a,b" in an INI file reads back as one) joined with commas.
    std::optional<QString> text(const QString& key) const {
        if (!store.contains(key)) return std::nullopt;
        const QVariant v = store.value(key);
        if (v.typeId() == QMetaType::QStringList) return v.toStringList().join(',');
        if (v.typeId() == QMetaType::QString || v.typeId() == QMetaType::QByteArray) return v.toString();
        problem(key, QStringLiteral("a %1 where a text was expected").arg(QString::fromLatin1(v.typeName())));
        return std::nullopt;
    }
    std::optional<bool> flag(const QString& key) const {
        if (!store.contains(key)) return std::nullopt;
        const QVariant v = store.value(key);
        if (v.typeId() == QMetaType::Bool) return v.toBool();
        const QString t = v.toString().trimmed().toLower();
        if (t == "true" || t == "1") return true;
        if (t == "false" || t == "0") return false;
        problem(key, QStringLiteral("'%1' is not true or false").arg(shown(v)));
        return std::nullopt;
    }
    std::optional<double> number(const QString& key) const {
        if (!store.contains(key)) return std::nullopt;
        const QVariant v = store.value(key);
        bool ok = false;
        const double d =
            v.typeId() == QMetaType::QString ? v.toString().trimmed().toDouble(&ok) : v.toDouble(&ok);
        if (ok && std::isfinite(d)) return d;
        problem(key, QStringLiteral("'%1' is not a number").arg(shown(v)));
        return std::nullopt;
    }
};

} // namespace

bool restoreViewState(const QSettings& store, MapSettings* s, const Navigator& limits,
                      QStringList* problems) {
    const Reader r{store, problems};
    const auto splitList = [](const QString& v) { return v.split(',', Qt::SkipEmptyParts); };
    const auto names = r.text("names/names"), script = r.text("names/script");
    if (names || script) {
        NameSet parsed;
        if (NameSet::parse(names.value_or(s->names.namesWord()), script.value_or(s->names.scriptWord()),
                           &parsed))
            s->names = parsed;
        else
            r.problem("names", QStringLiteral("'%1' / '%2' is not a name set")
                                   .arg(names.value_or(QString()), script.value_or(QString())));
    }
    if (const auto claims = r.text("claims/shown")) {
        QStringList known;
        for (const QString& c : splitList(*claims)) {
            if (Worldviews::shipped().claim(c) != nullptr && !known.contains(c))
                known << c;
            else if (!known.contains(c))
                r.problem("claims/shown", QStringLiteral("no claim overlay '%1'").arg(Reader::shown(c)));
        }
        s->claims = known;
    }
    if (const auto hidden = r.text("layers/hidden")) {
        const QStringList keys = splitList(*hidden);
        s->hiddenLayers = QSet<QString>(keys.begin(), keys.end());
    }
    s->legend = r.flag("view/legend").value_or(s->legend);
    s->scaleBar = r.flag("view/scaleBar").value_or(s->scaleBar);
    s->northArrow = r.flag("view/northArrow").value_or(s->northArrow);

    const auto x = r.number("view/centerX"), y = r.number("view/centerY");
    const auto scale = r.number("view/metresPerPixel");
    if (!x || !y || !scale) return false;
    geo::Viewport vp = s->viewport;
    vp.center = {*x, *y};
    vp.metresPerPixel = *scale;
    if (!Navigator::valid(vp) || *scale < limits.minMetresPerPixel || *scale > limits.maxMetresPerPixel) {
        r.problem("view/metresPerPixel", QStringLiteral("%1 is outside %2 to %3")
                                             .arg(*scale)
                                             .arg(limits.minMetresPerPixel)
                                             .arg(limits.maxMetresPerPixel));
        return false;
    }
    if (!limits.centreLimits.empty() && !limits.centreLimits.contains(vp.center)) {
        r.problem("view/centerX", QStringLiteral("(%1, %2) is outside the map").arg(*x).arg(*y));
        return false;
    }
    s->viewport = vp;
    return true;
}

} // namespace isv
