// Readings (ルビ) written in the body as Japanese writers mark them (青空文庫 style):
// 安曇野《あづみの》 gives the kanji just before 《》 its reading, and
// ｜市民活動サポートセンター《しみんかつどうサポートセンター》 any text after ｜.
// A page can give a hard place name its reading without raw HTML, which a city
// keeps off (unsafe_html).
#ifndef KYODO_RUBY_H_
#define KYODO_RUBY_H_

#include <cmark-gfm.h>

#include <optional>
#include <string_view>

namespace kyodo {

/// Rewrites every reading in the text nodes under `doc` as
/// <ruby>安曇野<rp>（</rp><rt>あづみの</rt><rp>）</rp></ruby>: the base stays a text
/// node (search, summary and heading ids read 安曇野), the markup around it is
/// inline HTML that IsRubyMarkup recognises. 《》 with no kanji or ｜ before it
/// (《重要》) and an empty reading are left as written.
void AddRuby(cmark_node* doc);

/// Where the first reading AddRuby would make ruby of starts in `text` (the base, or
/// its ｜), and its length up to 》; nullopt when there is none. For text that gets no
/// ruby (a title, a summary), to say so.
struct ReadingSpan {
  size_t offset = 0, size = 0;
};
std::optional<ReadingSpan> FindReading(std::string_view text);

/// Whether `node` is markup AddRuby wrote (kept where raw HTML is removed).
bool IsRubyMarkup(cmark_node* node);

}  // namespace kyodo

#endif  // KYODO_RUBY_H_
