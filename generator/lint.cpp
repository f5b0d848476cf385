#include "lint.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "ruby.h"
#include "text.h"

namespace kyodo {

namespace {

std::vector<LintFinding> WidthRuns(std::string_view text, const std::vector<TextChar>& chars) {
  std::vector<LintFinding> out;
  for (size_t i = 0; i < chars.size();) {
    CharKind kind = chars[i].kind;
    if (kind != CharKind::kFullwidthAlnum && kind != CharKind::kHalfwidthKana) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < chars.size() && chars[j].kind == kind) ++j;
    std::string run(text.substr(chars[i].offset, chars[j - 1].offset + chars[j - 1].size - chars[i].offset));
    if (kind == CharKind::kFullwidthAlnum) {
      out.push_back({chars[i].offset, run, "全角英数字「" + run + "」があります",
                     "半角で「" + Nfkc(run) + "」と書いてください（読み上げや検索で正しく扱われるように）", "全角英数字"});
    } else {
      out.push_back({chars[i].offset, run, "半角カナ「" + run + "」があります",
                     "全角で「" + Nfkc(run) + "」と書いてください（半角カナは読み上げで正しく読まれないことがあります）", "半角カナ"});
    }
    i = j;
  }
  return out;
}

// 「市　役　所」: letters spaced apart to line text up. Japanese puts no spaces
// between words, so a letter standing alone between two spaces (X␣Y␣Z), or a
// text of single letters (「氏　名」), is layout, not wording.
std::vector<LintFinding> SpacedOut(std::string_view text, const std::vector<TextChar>& c) {
  std::vector<LintFinding> out;
  auto letter = [&](size_t k) { return k < c.size() && c[k].kind == CharKind::kJapaneseLetter; };
  // The letter after the spaces that follow letter k, or npos.
  auto bridge = [&](size_t k) -> size_t {
    size_t s = k + 1;
    while (s < c.size() && c[s].kind == CharKind::kSpace) ++s;
    return s > k + 1 && letter(s) ? s : std::string_view::npos;
  };
  for (size_t i = 0; i < c.size(); ++i) {
    if (!letter(i)) continue;
    size_t last = i, bridges = 0;
    for (size_t next; (next = bridge(last)) != std::string_view::npos;) {
      ++bridges;
      last = next;
      if (letter(next + 1)) break;  // a word closes the run
    }
    bool single_pair = bridges == 1 && !(i > 0 && letter(i - 1)) && !letter(last + 1);
    if (bridges < 2 && !single_pair) {
      if (bridges == 1 && !letter(last + 1)) i = last - 1;  // start again from the single letter
      continue;
    }
    size_t end = c[last].offset + c[last].size;
    std::string run(text.substr(c[i].offset, end - c[i].offset));
    std::string joined;
    for (size_t k = i; k <= last; ++k) {
      if (c[k].kind != CharKind::kSpace) joined += text.substr(c[k].offset, c[k].size);
    }
    out.push_back({c[i].offset, run, "文字の間に空白があります「" + run + "」",
                   "見た目をそろえる空白は読み上げで単語を区切ってしまいます。「" + joined + "」と続けて書いてください",
                   "文字の間の空白"});
    i = last;
  }
  return out;
}


// 2024/1/1 or 2024.1.1 (one separator throughout), not inside a longer number or path.
std::vector<LintFinding> SlashDates(std::string_view t) {
  std::vector<LintFinding> out;
  for (size_t i = 0; i + 8 <= t.size(); ++i) {
    if (!IsAsciiDigit(t[i])) continue;  // first: most bytes are not digits
    if (i > 0 && (IsAsciiDigit(t[i - 1]) || t[i - 1] == '/' || t[i - 1] == '.')) continue;
    if (!(IsAsciiDigit(t[i]) && IsAsciiDigit(t[i + 1]) && IsAsciiDigit(t[i + 2]) && IsAsciiDigit(t[i + 3]))) continue;
    char sep = t[i + 4];
    if (sep != '/' && sep != '.') continue;
    size_t p = i + 5;
    int parts[2] = {0, 0};
    bool ok = true;
    for (int k = 0; k < 2 && ok; ++k) {
      size_t start = p;
      while (p < t.size() && IsAsciiDigit(t[p]) && p - start < 3) parts[k] = parts[k] * 10 + (t[p++] - '0');
      ok = p > start && p - start <= 2;
      if (k == 0) ok = ok && p < t.size() && t[p++] == sep;
    }
    if (!ok || (p < t.size() && (IsAsciiDigit(t[p]) || t[p] == sep))) continue;
    if (parts[0] < 1 || parts[0] > 12 || parts[1] < 1 || parts[1] > 31) continue;
    std::string date(t.substr(i, p - i));
    std::string japanese = std::string(t.substr(i, 4)) + "年" + std::to_string(parts[0]) + "月" +
                           std::to_string(parts[1]) + "日";
    out.push_back({i, date, "日付「" + date + "」が数字と記号だけで書かれています",
                   "「" + japanese + "」のように書いてください（読み上げで日付として伝わるように）", "数字と記号だけの日付"});
    i = p - 1;
  }
  return out;
}


// Trims spaces and the punctuation around a link text: 「こちら。」→「こちら」.
std::string Bare(std::string_view text) {
  std::string s = CollapseWhitespace(Nfkc(text));
  static const std::array<std::string_view, 16> kEdge = {"。", "、", "!", "?", ".", ",", "→", ">", "»",
                                                         "「", "」", "(", ")", "[", "]", " "};
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view e : kEdge) {
      if (s.size() >= e.size() && s.compare(0, e.size(), e) == 0) s.erase(0, e.size()), changed = true;
      if (s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0) {
        s.erase(s.size() - e.size()), changed = true;
      }
    }
  }
  return AsciiLower(s);
}

// Characters that show as nothing: text pasted from Word or a web page brings
// them along. Inside a word (「協\u200B働」) they hide it from the site's search and
// from the reader's own find-in-page, and nothing on the page shows why.
std::vector<LintFinding> InvisibleChars(std::string_view text) {
  struct Invisible {
    std::string_view utf8, name;
  };
  static constexpr Invisible kInvisible[] = {{"\xE2\x80\x8B", "ゼロ幅スペース U+200B"},
                                             {"\xE2\x81\xA0", "単語結合子 U+2060"},
                                             {"\xEF\xBB\xBF", "BOM U+FEFF"},
                                             {"\xC2\xAD", "ソフトハイフン U+00AD"}};
  std::vector<LintFinding> out;
  for (const Invisible& c : kInvisible) {
    for (size_t at = text.find(c.utf8); at != std::string_view::npos; at = text.find(c.utf8, at + 1)) {
      out.push_back({at, std::string(c.utf8), "見えない文字（" + std::string(c.name) + "）があります",
                     "Word やウェブページから貼り付けると入ります。消してください（その語がサイト内検索で見つからなくなります）"});
    }
  }
  return out;
}

}  // namespace

std::vector<LintFinding> CheckText(std::string_view text) {
  // Full-width alphanumerics and half-width kana lie in U+FF00–U+FFEF (UTF-8 lead
  // byte 0xEF) and spaced-out letters need a space, so most paragraphs skip
  // classifying every character (the text test checks the classes' code points).
  const bool classify = text.find('\xEF') != std::string_view::npos || text.find(' ') != std::string_view::npos ||
                        text.find("\xE3\x80\x80") != std::string_view::npos;
  std::vector<LintFinding> out;
  if (classify) {
    const std::vector<TextChar> chars = ClassifyChars(text);
    out = WidthRuns(text, chars);
    for (LintFinding& f : SpacedOut(text, chars)) out.push_back(std::move(f));
  }
  for (LintFinding& f : SlashDates(text)) out.push_back(std::move(f));
  for (LintFinding& f : InvisibleChars(text)) out.push_back(std::move(f));
  // The body's readings are ruby by now (markdown.cpp runs AddRuby first): one found
  // here is in a title or summary, which print 《…》 as written.
  if (auto r = FindReading(text)) {
    const std::string written(text.substr(r->offset, r->size));
    out.push_back({r->offset, written, "読み「" + written + "」はここではそのまま表示されます",
                   "読み（ルビ）を付けられるのは本文だけです。ここでは《》と読みを消してください"});
  }
  std::stable_sort(out.begin(), out.end(), [](const LintFinding& a, const LintFinding& b) { return a.offset < b.offset; });
  return out;
}

bool RepeatLimiter::Report(const LintFinding& f, const SourceLoc& loc) {
  if (f.kind.empty()) return true;
  auto it = std::find_if(tallies_.begin(), tallies_.end(), [&](const Tally& t) { return t.kind == f.kind; });
  if (it == tallies_.end()) it = tallies_.insert(tallies_.end(), {f.kind, 0, {}});
  if (++it->count == kShown + 1) it->first_unreported = loc;
  return it->count <= kShown;
}

void RepeatLimiter::Summarize(Diagnostics* diags) const {
  for (const Tally& t : tallies_) {
    if (t.count <= kShown) continue;
    diags->Warning(t.first_unreported,
                   "このほかにも" + t.kind + "が " + std::to_string(t.count - kShown) + " か所あります（全 " +
                       std::to_string(t.count) + " か所のうち最初の " + std::to_string(kShown) + " か所だけを示しました）",
                   t.kind == "全角英数字" ? "エディターの置換で全角の英数字を半角にまとめて直せます。直したら kyodo check で残りを確かめてください"
                                          : "直したら kyodo check で残りを確かめてください");
  }
}

std::optional<LintFinding> CheckLinkText(std::string_view text) {
  // 「こちらから」「ここから」 (申し込みは[こちらから]) and コチラ are as common on municipal pages.
  static const std::array<std::string_view, 22> kVague = {
      "こちら", "ここ", "こちらから", "ここから", "コチラ", "ココ", "こちらをクリック", "ここをクリック",
      "こちらをご覧ください", "詳しくはこちら", "詳細はこちら", "詳細", "詳しく", "もっと見る", "続きを読む", "リンク",
      "click here", "here", "more", "read more", "link", "click"};
  std::string bare = Bare(text);
  if (std::find(kVague.begin(), kVague.end(), bare) == kVague.end()) return std::nullopt;
  std::string shown = CollapseWhitespace(text);
  return LintFinding{0, shown, "リンクの文字「" + shown + "」だけではリンク先がわかりません",
                     "リンク先の内容がわかる文字にしてください（例: [協働提案制度の募集要項](…)）"};
}

void WarnVagueLinkTitle(std::string_view title, const SourceLoc& loc, Diagnostics* diags) {
  if (auto f = CheckLinkText(title)) {
    diags->Warning(loc, f->message, "title: にリンク先の内容がわかる文字を書いてください（例: title: 協働提案制度の募集要項）");
  }
}

std::optional<LintFinding> CheckAltText(std::string_view alt_text, std::string_view src) {
  std::string alt = CollapseWhitespace(alt_text);
  if (alt.empty()) return std::nullopt;  // a missing alt is reported as an error elsewhere
  std::string lower = AsciiLower(alt);
  std::string file = AsciiLower(std::string(src.substr(src.find_last_of('/') == std::string_view::npos
                                                       ? 0
                                                       : src.find_last_of('/') + 1)));
  std::string stem = file.substr(0, file.rfind('.'));
  static const std::array<std::string_view, 12> kExtensions = {".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp",
                                                               ".bmp", ".tif",  ".tiff", ".avif", ".heic", ".pdf"};
  bool has_extension = std::any_of(kExtensions.begin(), kExtensions.end(), [&](std::string_view e) {
    return lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0;
  });
  bool camera = false;
  for (std::string_view prefix : {"img_", "img-", "dsc_", "dscn", "dscf", "dsc", "pxl_"}) {
    if (lower.rfind(prefix, 0) == 0 && lower.size() > prefix.size() &&
        std::all_of(lower.begin() + static_cast<long>(prefix.size()), lower.end(),
                    [](char ch) { return IsAsciiDigit(ch) || ch == '_'; })) {
      camera = true;
    }
  }
  bool same_as_file = !file.empty() && (lower == file || lower == stem);
  if (!has_extension && !camera && !same_as_file) return std::nullopt;
  return LintFinding{0, alt, "画像の代替テキスト「" + alt + "」がファイル名になっています",
                     "何が写っているかを文で書いてください（例: ![会場に並ぶ熱気球](…)）"};
}

std::optional<LintFinding> CheckTableHeader(const std::vector<std::string>& header_cells) {
  for (const std::string& cell : header_cells) {
    if (!CollapseWhitespace(cell).empty()) return std::nullopt;
  }
  return LintFinding{0, "", "表の見出し行（1行目）が空です",
                     "1行目の各列に見出し（例: | 日付 | 内容 |）を書いてください。見出しがないと読み上げで表の内容が伝わりません"};
}

std::optional<LintFinding> CheckIndentedCode(std::string_view code) {
  // Any character outside ASCII that is not a symbol: kana and kanji, which program
  // code does not hold but a pasted 指針 paragraph does.
  for (size_t i = 0; i < code.size(); ++i) {
    if (static_cast<unsigned char>(code[i]) >= 0xE3 && static_cast<unsigned char>(code[i]) <= 0xE9) {
      return LintFinding{0, "", "行頭のタブか4つ以上の空白のため、この文章はプログラムのコードとして表示されます",
                         "段落の行頭の空白とタブを消してください（段落は空行で区切ります。字下げは要りません。"
                         "コードを載せるときは ``` で囲みます）"};
    }
  }
  return std::nullopt;
}

std::optional<LintFinding> HeadingOrder::Next(int level) {
  level = std::max(level, 2);  // a body "#" is shown as h2 (markdown.cpp warns about it)
  int previous = previous_;
  previous_ = level;
  if (level <= previous + 1) return std::nullopt;
  std::string written(static_cast<size_t>(level), '#');
  std::string expected(static_cast<size_t>(previous + 1), '#');
  if (previous == 1) {
    return LintFinding{0, written, "本文の最初の見出しが「" + written + "」です",
                       "本文の見出しは「##」から始めてください（ページの題名が一番大きな見出しです）"};
  }
  return LintFinding{0, written,
                     "見出しが「" + std::string(static_cast<size_t>(previous), '#') + "」から「" + written +
                         "」へ飛んでいます",
                     "「" + expected + "」にしてください（見出しは1段ずつ下げます）"};
}

void ReportOnLine(const std::vector<LintFinding>& findings, std::string_view text, const SourceLoc& at,
                  Diagnostics* diags) {
  for (const LintFinding& f : findings) {
    SourceLoc loc = at;
    if (loc.line > 0) loc.col += static_cast<int>(CodePointCount(text.substr(0, f.offset)));
    diags->Warning(loc, f.message, f.hint);
  }
}

}  // namespace kyodo
