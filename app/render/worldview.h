#pragma once
// Claim overlays as data (resources/worldviews.json): what each side's overlay looks like and is called.
#include "name_set.h"

#include <geo/result.h>

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

#include <map>

namespace isv {

/// How one side's claim and border are drawn, and how the legend names them.
struct ClaimStyle {
    QString claimant;     ///< matches the `claimant` attribute of claims.shp / boundaries.shp
    QString name;         ///< the side's name, e.g. "Japan"
    QString label;        ///< its overlay's name in menus and dialogs, e.g. "Japan's claim"
    QString legendClaim;  ///< e.g. "Claimed by Japan (Japan's position)"
    QString legendBorder; ///< e.g. "Border as drawn by Japan"
    QColor colour;
    Qt::BrushStyle pattern = Qt::BDiagPattern;
    Qt::PenStyle borderStyle = Qt::DashLine;
};

/// The de facto view: who administers what, and the line enforced today.
struct DefactoStyle {
    QString title; ///< legend heading, e.g. "De facto view (administration today)"
    QList<QPair<QString, QString>> adminLabels; ///< admin value -> legend text
    QList<QPair<QString, QColor>> adminColours; ///< admin value -> land tint
    QString lineLabel;
};

struct Worldviews {
    QList<ClaimStyle> claims;
    QString claimsHeading; ///< legend heading when any claim is shown
    QString bothClaim;     ///< legend entry for land every shown side claims
    DefactoStyle defacto;
    NameWords nameWords; ///< the words of name sets (see NameWords::shipped())
    /// The file's own words in other languages: language code ("ja") -> English text -> its translation.
    std::map<QString, QHash<QString, QString>> translations;
    const ClaimStyle* claim(const QString& claimant) const;
    /// Reads a worldviews file (the format of resources/worldviews.json). Fails naming `name`, the entry
    /// and the problem: not JSON, a missing or empty list or text, a colour, pattern or line style that
    /// does not parse, a claimant twice, a name choice with an unknown code.
    static geo::Result<Worldviews> fromJson(const QByteArray& json, const QString& name);
    /// The shipped definitions (compiled into the program from resources/worldviews.json; a file that does
    /// not read ends the program: it is a broken build).
    static const Worldviews& shipped();
};

/// One of the map's own words (a worldview's legend text, a name-set word, a scale bar unit) in the map
/// language: QCoreApplication::translate("map", english). The words of worldviews.json are translated by
/// its "translations" block (installed as a translator by useLanguage), the program's own by its .ts files.
QString mapWord(const QString& english);

} // namespace isv
