// The application icon compiled in for the window (the installed one comes from the icon theme): it loads
// and draws the islands on the sea at the sizes a window manager asks for.
#include <QIcon>
#include <QImage>

#include <gtest/gtest.h>

TEST(AppIcon, TheCompiledInIconDrawsAtWindowSizes) {
    const QIcon icon(QStringLiteral(":/isleview/icons/app.svg"));
    ASSERT_FALSE(icon.isNull());
    for (const int size : {16, 32, 64, 256}) {
        const QImage image = icon.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
        ASSERT_EQ(image.size(), QSize(size, size));
        // Transparent corners (a rounded square), the sea in the middle of an edge, land on the diagonal.
        EXPECT_EQ(qAlpha(image.pixel(0, 0)), 0) << size;
        const QColor sea = image.pixelColor(size / 2, size - 1 - size / 8);
        EXPECT_GT(sea.blue(), sea.red() + 40) << size;
        int land = 0;
        for (int i = 0; i < size; ++i) {
            const QColor c = image.pixelColor(i, size - 1 - i);
            land += c.red() > 200 && c.green() > 180 && c.blue() < 200;
        }
        EXPECT_GT(land, size / 10) << size;
    }
}
