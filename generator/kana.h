// Readings and their forms: hiragana and katakana, Hepburn romaji for URL slugs,
// 五十音 rows and Japanese dictionary order (ICU underneath).
#ifndef KYODO_KANA_H_
#define KYODO_KANA_H_

#include <string>
#include <string_view>

namespace kyodo {

/// An ASCII URL slug: kana → Hepburn romaji (「こすもす」→ "kosumosu", 「サポート」→ "sapoto"),
/// ASCII letters lowercased, digits kept, every other run of characters becomes one
/// '-', no leading/trailing '-'. Characters with no romanization (kanji) are
/// dropped; the result may be empty.
std::string RomajiSlug(std::string_view s);

/// Hiragana reading with katakana folded to hiragana and NFKC applied, for sorting.
std::string ToHiragana(std::string_view s);

/// 全角カナ for open-data 「_カナ」 columns: NFKC (半角カナ → 全角) and hiragana → katakana;
/// ー, kanji and ASCII are kept. 「さくばるーん」→「サクバルーン」.
std::string ToKatakana(std::string_view s);

/// The 五十音 row of a reading's first character: "あ", "か", "さ", "た", "な", "は", "ま",
/// "や", "ら", "わ"; 濁音/半濁音/小書き fold to their row (「が」→「か」, 「ぱ」→「は」, 「ゃ」→「や」);
/// anything else (Latin, digits, kanji) gives "他".
std::string GojuonRow(std::string_view reading);

/// A byte string whose memcmp order is Japanese dictionary order (ICU collator
/// for "ja": 清音 < 濁音 < 半濁音, ア = あ at the primary level, 小書き (きょう) before 直音 (きよう) as ICU orders them).
std::string CollationKey(std::string_view s);

}  // namespace kyodo

#endif  // KYODO_KANA_H_
