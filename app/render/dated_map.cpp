#include "dated_map.h"

#include "worldview.h"

namespace isv {

QColor DatedMap::colour(const QString& admin, const DefactoStyle& defacto) const {
    for (const DatedAdmin& a : admins)
        if (a.admin == admin && a.colour.isValid()) return a.colour;
    // Japan and Russia keep today's tints, so a past day reads like today's map.
    for (const auto& [who, c] : defacto.adminColours)
        if (who == admin) return c;
    return {};
}

} // namespace isv
