#include "tokens.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "text.h"
#include "yaml_reader.h"

namespace kyodo {

namespace {

constexpr int kMaxReferenceDepth = 8;

std::optional<TokenKind> KindOf(const std::string& name) {
  if (name.rfind("color_", 0) == 0) return TokenKind::kColor;
  if (name.rfind("font_size_", 0) == 0) return TokenKind::kFontSize;
  if (name == "logo") return TokenKind::kLogo;
  return std::nullopt;
}

std::optional<ContrastUse> UseOf(const std::string& text) {
  if (text == "text") return ContrastUse::kText;
  if (text == "large") return ContrastUse::kLargeText;
  if (text == "ui") return ContrastUse::kUi;
  return std::nullopt;
}

bool IsReference(const std::string& value) { return !value.empty() && value[0] == '$'; }

void ReadTokens(const MapReader& m, Theme* theme, Diagnostics* diags) {
  YAML::Node node = m.Get("tokens");
  if (!node.IsMap()) {
    diags->Error(m.ValueLoc("tokens"), "tokens は「名前: 値」の形で書いてください");
    return;
  }
  for (const auto& kv : node) {
    auto name = ScalarText(kv.first);
    auto value = ScalarText(kv.second);
    SourceLoc loc = m.file().Loc(kv.second);
    if (!name || !value) {
      diags->Error(m.file().Loc(kv.first), "トークンの値は文字列で書いてください", kv.second.IsNull() ? kQuoteColorHint : "");
      continue;
    }
    auto kind = KindOf(*name);
    if (!kind) {
      diags->Error(m.file().Loc(kv.first), "トークン名「" + *name + "」の種類がわかりません",
                   "色は color_、文字の大きさは font_size_ で始めるか、ロゴは logo にしてください");
      continue;
    }
    std::string error;
    if (*kind == TokenKind::kColor && !IsReference(*value) && !ParseColor(*value, &error)) {
      diags->Error(loc, error, "例: " + *name + ": \"#1a1a1c\"、または他の色の名前を $color_primary のように");
      continue;
    }
    if (*kind == TokenKind::kFontSize && !FontSizePercent(*value, &error)) {
      diags->Error(loc, error);
      continue;
    }
    // logo names a file in a city's assets/, which a theme cannot know: a theme's own
    // image here was looked up in each city's folder and silently left out.
    if (*kind == TokenKind::kLogo && !value->empty()) {
      diags->Error(loc, "テーマの logo には画像を書けません（市町村のロゴは市町村ごとに指定します）",
                   "市町村の site.yaml に tokens: {logo: " + *value + "} と書き、画像を市町村の assets/ に置いてください。"
                   "テーマの画像なら、テンプレートで {{theme_assets_href}}" + *value + " と書きます");
      theme->tokens.push_back({*name, *kind, "", loc});  // cities may still set theirs
      continue;
    }
    theme->tokens.push_back({*name, *kind, *value, loc});
  }
}

// Every $reference names a colour token and no chain loops.
void CheckReferences(const Theme& theme, Diagnostics* diags) {
  for (const ThemeToken& t : theme.tokens) {
    if (t.kind != TokenKind::kColor || !IsReference(t.value)) continue;
    const ThemeToken* at = &t;
    for (int depth = 0; at && IsReference(at->value); ++depth) {
      const ThemeToken* next = theme.Find(at->value.substr(1));
      if (!next || next->kind != TokenKind::kColor) {
        std::vector<std::string> names;
        for (const ThemeToken& c : theme.tokens) {
          if (c.kind == TokenKind::kColor) names.push_back("$" + c.name);
        }
        auto near = NearestMatches(at->value, names, 1);
        diags->Error(t.loc, "「" + at->value + "」という色のトークンはありません",
                     near.empty() ? "" : "「" + near[0] + "」ではありませんか");
        break;
      }
      if (depth >= kMaxReferenceDepth) {
        diags->Error(t.loc, "トークン「" + t.name + "」の $ 参照が循環しています");
        break;
      }
      at = next;
    }
  }
}

void ReadPairs(const MapReader& m, Theme* theme, Diagnostics* diags) {
  const YAML::Node tokens = m.Get("tokens");
  for (const MapReader& p : m.MapList("contrast")) {
    p.CheckKeys({"fg", "bg", "use", "label"});
    auto fg = p.String("fg", true);
    auto bg = p.String("bg", true);
    auto use = p.String("use", true);
    auto label = p.String("label", true);
    if (!fg || !bg || !use || !label) continue;
    bool ok = true;
    for (const Located* name : {&*fg, &*bg}) {
      const ThemeToken* t = theme->Find(name->value);
      if (!t && tokens.IsMap() && tokens[name->value]) {
        ok = false;  // written under tokens: with a bad value, which is reported there
      } else if (!t || t->kind != TokenKind::kColor) {
        std::vector<std::string> colors;
        for (const ThemeToken& c : theme->tokens) {
          if (c.kind == TokenKind::kColor) colors.push_back(c.name);
        }
        auto near = NearestMatches(name->value, colors, 1);
        diags->Error(name->loc, "「" + name->value + "」という色のトークンはありません",
                     near.empty() ? "tokens: に書いた color_… の名前を書いてください" : "「" + near[0] + "」ではありませんか");
        ok = false;
      }
    }
    auto u = UseOf(use->value);
    if (!u) {
      diags->Error(use->loc, "use は text（4.5:1）、large（大きな文字 3:1）、ui（部品・フォーカス 3:1）のどれかです");
      ok = false;
    }
    if (ok) theme->contrast.push_back({fg->value, bg->value, *u, label->value, p.where()});
  }
}

std::string Percent(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g%%", value);
  return buf;
}

}  // namespace

double RequiredRatio(ContrastUse use) { return use == ContrastUse::kText ? 4.5 : 3.0; }

const ThemeToken* Theme::Find(const std::string& name) const {
  for (const ThemeToken& t : tokens) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::optional<std::string> FontSizePercent(const std::string& text, std::string* error) {
  auto number = [](const std::string& s, double* out) {
    if (s.empty() || s.find_first_not_of("0123456789.") != std::string::npos) return false;
    *out = std::atof(s.c_str());
    return true;
  };
  double v = 0;
  double px = 0;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, "px") == 0 && number(text.substr(0, text.size() - 2), &v)) {
    px = v;
  } else if (text.size() > 1 && text.back() == '%' && number(text.substr(0, text.size() - 1), &v)) {
    px = v * 16 / 100;
  } else {
    *error = "文字の大きさ「" + text + "」は 16px や 112.5% のように書いてください";
    return std::nullopt;
  }
  if (px < 16 || px > 32) {
    *error = "文字の大きさ「" + text + "」は 16px（100%）から 32px（200%）の間にしてください（本文は 16px 以上）";
    return std::nullopt;
  }
  // A percentage keeps the reader's own browser font-size setting in effect.
  return Percent(px * 100 / 16);
}

Theme LoadTheme(const Disk& disk, const std::string& themes_dir, const std::string& name, Diagnostics* diags) {
  Theme theme;
  theme.name = name;
  theme.stylesheets = {"style.css"};
  std::string path = JoinPath(JoinPath(themes_dir, name), "theme.yaml");
  theme.loc = {path, 0, 0};
  theme.stylesheet_locs = {theme.loc};
  std::string text, err;
  if (!disk.ReadFile(path, &text, &err)) {
    diags->Error(theme.loc, "テーマの theme.yaml を読めません: " + err,
                 "themes/default/theme.yaml をまねて、色（color_…）と組み合わせ（contrast:）を書いてください");
    theme.readable = false;
    return theme;
  }
  YamlFile file(path, text);
  if (!file.Parse(diags)) {
    theme.readable = false;
    return theme;
  }
  MapReader m(file, file.root(), file.Start(), diags);
  if (!m.ok()) return theme;
  m.CheckKeys({"name", "label", "stylesheets", "tokens", "contrast"});
  if (auto label = m.String("label")) theme.label = label->value;
  if (m.Has("stylesheets")) {
    theme.stylesheets.clear();
    theme.stylesheet_locs.clear();
    for (const Located& s : m.StringList("stylesheets")) {
      theme.stylesheets.push_back(s.value);
      theme.stylesheet_locs.push_back(s.loc);
    }
  }
  if (m.Has("tokens")) ReadTokens(m, &theme, diags);
  CheckReferences(theme, diags);
  ReadPairs(m, &theme, diags);
  return theme;
}

namespace {

class Resolver {
 public:
  Resolver(const Theme& theme, const std::map<std::string, Located>& overrides, const std::vector<Asset>& assets,
           Diagnostics* diags)
      : theme_(theme), assets_(assets), diags_(diags) {
    for (const auto& [name, value] : overrides) Override(name, value);
  }

  std::optional<ResolvedToken> Get(const std::string& name) const {
    std::string at = name;
    for (int depth = 0; depth <= kMaxReferenceDepth; ++depth) {
      auto over = city_.find(at);
      if (over != city_.end()) return ResolvedToken{over->second.value, over->second.loc, true, at};
      const ThemeToken* t = theme_.Find(at);
      if (!t) return std::nullopt;
      if (!IsReference(t->value)) return Literal(*t);
      at = t->value.substr(1);
    }
    return std::nullopt;  // a loop: LoadTheme has reported it
  }

 private:
  static std::optional<ResolvedToken> Literal(const ThemeToken& t) {
    std::string err;
    if (t.kind == TokenKind::kColor) {
      auto c = ParseColor(t.value, &err);
      if (!c) return std::nullopt;
      return ResolvedToken{ToHex(*c), t.loc, false, t.name};
    }
    if (t.kind == TokenKind::kFontSize) {
      auto pct = FontSizePercent(t.value, &err);
      if (!pct) return std::nullopt;
      return ResolvedToken{*pct, t.loc, false, t.name};
    }
    return ResolvedToken{t.value, t.loc, false, t.name};
  }

  void Override(const std::string& name, const Located& value) {
    const ThemeToken* t = theme_.Find(name);
    if (!t) {
      std::vector<std::string> names;
      for (const ThemeToken& token : theme_.tokens) names.push_back(token.name);
      auto near = NearestMatches(name, names, 1);
      diags_->Error(value.loc, "テーマ「" + theme_.name + "」に「" + name + "」というトークンはありません",
                    near.empty() ? "使えるトークンは themes/" + theme_.name + "/theme.yaml にあります"
                                 : "「" + near[0] + "」ではありませんか");
      return;
    }
    std::string err;
    switch (t->kind) {
      case TokenKind::kColor: {
        auto c = ParseColor(value.value, &err);
        if (!c) {
          diags_->Error(value.loc, err, "例: " + name + ": \"#0031d8\"");
          return;
        }
        city_[name] = {ToHex(*c), value.loc};
        return;
      }
      case TokenKind::kFontSize: {
        auto pct = FontSizePercent(value.value, &err);
        if (!pct) {
          diags_->Error(value.loc, err);
          return;
        }
        city_[name] = {*pct, value.loc};
        return;
      }
      case TokenKind::kLogo:
        for (const Asset& a : assets_) {
          if (a.rel == value.value) {
            city_[name] = value;
            return;
          }
        }
        diags_->Error(value.loc, "ロゴ画像「" + value.value + "」が assets/ にありません",
                      "画像を市町村のフォルダの assets/ に置き、assets/ から先のパス（例: logo.svg）を書いてください");
        return;
    }
  }

  const Theme& theme_;
  const std::vector<Asset>& assets_;
  Diagnostics* diags_;
  std::map<std::string, Located> city_;
};

std::string Describe(const std::string& name, const ResolvedToken& t) {
  std::string s = name;
  if (t.origin != name) s += "（= " + t.origin + "）";
  return s + " " + t.value;
}

// One pair that failed, and the colour to blame for it.
struct Failure {
  ContrastResult result;
  ResolvedToken blamed, fg, bg, other;
};

std::string Need(ContrastUse use) { return use == ContrastUse::kText ? "4.5:1" : "3:1"; }

// The colour nearest to the blamed one that passes every failing pair it is in:
// each pair's suggestion moves it further the same way, so apply them in turn.
std::optional<Color> FixForAll(const std::vector<const Failure*>& failures) {
  std::string err;
  auto c = ParseColor(failures[0]->blamed.value, &err);
  for (int round = 0; c && round < 4; ++round) {
    bool all = true;
    for (const Failure* f : failures) {
      auto other = ParseColor(f->other.value, &err);
      double need = RequiredRatio(f->result.pair.use);
      if (!other || ContrastRatio(*c, *other) >= need) continue;
      all = false;
      c = NearestPassing(*c, *other, need);
      if (!c) return std::nullopt;
    }
    if (all) return c;
  }
  return std::nullopt;
}

// One error per colour to blame (a city's token, or the theme's), so a single bad
// site.yaml line gives one message that lists every pair it breaks.
void ReportFailures(const std::vector<Failure>& failures, Diagnostics* diags) {
  std::vector<std::vector<const Failure*>> groups;
  for (const Failure& f : failures) {
    auto same = [&](const std::vector<const Failure*>& g) {
      const SourceLoc& a = g[0]->blamed.loc;
      return a.file == f.blamed.loc.file && a.line == f.blamed.loc.line && a.col == f.blamed.loc.col;
    };
    auto it = std::find_if(groups.begin(), groups.end(), same);
    if (it == groups.end()) groups.push_back({&f}); else it->push_back(&f);
  }
  for (const auto& g : groups) {
    const Failure& first = *g[0];
    const ContrastResult& r = first.result;
    std::string message = "コントラスト比が足りません: " + r.pair.label + "（" + Describe(r.pair.fg, first.fg) + " と " +
                          Describe(r.pair.bg, first.bg) + "）は " + FormatRatio(r.ratio) + ":1 です（" +
                          Need(r.pair.use) + " 以上が必要）";
    if (g.size() > 1) {
      message += "。ほかに " + std::to_string(g.size() - 1) + " 組:";
      for (size_t i = 1; i < g.size(); ++i) {
        message += (i > 1 ? "、" : " ") + g[i]->result.pair.label + " " + FormatRatio(g[i]->result.ratio) + ":1";
      }
    }
    bool ui = std::any_of(g.begin(), g.end(), [](const Failure* f) { return f->result.pair.use == ContrastUse::kUi; });
    bool text = std::any_of(g.begin(), g.end(), [](const Failure* f) { return f->result.pair.use != ContrastUse::kUi; });
    std::string criteria = std::string(text ? "1.4.3" : "") + (text && ui ? "・" : "") + (ui ? "1.4.11" : "");
    std::string hint;
    if (auto fix = FixForAll(g)) {
      std::string err;
      auto other = ParseColor(first.other.value, &err);
      std::string ratio = FormatRatio(ContrastRatio(*fix, *other)) + ":1";
      hint = first.blamed.origin + " を " + ToHex(*fix) + " にすると" +
             (g.size() > 1 ? "、どの組み合わせも基準を満たします（" + r.pair.label + "は " + ratio + "）"
                           : " " + ratio + " になります") +
             "。JIS X 8341-3 達成基準 " + criteria;
    } else {
      hint = first.blamed.origin + " をもっと濃い色か淡い色にしてください。JIS X 8341-3 達成基準 " + criteria;
    }
    diags->Error(first.blamed.loc, message, hint);
  }
}

}  // namespace

ResolvedTheme ResolveTheme(const Theme& theme, const std::map<std::string, Located>& overrides,
                           const std::vector<Asset>& assets, bool report_theme_failures, Diagnostics* diags) {
  Resolver resolver(theme, overrides, assets, diags);
  ResolvedTheme out;
  out.theme = theme.name;
  for (const ThemeToken& t : theme.tokens) {
    if (auto v = resolver.Get(t.name)) out.tokens[t.name] = *v;
  }
  if (auto logo = out.tokens.find("logo"); logo != out.tokens.end()) out.logo = logo->second.value;
  std::vector<Failure> failures;
  for (const ContrastPair& pair : theme.contrast) {
    // Pairs name the theme's colour tokens, all resolved above.
    auto fg_it = out.tokens.find(pair.fg), bg_it = out.tokens.find(pair.bg);
    if (fg_it == out.tokens.end() || bg_it == out.tokens.end()) continue;
    const ResolvedToken& fg = fg_it->second;
    const ResolvedToken& bg = bg_it->second;
    std::string err;
    auto fc = ParseColor(fg.value, &err);
    auto bc = ParseColor(bg.value, &err);
    if (!fc || !bc) continue;  // an invalid token, already reported
    ContrastResult r{pair, fg.value, bg.value, ContrastRatio(*fc, *bc), false};
    r.ok = r.ratio >= RequiredRatio(pair.use);
    if (!r.ok) {
      // Blame the colour the city chose; a failure of the theme's own values is the
      // theme author's, reported once (for the theme) at the foreground's theme.yaml line.
      const ResolvedToken* blamed = fg.from_city ? &fg : bg.from_city ? &bg : nullptr;
      if (blamed || report_theme_failures) {
        if (!blamed) blamed = &fg;
        failures.push_back({r, *blamed, fg, bg, blamed == &fg ? bg : fg});
      }
    }
    out.contrast.push_back(std::move(r));
  }
  ReportFailures(failures, diags);
  return out;
}

std::string ResolvedTheme::Css(const std::string& comment) const {
  std::string safe = comment;
  for (size_t at; (at = safe.find("*/")) != std::string::npos;) safe.replace(at, 2, "* /");
  std::string css = "/* " + safe + " */\n:root {\n";
  for (const auto& [name, token] : tokens) {
    if (name == "logo") continue;
    std::string property = name;
    for (char& c : property) c = c == '_' ? '-' : c;
    css += "  --" + property + ": " + token.value + ";\n";
  }
  return css + "}\n";
}

}  // namespace kyodo
