// Readings (フリガナ) of Japanese names guessed with MeCab + ipadic, for sorting
// groups in 五十音順 and deriving ASCII slugs when the author gave none.
#ifndef KYODO_READING_H_
#define KYODO_READING_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace kyodo {

/// Wraps one MeCab tagger. Thread-safe (calls are serialised). A guess is only a
/// guess: callers report a derived reading as a warning so staff can confirm it.
class ReadingGuesser {
 public:
  ReadingGuesser();
  ~ReadingGuesser();
  ReadingGuesser(const ReadingGuesser&) = delete;
  ReadingGuesser& operator=(const ReadingGuesser&) = delete;

  /// False when MeCab or its dictionary could not be loaded; Guess then returns "".
  bool available() const;

  /// Hiragana reading of `text`: kana kept (katakana folded to hiragana), kanji read
  /// by MeCab's best path, ASCII and digits kept as they are, spaces and symbols
  /// dropped. 「日本気球連盟」→「にっぽんききゅうれんめい」 (ipadic readings, so local names may be wrong).
  /// "" when a word has no reading in the dictionary (「𩸽野の森の会」): a partial reading would misplace it.
  /// The 異体字 of names (𠮷 髙 﨑 …) are read as the kanji they stand for (「𠮷野」→「よしの」).
  std::string Guess(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::mutex mu_;
};

/// An ASCII URL slug for a Japanese name: the romaji of its reading
/// (「中地区」→ "nakachiku"). `reading` may be null (then only kana and ASCII count).
std::string SlugFromName(std::string_view name, ReadingGuesser* reading);

}  // namespace kyodo

#endif  // KYODO_READING_H_
