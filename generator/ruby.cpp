#include "ruby.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace kyodo {

namespace {

constexpr std::string_view kOpen = "《", kClose = "》", kBar = "｜";

// What user_data points at on the nodes AddRuby writes.
constexpr char kRubyMark = 'r';

// A character a reading without ｜ attaches to: a kanji, or 々 〆 ヶ written among them.
bool IsKanji(UChar32 c) {
  if (c == 0x3005 || c == 0x3006 || c == 0x30F6) return true;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// Where the base of a reading that opens at `open` starts in `s`, at or after `from`;
// `open` when there is none. After ｜ the base is everything up to 《 (no spaces, so a
// ｜ used as a separator far back is not taken), otherwise the kanji just before 《.
size_t BaseStart(std::string_view s, size_t from, size_t open, bool* after_bar) {
  *after_bar = false;
  const size_t bar = s.rfind(kBar, open);
  if (bar != std::string_view::npos && bar >= from) {
    const std::string_view base = s.substr(bar + kBar.size(), open - bar - kBar.size());
    if (!base.empty() && CodePointCount(base) <= 30 && base.find(' ') == std::string_view::npos &&
        base.find("　") == std::string_view::npos) {
      *after_bar = true;
      return bar + kBar.size();
    }
  }
  int32_t at = static_cast<int32_t>(open);
  while (at > static_cast<int32_t>(from)) {
    int32_t prev = at;
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), static_cast<int32_t>(from), prev, c);
    if (c < 0 || !IsKanji(c)) break;
    at = prev;
  }
  return static_cast<size_t>(at);
}

cmark_node* NewNode(cmark_node_type type, const std::string& literal) {
  cmark_node* node = cmark_node_new(type);
  cmark_node_set_literal(node, literal.c_str());
  if (type == CMARK_NODE_HTML_INLINE) cmark_node_set_user_data(node, const_cast<char*>(&kRubyMark));
  return node;
}

// One reading in a text: ｜ (if written) and base from `start`, base from `base`, the
// reading between `open` and `close`.
struct Reading {
  size_t start = 0, base = 0, open = 0, close = 0;
};

// The next reading in `s` at or after `from`; nullopt when there is none.
std::optional<Reading> NextReading(std::string_view s, size_t from) {
  for (size_t open = s.find(kOpen, from); open != std::string_view::npos; open = s.find(kOpen, open + kOpen.size())) {
    const size_t close = s.find(kClose, open + kOpen.size());
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view reading = s.substr(open + kOpen.size(), close - open - kOpen.size());
    if (CollapseWhitespace(reading).empty() || reading.find(kOpen) != std::string_view::npos) continue;
    bool after_bar = false;
    const size_t base = BaseStart(s, from, open, &after_bar);
    if (base == open) continue;  // 《重要》: brackets, not a reading
    return Reading{after_bar ? base - kBar.size() : base, base, open, close};
  }
  return std::nullopt;
}

// Splits one text node around each reading in it; the text after the last stays in `text`.
void RubyInText(cmark_node* text) {
  const std::string s = cmark_node_get_literal(text);
  size_t rest = 0;  // the start of text not yet moved out of `text`
  for (std::optional<Reading> r = NextReading(s, 0); r; r = NextReading(s, rest)) {
    const size_t open = r->open, close = r->close, base = r->base, before_end = r->start;
    const std::string reading = s.substr(open + kOpen.size(), close - open - kOpen.size());
    if (before_end > rest) cmark_node_insert_before(text, NewNode(CMARK_NODE_TEXT, s.substr(rest, before_end - rest)));
    cmark_node_insert_before(text, NewNode(CMARK_NODE_HTML_INLINE, "<ruby>"));
    cmark_node_insert_before(text, NewNode(CMARK_NODE_TEXT, s.substr(base, open - base)));
    // The reading lives in the markup, not in a text node: the page's text (search,
    // summary, a heading's id) is the base as the sentence reads without ruby.
    // <rp> shows it in （） where a browser has no ruby.
    cmark_node_insert_before(text, NewNode(CMARK_NODE_HTML_INLINE, "<rp>（</rp><rt>" + HtmlEscape(reading) +
                                                                       "</rt><rp>）</rp></ruby>"));
    rest = close + kClose.size();
  }
  if (rest == 0) return;
  if (rest < s.size()) {
    cmark_node_set_literal(text, s.substr(rest).c_str());
  } else {
    cmark_node_unlink(text);
    cmark_node_free(text);
  }
}

}  // namespace

void AddRuby(cmark_node* doc) {
  std::vector<cmark_node*> texts;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT) continue;
    const char* literal = cmark_node_get_literal(n);
    if (literal && std::string_view(literal).find(kOpen) != std::string_view::npos) texts.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* text : texts) RubyInText(text);
}

std::optional<ReadingSpan> FindReading(std::string_view text) {
  const std::optional<Reading> r = NextReading(text, 0);
  if (!r) return std::nullopt;
  return ReadingSpan{r->start, r->close + kClose.size() - r->start};
}

bool IsRubyMarkup(cmark_node* node) {
  return cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE && cmark_node_get_user_data(node) == &kRubyMark;
}

}  // namespace kyodo
