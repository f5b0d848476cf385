// Reading guesses with MeCab + ipadic. MeCab only supplies readings for the words
// it knows; kana and ASCII the author wrote are kept as written, because the
// dictionary's reading of a kana word can differ from the author's spelling.
#include "reading.h"

#include <mecab.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <optional>
#include <utility>

#include "kana.h"
#include "text.h"

namespace kyodo {
namespace {

// ipadic features are "品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音";
// unknown words stop after 原形, and "*" marks a missing value.
constexpr int kReadingField = 7;

std::string ReadingFeature(const char* feature) {
  std::string_view rest(feature != nullptr ? feature : "");
  for (int field = 0; field < kReadingField; ++field) {
    const size_t comma = rest.find(',');
    if (comma == std::string_view::npos) return "";
    rest.remove_prefix(comma + 1);
  }
  const std::string_view reading = rest.substr(0, rest.find(','));
  return reading == "*" ? std::string() : std::string(reading);
}

bool IsKana(UChar32 c) {
  return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E ||  // ぁ..ゖ ゝ ゞ
         (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FE);  // ァ..ヺ ー ヽ ヾ
}

enum class CharKind { kKeep, kSymbol, kNeedsReading };

CharKind Classify(UChar32 c) {
  if (IsKana(c) || IsAsciiAlnum(c)) return CharKind::kKeep;
  // Letters and digits other than kana/ASCII (kanji, 々, ｘ-like leftovers) carry
  // sound that only a dictionary reading can give; the rest is punctuation or space.
  if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) return CharKind::kNeedsReading;
  return CharKind::kSymbol;
}

// The kana and ASCII alphanumerics of `s`, katakana folded to hiragana; with
// `needs_reading` set when `s` also contains something that must be read.
std::string KeptChars(std::string_view s, bool* needs_reading) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString kept;
  *needs_reading = false;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    const CharKind kind = Classify(c);
    if (kind == CharKind::kKeep) kept.append(c);
    if (kind == CharKind::kNeedsReading) *needs_reading = true;
  }
  std::string out;
  kept.toUTF8String(out);
  return ToHiragana(out);
}

// What one morpheme contributes: its own spelling when that is already kana/ASCII,
// else the dictionary reading; nullopt for a word the dictionary cannot read
// (𠮷, 髙 and other characters outside ipadic).
std::optional<std::string> MorphemeReading(const MeCab::Node& node) {
  bool needs_reading = false;
  std::string surface = KeptChars(std::string_view(node.surface, node.length), &needs_reading);
  if (!needs_reading) return surface;
  const std::string reading = ReadingFeature(node.feature);
  if (reading.empty()) return std::nullopt;
  return KeptChars(reading, &needs_reading);
}

// Words of this product's field that ipadic cannot read or reads wrongly, in the
// katakana that KeptChars keeps as written. Without 協働 (ipadic has only 協, and
// 働 alone is unknown) no name with 協働 in it had a reading or a slug: the word
// in the name of nearly every 指針, 計画 and 協議会 here.
constexpr std::pair<std::string_view, std::string_view> kFieldWords[] = {
    {"協働", "キョウドウ"},
    {"公助", "コウジョ"},  // ipadic: オオヤケ・スケ
};

// 異体字 of names (人名・地名) that ipadic has no word for, as the common kanji it reads:
// 「髙橋」「山﨑」「𠮷田」 had no reading at all, so a group of a 髙橋 or a 𠮷野村 was an
// error asking for kana while 「高橋」 was read. NFKC does not fold these (髙 and 﨑
// are unified ideographs, 𠮷 is outside the BMP); the result is still a guess the
// clerk confirms.
constexpr std::pair<std::string_view, std::string_view> kVariantKanji[] = {
    {"𠮷", "吉"}, {"髙", "高"}, {"﨑", "崎"}, {"德", "徳"}, {"濵", "浜"}, {"邉", "辺"}, {"邊", "辺"},
    {"齋", "斎"}, {"齊", "斉"}, {"栁", "柳"}, {"槗", "橋"}, {"𡈽", "土"}, {"曻", "昇"}, {"靍", "鶴"},
};

template <size_t N>
std::string ReplaceAll(std::string text, const std::pair<std::string_view, std::string_view> (&table)[N]) {
  for (const auto& [from, to] : table) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

std::string WithFieldWordsRead(std::string text) {
  return ReplaceAll(ReplaceAll(std::move(text), kVariantKanji), kFieldWords);
}

}  // namespace

struct ReadingGuesser::Impl {
  std::unique_ptr<MeCab::Tagger> tagger;
};

ReadingGuesser::ReadingGuesser() : impl_(std::make_unique<Impl>()) {
  // "" = default options: the dictionary named by /etc/mecabrc. nullptr on failure.
  impl_->tagger.reset(MeCab::createTagger(""));
}

ReadingGuesser::~ReadingGuesser() = default;

bool ReadingGuesser::available() const { return impl_->tagger != nullptr; }

std::string ReadingGuesser::Guess(std::string_view text) {
  if (!available()) return "";
  // NFKC first: ipadic knows 「カナ」 but not half-width 「ｶﾅ」, and ICU's conversion
  // replaces ill-formed UTF-8 with U+FFFD so MeCab never sees broken input.
  std::string input = WithFieldWordsRead(Nfkc(text));
  // MeCab reads C strings internally; an embedded NUL would end the text early.
  std::erase(input, '\0');
  std::lock_guard<std::mutex> lock(mu_);  // a Tagger keeps its lattice between calls
  const MeCab::Node* node = impl_->tagger->parseToNode(input.c_str(), input.size());
  std::string out;
  for (; node != nullptr; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
    const std::optional<std::string> part = MorphemeReading(*node);
    if (!part) return "";  // 「𠮷野の森の会」 read as 「ののもりのかい」 would sort under な
    out += *part;
  }
  return out;
}

namespace {

std::string SlugFromWord(std::string_view word, ReadingGuesser* reading) {
  if (reading && reading->available()) {
    std::string slug = RomajiSlug(reading->Guess(word));
    if (!slug.empty()) return slug;
  }
  return RomajiSlug(word);
}

}  // namespace

std::string SlugFromName(std::string_view name, ReadingGuesser* reading) {
  // The reading drops spaces (「kyodo kouza」 reads キョウドコウザ), so each word is read on
  // its own and the words are joined with '-' as the space would have been.
  std::string slug;
  size_t i = 0;
  while (i < name.size()) {
    size_t end = i;
    while (end < name.size() && name[end] != ' ' && name[end] != '\t' && name.substr(end, 3) != "\u3000") ++end;
    std::string word = SlugFromWord(name.substr(i, end - i), reading);
    if (!word.empty()) slug += (slug.empty() ? "" : "-") + word;
    i = end < name.size() ? end + (name[end] == ' ' || name[end] == '\t' ? 1 : 3) : end;
  }
  return slug;
}

}  // namespace kyodo
