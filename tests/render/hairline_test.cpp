#include "hairline.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QPicture>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace {

// Lines at many slopes (and one closed ring) with sub-pixel ends, as a map's graticule and coastlines have.
std::vector<QPolygonF> someLines() {
    return {QPolygonF{QPointF(10.3, 20.7), QPointF(390.2, 60.1)},
            QPolygonF{QPointF(50.5, 10.2), QPointF(70.1, 290.6), QPointF(120.4, 280.3)},
            QPolygonF{QPointF(100, 100), QPointF(300, 100)},
            QPolygonF{QPointF(20.2, 280.9), QPointF(380.6, 120.4), QPointF(200.1, 150.7)},
            QPolygonF{QPointF(-50, 200.5), QPointF(450, 210.5)}}; // runs off both sides
}

QImage blank() {
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor("#c9dff0"));
    return image;
}

struct Diff {
    int far = 0, drawn = 0;
    long total = 0; // summed differences (levels)
};

Diff compare(const QImage& a, const QImage& b, const QImage& background) {
    Diff d;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            const int k = std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                    std::abs(qBlue(p) - qBlue(q))});
            d.total += k;
            d.far += k > 24;
            d.drawn += p != background.pixel(x, y);
        }
    return d;
}

} // namespace

// Qt's stroker, when it caps an open line, also moves where it samples the whole first and last segment by
// half a pixel (a quirk these lines do not copy): open lines are compared with flat caps, and caps on their
// own.
TEST(Hairline, DrawsWhatQtsCosmeticStrokerDraws) {
    for (const double width : {0.7, 1.0}) {
        for (const bool closed : {false, true}) {
            QPen pen(QColor(70, 100, 130, 90), width, Qt::SolidLine, Qt::FlatCap);
            pen.setCosmetic(true);
            const QImage background = blank();
            QImage qt = blank(), ours = blank();
            {
                QPainter p(&qt);
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(pen);
                for (const QPolygonF& l : someLines())
                    closed ? p.drawPolygon(l) : p.drawPolyline(l);
            }
            {
                QPainter p(&ours);
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(pen);
                ASSERT_TRUE(isv::drawHairlines(p, someLines(), closed));
            }
            const Diff d = compare(qt, ours, background);
            SCOPED_TRACE(testing::Message() << "width " << width << (closed ? " closed" : " open"));
            EXPECT_GT(d.drawn, 2500) << "the lines are there";
            EXPECT_LT(double(d.total) / d.drawn, 1.5) << "levels a drawn pixel differs by on average";
            EXPECT_LT(d.far, 4) << "pixels that differ by more than 24 levels";
        }
    }
}

TEST(Hairline, ScalesAndClipsLikeThePainter) {
    // Logical pixels at twice the device resolution, a clip rectangle, and a non-cosmetic pen half a logical
    // pixel wide (one device pixel).
    const QImage background = blank();
    QImage qt = blank(), ours = blank();
    std::vector<QPolygonF> half;
    for (const QPolygonF& l : someLines()) {
        QPolygonF h;
        for (const QPointF& q : l)
            h << q / 2;
        half.push_back(h);
    }
    for (QImage* image : {&qt, &ours}) {
        QPainter p(image);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(2, 2);
        p.setClipRect(QRectF(20, 20, 120, 100));
        p.setPen(QPen(QColor(77, 91, 102), 0.5, Qt::SolidLine, Qt::FlatCap));
        if (image == &ours)
            ASSERT_TRUE(isv::drawHairlines(p, half, false));
        else
            for (const QPolygonF& l : half)
                p.drawPolyline(l);
    }
    for (int y = 0; y < ours.height(); ++y)
        for (int x = 0; x < ours.width(); ++x)
            if (!QRect(40, 40, 240, 200).contains(x, y)) {
                ASSERT_EQ(ours.pixel(x, y), background.pixel(x, y))
                    << "outside the clip at " << x << "," << y;
            }
    const Diff d = compare(qt, ours, background);
    EXPECT_GT(d.drawn, 800);
    EXPECT_LT(double(d.total) / d.drawn, 1.5);
    EXPECT_LT(d.far, 4);
}

TEST(Hairline, SquareCapsReachHalfAPixelFurther) {
    // Black on white from x = 10.3 to 50.2 along the middle of row 100: the end columns get the part of
    // their width the line covers, with square caps half a pixel more at each end.
    const auto row = [](Qt::PenCapStyle cap) {
        QImage image(64, 120, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(Qt::black, 1.0, Qt::SolidLine, cap));
        EXPECT_TRUE(isv::drawHairlines(p, {QPolygonF{QPointF(10.3, 100.5), QPointF(50.2, 100.5)}}, false));
        p.end();
        std::vector<int> darkness; // per column, 0-255
        for (int x = 0; x < 64; ++x)
            darkness.push_back(255 - qRed(image.pixel(x, 100)));
        return darkness;
    };
    const auto flat = row(Qt::FlatCap), square = row(Qt::SquareCap);
    EXPECT_EQ(flat[9], 0);
    EXPECT_NEAR(flat[10], 0.7 * 255, 3);
    EXPECT_EQ(flat[30], 255);
    EXPECT_NEAR(flat[50], 0.2 * 255, 3);
    EXPECT_EQ(flat[51], 0);
    EXPECT_NEAR(square[9], 0.2 * 255, 3);
    EXPECT_EQ(square[10], 255);
    EXPECT_NEAR(square[50], 0.7 * 255, 3);
    EXPECT_EQ(square[51], 0);
}

TEST(Hairline, FarOffAndUndefinedPointsAreSafe) {
    // A line from far outside to far outside (zoomed in on a long one) crosses the whole image; a segment
    // with an undefined end draws nothing and the rest of the line still does.
    QImage image(64, 32, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, 1.0));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(isv::drawHairlines(p,
                                   {QPolygonF{QPointF(-1e12, 10.5), QPointF(1e12, 10.5)},
                                    QPolygonF{QPointF(nan, 20.5), QPointF(30, 20.5), QPointF(50, 20.5)}},
                                   false));
    p.end();
    for (int x = 0; x < 64; ++x)
        EXPECT_EQ(qRed(image.pixel(x, 10)), 0) << x;
    EXPECT_EQ(qRed(image.pixel(20, 20)), 255) << "nothing from the undefined segment";
    EXPECT_EQ(qRed(image.pixel(40, 20)), 0) << "the defined one is drawn";
}

TEST(Hairline, LeavesOtherCasesToQt) {
    QImage image = blank();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, 1.5));
    EXPECT_FALSE(isv::drawHairlines(p, someLines(), false)) << "wider than a pixel";
    p.setPen(QPen(Qt::black, 0.8, Qt::DashLine));
    EXPECT_FALSE(isv::drawHairlines(p, someLines(), false)) << "dashed";
    p.setPen(QPen(Qt::black, 0.8));
    p.rotate(10);
    EXPECT_FALSE(isv::drawHairlines(p, someLines(), false)) << "rotated";
    p.resetTransform();
    p.setRenderHint(QPainter::Antialiasing, false);
    EXPECT_FALSE(isv::drawHairlines(p, someLines(), false)) << "aliased";
    p.end();
    EXPECT_EQ(image, blank()) << "nothing drawn when declined";
    QPicture picture;
    QPainter vp(&picture);
    vp.setRenderHint(QPainter::Antialiasing);
    vp.setPen(QPen(Qt::black, 0.8));
    EXPECT_FALSE(isv::drawHairlines(vp, someLines(), false)) << "not an image";
}
