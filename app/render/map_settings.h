#pragma once
// MapSettings: the one copyable value that fully describes a frame. Canvas, exporter and tests fill it in
// and hand it to renderMap(); a worker thread takes a copy.
#include "dated_map.h"
#include "name_set.h"

#include <geo/viewport.h>

#include <QDate>
#include <QList>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

#include <cmath>

namespace isv {

/// A fresh note id, unique in this process (thread-safe).
inline quint64 newNoteId() {
    static std::atomic<quint64> next{1};
    return next++;
}

/// A callout: text with a leader line to a lon/lat point (degrees). `id` tells apart notes of the same
/// text in the window: each note made gets its own, and copies keep it. Equality is of what is drawn
/// (position and text), not of the id.
struct Note {
    double lon = 0;
    double lat = 0;
    QString text;
    quint64 id = newNoteId();
    friend bool operator==(const Note& a, const Note& b) {
        return a.lon == b.lon && a.lat == b.lat && a.text == b.text;
    }
};

struct MapSettings {
    geo::Viewport viewport;        ///< in the scene's projected CRS, logical pixels
    double devicePixelRatio = 1.0; ///< physical pixels per logical pixel (HiDPI; an export's dpi / 96)
    NameSet names;
    QStringList claims;         ///< claimants whose overlay is on; empty = the de facto view
    QSet<QString> hiddenLayers; ///< layer keys switched off: "land", "lakes", "borders", "labels",
                                ///< "graticule", or an added layer's key
    QStringList highlight;      ///< place ids drawn highlighted (group ids highlight their members)
    QString selected;           ///< the selected place id, outlined
    bool legend = true;
    /// The legend's corner: 0 bottom left, 1 bottom right, 2 top left, 3 top right; -1 (default) the one
    /// that hides the least land (the comparison's swipe puts each side's legend on its own side).
    int legendCorner = -1;
    bool scaleBar = true;
    bool northArrow = true;
    bool attribution = false; ///< the small attribution line (always on in exports)
    QString attributionDate;  ///< ISO date shown in the attribution line
    QString title;
    /// The area asked for (projected metres, e.g. `--extent`), or empty. When the frame's shape makes it
    /// show more than this, the attribution line says what it shows.
    geo::Box requestedArea;
    QList<Note> notes;
    bool draft = false; ///< coarser level of detail and no antialiasing (while moving)

    /// The administration of a past day (drawn when no claims are shown); unset: today's de facto view.
    std::optional<DatedMap> dated;
    bool operator==(const MapSettings&) const = default;

    /// The frame's size in device pixels: the viewport's logical size times devicePixelRatio.
    QSize pixelSize() const {
        return {static_cast<int>(std::lround(viewport.widthPx * devicePixelRatio)),
                static_cast<int>(std::lround(viewport.heightPx * devicePixelRatio))};
    }
    /// The pixel density an output of this frame carries (dots per inch; 96 at a ratio of 1).
    int dpi() const { return static_cast<int>(std::lround(96 * devicePixelRatio)); }
    /// Frames `box` (projected metres) in an output of `pixels` at `dpi`: logical pixels are pixels x 96 /
    /// dpi, so a higher density draws the same area with bigger text and lines.
    void fitOutput(const geo::Box& box, QSize pixels, int dpi) {
        devicePixelRatio = dpi / 96.0;
        viewport = geo::Viewport::fitting(box, pixels.width() / devicePixelRatio,
                                          pixels.height() / devicePixelRatio);
    }
};

/// Today's date as the attribution line gives it (ISO 8601, local time).
inline QString attributionDateToday() {
    return QDate::currentDate().toString(Qt::ISODate);
}

} // namespace isv
