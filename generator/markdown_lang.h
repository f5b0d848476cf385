// The language of a passage in the body (JIS X 8341-3 / WCAG 3.1.2 一部分の言語):
// <span lang="en">…</span> is the one HTML tag a city without unsafe_html keeps
// besides <br>, so a screen reader reads an English name or greeting in English
// instead of spelling it out in Japanese. markdown.cpp finds the tags; this file
// reads them and pairs each opening tag with its </span>.
#ifndef KYODO_MARKDOWN_LANG_H_
#define KYODO_MARKDOWN_LANG_H_

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyodo {

/// What an inline HTML tag is, as far as language marking goes.
enum class LangTag { kNone, kOpen, kBadOpen, kClose };

struct LangTagInfo {
  LangTag kind = LangTag::kNone;
  std::string lang;  ///< the value written after lang= (kOpen, kBadOpen)
};

/// Reads one inline HTML tag: `<span lang="en">` (or 'en', upper case, spaces) is
/// kOpen when the value is a language tag (en, zh-Hant, pt-BR), kBadOpen when it is
/// not (lang="英語"); `</span>` is kClose; anything else, other attributes included, kNone.
LangTagInfo ReadLangTag(std::string_view literal);

/// Pairs the kOpen and kClose nodes of `tags` (in document order): a </span> closes
/// the latest open <span lang> with the same parent node (the same paragraph, link
/// or emphasis). Returns the nodes left without a partner; the paired ones stay.
std::vector<cmark_node*> UnpairedLangTags(const std::vector<cmark_node*>& tags);

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_LANG_H_
