// The shared vocabularies (協働の形態, 分野, 主体, 協働の型) from content/_taxonomies.yaml,
// the terms a city adds in its own _taxonomies.yaml, and matching what authors
// type against them (names, aliases, then NFKC/width/kana folding).
#ifndef KYODO_VOCAB_H_
#define KYODO_VOCAB_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "error.h"
#include "reading.h"
#include "yaml_reader.h"

namespace kyodo {

struct Term {
  std::string name;  ///< as displayed: 子どもの健全育成
  std::string slug;  ///< ASCII, used in URLs: kodomo
  std::string description;
  std::vector<std::string> aliases;
  std::string city;  ///< "" for a shared term, else the slug of the city that added it
  SourceLoc loc;
};

struct Vocabulary {
  std::string key;     ///< modes / fields / actors / partnership
  std::string label;   ///< 協働の形態
  std::string source;  ///< where the terms come from, shown on the index page
  std::vector<Term> terms;
};

/// All vocabularies as seen by one city (shared terms first, then the city's own).
class Vocabularies {
 public:
  /// The keys every content set must define, in display order.
  static const std::vector<std::string>& RequiredKeys();

  /// Reads content/_taxonomies.yaml.
  /// `reading` (may be null) derives URL slugs for terms written without one.
  static Vocabularies LoadShared(const YamlFile& file, Diagnostics* diags, ReadingGuesser* reading = nullptr);
  /// A copy extended with the terms of a city's _taxonomies.yaml; a city cannot
  /// redefine a shared term or add a vocabulary.
  Vocabularies WithCityTerms(const YamlFile& file, const std::string& city, Diagnostics* diags,
                             ReadingGuesser* reading = nullptr) const;

  /// A copy extended with terms already read elsewhere (a city's additions, as a
  /// sharded build's manifest carries them), each with its vocabulary key; checked
  /// like those of a city's _taxonomies.yaml.
  Vocabularies WithTerms(const std::vector<std::pair<std::string, Term>>& terms, Diagnostics* diags) const;

  /// A copy for the municipality `name`: the word for its own kind (区 in 世田谷区) means
  /// what its office (区役所) means. The shared 区 is 区など自治会, as 安曇野市 names its
  /// 自治会; a 特別区's clerk writing actors: [区] means the 区 itself.
  Vocabularies ForMunicipality(const std::string& name) const;

  const std::vector<Vocabulary>& list() const { return list_; }
  /// Index of a vocabulary key, or -1.
  int IndexOf(const std::string& key) const;
  const Vocabulary& at(int v) const { return list_[static_cast<size_t>(v)]; }

  /// The term `text` names in vocabulary `v` (by name, alias or folded form), or nullopt.
  std::optional<int> Resolve(int v, const std::string& text) const;
  /// Resolves, or reports 「未登録の分野「子育」」 with the nearest terms as a hint.
  std::optional<int> ResolveOrReport(int v, const Located& text, Diagnostics* diags) const;

 private:
  void AddTerm(int v, Term term, Diagnostics* diags);

  std::vector<Vocabulary> list_;
  /// Per vocabulary: folded name or alias → term index.
  std::vector<std::unordered_map<std::string, int>> lookup_;
  /// Per vocabulary: name or alias exactly as defined → term index. Most front matter
  /// writes terms that way, and folding (ICU) costs far more than a lookup.
  std::vector<std::unordered_map<std::string, int>> exact_;
};

}  // namespace kyodo

#endif  // KYODO_VOCAB_H_
