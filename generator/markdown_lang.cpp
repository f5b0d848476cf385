#include "markdown_lang.h"

#include <cctype>

namespace kyodo {

namespace {

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

void SkipSpaces(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r')) ++*i;
}

// Consumes `word` case-insensitively at *i.
bool Take(std::string_view s, size_t* i, std::string_view word) {
  if (s.size() - *i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(s[*i + k])) != word[k]) return false;
  }
  *i += word.size();
  return true;
}

// BCP 47 as cities need it: a 2–3 letter language, then subtags of 1–8 letters or
// digits (zh-Hant, pt-BR, ja-Latn for romaji). Only these characters reach the page.
bool IsLanguageTag(std::string_view v) {
  size_t i = 0;
  while (i < v.size() && IsAlpha(v[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < v.size()) {
    if (v[i++] != '-') return false;
    size_t start = i;
    while (i < v.size() && IsAlnum(v[i])) ++i;
    if (i == start || i - start > 8) return false;
  }
  return true;
}

}  // namespace

LangTagInfo ReadLangTag(std::string_view s) {
  size_t i = 0;
  if (!Take(s, &i, "<")) return {};
  if (Take(s, &i, "/span")) {
    SkipSpaces(s, &i);
    return i + 1 == s.size() && s[i] == '>' ? LangTagInfo{LangTag::kClose, ""} : LangTagInfo{};
  }
  if (!Take(s, &i, "span") || i >= s.size() || (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')) return {};
  SkipSpaces(s, &i);
  if (!Take(s, &i, "lang")) return {};
  SkipSpaces(s, &i);
  if (!Take(s, &i, "=")) return {};
  SkipSpaces(s, &i);
  if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return {};
  const char quote = s[i++];
  const size_t end = s.find(quote, i);
  if (end == std::string_view::npos) return {};
  std::string value(s.substr(i, end - i));
  i = end + 1;
  SkipSpaces(s, &i);
  if (i + 1 != s.size() || s[i] != '>') return {};  // another attribute, or no '>'
  return {IsLanguageTag(value) ? LangTag::kOpen : LangTag::kBadOpen, value};
}

std::vector<cmark_node*> UnpairedLangTags(const std::vector<cmark_node*>& tags) {
  std::vector<cmark_node*> open, unpaired;
  for (cmark_node* n : tags) {
    const char* literal = cmark_node_get_literal(n);
    if (ReadLangTag(literal ? literal : "").kind == LangTag::kOpen) {
      open.push_back(n);
      continue;
    }
    // A </span>: the innermost open tag under the same parent, if any, is its partner.
    bool paired = false;
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
      if (cmark_node_parent(*it) == cmark_node_parent(n)) {
        open.erase(std::next(it).base());
        paired = true;
        break;
      }
    }
    if (!paired) unpaired.push_back(n);
  }
  unpaired.insert(unpaired.end(), open.begin(), open.end());
  return unpaired;
}

}  // namespace kyodo
