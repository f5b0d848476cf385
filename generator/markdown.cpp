#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <utility>

#include "footnotes.h"
#include "lint.h"
#include "markdown_japanese.h"
#include "markdown_lang.h"
#include "markdown_nodes.h"
#include "markdown_positions.h"
#include "markdown_reading.h"
#include "ruby.h"
#include "text.h"

namespace kyodo {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;

std::string TakeString(char* s) {
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

std::string PlainText(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_EXIT) {
      // Blocks (paragraphs, list items, table cells) end with a space, so the
      // text of one does not run into the next (search snippets and bigrams).
      if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) out += ' ';
      continue;
    }
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(n);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return out;
}

// Soft breaks become hard ones (<br>), before FitToJapaneseText would join the lines:
// 「10時〜12時」 and 「場所：公民館」 on two lines of a cell read 「10時〜12時場所：公民館」.
void HardenLineBreaks(cmark_node* doc) {
  std::vector<cmark_node*> soft;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK) soft.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : soft) {
    cmark_node* hard = cmark_node_new(CMARK_NODE_LINEBREAK);
    cmark_node_replace(n, hard);
    cmark_node_free(n);
  }
}

// The walk over one document; collects edits and applies them after iterating,
// because cmark's iterator must not see nodes removed under it.
class Passes {
 public:
  Passes(const Positions& pos, const MarkdownOptions& options, const LinkRewriter& rewrite, Diagnostics* diags)
      : pos_(pos), options_(options), rewrite_(rewrite), diags_(diags) {}

  void Run(cmark_node* doc, RenderedMarkdown* out) {
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER) Enter(n, out);
    }
    cmark_iter_free(it);
    DropUnpairedLangTags();
    for (cmark_node* n : remove_) {
      cmark_node_unlink(n);
      graveyard_.emplace_back(n);
    }
    for (cmark_node* link : unwrap_) Unwrap(link);
    for (const auto& [link, label] : file_labels_) LabelFileLink(link, label);
    for (cmark_node* image : figures_) MakeFigure(image);
    for (cmark_node* link : bare_urls_) MarkBareUrl(link);
    for (cmark_node* h : headings_) ReplaceHeading(h);
    for (const auto& [table, label] : tables_) WrapTable(table, label);
    for (cmark_node* n : RewriteFootnotes(footnote_refs_, footnote_defs_, &ids_, options_.heading_shift)) graveyard_.emplace_back(n);
    repeats_.Summarize(diags_);
  }

 private:
  void Enter(cmark_node* n, RenderedMarkdown* out) {
    if (options_.lint) Lint(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (!options_.unsafe_html && !IsRubyMarkup(n)) {  // ruby.h's readings are ours, not the author's HTML
          // <br> is how Markdown breaks a line inside a table cell (a converted 施策
          // table's 「市長公室課<br>協働推進係」): kept, written by us, instead of a
          // removed tag that runs the two lines together. (A table cell cannot hold
          // cmark's own line break node.)
          if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE && IsLineBreakTag(cmark_node_get_literal(n))) {
            cmark_node_set_literal(n, "<br />");
            break;
          }
          if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE && LangTagKept(n)) break;
          remove_.push_back(n);
          // A block (<div>…</div> on its own lines) goes with the text inside it; an
          // inline tag goes alone. Each block is said, since its text is lost.
          if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
            diags_->Warning(pos_.Of(n), "HTML のブロックは、中の文章ごと表示されません",
                            "文章は Markdown で書いてください（HTML が必要なら市町村の site.yaml で unsafe_html: true）");
          } else if (!warned_html_) {
            diags_->Warning(pos_.Of(n), "本文の HTML タグは表示されません",
                            "Markdown で書くか、市町村の site.yaml で unsafe_html: true にしてください");
            warned_html_ = true;
          }
        }
        break;
      case CMARK_NODE_HEADING:
        headings_.push_back(n);
        // A quoted 条例's own headings (第1条) are not the page's: a table after the quote is the section's.
        if (InsideQuote(n)) break;
        // Read now: ReplaceHeading moves the text out of the heading.
        heading_text_ = CollapseWhitespace(PlainText(n));
        tables_under_heading_ = 0;
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        Link(n);
        break;
      case CMARK_NODE_TEXT:
        BrokenLink(n);
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        footnote_refs_.push_back(n);
        break;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        footnote_defs_.push_back(n);
        // The notes come last, under the 「脚注」 heading RewriteFootnotes adds: a table
        // in a note is named by it, not by the last heading of the text.
        heading_text_ = "脚注";
        tables_under_heading_ = 0;
        break;
      case CMARK_NODE_PARAGRAPH:
        // The summary is running text: list items and table cells would read as a jumble,
        // a footnote's text (「令和6年9月1日実施」) belongs to the mark it explains, and
        // an image's alt text (a 計画's cover: 「表紙。…の写真」) describes no plan.
        if (out->summary.size() < options_.summary_chars * 4 && !InsideTable(n) && !InsideList(n) &&
            !InsideFootnote(n) && !ImagesOnly(n)) {
          std::string text = CollapseWhitespace(PlainText(n));
          if (!text.empty()) out->summary += (out->summary.empty() ? "" : " ") + text;
        }
        break;
      default:
        if (IsTable(n)) tables_.emplace_back(n, TableLabel(n));
        break;
    }
  }

  // Authoring checks (lint.h) on the node, reported at its source position.
  void Lint(cmark_node* n) {
    auto warn = [&](const LintFinding& f, SourceLoc loc) { diags_->Warning(std::move(loc), f.message, f.hint); };
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
        for (const LintFinding& f : CheckText(cmark_node_get_literal(n))) {
          SourceLoc loc = pos_.Find(n, f.text);
          if (repeats_.Report(f, loc)) warn(f, std::move(loc));
        }
        break;
      case CMARK_NODE_LINK:
        if (auto f = CheckLinkText(PlainText(n))) warn(*f, pos_.Of(n));
        break;
      case CMARK_NODE_IMAGE:
        if (auto f = CheckAltText(PlainText(n), cmark_node_get_url(n) ? cmark_node_get_url(n) : "")) warn(*f, pos_.Of(n));
        break;
      case CMARK_NODE_HEADING:
        if (auto f = heading_order_.Next(cmark_node_get_heading_level(n))) warn(*f, pos_.Of(n));
        break;
      case CMARK_NODE_CODE_BLOCK: {
        int length = 0, offset = 0;
        char fence = 0;
        if (cmark_node_get_fenced(n, &length, &offset, &fence)) break;  // ``` marks code the author meant
        const char* code = cmark_node_get_literal(n);
        if (auto f = CheckIndentedCode(code ? code : "")) warn(*f, pos_.Of(n));
        break;
      }
      default:
        if (std::strcmp(cmark_node_get_type_string(n), "table_header") == 0) {
          std::vector<std::string> cells;
          for (cmark_node* cell = cmark_node_first_child(n); cell; cell = cmark_node_next(cell)) {
            cells.push_back(PlainText(cell));
          }
          if (auto f = CheckTableHeader(cells)) warn(*f, pos_.Of(n));
        }
        break;
    }
  }

  // <span lang="en"> and </span> stay (markdown_lang.h) if they pair up; a value that
  // is no language code is said at its place, as the reader would hear Japanese.
  bool LangTagKept(cmark_node* n) {
    LangTagInfo tag = ReadLangTag(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "");
    switch (tag.kind) {
      case LangTag::kNone:
        return false;
      case LangTag::kBadOpen:
        diags_->Warning(pos_.Of(n), "lang=\"" + tag.lang + "\" は言語コードではないため、言語の指定を外しました",
                        "英語は <span lang=\"en\">…</span>、中国語（繁体字）は lang=\"zh-Hant\"、"
                        "ローマ字の日本語は lang=\"ja-Latn\" のように半角の言語コードで書いてください");
        remove_.push_back(n);
        return true;
      case LangTag::kOpen:
      case LangTag::kClose:  // written back in one form: <SPAN LANG='en'> becomes <span lang="en">
        cmark_node_set_literal(n, (tag.kind == LangTag::kOpen ? "<span lang=\"" + tag.lang + "\">" : "</span>").c_str());
    }
    lang_tags_.push_back(n);
    return true;
  }

  // A <span lang> left open would run on into the rest of the page; a lone </span>
  // belongs to a tag already removed (and warned about) before it.
  void DropUnpairedLangTags() {
    for (cmark_node* n : UnpairedLangTags(lang_tags_)) {
      if (ReadLangTag(cmark_node_get_literal(n)).kind == LangTag::kOpen) {
        diags_->Warning(pos_.Of(n), "<span lang=…> の終わりの </span> が同じ段落の中にないため、言語の指定を外しました",
                        "<span lang=\"en\">Welcome</span> のように、同じ段落（太字やリンクの中ならその中）で閉じてください");
      }
      remove_.push_back(n);
    }
  }

  // <br>, <br/>, <br /> in any case.
  static bool IsLineBreakTag(const char* literal) {
    std::string tag = literal ? AsciiLower(literal) : "";
    tag.erase(std::remove(tag.begin(), tag.end(), ' '), tag.end());
    return tag == "<br>" || tag == "<br/>";
  }

  // The table extension's node type is not in the public headers; its name is.
  static bool IsTable(cmark_node* n) { return std::strcmp(cmark_node_get_type_string(n), "table") == 0; }

  template <class Is>
  static bool HasAncestor(cmark_node* n, Is is) {
    for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
      if (is(p)) return true;
    }
    return false;
  }
  static bool HasAncestor(cmark_node* n, cmark_node_type type) {
    return HasAncestor(n, [type](cmark_node* p) { return cmark_node_get_type(p) == type; });
  }
  static bool InsideList(cmark_node* n) { return HasAncestor(n, CMARK_NODE_LIST); }
  static bool InsideFootnote(cmark_node* n) { return HasAncestor(n, CMARK_NODE_FOOTNOTE_DEFINITION); }
  static bool InsideTable(cmark_node* n) { return HasAncestor(n, IsTable); }
  // A 条例 or 答申 quoted in a policy keeps its own headings (「第1条（目的）」): they
  // are the quote's, not the page's sections.
  static bool InsideQuote(cmark_node* n) { return HasAncestor(n, CMARK_NODE_BLOCK_QUOTE); }

  // A paragraph of images alone (and the breaks between them).
  static bool ImagesOnly(cmark_node* paragraph) {
    for (cmark_node* c = cmark_node_first_child(paragraph); c; c = cmark_node_next(c)) {
      cmark_node_type t = cmark_node_get_type(c);
      if (t != CMARK_NODE_IMAGE && t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK) return false;
    }
    return cmark_node_first_child(paragraph) != nullptr;
  }

  // [文字](行き先) that Markdown did not take as a link stays on the page as text:
  // a space in the destination is the usual cause (a file name with a space).
  void BrokenLink(cmark_node* n) {
    const std::string_view text = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    for (size_t open = text.find("]("); open != std::string_view::npos; open = text.find("](", open + 2)) {
      const size_t close = text.find(')', open);
      const size_t start = text.rfind('[', open);
      if (close == std::string_view::npos || start == std::string_view::npos) return;
      const std::string_view url = text.substr(open + 2, close - open - 2);
      if (url.find(' ') == std::string_view::npos && url.find("\xE3\x80\x80") == std::string_view::npos) continue;
      // Only what looks like an address: a path or a file name (配列 a[i](その i 番目) is prose).
      const size_t dot = url.rfind('.');
      const bool file = dot != std::string_view::npos && url.size() - dot >= 3 && url.size() - dot <= 6 &&
                        std::all_of(url.begin() + static_cast<long>(dot) + 1, url.end(), [](char c) { return IsAsciiAlnum(c); });
      if (url.find('/') == std::string_view::npos && !file) continue;
      const bool image = start > 0 && text[start - 1] == '!';
      const std::string written(text.substr(start - (image ? 1 : 0), close + 1 - start + (image ? 1 : 0)));
      diags_->Error(pos_.Find(n, written), std::string(image ? "画像" : "リンク") + "になっていません: " + written,
                    "行き先に空白があると Markdown はリンクにしません。ファイル名から空白を除くか、" +
                        std::string(image ? "!" : "") + "[…](<" + std::string(url) + ">) のように < > で囲んでください");
    }
  }

  void Link(cmark_node* n) {
    bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    SourceLoc loc = pos_.Of(n);
    const std::string text = PlainText(n);
    // An image without alt, and [](url): a link with nothing to see, click or hear, a
    // nameless stop for keyboards and screen readers (WCAG 1.1.1, 2.4.4, 4.1.2).
    if (CollapseWhitespace(text).empty()) {
      diags_->Error(loc, image ? "画像「" + url + "」に代替テキストがありません" : "リンク「" + url + "」に文字がありません",
                    (image ? "![画像の内容を説明する文](" : "[リンク先の内容がわかる文字](") + url +
                        ") のように [ ] の中に書いてください");
    }
    if (!options_.unsafe_html && IsDangerousUrl(url)) {
      diags_->Warning(loc, "javascript: や data: のリンクは削除しました", "http(s):// のリンクにしてください");
      (image ? remove_ : unwrap_).push_back(n);
      return;
    }
    if (image && IsAloneWithTitle(n)) figures_.push_back(n);
    std::string label;
    std::string rewritten = rewrite_ ? rewrite_({url, image, loc, image ? nullptr : &label, text}) : url;
    if (rewritten != url) cmark_node_set_url(n, rewritten.c_str());
    if (!label.empty()) {
      file_labels_.emplace_back(n, "（" + label + "）");
    } else if (!image && (text == url || "http://" + text == url)) {
      // A link whose text is its address (a pasted https://… that GFM made a link):
      // printing adds the address after each link's text, which would print it twice.
      bare_urls_.push_back(n);
    }
  }

  void MarkBareUrl(cmark_node* link) {
    cmark_node* span = CustomNode(CMARK_NODE_CUSTOM_INLINE, "<span class=\"url\">", "</span>");
    cmark_node_insert_before(link, span);
    cmark_node_append_child(span, link);
  }

  // A link to a PDF or Word file says so, with its size, in its text, as municipal
  // sites label them (「（PDF 123KB）」): a resident on a phone decides before a
  // large download starts, and a screen reader announces that a file opens.
  void LabelFileLink(cmark_node* link, const std::string& label) {
    const std::string text = CollapseWhitespace(PlainText(link));
    if (text.size() >= label.size() && text.compare(text.size() - label.size(), label.size(), label) == 0) return;
    cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(node, label.c_str());
    cmark_node_append_child(link, node);
  }

  // An image on a line of its own with a title (![地図](map.png "図1 活動の区域"))
  // is a figure: the title is its caption. A title attribute is shown only as a
  // mouse tooltip, so on a phone, on paper and in search the caption was lost.
  static bool IsAloneWithTitle(cmark_node* image) {
    const char* title = cmark_node_get_title(image);
    cmark_node* parent = cmark_node_parent(image);
    return title && *title && parent && cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH &&
           cmark_node_first_child(parent) == image && cmark_node_last_child(parent) == image;
  }

  void MakeFigure(cmark_node* image) {
    cmark_node* paragraph = cmark_node_parent(image);
    cmark_node* figure = CustomNode(CMARK_NODE_CUSTOM_BLOCK, "<figure>", "</figure>");
    cmark_node* caption = CustomNode(CMARK_NODE_CUSTOM_BLOCK, "<figcaption>", "</figcaption>");
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, cmark_node_get_title(image));
    cmark_node_append_child(caption, text);
    cmark_node_set_title(image, "");  // said once, by the caption
    cmark_node_insert_before(paragraph, figure);
    cmark_node_append_child(figure, paragraph);
    cmark_node_append_child(figure, caption);
  }

  // Replaces a link by its text (the link itself was unsafe).
  void Unwrap(cmark_node* link) {
    while (cmark_node* child = cmark_node_first_child(link)) cmark_node_insert_before(link, child);
    cmark_node_unlink(link);
    graveyard_.emplace_back(link);
  }

  // cmark renders headings without ids; a custom block carries the id and the
  // level shift (the body's ## is the page's h2: the title is the h1).
  void ReplaceHeading(cmark_node* h) {
    int level = cmark_node_get_heading_level(h);
    if (level == 1) {
      diags_->Warning(pos_.Of(h), "本文の「#」見出しはページの題名と同じ大きさになるため「##」として扱います",
                      "本文の見出しは ## から始めてください");
      level = 2;
    }
    std::string text = CollapseWhitespace(PlainText(h));
    std::string id = HeadingId(text);
    for (int i = 2; !ids_.insert(id).second; ++i) id = HeadingId(text) + "-" + std::to_string(i);
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    std::string tag = std::string("h").append(std::to_string(std::min(level + options_.heading_shift, 6)));
    std::string open = "<";
    open.append(tag).append(" id=\"").append(HtmlEscape(id)).append("\">");
    cmark_node_set_on_enter(block, open.c_str());
    cmark_node_set_on_exit(block, std::string("</").append(tag).append(">").c_str());
    while (cmark_node* child = cmark_node_first_child(h)) cmark_node_append_child(block, child);
    cmark_node_replace(h, block);
    // The heading's inline text still points into the heading's buffer: free it
    // only after rendering.
    graveyard_.emplace_back(h);
    if (level <= 3 && !InsideQuote(block)) toc_.push_back({level, id, text});
  }

  // The name a screen reader announces for a table's scroll region (a landmark
  // in its list): Markdown tables have no caption, so the heading above the
  // table names it (「…（2つ目の表）」 for the next ones under the same heading,
  // as landmarks with one name cannot be told apart); before any heading, the
  // table's column headers.
  std::string TableLabel(cmark_node* table) {
    if (!heading_text_.empty()) {
      int nth = ++tables_under_heading_;
      return nth == 1 ? heading_text_ : heading_text_ + "（" + std::to_string(nth) + "つ目の表）";
    }
    std::string columns;
    cmark_node* header = cmark_node_first_child(table);
    for (cmark_node* cell = header ? cmark_node_first_child(header) : nullptr; cell; cell = cmark_node_next(cell)) {
      std::string text = CollapseWhitespace(PlainText(cell));
      if (!text.empty()) columns += "「" + text + "」";
    }
    return columns.empty() ? "表" : columns + "の表";
  }

  // Wide tables scroll inside their own box instead of the page (reflow at 400 %).
  void WrapTable(cmark_node* table, const std::string& label) {
    std::string open = "<div class=\"table-scroll\" role=\"region\" aria-label=\"";
    open.append(HtmlEscape(label)).append("\" tabindex=\"0\">");
    cmark_node* block = CustomNode(CMARK_NODE_CUSTOM_BLOCK, open, "</div>");
    cmark_node_insert_before(table, block);
    cmark_node_append_child(block, table);
  }

  const Positions& pos_;
  const MarkdownOptions& options_;
  const LinkRewriter& rewrite_;
  Diagnostics* diags_;
  bool warned_html_ = false;
  HeadingOrder heading_order_;
  RepeatLimiter repeats_;  ///< 全角英数字 and the like: a few shown, the rest counted
  std::vector<cmark_node*> remove_, unwrap_, headings_;
  std::vector<cmark_node*> lang_tags_;  ///< kept <span lang> and </span> tags, paired after the walk
  std::vector<cmark_node*> footnote_refs_, footnote_defs_;
  std::vector<cmark_node*> figures_;  ///< images that become a figure with their title as caption
  std::vector<std::pair<cmark_node*, std::string>> file_labels_;  ///< each link to a file and its 「（PDF 3KB）」
  std::vector<cmark_node*> bare_urls_;  ///< links whose text is their address
  std::vector<std::pair<cmark_node*, std::string>> tables_;  ///< each table and its region's name
  std::string heading_text_;  ///< the last heading's text, in document order
  int tables_under_heading_ = 0;
  std::set<std::string> ids_;

 public:
  std::vector<TocEntry> toc_;
  std::vector<NodePtr> graveyard_;
};

}  // namespace

std::string HeadingId(std::string_view text) {
  std::string in = Nfkc(text);
  std::string out;
  for (size_t i = 0; i < in.size();) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x80) {
      if (std::isalnum(c) || c == '-' || c == '_') {
        out += static_cast<char>(std::tolower(c));
      } else if (std::isspace(c) && !out.empty() && out.back() != '-') {
        out += '-';
      }
    } else {
      std::string ch = in.substr(i, len);
      // Japanese punctuation and symbols (、。「」・（）etc.) are not part of an id.
      static const std::set<std::string> kDrop = {"、", "。", "「", "」", "『", "』", "・", "（", "）", "【", "】",
                                                  "〜", "～", "　", "“", "”", "…", "※", "★", "◆", "●", "⇒", "→"};
      if (!kDrop.count(ch)) out += ch;
    }
    i += len;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "section" : out;
}

bool IsDangerousUrl(std::string_view url) {
  std::string scheme;
  bool colon = false;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) continue;  // browsers ignore these inside a scheme
    if ((colon = c == ':')) break;
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.' && c != '&' && c != '#' && c != ';') return false;
    scheme += static_cast<char>(std::tolower(c));
    if (scheme.size() > 40) return false;
  }
  if (!colon) return false;  // no scheme at all: a page of the site (q&a.md)
  // Entities such as "&#106;avascript" are decoded by the browser: reject any
  // scheme that still contains '&'.
  if (scheme.find('&') != std::string::npos) return true;
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

MarkdownEngine::MarkdownEngine() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

RenderedMarkdown MarkdownEngine::Render(std::string_view markdown, const std::string& file, int first_line,
                                        const MarkdownOptions& options, const LinkRewriter& rewrite,
                                        Diagnostics* diags) {
  // Only ~~double~~ tildes strike out: 「9:00~17:00、土曜日~日曜日」 writes a range with one.
  int cmark_options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  ParserPtr parser(cmark_parser_new(cmark_options));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  NodePtr doc;
  {
    // cmark_parser_finish edits a global table of special characters.
    std::lock_guard<std::mutex> lock(parse_mu_);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    doc.reset(cmark_parser_finish(parser.get()));
  }
  Positions positions(markdown, file, first_line, options.indent);
  if (options.hard_breaks) HardenLineBreaks(doc.get());
  FitToJapaneseText(doc.get(), markdown, positions.line_starts());
  AddRuby(doc.get());
  RenderedMarkdown out;
  Passes passes(positions, options, rewrite, diags);
  passes.Run(doc.get(), &out);
  MarkDeletions(doc.get());
  LabelTaskItems(doc.get());
  for (const FootnoteProblem& p : CheckFootnotes(markdown)) diags->Error(positions.AtOffset(p.offset), p.message, p.hint);
  out.toc = std::move(passes.toc_);
  out.html = TakeString(cmark_render_html(doc.get(), cmark_options, cmark_parser_get_syntax_extensions(parser.get())));
  out.text = CollapseWhitespace(PlainText(doc.get()));
  if (CodePointCount(out.summary) > options.summary_chars) {
    out.summary = Utf8Prefix(out.summary, options.summary_chars) + "…";
  }
  return out;
}

}  // namespace kyodo
