#include "pdf_text.h"

#include <QList>
#include <QString>

namespace isv {

namespace {

// The ideograph a radical stands for, or 0 when `code` is not a radical with one.
char16_t ideographFor(uint code) {
    if (code < 0x2E80 || code > 0x2FDF) return 0;
    const QString unified = QString(QChar(char16_t(code))).normalized(QString::NormalizationForm_KC);
    return unified.size() == 1 && unified[0].unicode() != code ? unified[0].unicode() : 0;
}

// Rewrites the four-digit hex code at `at` (just after its '<') if it is a radical. Only 4-digit codes are
// touched: a longer one is a surrogate pair or a ligature's several characters.
int fixCode(QByteArray& pdf, qsizetype at, qsizetype end) {
    const qsizetype close = pdf.indexOf('>', at);
    if (close < 0 || close > end || close - at != 4) return 0;
    bool ok = false;
    const uint code = QByteArray::fromRawData(pdf.constData() + at, 4).toUInt(&ok, 16);
    const char16_t ideograph = ok ? ideographFor(code) : 0;
    if (!ideograph) return 0;
    const QByteArray hex = QByteArray::number(ideograph, 16).toUpper().rightJustified(4, '0');
    pdf.replace(at, 4, hex);
    return 1;
}

// One CMap section between `from` and `end`: "bfchar" lines are "<src> <dst>", "bfrange" lines "<lo> <hi>
// <dst>" (dst the first of a run: rewritten only for a run of one) or "<lo> <hi> [<dst> ...]".
int fixSection(QByteArray& pdf, qsizetype from, qsizetype end, bool range) {
    int fixed = 0;
    for (qsizetype line = from; line < end;) {
        qsizetype stop = pdf.indexOf('\n', line);
        if (stop < 0 || stop > end) stop = end;
        QList<qsizetype> codes; // where each <hex> starts (after '<'), and whether inside brackets
        QList<bool> bracketed;
        bool inBrackets = false;
        for (qsizetype i = line; i < stop; ++i) {
            if (pdf[i] == '[') inBrackets = true;
            if (pdf[i] == ']') inBrackets = false;
            if (pdf[i] == '<') codes << i + 1, bracketed << inBrackets;
        }
        if (!range && codes.size() == 2) fixed += fixCode(pdf, codes[1], stop);
        if (range && codes.size() == 3 && !bracketed[2] && pdf.mid(codes[0], 4) == pdf.mid(codes[1], 4))
            fixed += fixCode(pdf, codes[2], stop);
        if (range)
            for (qsizetype k = 2; k < codes.size(); ++k)
                if (bracketed[k]) fixed += fixCode(pdf, codes[k], stop);
        line = stop + 1;
    }
    return fixed;
}

} // namespace

int fixPdfToUnicode(QByteArray& pdf) {
    int fixed = 0;
    // Qt writes each ToUnicode map as an uncompressed stream: "begincmap ... N beginbfrange ... endbfrange
    // ... endcmap". Sections are looked for only inside such a map, never in a font's binary.
    for (qsizetype cmap = pdf.indexOf("begincmap"); cmap >= 0; cmap = pdf.indexOf("begincmap", cmap + 1)) {
        const qsizetype cmapEnd = pdf.indexOf("endcmap", cmap);
        if (cmapEnd < 0) break;
        for (const bool range : {false, true}) {
            const QByteArray begin = range ? "beginbfrange" : "beginbfchar";
            const QByteArray endWord = range ? "endbfrange" : "endbfchar";
            for (qsizetype at = pdf.indexOf(begin, cmap); at >= 0 && at < cmapEnd;
                 at = pdf.indexOf(begin, at + 1)) {
                const qsizetype end = pdf.indexOf(endWord, at);
                if (end < 0 || end > cmapEnd) break;
                fixed += fixSection(pdf, at + begin.size(), end, range);
            }
        }
    }
    return fixed;
}

} // namespace isv
