#pragma once
// Searchable PDF text as written. Qt's PDF writer maps each glyph back to the lowest code point the font
// maps to it (QFontSubset::getReverseMap), and the CJK fonts map the Kangxi radicals (U+2F00-U+2FD5) to the
// same glyphs as the ideographs they look like: 色丹島 was extracted as ⾊丹島, its first character the
// radical COLOR (U+2F8A) rather than U+8272. fixPdfToUnicode puts the ideograph back.
#include <QByteArray>

namespace isv {

/// Rewrites, in place, every radical the PDF's ToUnicode maps name as a glyph's text to the ideograph it
/// stands for (its compatibility decomposition, NFKC), keeping every byte offset: the replacement has the
/// same length, so the cross-reference table stays right. Returns how many were rewritten.
int fixPdfToUnicode(QByteArray& pdf);

} // namespace isv
