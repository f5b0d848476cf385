// Unicode text helpers on UTF-8 std::string, built on ICU. Pure functions, no I/O.
#ifndef KYODO_TEXT_H_
#define KYODO_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kyodo {

/// Byte offset of the first byte that is not part of a well-formed UTF-8
/// sequence (overlongs, surrogates and > U+10FFFF are ill-formed), or npos.
size_t FindInvalidUtf8(std::string_view s);

/// Number of code points in valid UTF-8.
size_t CodePointCount(std::string_view s);

/// The first `n` code points of `s` (all of `s` if shorter), and their size in bytes.
std::string Utf8Prefix(std::string_view s, size_t n);
size_t Utf8PrefixSize(std::string_view s, size_t n);

/// Decodes the code point starting at s[i] and advances i past it. An ill-formed
/// sequence yields -1 and advances past its maximal subpart (at least one byte),
/// so the rest of the text is still read the way ICU's U8_NEXT would read it.
/// Ranges follow Unicode Table 3-7 "Well-Formed UTF-8 Byte Sequences".
inline int32_t DecodeNext(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i++]);
  if (b0 < 0x80) return b0;
  // Kana and kanji: a lead E1..EF other than ED takes any two continuation bytes.
  if (b0 >= 0xE1 && b0 != 0xED && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i]), b2 = static_cast<unsigned char>(s[i + 1]);
    if (b0 <= 0xEF && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      i += 2;
      return (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
    }
  }
  int len = 0;
  int32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {      // C0/C1 could only encode overlongs
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // below A0 would be an overlong
    if (b0 == 0xED) hi = 0x9F;  // A0..BF would be a surrogate D800..DFFF
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return -1;  // stray continuation byte, C0/C1, or F5..FF
  }
  for (int k = 1; k < len; ++k, lo = 0x80, hi = 0xBF) {
    if (i >= s.size()) return -1;  // truncated
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < lo || b > hi) return -1;
    cp = (cp << 6) | (b & 0x3F);
    ++i;
  }
  return cp;
}

/// `count` code points of `s` starting at code point `start`.
std::string Utf8Substr(std::string_view s, size_t start, size_t count);

/// Terminal columns: East Asian Wide and Fullwidth characters count 2, others 1,
/// combining marks 0. Used to put a caret under the right character.
int DisplayWidth(std::string_view s);

/// 1-based code-point column of byte offset `byte_offset` within its line of `text`
/// (the line is the one containing that byte).
int ColumnOfByte(std::string_view text, size_t byte_offset);

/// ASCII only, whatever the locale: '0'–'9'; 'a'–'z', 'A'–'Z' and digits; 'A'–'Z' → 'a'–'z'
/// (other bytes, UTF-8 included, unchanged).
constexpr bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsAsciiDigit(c); }
constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string AsciiLower(std::string_view s);

/// 全角 digits (０–９) as ASCII; every other character as written. For free text
/// (約３０人, 中込３０５６番地) where NFKC would also turn （） and ㈱ into ASCII.
std::string HalfWidthDigits(std::string_view s);
/// Unicode NFKC (全角英数 → 半角, 半角カナ → 全角カナ, ① → 1).
std::string Nfkc(std::string_view s);
/// Unicode NFC: composes カ + ゛ (as a Mac writes file names) into ガ, and changes nothing else.
std::string Nfc(std::string_view s);

/// The key used to compare what an author typed with vocabulary terms and search
/// queries: NFKC, case folded, katakana folded to hiragana, whitespace and the
/// separators ・･/ removed. 「ＮＰＯ支援」「npo 支援」 → 「npo支援」; 「コスモス」「ｺｽﾓｽ」 → 「こすもす」.
std::string FoldForMatch(std::string_view s);

/// Levenshtein distance counted in code points.
int EditDistance(std::string_view a, std::string_view b);

/// Up to `max` candidates closest to `input`, compared by FoldForMatch keys: a
/// candidate whose key starts with or contains the input key ranks first, then by
/// edit distance; candidates further than half the longer key are dropped.
/// Ties keep the order of `candidates`.
std::vector<std::string> NearestMatches(std::string_view input, const std::vector<std::string>& candidates,
                                        size_t max = 3);

/// True when `s` is a non-empty reading: hiragana, katakana, ー, spaces, ・ and
/// ASCII letters/digits only (no kanji).
bool IsKanaReading(std::string_view s);

/// A set of ASCII bytes for scanning text: find_first_of with a C string looks each
/// byte up with memchr, which showed up in profiles; this is one table load a byte.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) in_[static_cast<unsigned char>(c)] = true;
  }
  /// Index of the first byte of `s` at or after `from` that is in the set, or npos.
  constexpr size_t FindIn(std::string_view s, size_t from = 0) const {
    for (size_t i = from; i < s.size(); ++i) {
      if (in_[static_cast<unsigned char>(s[i])]) return i;
    }
    return std::string_view::npos;
  }

 private:
  bool in_[256] = {};
};

/// HTML text and attribute escaping of & < > " ' (' as `apostrophe`: mustache's
/// own escaping writes &apos;, which templates keep).
std::string HtmlEscape(std::string_view s, std::string_view apostrophe = "&#39;");
/// The same, appended to `out` (templates escape every value into the page).
void AppendHtmlEscaped(std::string_view s, std::string_view apostrophe, std::string* out);

/// A JSON/JavaScript string literal with quotes, as JSON.stringify writes it:
/// escapes ", \, control characters (\n \t … in short form) and U+2028/U+2029,
/// so the literal is valid in any JavaScript engine.
std::string JsString(std::string_view utf8);

/// What a character is, for the authoring checks of Japanese text (ICU properties).
enum class CharKind {
  kFullwidthAlnum,  ///< 全角英数字 ＡＢＣ１２３: East Asian Width "Fullwidth" letters and digits
  kHalfwidthKana,   ///< 半角カナ ｶﾅ and its ｰﾞﾟ｡｢｣､･: "Halfwidth" with Katakana among its scripts
  kJapaneseLetter,  ///< a kanji, hiragana or katakana letter (々 and ー included; not 、。「」)
  kSpace,           ///< U+0020 or the ideographic space U+3000
  kOther,
};
struct TextChar {
  CharKind kind = CharKind::kOther;
  size_t offset = 0, size = 0;  ///< bytes in the text
};
/// Every code point of `s` with its kind and place (ill-formed bytes are kOther).
std::vector<TextChar> ClassifyChars(std::string_view s);

/// Replaces every run of whitespace (incl. U+3000 and newlines) with one space and trims.
std::string CollapseWhitespace(std::string_view s);

/// Whether a line break between `before` and `after` is no space in running text:
/// both characters at the break are East Asian Wide, Fullwidth or Halfwidth and not
/// Hangul (CSS Text 3 segment break transformation, which browsers do not all do).
/// 「パートナーとして⏎連携」 is one word run; 「kyodo⏎portal」 keeps its space.
bool JoinsAcrossLineBreak(std::string_view before, std::string_view after);

/// One paragraph from lines (a YAML block of running text): whitespace collapsed as
/// CollapseWhitespace does, except that a line break where JoinsAcrossLineBreak
/// goes entirely.
std::string JoinLines(std::string_view s);

/// The items of a list written as one YAML value (「環境の保全、まちづくり」, "a, b"),
/// split at 、 , and ， and trimmed; empty unless there are two or more.
std::vector<std::string> ItemsWrittenAsOne(std::string_view s);

}  // namespace kyodo

#endif  // KYODO_TEXT_H_
