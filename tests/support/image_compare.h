#pragma once
// Image comparison for reference-image tests: per-channel tolerance, an allowed fraction of differing pixels
// (font hinting and antialiasing differ between machines), an optional mask, and a diff image on failure.
// References are rewritten only when the environment has ISLEVIEW_UPDATE_REFERENCES=1.
#include <QImage>
#include <QString>

namespace isvtest {

struct ImageCompareOptions {
    int channelTolerance = 16;     ///< a pixel differs if any channel (R, G, B, A) differs by more (0-255)
    double allowedFraction = 0.01; ///< the images match if at most this fraction of pixels differ
    QImage mask;                   ///< optional: pixels where the mask is black (value < 128) are ignored
};

struct ImageCompareResult {
    bool passed = false;
    bool sizeMatches = false;
    qint64 differing = 0; ///< pixels beyond the tolerance
    qint64 compared = 0;  ///< pixels compared (not masked)
    int maxDelta = 0;     ///< the largest channel difference seen
    QImage diff;          ///< the expected image faded, differing pixels in red; null if sizes differ
    QString message;      ///< a one-line summary for the test log
    double fraction() const { return compared ? double(differing) / double(compared) : 0.0; }
};

/// Compares two images (converted to ARGB32) pixel by pixel.
ImageCompareResult compareImages(const QImage& actual, const QImage& expected,
                                 const ImageCompareOptions& options = {});

/// Compares `actual` with the PNG at `referencePath`. With ISLEVIEW_UPDATE_REFERENCES=1 the reference is
/// (re)written from `actual` and the check passes. On failure (or a missing reference) `actual` and the
/// diff are written to `outputDir` as <name>.actual.png and <name>.diff.png, and the message says where.
ImageCompareResult checkAgainstReference(const QImage& actual, const QString& referencePath,
                                         const QString& outputDir, const ImageCompareOptions& options = {});

/// True when ISLEVIEW_UPDATE_REFERENCES=1.
bool updatingReferences();

} // namespace isvtest
