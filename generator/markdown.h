// Markdown → HTML through cmark-gfm's AST. Post-passes on the tree (never regexes
// on HTML): heading ids and the table of contents, link and image rewriting and
// checking, alt text checks, raw-HTML and unsafe-URL removal, summary text.
#ifndef KYODO_MARKDOWN_H_
#define KYODO_MARKDOWN_H_

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace kyodo {

struct MarkdownOptions {
  bool unsafe_html = false;   ///< keep raw HTML and any URL scheme (site.yaml unsafe_html: true)
  size_t summary_chars = 120; ///< length of the summary, in characters
  bool lint = false;          ///< warn about authoring problems (lint.h) at their source positions
  int indent = 0;             ///< columns the text is indented by in its file (a YAML block scalar)
  /// Levels the rendered headings go further down: 1 where the template puts the body
  /// under a heading of its own (a case's h2 「事例の内容」: its ## is then an h3). The
  /// table of contents keeps the written levels.
  int heading_shift = 0;
  /// Every line break inside a paragraph is a <br>: a groups.csv 本文 cell, where the clerk
  /// broke lines with Alt+Enter in Excel and knows no Markdown spelling for it.
  bool hard_breaks = false;
};

struct TocEntry {
  int level = 2;  ///< 2 or 3 (h2/h3)
  std::string id, text;
};

/// A link or image URL found in the body, as the author wrote it.
struct LinkRequest {
  std::string url;
  bool image = false;
  SourceLoc loc;
  /// Where the rewriter puts the label of a linked file (「PDF 123KB」, links.h
  /// FileLabel); the link text gets it in parentheses. Null: not wanted.
  std::string* file_label = nullptr;
  std::string text;  ///< the link's text (an image's alt)
};

/// Decides the href of each link/image: returns the URL to use (reporting a
/// dangling internal link itself). Return the input unchanged to keep it.
using LinkRewriter = std::function<std::string(const LinkRequest&)>;

struct RenderedMarkdown {
  std::string html;
  std::vector<TocEntry> toc;
  std::string summary;  ///< first paragraphs' text, cut at summary_chars with 「…」
  std::string text;     ///< all text, whitespace collapsed (search index)
};

/// Owns the cmark-gfm extension registry and the lock that makes parsing safe
/// from several threads (cmark-gfm's parser touches a global table while it
/// finishes a document with extensions). One per build, shared by all threads.
class MarkdownEngine {
 public:
  MarkdownEngine();

  /// Renders `markdown` (the body of `file`, whose first line is `first_line`).
  /// Headings are rendered one level down from h2: the page title is the only h1.
  RenderedMarkdown Render(std::string_view markdown, const std::string& file, int first_line,
                          const MarkdownOptions& options, const LinkRewriter& rewrite, Diagnostics* diags);

 private:
  std::mutex parse_mu_;
};

/// The id a heading text gets: NFKC, lower case, spaces → '-', punctuation other
/// than '-' and '_' removed; Japanese kept. "" becomes "section".
std::string HeadingId(std::string_view text);

/// True for URL schemes that can run script or embed data (javascript:, vbscript:,
/// data:), however they are written (case, spaces, control characters, entities).
bool IsDangerousUrl(std::string_view url);

}  // namespace kyodo

#endif  // KYODO_MARKDOWN_H_
