// Unicode helpers over UTF-8 std::string. ICU does the Unicode work; the only
// hand-written decoding is the strict UTF-8 reader, which must report exact byte
// offsets for diagnostics (ICU would silently substitute U+FFFD).
#include "text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "icu_strings.h"
#include "kana.h"

namespace kyodo {
namespace {

std::vector<int32_t> CodePoints(std::string_view s) {
  std::vector<int32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(DecodeNext(s, i));
  return out;
}

}  // namespace


std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

size_t FindInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    if (DecodeNext(s, i) < 0) return start;
  }
  return std::string_view::npos;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) DecodeNext(s, i);
  return n;
}

size_t Utf8PrefixSize(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) DecodeNext(s, i);
  return i;
}

std::string Utf8Prefix(std::string_view s, size_t n) { return std::string(s.substr(0, Utf8PrefixSize(s, n))); }

bool IsKanaReading(std::string_view s) {
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    const int32_t c = DecodeNext(s, i);
    bool kana = (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F);
    bool ascii = c >= 0 && c < 0x80 && (std::isalnum(c) || c == ' ');
    if (!kana && !ascii && c != 0x3000) return false;
    any = any || kana || std::isalnum(c);
  }
  return any;
}

std::string Utf8Substr(std::string_view s, size_t start, size_t count) {
  size_t begin = 0;
  for (size_t k = 0; k < start && begin < s.size(); ++k) DecodeNext(s, begin);
  size_t end = begin;
  for (size_t k = 0; k < count && end < s.size(); ++k) DecodeNext(s, end);
  return std::string(s.substr(begin, end - begin));
}

int DisplayWidth(std::string_view s) {
  int width = 0;
  for (size_t i = 0; i < s.size();) {
    const int32_t c = DecodeNext(s, i);
    if (c < 0) {  // shown as U+FFFD, which is narrow
      ++width;
      continue;
    }
    // Combining marks draw on the previous cell; format characters (ZWJ, ZWSP) draw nothing.
    if ((U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) != 0) continue;
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

int ColumnOfByte(std::string_view text, size_t byte_offset) {
  byte_offset = std::min(byte_offset, text.size());
  // A '\n' at byte_offset ends the line it belongs to, so search strictly before it.
  const size_t nl = byte_offset == 0 ? std::string_view::npos : text.rfind('\n', byte_offset - 1);
  size_t i = nl == std::string_view::npos ? 0 : nl + 1;
  int col = 1;
  while (i < byte_offset) {
    size_t next = i;
    DecodeNext(text, next);
    if (next > byte_offset) break;  // the byte is inside this character
    i = next;
    ++col;
  }
  return col;
}

std::string HalfWidthDigits(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool wide_digit = i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
                            static_cast<unsigned char>(s[i + 1]) == 0xBC && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
                            static_cast<unsigned char>(s[i + 2]) <= 0x99;
    if (wide_digit) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Nfkc(std::string_view s) {
  // ICU normalizes UTF-8 in place of UTF-8 → UTF-16 → UTF-8 (a third of the search
  // stage's ICU time was those conversions). It would copy ill-formed bytes through
  // where fromUTF8 substitutes U+FFFD, so such text keeps the UTF-16 path.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err) || FindInvalidUtf8(s) != std::string_view::npos) return ToUtf8(NfkcU(ToUnicode(s)));
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  nfkc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, err);
  return U_SUCCESS(err) ? out : ToUtf8(NfkcU(ToUnicode(s)));
}

std::string Nfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || FindInvalidUtf8(s) != std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, err);
  return U_SUCCESS(err) ? out : std::string(s);
}

std::string FoldForMatch(std::string_view s) {
  // Kana have no case, so folding after ToHiragana (NFKC, katakana → hiragana) is the same.
  icu::UnicodeString u = ToUnicode(ToHiragana(s));
  u.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    // ･ and ／ are already ・ and / after NFKC; U+3000 is a White_Space character.
    if (u_isUWhiteSpace(c) || c == 0x30FB || c == '/') continue;
    out.append(c);
  }
  return ToUtf8(out);
}

int EditDistance(std::string_view a, std::string_view b) {
  const std::vector<int32_t> x = CodePoints(a), y = CodePoints(b);
  // Two rolling rows of the Levenshtein table: row[j] = distance(x[0..i), y[0..j)).
  std::vector<int> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= y.size(); ++j) {
      const int substitute = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::vector<std::string> NearestMatches(std::string_view input, const std::vector<std::string>& candidates,
                                        size_t max) {
  const std::string key = FoldForMatch(input);
  if (key.empty()) return {};  // an empty key would "prefix" every candidate
  struct Ranked {
    int tier;  // 0: key is a prefix, 1: key is contained, 2: only similar
    int distance;
    size_t index;
  };
  std::vector<Ranked> ranked;
  const size_t key_len = CodePointCount(key);
  for (size_t idx = 0; idx < candidates.size(); ++idx) {
    const std::string ck = FoldForMatch(candidates[idx]);
    const size_t pos = ck.find(key);  // byte search is safe: UTF-8 is self-synchronising
    const int tier = pos == 0 ? 0 : pos != std::string::npos ? 1 : 2;
    const int distance = EditDistance(key, ck);
    const int limit = std::max<int>(1, static_cast<int>(std::max(key_len, CodePointCount(ck)) / 2));
    // Prefix/containment hits are kept however long the candidate is: the author
    // typed part of it, which is a better hint than any similar-looking term.
    if (tier == 2 && distance > limit) continue;
    ranked.push_back({tier, distance, idx});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.tier != b.tier ? a.tier < b.tier : a.distance < b.distance;
  });
  std::vector<std::string> out;
  for (size_t k = 0; k < ranked.size() && k < max; ++k) out.push_back(candidates[ranked[k].index]);
  return out;
}

// The runs between special characters are copied whole.
void AppendHtmlEscaped(std::string_view s, std::string_view apostrophe, std::string* out) {
  constexpr ByteSet kSpecial("&<>\"'");
  size_t from = 0;
  for (size_t next = kSpecial.FindIn(s); next != std::string_view::npos; next = kSpecial.FindIn(s, from)) {
    out->append(s, from, next - from);
    switch (s[next]) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      default: *out += apostrophe; break;
    }
    from = next + 1;
  }
  out->append(s, from, std::string_view::npos);
}

std::string HtmlEscape(std::string_view s, std::string_view apostrophe) {
  std::string out;
  out.reserve(s.size() + 16);
  AppendHtmlEscaped(s, apostrophe, &out);
  return out;
}

namespace {

// The byte length of the White_Space character at s[i], or 0. These byte patterns
// are all of ICU's White_Space (the text test checks every code point); each begins
// with a byte that cannot continue a UTF-8 sequence, so a byte-by-byte scan finds
// them exactly where decoding would.
size_t WhiteSpaceBytes(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  switch (at(0)) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
      return 1;
    case 0xC2:  // U+0085, U+00A0
      return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0;
    case 0xE1:  // U+1680
      return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0;
    case 0xE2:  // U+2000–200A, U+2028, U+2029, U+202F, U+205F
      if (at(1) == 0x80) return at(2) >= 0x80 && (at(2) <= 0x8A || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF) ? 3 : 0;
      return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0;
    case 0xE3:  // U+3000
      return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;
    default:
      return 0;
  }
}

bool WideForLineBreak(int32_t c) {
  if (c < 0x80) return false;
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width != U_EA_WIDE && width != U_EA_FULLWIDTH && width != U_EA_HALFWIDTH) return false;
  UErrorCode status = U_ZERO_ERROR;  // 、。「」 list Hangul among their extensions: ask for the script itself
  return uscript_getScript(c, &status) != USCRIPT_HANGUL;
}

}  // namespace

bool JoinsAcrossLineBreak(std::string_view before, std::string_view after) {
  if (before.empty() || after.empty()) return false;
  // The last code point of `before`: step back over continuation bytes.
  size_t start = before.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(before[start]) & 0xC0) == 0x80) --start;
  size_t i = start, j = 0;
  const int32_t last = DecodeNext(before, i);
  const int32_t first = DecodeNext(after, j);
  return WideForLineBreak(last) && WideForLineBreak(first);
}

std::string JoinLines(std::string_view s) {
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string line = CollapseWhitespace(s.substr(start, nl == std::string_view::npos ? s.size() - start : nl - start));
    if (!line.empty()) {
      if (!out.empty() && !JoinsAcrossLineBreak(out, line)) out += ' ';
      out += line;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::vector<std::string> ItemsWrittenAsOne(std::string_view s) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    std::string trimmed = CollapseWhitespace(item);
    if (!trimmed.empty()) items.push_back(std::move(trimmed));
    item.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ',') {
      flush(), i += 1;
    } else if (s.substr(i, 3) == "、" || s.substr(i, 3) == "，") {
      flush(), i += 3;
    } else {
      item += s[i++];
    }
  }
  flush();
  if (items.size() < 2) items.clear();
  return items;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (size_t ws = WhiteSpaceBytes(s, i)) {
      do i += ws;
      while (i < s.size() && (ws = WhiteSpaceBytes(s, i)) != 0);
      if (!out.empty() && i < s.size()) out += ' ';
      continue;
    }
    const size_t start = i;
    // Only these bytes can begin white space: the table skips the rest (UTF-8's
    // continuation bytes among them) without the full test.
    static constexpr ByteSet kMayBegin("\t\n\v\f\r \xC2\xE1\xE2\xE3");
    do i = kMayBegin.FindIn(s, i + 1);
    while (i != std::string_view::npos && WhiteSpaceBytes(s, i) == 0);
    if (i == std::string_view::npos) i = s.size();
    out.append(s, start, i - start);  // copied as-is, even if ill-formed
  }
  return out;
}

namespace {

CharKind ClassifyWithIcu(int32_t c) {
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  bool kana = uscript_hasScript(c, USCRIPT_KATAKANA);
  bool japanese = kana || uscript_hasScript(c, USCRIPT_HIRAGANA) || uscript_hasScript(c, USCRIPT_HAN);
  if (c == ' ' || c == 0x3000) return CharKind::kSpace;
  if (width == U_EA_FULLWIDTH && u_isalnum(c)) return CharKind::kFullwidthAlnum;
  if (width == U_EA_HALFWIDTH && kana) return CharKind::kHalfwidthKana;
  if (japanese && u_isalpha(c)) return CharKind::kJapaneseLetter;
  return CharKind::kOther;
}

// Lint classifies every character of every page, so the common ranges (ASCII,
// kana, CJK ideographs) are answered from a table ICU fills once.
CharKind Classify(int32_t c) {
  if (c < 0x80) return c == ' ' ? CharKind::kSpace : CharKind::kOther;
  if (c >= 0x4E00 && c <= 0x9FFF) return CharKind::kJapaneseLetter;  // CJK Unified Ideographs: all Lo, Han
  if (c >= 0x3000 && c <= 0x30FF) {
    static const std::array<CharKind, 0x100> kKana = [] {
      std::array<CharKind, 0x100> table{};
      for (int32_t k = 0; k < 0x100; ++k) table[static_cast<size_t>(k)] = ClassifyWithIcu(0x3000 + k);
      return table;
    }();
    return kKana[static_cast<size_t>(c - 0x3000)];
  }
  return ClassifyWithIcu(c);
}

}  // namespace

std::vector<TextChar> ClassifyChars(std::string_view s) {
  std::vector<TextChar> out;
  out.reserve(s.size() / 2);
  for (size_t i = 0; i < s.size();) {
    TextChar t;
    t.offset = i;
    const int32_t c = DecodeNext(s, i);
    t.size = i - t.offset;
    if (c >= 0) t.kind = Classify(c);
    out.push_back(t);
  }
  return out;
}

std::string JsString(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 2);
  out += '"';
  static constexpr ByteSet kSpecial(std::string_view(
      "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
      "\x1c\x1d\x1e\x1f\"\\\xE2",
      35));  // control characters, " and \, and the lead byte of U+2028/U+2029
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = kSpecial.FindIn(utf8); i != std::string_view::npos; i = kSpecial.FindIn(utf8, i + 1)) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    std::string_view escape;
    char buf[8];
    if (c == '"' || c == '\\') {
      escape = c == '"' ? "\\\"" : "\\\\";
    } else if (c < 0x20) {
      static constexpr char kShort[] = "btnvfr";  // \b \t \n (\v has none in JSON) \f \r
      if (c >= 0x08 && c <= 0x0D && c != 0x0B) {
        buf[0] = '\\', buf[1] = kShort[c - 0x08], buf[2] = '\0';
      } else {
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
      }
      escape = buf;
    } else if (i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(utf8[i + 2]) == 0xA8 || static_cast<unsigned char>(utf8[i + 2]) == 0xA9)) {
      escape = static_cast<unsigned char>(utf8[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
    } else {
      continue;  // another character starting with 0xE2 (—, ※, →)
    }
    out.append(utf8, run, i - run);
    out += escape;
    if (c == 0xE2) i += 2;
    run = i + 1;
  }
  out.append(utf8, run, std::string_view::npos);
  out += '"';
  return out;
}

}  // namespace kyodo
