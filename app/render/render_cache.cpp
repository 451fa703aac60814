#include "render_cache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace isv {

namespace {

QImage hatchTile(const ClaimStyle& style, double dpr) {
    // Eight periods per tile: Qt fills from a small tile at twice the cost per pixel.
    const int period = static_cast<int>(std::lround(8 * dpr)), n = 8 * period;
    QImage tile(n, n, QImage::Format_ARGB32_Premultiplied);
    // A light wash of the side's colour under the lines keeps small islands visibly claimed when the
    // hatching is only a few pixels across; two claims mix their washes.
    QColor wash = style.colour;
    wash.setAlpha(40);
    tile.fill(wash);
    QPainter tp(&tile);
    tp.setRenderHint(QPainter::Antialiasing);
    tp.setPen(QPen(style.colour, dpr));
    const bool forward = style.pattern == Qt::FDiagPattern;
    for (int k = -n; k <= n; k += period) // the neighbours' lines too, so the tile wraps seamlessly
        forward ? tp.drawLine(QPointF(k, 0), QPointF(k + n, n))
                : tp.drawLine(QPointF(k, n), QPointF(k + n, 0));
    tp.end();
    tile.setDevicePixelRatio(dpr);
    return tile;
}

TextSprite makeSprite(const QString& text, const QFont& f, const QColor& colour, const QPen* halo,
                      const QImage& like) {
    const double dpr = like.devicePixelRatio();
    const auto blank = [&](QSize size) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.setDotsPerMeterX(like.dotsPerMeterX());
        image.setDotsPerMeterY(like.dotsPerMeterY());
        image.fill(Qt::transparent);
        return image;
    };
    const QImage probe = blank({1, 1});
    QPainterPath path;
    path.addText(QPointF(0, 0), f, text);
    const QRectF r =
        (path.boundingRect() | QFontMetricsF(f, &probe).boundingRect(text)).adjusted(-3, -3, 3, 3);
    const QPoint at(static_cast<int>(std::ceil(-r.left() * dpr)),
                    static_cast<int>(std::ceil(-r.top() * dpr)));
    QImage image = blank(QSize(at.x() + static_cast<int>(std::ceil(r.right() * dpr)) + 1,
                               at.y() + static_cast<int>(std::ceil(r.bottom() * dpr)) + 1));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(at.x() / dpr, at.y() / dpr);
    if (halo) {
        p.setPen(*halo);
        p.drawPath(path);
    }
    p.setFont(f);
    p.setPen(colour);
    p.drawText(QPointF(0, 0), text);
    return {image, at};
}

} // namespace

QFont unsharedFont(const QFont& font) {
    // Changing the size detaches the private part and drops its engines; setting it back keeps it private.
    QFont own = font;
    const double pt = font.pointSizeF();
    own.setPointSizeF(pt + 1);
    own.setPointSizeF(pt);
    return own;
}

QPen unsharedPen(const QPen& pen) {
    QPen own(pen.brush(), pen.widthF(), pen.style(), pen.capStyle(), pen.joinStyle());
    own.setCosmetic(pen.isCosmetic());
    own.setMiterLimit(pen.miterLimit());
    own.setDashOffset(pen.dashOffset());
    if (pen.style() == Qt::CustomDashLine) own.setDashPattern(pen.dashPattern()); // stored, not filled in
    return own;
}

TextMetrics RenderCache::measure(const QString& text, const QFont& font) {
    const std::pair<QString, QFont> key{text, font};
    const std::lock_guard lock(mutex_);
    auto it = metrics_.find(key);
    if (it == metrics_.end()) {
        if (metrics_.size() > 4000) metrics_.clear();
        const QFontMetricsF fm(font);
        it = metrics_.insert(key, TextMetrics{fm.boundingRect(text), fm.ascent(), fm.descent(), fm.height(),
                                              fm.horizontalAdvance(text)});
    }
    return *it;
}

TextSprite RenderCache::sprite(const QString& text, const QFont& font, const QColor& colour, const QPen* halo,
                               const QImage& like) {
    const SpriteKey key{text,
                        font,
                        colour.rgba(),
                        halo != nullptr,
                        like.devicePixelRatio(),
                        like.dotsPerMeterX(),
                        like.dotsPerMeterY()};
    const std::lock_guard lock(mutex_);
    auto it = sprites_.constFind(key);
    if (it == sprites_.constEnd()) {
        if (sprites_.size() > 2000) sprites_.clear();
        it = sprites_.insert(key, makeSprite(text, font, colour, halo, like));
    }
    return *it;
}

QImage RenderCache::hatch(const std::vector<const ClaimStyle*>& sides, double dpr) {
    QString key = QString::number(dpr);
    for (const ClaimStyle* side : sides)
        key += QString(" %1 %2").arg(side->colour.rgba()).arg(int(side->pattern));
    const std::lock_guard lock(mutex_);
    if (const auto it = tiles_.constFind(key); it != tiles_.constEnd()) return *it;
    QImage out;
    for (const ClaimStyle* side : sides) {
        QImage tile = hatchTile(*side, dpr);
        if (out.isNull()) {
            out = tile;
            out.setDevicePixelRatio(1);
            continue;
        }
        tile.setDevicePixelRatio(1);
        QPainter p(&out);
        p.drawImage(0, 0, tile);
    }
    out.setDevicePixelRatio(dpr);
    if (tiles_.size() > 64) tiles_.clear();
    tiles_.insert(key, out);
    return out;
}

std::vector<int> RenderCache::stripeRows(int stripes, int height) {
    const std::lock_guard lock(mutex_);
    if (stripeEdges_.size() != static_cast<std::size_t>(stripes + 1)) {
        stripeEdges_.resize(static_cast<std::size_t>(stripes + 1));
        for (int k = 0; k <= stripes; ++k)
            stripeEdges_[static_cast<std::size_t>(k)] = double(k) / stripes;
    }
    // On whole bands of 32 rows (see LayerPainter), so every stripe cuts outlines where one frame would.
    std::vector<int> rows;
    for (const double e : stripeEdges_)
        rows.push_back(std::min(height, 32 * static_cast<int>(std::lround(e * height / 32))));
    rows.back() = height;
    return rows;
}

void RenderCache::balanceStripes(const std::vector<double>& seconds) {
    const std::lock_guard lock(mutex_);
    const std::size_t n = seconds.size();
    if (stripeEdges_.size() != n + 1) return;
    std::vector<double> cumulative{0}; // cost from the top to each edge
    for (std::size_t k = 0; k < n; ++k)
        cumulative.push_back(cumulative.back() + seconds[k]);
    const double total = cumulative.back();
    if (!(total > 0)) return;
    std::vector<double> next = stripeEdges_;
    for (std::size_t k = 1; k < n; ++k) {
        const double target = total * double(k) / double(n);
        std::size_t j = 0;
        while (j + 1 < n && cumulative[j + 1] < target)
            ++j;
        const double f = seconds[j] > 0 ? (target - cumulative[j]) / seconds[j] : 0.5;
        const double edge = stripeEdges_[j] + f * (stripeEdges_[j + 1] - stripeEdges_[j]);
        // Halfway there each frame, and never a stripe under a tenth of the frame.
        next[k] = std::clamp(0.5 * (stripeEdges_[k] + edge), next[k - 1] + 0.1, 1.0 - 0.1 * double(n - k));
    }
    stripeEdges_ = std::move(next);
}

} // namespace isv
