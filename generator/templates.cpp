#include "templates.h"

#include <algorithm>

#include "source.h"
#include "text.h"

namespace kyodo {

namespace {

constexpr const char* kExt = ".mustache";
constexpr size_t kPageBytes = 16 * 1024;  // nine pages in ten fit, so few are moved while growing

// mustache's own html_escape, byte for byte (&apos; included), without appending one
// character at a time.
void AppendEscaped(std::string_view s, std::string* out) { AppendHtmlEscaped(s, "&apos;", out); }

// kainjow reports "… at 123": the offset in the text it parsed.
SourceLoc LocOfMustacheError(const std::string& path, const std::string& text, const std::string& message) {
  size_t at = message.rfind(" at ");
  if (at == std::string::npos) return {path, 0, 0};
  try {
    return LocOfByte(path, text, std::stoul(message.substr(at + 4)));
  } catch (...) {
    return {path, 0, 0};
  }
}

// kainjow's parse errors are English ("Unclosed section \"x\" at 46"); a theme
// author reads them in Japanese with the fix, the way every content error reads.
struct TemplateError {
  std::string message;
  std::string hint;
};

std::string QuotedName(const std::string& message) {
  size_t open = message.find('"');
  size_t close = open == std::string::npos ? std::string::npos : message.find('"', open + 1);
  return close == std::string::npos ? std::string() : message.substr(open + 1, close - open - 1);
}

TemplateError ExplainMustacheError(const std::string& message) {
  const std::string name = QuotedName(message);
  if (message.starts_with("Unclosed section")) {
    return {"{{#" + name + "}}（または {{^" + name + "}}）で始めた部分が閉じていません",
            "閉じたいところに {{/" + name + "}} を書いてください"};
  }
  if (message.starts_with("Unopened section")) {
    return {"{{/" + name + "}} に対応する {{#" + name + "}} か {{^" + name + "}} がありません",
            "名前の綴りを確かめるか、この {{/" + name + "}} を消してください"};
  }
  if (message.starts_with("Unclosed tag")) {
    return {"タグが閉じていません", "{{名前}} は }} で、{{{名前}}} は }}} で閉じます"};
  }
  if (message.starts_with("Invalid set delimiter tag")) {
    return {"区切り文字を変えるタグ {{=…=}} の書き方が違います", "{{=<% %>=}} のように、空白で区切った2つの区切り文字を書きます"};
  }
  return {message, ""};
}

// Calls fn(offset, sigil, name) for each tag of `t` in the default delimiters: sigil is
// '{' for {{{name}}}, the tag's # ^ / & ! > = for those, and 0 for {{name}}. Stops at an
// unclosed tag (Load reports it).
template <class Fn>
void ForEachTag(const std::string& t, Fn fn) {
  for (size_t open = t.find("{{"); open != std::string::npos; open = t.find("{{", open + 2)) {
    const bool triple = t.compare(open, 3, "{{{") == 0;
    const size_t close = t.find(triple ? "}}}" : "}}", open + 2);
    if (close == std::string::npos) return;
    std::string inner = t.substr(open + 2, close - open - 2);
    char sigil = triple ? '{' : 0;
    if (triple) {
      inner.erase(0, 1);
    } else if (!inner.empty() && std::string_view("#^/&!>=").find(inner[0]) != std::string_view::npos) {
      sigil = inner[0];
      inner.erase(0, 1);
    }
    fn(open, sigil, CollapseWhitespace(inner));
  }
}

// A tag's value name in parts (a.b → a, b); none for comments, partials, delimiter
// changes and "." (a section's close repeats its open, so it adds nothing new).
std::vector<std::string> ValueNames(char sigil, const std::string& name) {
  std::vector<std::string> out;
  if (sigil == '!' || sigil == '>' || sigil == '=' || name == ".") return out;
  for (size_t start = 0; start <= name.size();) {
    const size_t dot = std::min(name.find('.', start), name.size());
    if (dot > start) out.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return out;
}

void AddNames(const std::string& text, std::set<std::string>* names) {
  ForEachTag(text, [&](size_t, char sigil, const std::string& name) {
    for (std::string& part : ValueNames(sigil, name)) names->insert(std::move(part));
  });
}

}  // namespace

bool Templates::Load(const Disk& disk, const std::string& base_dir, const std::string& theme_templates,
                     Diagnostics* diags) {
  int errors_before = diags->ErrorCount();
  // Theme files first so that they win; the base folder fills in the rest.
  for (const std::string& dir : {theme_templates, base_dir}) {
    if (dir.empty() || disk.Stat(dir) != FileKind::kDir) continue;
    for (const std::string& sub : {std::string(), std::string("partials")}) {
      std::string folder = JoinPath(dir, sub);
      for (const std::string& name : disk.ListDir(folder)) {
        if (!name.ends_with(kExt)) continue;
        std::string rel = JoinPath(sub, name);
        const bool overridden = sources_.count(rel) > 0;
        std::string path = JoinPath(folder, name);
        auto text = ReadSource(disk, path, diags);
        if (!text) continue;
        if (dir != theme_templates) AddNames(*text, &kyodo_names_);  // a theme may name what kyodo's files do
        if (!overridden) sources_[rel] = {path, *text, dir == theme_templates};
      }
    }
  }
  if (sources_.empty()) {
    diags->Error({base_dir, 0, 0}, "テンプレートがありません");
    return false;
  }
  for (const auto& [rel, src] : sources_) {
    // Each file must parse on its own, so an error points into that file.
    mustache::mustache alone(src.text);
    if (!alone.is_valid()) {
      TemplateError e = ExplainMustacheError(alone.error_message());
      diags->Error(LocOfMustacheError(src.path, src.text, alone.error_message()), "テンプレートの誤り: " + e.message,
                   e.hint);
      continue;
    }
    if (rel.find('/') != std::string::npos) continue;  // partials are used inside pages
    std::string text;
    if (!Inline(src, 0, &text, diags)) continue;
    std::string error;
    auto compiled = CompiledTemplate::Compile(text, &error);  // kainjow checks it again with the partials in
    if (!compiled) {
      diags->Error({src.path, 0, 0}, "テンプレートの誤り（部分テンプレートを含めて）: " + error);
      continue;
    }
    pages_.emplace(rel.substr(0, rel.size() - std::string(kExt).size()), std::move(*compiled));
  }
  WarnUnused(disk, base_dir, theme_templates, diags);
  return diags->ErrorCount() == errors_before;
}

// A page template is chosen by the page's kind (case.mustache for a case), so a theme
// file whose name templates/ does not have is never used: a misspelt override would
// leave the default look in place without a word.
void Templates::WarnUnused(const Disk& disk, const std::string& base_dir, const std::string& theme_templates,
                           Diagnostics* diags) const {
  if (theme_templates.empty()) return;
  std::vector<std::string> kinds;
  for (const std::string& name : disk.ListDir(base_dir)) {
    if (name.ends_with(kExt)) kinds.push_back(name);
  }
  for (const auto& [rel, src] : sources_) {
    if (!src.from_theme) continue;
    if (rel.starts_with("partials/") && !files_.count(src.path)) {
      WarnUnusedPartial(disk, base_dir, src.path, rel.substr(9), diags);
      continue;
    }
    if (rel.find('/') != std::string::npos) continue;
    if (std::find(kinds.begin(), kinds.end(), rel) != kinds.end()) continue;
    std::vector<std::string> near = NearestMatches(rel, kinds, 1);
    diags->Warning({src.path, 1, 1}, "テンプレート「" + rel + "」を使うページはありません",
                   (near.empty() ? std::string() : "「" + near[0] + "」の書き間違いではありませんか。") +
                       "ページのテンプレートは templates/ にあるファイルと同じ名前のときだけ置き換わります。"
                       "部品なら partials/ に置いてください");
  }
}

// A theme partial no template includes: unless it replaces a partial of templates/
// that a page includes (then files_ would hold it), it is most likely misspelt.
void Templates::WarnUnusedPartial(const Disk& disk, const std::string& base_dir, const std::string& path,
                                  const std::string& name, Diagnostics* diags) const {
  std::vector<std::string> known;
  for (const std::string& base : disk.ListDir(JoinPath(base_dir, "partials"))) {
    if (base.ends_with(kExt)) known.push_back(base);
  }
  std::vector<std::string> near = NearestMatches(name, known, 1);
  std::string stem = name.substr(0, name.size() - std::string(kExt).size());
  diags->Warning({path, 1, 1}, "部分テンプレート「" + stem + "」を読み込むテンプレートはありません",
                 (near.empty() ? std::string() : "「partials/" + near[0] + "」の書き間違いではありませんか。") +
                     "使うなら、テンプレートに {{> " + stem + "}} と書いてください");
}

// The nearest partial names when one was mistyped ({{> tocc}} → toc), else how to add it.
std::string Templates::PartialHint(const std::string& name) const {
  std::vector<std::string> partials;
  for (const auto& [rel, src] : sources_) {
    if (rel.starts_with("partials/")) partials.push_back(rel.substr(9, rel.size() - 9 - std::string(kExt).size()));
  }
  std::vector<std::string> near = NearestMatches(name, partials, 1);
  std::string make = "partials/" + name + kExt + " を作ってください";
  return near.empty() ? make : "「" + near[0] + "」ではありませんか。新しく使うなら " + make;
}

const Templates::Source* Templates::Find(const std::string& rel) const {
  auto it = sources_.find(rel);
  return it == sources_.end() ? nullptr : &it->second;
}

bool Templates::Inline(const Source& src, int depth, std::string* out, Diagnostics* diags) {
  files_.insert(src.path);
  const std::string& t = src.text;
  size_t pos = 0;
  bool ok = true;
  while (true) {
    size_t open = t.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = t.find("}}", open);
    if (close == std::string::npos) break;
    out->append(t, pos, open - pos);
    std::string name = CollapseWhitespace(t.substr(open + 3, close - open - 3));
    const Source* partial = Find("partials/" + name + kExt);
    if (!partial) {
      diags->Error(LocOfByte(src.path, t, open), "部分テンプレート「" + name + "」がありません", PartialHint(name));
      ok = false;
    } else if (depth > 8) {
      diags->Error(LocOfByte(src.path, t, open), "部分テンプレート「" + name + "」が自分自身を読み込んでいます");
      ok = false;
    } else {
      ok = Inline(*partial, depth + 1, out, diags) && ok;
    }
    pos = close + 2;
  }
  out->append(t, pos, std::string::npos);
  return ok;
}

void Templates::WarnUnescaped(const std::function<bool(const std::string&)>& is_html, Diagnostics* diags) const {
  for (const auto& entry : sources_) {
    const Source& src = entry.second;  // (a lambda below may not capture a structured binding in clang 14)
    ForEachTag(src.text, [&](size_t open, char sigil, const std::string& name) {
      if ((sigil != '{' && sigil != '&') || is_html(name)) return;
      std::string tag = sigil == '{' ? "{{{" + name + "}}}" : "{{&" + name + "}}";
      diags->Warning(LocOfByte(src.path, src.text, open),
                     tag + " は「" + name + "」の文字をエスケープせずに HTML として書き出します",
                     "本文の HTML（body・intro）のほかは {{" + name +
                         "}} と括弧2つで書いてください。「<」や「&」を含む文字で表示が崩れたり、貼り付けたスクリプトが動いたりします");
    });
  }
}

void Templates::WarnUnknownNames(const std::set<std::string>& also_known, Diagnostics* diags) const {
  std::set<std::string> known = kyodo_names_;
  known.insert(also_known.begin(), also_known.end());
  const std::vector<std::string> candidates(known.begin(), known.end());
  for (const auto& entry : sources_) {
    const Source& src = entry.second;  // (a lambda below may not capture a structured binding in clang 14)
    // {{=<% %>=}} changes the delimiters: its tags are not read here.
    if (!src.from_theme || src.text.find("{{=") != std::string::npos) continue;
    ForEachTag(src.text, [&](size_t open, char sigil, const std::string& name) {
      if (sigil == '/') return;  // its open was warned
      for (const std::string& part : ValueNames(sigil, name)) {
        if (known.count(part)) continue;
        std::vector<std::string> near = NearestMatches(part, candidates, 1);
        diags->Warning(LocOfByte(src.path, src.text, open),
                       "「" + part + "」という値は kyodo から渡されません（空のまま表示されます）",
                       (near.empty() ? std::string() : "「" + near[0] + "」ではありませんか。") +
                           "使える名前は docs/theming.md にあります");
        return;
      }
    });
  }
}

std::string Templates::Render(const std::string& name, const mustache::data& data) const {
  auto it = pages_.find(name);
  if (it == pages_.end()) return {};
  std::string out;
  out.reserve(kPageBytes);
  it->second.Render(data, AppendEscaped, &out);
  return out;
}

}  // namespace kyodo
