#pragma once
// RenderCache: what renderMap keeps from one frame to the next, owned by whoever asks for frames (the
// canvas, an export, a benchmark). Thread-safe: the stripes of one frame share it.
#include "worldview.h"

#include <QFont>
#include <QHash>
#include <QImage>
#include <QPen>
#include <QPoint>
#include <QRectF>
#include <QString>

#include <mutex>
#include <utility>
#include <vector>

namespace isv {

/// A copy of `font` with a private part of its own. Copies of a QFont share one, into which Qt resolves font
/// engines lazily and without a lock: fonts used on several threads at once (the stripes of a frame, the
/// canvas and an export) must each be a copy of their own.
QFont unsharedFont(const QFont& font);

/// The same for a pen: QPen::dashPattern() fills in the pattern of a dashed style lazily, in the private part
/// its copies share, so a dashed pen drawn by several threads at once must be a copy of each one's own.
QPen unsharedPen(const QPen& pen);

/// What layout needs of one line of text (logical pixels).
struct TextMetrics {
    QRectF bounds; ///< of the glyphs, relative to the origin on the baseline
    double ascent = 0, descent = 0, height = 0, advance = 0;
};

/// A pre-drawn text (halo and glyphs) and where its baseline origin lies in it (device pixels).
struct TextSprite {
    QImage image;
    QPoint origin;
};

class RenderCache {
  public:
    /// Metrics of `text` in `font`, measured once: Qt's font lookups take a process-wide lock that
    /// stripes drawn at once would otherwise queue on.
    TextMetrics measure(const QString& text, const QFont& font);

    /// The sprite for (text, font, colour, halo) on images like `like` (resolution and density), drawn once.
    TextSprite sprite(const QString& text, const QFont& font, const QColor& colour, const QPen* halo,
                      const QImage& like);

    /// A hatch tile for a side's claim at `dpr` physical pixels per logical pixel: eight periods of its
    /// lines over a light wash of its colour. With several sides, their tiles drawn one over the other.
    QImage hatch(const std::vector<const ClaimStyle*>& sides, double dpr);

    /// Where the stripes of a frame `height` device rows high split it (first row of each, then height),
    /// on whole bands of 32 rows, and the next frame's split from how long each stripe took: land and lines
    /// are not spread evenly over a map, so equal stripes keep one core waiting for the other.
    std::vector<int> stripeRows(int stripes, int height);
    void balanceStripes(const std::vector<double>& seconds);

  private:
    struct SpriteKey {
        QString text;
        QFont font;
        QRgb colour;
        bool halo;
        double dpr;
        int dpmX, dpmY;
        bool operator==(const SpriteKey&) const = default;
        friend size_t qHash(const SpriteKey& k, size_t seed = 0) {
            return qHashMulti(seed, k.text, k.font, k.colour, k.halo, k.dpr, k.dpmX, k.dpmY);
        }
    };
    std::mutex mutex_;
    QHash<std::pair<QString, QFont>, TextMetrics> metrics_;
    QHash<SpriteKey, TextSprite> sprites_;
    QHash<QString, QImage> tiles_;
    std::vector<double> stripeEdges_; ///< fractions of the height
};

} // namespace isv
