#pragma once
// DatedMap: the administration map of one day in the past, as data the frame plan styles (no branch per
// date or side). app/info's History makes it from resources/history/timeline.json; MapSettings::dated
// carries it. Unset, the frame is today's de facto view, drawn from the data's `admin` attribute.
#include <QColor>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QString>

#include <vector>

namespace isv {

struct DefactoStyle;

/// One border line of that day: parts of the borders layer whose `field` is `value`, or a polyline.
struct DatedLine {
    QString label;         ///< legend text
    QString field, value;  ///< borders layer parts where field == value (empty field: use lonLat)
    QList<QPointF> lonLat; ///< degrees, x = longitude, y = latitude
    bool operator==(const DatedLine&) const = default;
};

/// Who administered something that day, and how the legend names it.
struct DatedAdmin {
    QString admin; ///< an admin value: "japan", "russia", "joint"
    QString label; ///< legend text, e.g. "Administered by the Russian Empire"
    QColor colour; ///< its tint; invalid: the de facto view's tint for `admin` (worldviews.json)
    bool operator==(const DatedAdmin&) const = default;
};

struct DatedMap {
    QString heading;                           ///< legend heading, naming the day
    QList<QPair<QString, QString>> groupAdmin; ///< coast `group` value -> admin value on that day
    QList<DatedAdmin> admins;                  ///< legend entries and tints, in legend order
    QList<DatedLine> lines;
    bool operator==(const DatedMap&) const = default;

    /// The tint of `admin`: its own colour, else the de facto view's, else invalid (plain land).
    QColor colour(const QString& admin, const DefactoStyle& defacto) const;
};

} // namespace isv
