#include "image_compare.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstdlib>

namespace isvtest {

bool updatingReferences() {
    return qEnvironmentVariable("ISLEVIEW_UPDATE_REFERENCES") == QLatin1String("1");
}

ImageCompareResult compareImages(const QImage& actualIn, const QImage& expectedIn,
                                 const ImageCompareOptions& o) {
    ImageCompareResult r;
    const QImage actual = actualIn.convertToFormat(QImage::Format_ARGB32);
    const QImage expected = expectedIn.convertToFormat(QImage::Format_ARGB32);
    r.sizeMatches = actual.size() == expected.size() && !actual.isNull();
    if (!r.sizeMatches) {
        r.message = QStringLiteral("size %1x%2, expected %3x%4")
                        .arg(actual.width())
                        .arg(actual.height())
                        .arg(expected.width())
                        .arg(expected.height());
        return r;
    }
    const QImage mask = o.mask.isNull() ? QImage() : o.mask.convertToFormat(QImage::Format_Grayscale8);
    r.diff = QImage(expected.size(), QImage::Format_ARGB32);
    for (int y = 0; y < expected.height(); ++y) {
        const auto* a = reinterpret_cast<const QRgb*>(actual.constScanLine(y));
        const auto* e = reinterpret_cast<const QRgb*>(expected.constScanLine(y));
        auto* d = reinterpret_cast<QRgb*>(r.diff.scanLine(y));
        for (int x = 0; x < expected.width(); ++x) {
            const int grey = qGray(e[x]);
            d[x] = qRgb(200 + grey / 5, 200 + grey / 5, 200 + grey / 5); // faded expected image
            if (!mask.isNull() && x < mask.width() && y < mask.height() && mask.constScanLine(y)[x] < 128)
                continue;
            ++r.compared;
            const int delta =
                std::max({std::abs(qRed(a[x]) - qRed(e[x])), std::abs(qGreen(a[x]) - qGreen(e[x])),
                          std::abs(qBlue(a[x]) - qBlue(e[x])), std::abs(qAlpha(a[x]) - qAlpha(e[x]))});
            r.maxDelta = std::max(r.maxDelta, delta);
            if (delta > o.channelTolerance) {
                ++r.differing;
                d[x] = qRgb(230, 0, 0);
            }
        }
    }
    r.passed = r.fraction() <= o.allowedFraction;
    r.message = QStringLiteral("%1 of %2 pixels differ (%3%, allowed %4%), largest channel difference %5")
                    .arg(r.differing)
                    .arg(r.compared)
                    .arg(100.0 * r.fraction(), 0, 'f', 3)
                    .arg(100.0 * o.allowedFraction, 0, 'f', 3)
                    .arg(r.maxDelta);
    return r;
}

ImageCompareResult checkAgainstReference(const QImage& actual, const QString& referencePath,
                                         const QString& outputDir, const ImageCompareOptions& options) {
    if (updatingReferences()) {
        ImageCompareResult r;
        QDir().mkpath(QFileInfo(referencePath).absolutePath());
        r.passed = actual.save(referencePath, "PNG");
        r.sizeMatches = true;
        r.message = r.passed ? QStringLiteral("reference rewritten: %1").arg(referencePath)
                             : QStringLiteral("could not write reference %1").arg(referencePath);
        return r;
    }
    const QImage expected(referencePath);
    ImageCompareResult r;
    if (expected.isNull()) {
        r.message =
            QStringLiteral("no reference image %1 (run with ISLEVIEW_UPDATE_REFERENCES=1 to create it)")
                .arg(referencePath);
    } else {
        r = compareImages(actual, expected, options);
    }
    if (!r.passed) {
        QDir().mkpath(outputDir);
        const QString base = QDir(outputDir).filePath(QFileInfo(referencePath).completeBaseName());
        actual.save(base + ".actual.png", "PNG");
        if (!r.diff.isNull()) r.diff.save(base + ".diff.png", "PNG");
        r.message +=
            QStringLiteral("; wrote %1.actual.png%2").arg(base, r.diff.isNull() ? "" : " and .diff.png");
    }
    return r;
}

} // namespace isvtest
