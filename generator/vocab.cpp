#include "vocab.h"

#include <algorithm>

#include "city_config.h"
#include "text.h"

namespace kyodo {

const std::vector<std::string>& Vocabularies::RequiredKeys() {
  static const std::vector<std::string> keys = {"modes", "fields", "actors", "partnership"};
  return keys;
}

int Vocabularies::IndexOf(const std::string& key) const {
  for (size_t i = 0; i < list_.size(); ++i) {
    if (list_[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Reads the `terms:` list of one vocabulary into `out`.
std::vector<Term> ReadTerms(const MapReader& vocab, const std::string& city, Diagnostics* diags,
                            ReadingGuesser* reading) {
  std::vector<Term> terms;
  for (const MapReader& t : vocab.MapList("terms")) {
    t.CheckKeys({"name", "slug", "aliases", "description"});
    auto name = t.String("name", true);
    if (!name) continue;
    Term term;
    term.name = name->value;
    term.loc = name->loc;
    term.city = city;
    if (auto slug = t.String("slug")) {
      term.slug = slug->value;
      if (!IsValidSlug(term.slug)) {
        diags->Error(slug->loc, "slug「" + term.slug + "」には半角英小文字・数字・- だけを使ってください");
      }
    } else {
      term.slug = SlugFromName(term.name, reading);
      if (term.slug.empty()) {
        diags->Error(name->loc, "用語「" + term.name + "」の URL 用の slug を決められません",
                     "slug: に半角英小文字で名前を書いてください（例: slug: kosodate）");
      }
    }
    if (auto d = t.String("description")) term.description = d->value;
    for (const Located& a : t.StringList("aliases")) term.aliases.push_back(a.value);
    terms.push_back(std::move(term));
  }
  return terms;
}

// Makes `word`, in every spelling that folds to it, name `term` in one vocabulary's
// lookups: a spelling defined elsewhere (「ＮＰＯ」 beside 「NPO」) must not keep the old term.
void RebindWord(const std::string& word, int term, std::unordered_map<std::string, int>* lookup,
                std::unordered_map<std::string, int>* exact) {
  const std::string folded = FoldForMatch(word);
  std::erase_if(*exact, [&](const auto& e) { return FoldForMatch(e.first) == folded; });
  (*exact)[word] = term;
  (*lookup)[folded] = term;
}

}  // namespace

Vocabularies Vocabularies::LoadShared(const YamlFile& file, Diagnostics* diags, ReadingGuesser* reading) {
  Vocabularies out;
  MapReader root(file, file.root(), file.Start(), diags);
  if (!root.ok()) return out;
  for (const auto& kv : file.root()) {
    auto key = ScalarText(kv.first);
    if (!key) continue;
    MapReader vocab(file, kv.second, file.Loc(kv.second), diags);
    if (!vocab.ok()) continue;
    vocab.CheckKeys({"label", "source", "terms"});
    Vocabulary v;
    v.key = *key;
    if (auto label = vocab.String("label", true)) v.label = label->value;
    if (auto source = vocab.String("source")) v.source = source->value;
    out.list_.push_back(std::move(v));
    out.lookup_.emplace_back();
    out.exact_.emplace_back();
    int index = static_cast<int>(out.list_.size()) - 1;
    for (Term& t : ReadTerms(vocab, "", diags, reading)) out.AddTerm(index, std::move(t), diags);
  }
  for (const std::string& key : RequiredKeys()) {
    if (out.IndexOf(key) < 0) {
      diags->Error(file.Start(), "語彙「" + key + "」が定義されていません",
                   key + ":\n    label: …\n    terms: [...] を追加してください");
    }
  }
  return out;
}

Vocabularies Vocabularies::WithCityTerms(const YamlFile& file, const std::string& city, Diagnostics* diags,
                                         ReadingGuesser* reading) const {
  Vocabularies out = *this;
  MapReader root(file, file.root(), file.Start(), diags);
  if (!root.ok()) return out;
  for (const auto& kv : file.root()) {
    auto key = ScalarText(kv.first);
    if (!key) continue;
    int v = out.IndexOf(*key);
    if (v < 0) {
      std::vector<std::string> keys;
      for (const auto& voc : list_) keys.push_back(voc.key);
      auto near = NearestMatches(*key, keys, 1);
      diags->Error(file.Loc(kv.first), "市町村の _taxonomies.yaml では新しい語彙「" + *key + "」は作れません",
                   near.empty() ? "共通の語彙に用語を追加できます" : "「" + near[0] + "」の誤りではありませんか");
      continue;
    }
    MapReader vocab(file, kv.second, file.Loc(kv.second), diags);
    if (!vocab.ok()) continue;
    vocab.CheckKeys({"terms", "aliases"});
    for (Term& t : ReadTerms(vocab, city, diags, reading)) out.AddTerm(v, std::move(t), diags);
    // A word this city means another term by (a 政令指定都市's 区 is its ward office,
    // not a 自治会): aliases: {区: 行政}. It wins over the shared alias here only.
    if (!vocab.Map("aliases")) continue;
    const Vocabulary& voc = out.list_[static_cast<size_t>(v)];
    for (const auto& a : vocab.Get("aliases")) {
      const auto word = ScalarText(a.first);
      const auto target = ScalarText(a.second);
      if (!word || word->empty() || !target) {
        diags->Error(file.Loc(a.second), "aliases には「別名: 用語」の形で1つずつ書いてください", "例: 区: 行政");
        continue;
      }
      const auto to = out.Resolve(v, *target);
      if (!to) {
        std::vector<std::string> names;
        for (const Term& t : voc.terms) names.push_back(t.name);
        auto near = NearestMatches(*target, names, 1);
        diags->Error(file.Loc(a.second), "用語「" + *target + "」は「" + voc.label + "」にありません",
                     near.empty() ? "「" + voc.label + "」の用語の名前を書いてください" : "「" + near[0] + "」ではありませんか");
        continue;
      }
      const std::string folded = FoldForMatch(*word);
      const auto from = out.Resolve(v, *word);
      if (from && FoldForMatch(voc.terms[static_cast<size_t>(*from)].name) == folded && *from != *to) {
        diags->Error(file.Loc(a.first), "「" + *word + "」は「" + voc.label + "」の用語の名前なので、別の用語の別名にはできません");
        continue;
      }
      if (from) {  // the hint's candidates name it under its new term only
        auto& was = out.list_[static_cast<size_t>(v)].terms[static_cast<size_t>(*from)].aliases;
        std::erase_if(was, [&](const std::string& x) { return FoldForMatch(x) == folded; });
      }
      // A term the city added travels to the portal step with its aliases, where 区 would
      // clash with the shared alias: the word is only listed under a shared term.
      Term& target_term = out.list_[static_cast<size_t>(v)].terms[static_cast<size_t>(*to)];
      if (target_term.city.empty()) target_term.aliases.push_back(*word);
      RebindWord(*word, *to, &out.lookup_[static_cast<size_t>(v)], &out.exact_[static_cast<size_t>(v)]);
    }
  }
  return out;
}

Vocabularies Vocabularies::WithTerms(const std::vector<std::pair<std::string, Term>>& terms, Diagnostics* diags) const {
  Vocabularies out = *this;
  for (const auto& [key, term] : terms) {
    int v = out.IndexOf(key);
    if (v < 0) {
      diags->Error(term.loc, "語彙「" + key + "」がありません（用語「" + term.name + "」）",
                   "content/_taxonomies.yaml にある語彙だけに用語を追加できます");
      continue;
    }
    out.AddTerm(v, term, diags);
  }
  return out;
}

void Vocabularies::AddTerm(int v, Term term, Diagnostics* diags) {
  Vocabulary& voc = list_[static_cast<size_t>(v)];
  auto& lookup = lookup_[static_cast<size_t>(v)];
  std::string folded = FoldForMatch(term.name);
  auto clash = lookup.find(folded);
  if (clash != lookup.end()) {
    const Term& other = voc.terms[static_cast<size_t>(clash->second)];
    // 交通安全 is no term of 分野 a clerk can find in the list: it is 地域安全's alias.
    if (FoldForMatch(other.name) != folded) {
      diags->Error(term.loc, "用語「" + term.name + "」は「" + voc.label + "」の「" + other.name + "」の別名です",
                   "事例や団体に " + term.name + " と書くと「" + other.name +
                       "」になります。別の用語として足すなら、別の名前にしてください");
      return;
    }
    diags->Error(term.loc, "用語「" + term.name + "」は「" + voc.label + "」に既にあります",
                 other.city.empty() && !term.city.empty() ? "共通の用語は市町村で定義し直せません。そのまま使えます" : "");
    return;
  }
  for (const Term& other : voc.terms) {
    if (!term.slug.empty() && other.slug == term.slug) {
      diags->Error(term.loc, "slug「" + term.slug + "」は用語「" + other.name + "」と同じです",
                   "slug: で別の名前を付けてください");
      return;
    }
  }
  int index = static_cast<int>(voc.terms.size());
  lookup[folded] = index;
  exact_[static_cast<size_t>(v)].emplace(term.name, index);
  for (const std::string& alias : term.aliases) {
    std::string key = FoldForMatch(alias);
    auto it = lookup.find(key);
    if (it != lookup.end() && it->second != index) {
      diags->Error(term.loc, "別名「" + alias + "」は用語「" + voc.terms[static_cast<size_t>(it->second)].name +
                                 "」と重なります");
      continue;
    }
    lookup[key] = index;
    exact_[static_cast<size_t>(v)].emplace(alias, index);
  }
  voc.terms.push_back(std::move(term));
}

Vocabularies Vocabularies::ForMunicipality(const std::string& name) const {
  // A 市区町村's name ends in its kind; a 広域連合 or a 都道府県 has no word of its own here.
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kinds = {
      {"市", {"市役所"}}, {"区", {"区役所"}}, {"町", {"町役場", "町役所"}}, {"村", {"村役場"}}};
  Vocabularies out = *this;
  for (const auto& [kind, offices] : kinds) {
    if (!name.ends_with(kind) || name == kind) continue;
    for (size_t v = 0; v < out.list_.size(); ++v) {
      const auto own = out.Resolve(static_cast<int>(v), kind);
      // A term named 区 is what the vocabulary says it is; only an alias gives way.
      if (own && out.list_[v].terms[static_cast<size_t>(*own)].name == kind) continue;
      for (const std::string& office : offices) {
        const auto at = out.Resolve(static_cast<int>(v), office);
        if (!at) continue;
        if (own != at) RebindWord(kind, *at, &out.lookup_[v], &out.exact_[v]);  // a 市's 市 is 市役所's already
        break;
      }
    }
  }
  return out;
}

std::optional<int> Vocabularies::Resolve(int v, const std::string& text) const {
  if (v < 0 || static_cast<size_t>(v) >= list_.size()) return std::nullopt;
  const auto& exact = exact_[static_cast<size_t>(v)];
  if (auto e = exact.find(text); e != exact.end()) return e->second;  // the same answer, without folding
  const auto& lookup = lookup_[static_cast<size_t>(v)];
  auto it = lookup.find(FoldForMatch(text));
  if (it == lookup.end()) return std::nullopt;
  return it->second;
}

namespace {

// The parts of a value split at 「・」, spaces and 「/」, which clerks join terms with but
// kyodo does not split at (terms such as 保健・医療・福祉 hold 「・」); empty when fewer than 2.
std::vector<std::string> PartsJoinedByMarks(const std::string& value) {
  const std::string text = Nfkc(value) + " ";  // 全角 space, ／ and ･ become space, / and ・
  std::vector<std::string> parts;
  std::string part;
  for (size_t i = 0; i < text.size();) {
    const size_t mark = text.compare(i, 3, "・") == 0 ? 3 : (text[i] == '/' || text[i] == ' ' || text[i] == '\t') ? 1 : 0;
    if (mark == 0) {
      part += text[i++];
      continue;
    }
    i += mark;
    if (!part.empty()) parts.push_back(std::move(part));
    part.clear();
  }
  if (parts.size() < 2) parts.clear();
  return parts;
}

}  // namespace

std::optional<int> Vocabularies::ResolveOrReport(int v, const Located& text, Diagnostics* diags) const {
  if (auto t = Resolve(v, text.value)) return t;
  if (v < 0 || static_cast<size_t>(v) >= list_.size()) return std::nullopt;  // the missing vocabulary was reported
  const Vocabulary& voc = list_[static_cast<size_t>(v)];
  std::vector<std::string> candidates;
  for (const Term& t : voc.terms) {
    candidates.push_back(t.name);
    for (const std::string& a : t.aliases) candidates.push_back(a);
  }
  std::string hint;
  for (const std::string& near : NearestMatches(text.value, candidates, 3)) {
    const Term& term = voc.terms[static_cast<size_t>(*Resolve(v, near))];
    hint += (hint.empty() ? "候補: " : "、") + near;
    if (term.name != near) hint += "（" + term.name + "）";
  }
  if (hint.empty()) hint = "content/_taxonomies.yaml にある「" + voc.label + "」の用語を使ってください";
  // 「環境の保全、まちづくり」 is two terms written as one.
  std::vector<std::string> items = ItemsWrittenAsOne(text.value);
  if (!items.empty() && std::all_of(items.begin(), items.end(), [&](const std::string& i) { return Resolve(v, i); })) {
    std::string list;
    for (const std::string& i : items) list += (list.empty() ? "" : ", ") + i;
    hint = "いくつか書くときは [" + list + "] のように [ ] で囲み、半角の「,」で区切ってください";
  } else if (std::vector<std::string> parts = PartsJoinedByMarks(text.value);
             !parts.empty() && std::all_of(parts.begin(), parts.end(), [&](const std::string& i) { return Resolve(v, i); })) {
    // 「まちづくり・観光」「まちづくり 観光」「まちづくり/観光」: 候補: まちづくり dropped the other term.
    // A groups.csv cell is split at 「、」; YAML wants [a, b]. (Appended piece by piece:
    // GCC 12 warns, falsely, about "…" + std::string&& here.)
    // (A groups.csv row is read as YAML named "<path>#row" before its places are mapped back.)
    const bool csv = text.loc.file.ends_with(".csv") || text.loc.file.ends_with(".csv#row");
    std::string list;
    for (const std::string& i : parts) {
      if (!list.empty()) list += csv ? "、" : ", ";
      list += i;
    }
    hint = csv ? "いくつか書くときは「" : "いくつか書くときは [";
    hint += list;
    hint += csv ? "」のように「、」で区切ってください（「・」・空白・「/」は区切りになりません）"
                : "] のように [ ] で囲み、半角の「,」で区切ってください";
  }
  diags->Error(text.loc, "未登録の" + voc.label + "「" + text.value + "」", hint);
  return std::nullopt;
}

}  // namespace kyodo
