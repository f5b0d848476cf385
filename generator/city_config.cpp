#include "city_config.h"

#include <algorithm>
#include <map>
#include <set>

#include "block_text.h"
#include "disk.h"
#include "jp_codes.h"
#include "kana.h"
#include "lint.h"
#include "text.h"
#include "urls.h"

namespace kyodo {

bool IsValidSlug(const std::string& s) {
  if (s.empty() || s.size() > 100 || s[0] == '-' || s[0] == '_') return false;
  return s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

namespace {

std::string Or(const std::optional<Located>& v) { return v ? v->value : std::string(); }

// True when the code is 6 digits with the right check digit.
bool ReadCode(const MapReader& m, CitySite* site) {
  auto code = m.String("code", true);
  if (!code) return false;
  // 全角 digits (「２０２１７７」, typed with the IME on) are the same code, as they are in
  // postal_code, tel and corporate_number; the published code is half-width.
  const std::string folded = Nfkc(code->value);
  if (folded.size() == 6 && std::all_of(folded.begin(), folded.end(), IsAsciiDigit)) code->value = folded;
  site->code = code->value;
  if (m.Get("code").Tag() != "!") {
    // yaml-cpp keeps the text, but spreadsheets and most YAML tools read an
    // unquoted 012262 as the number 12262.
    m.diags()->Warning(code->loc, "全国地方公共団体コードは \"\" で囲んだ文字列で書いてください",
                       "code: \"" + code->value + "\"（先頭の 0 が他のツールで消えないように）");
  }
  int check = LocalGovCheckDigit(code->value.substr(0, 5));
  if (code->value.size() != 6 || check < 0) {
    // Tables that follow JIS X 0402 give the 5 digits without the check digit (20217):
    // the hint then names the 6-digit code, which is what open data publishes.
    const int five = folded.size() == 5 ? LocalGovCheckDigit(folded) : -1;
    m.diags()->Error(code->loc, "全国地方公共団体コード「" + code->value + "」は6桁の数字ではありません",
                     five >= 0 ? "5桁の団体コードに検査数字を付けた「" + folded + std::to_string(five) +
                                     "」ではありませんか（\"\" で囲んで書きます）"
                               : "総務省の全国地方公共団体コード（6桁、最後は検査数字）を \"\" で囲んで書いてください");
    return false;
  }
  if (code->value[5] - '0' != check) {
    m.diags()->Error(code->loc, "全国地方公共団体コード「" + code->value + "」の検査数字が合いません",
                     "「" + code->value.substr(0, 5) + std::to_string(check) + "」ではありませんか");
    return false;
  }
  return true;
}

// prefecture is shown before the name (open data's 地方公共団体名 長野県佐久市, the portal's
// lists) and a code's first two digits are its 都道府県 (JIS X 0401): a portal of many
// municipalities must not publish 長野佐久市, 東京都東京都世田谷区 or a code of another 都道府県.
void CheckPrefecture(const MapReader& m, const std::optional<Located>& name, const std::optional<Located>& pref,
                     const CitySite& site, bool code_ok) {
  const auto& names = PrefectureNames();
  const bool known = pref && std::find(names.begin(), names.end(), pref->value) != names.end();
  const std::string of_code = code_ok ? PrefectureOfCode(site.code) : "";
  // 長野 for 長野県: the name written is the better guess; a code copied from another
  // municipality is then reported as well.
  std::string meant = known ? pref->value : "";
  if (pref && !known) {
    auto near = NearestMatches(pref->value, names, 1);
    meant = near.empty() ? of_code : near[0];
    m.diags()->Error(pref->loc, "都道府県名「" + pref->value + "」が正しくありません",
                     meant.empty() ? "都道府県名を「都」「道」「府」「県」まで書いてください（例: 長野県）"
                                   : "prefecture: " + meant + " と書いてください");
  }
  if (code_ok && of_code.empty()) {
    m.diags()->Error(m.ValueLoc("code"),
                     "全国地方公共団体コード「" + site.code + "」の最初の2桁「" + site.code.substr(0, 2) +
                         "」は都道府県の番号（01〜47）ではありません",
                     "総務省の全国地方公共団体コードを確かめてください");
  } else if (code_ok && !meant.empty() && of_code != meant) {
    m.diags()->Error(m.ValueLoc("code"),
                     "全国地方公共団体コード「" + site.code + "」は" + of_code + "のコードです（prefecture: " +
                         pref->value + "）",
                     "最初の2桁「" + site.code.substr(0, 2) + "」が都道府県の番号です。code: か prefecture: を確かめてください");
  }
  // 長野県後期高齢者医療広域連合 (a 広域連合 or 一部事務組合) is its official name, with the
  // 都道府県 in it; only a 市区町村's name ends in 市・区・町・村 and takes it from prefecture:.
  const auto municipal = [](const std::string& n) {
    return n.ends_with("市") || n.ends_with("区") || n.ends_with("町") || n.ends_with("村");
  };
  if (name && known && name->value.size() > pref->value.size() && name->value.starts_with(pref->value) &&
      municipal(name->value)) {
    m.diags()->Error(name->loc, "市町村名「" + name->value + "」に都道府県名が入っています",
                     "name: " + name->value.substr(pref->value.size()) + " と書いてください（都道府県名は prefecture: から付けて表示します）");
  }
}

}  // namespace

CitySite ReadCitySite(const YamlFile& file, const std::string& folder, Diagnostics* diags) {
  CitySite site;
  site.loc = file.Start();
  MapReader m(file, file.root(), file.Start(), diags);
  if (!m.ok()) return site;
  m.CheckKeys({"name", "kana", "slug", "prefecture", "code", "theme", "tokens", "base_url", "date_style", "contact",
               "nav", "banner", "unsafe_html", "intro", "url", "privacy_url", "license", "license_url"});
  // A 全角 space typed after a value (「長野県　」) cannot be seen in the editor: it made
  // 「都道府県名「長野県　」が正しくありません」 with the hint to write what is written.
  auto trimmed = [](std::optional<Located> v) {
    if (v) v->value = CollapseWhitespace(v->value);
    return v;
  };
  auto name = trimmed(m.String("name", true));
  site.name = Or(name);
  auto kana = trimmed(m.String("kana", true));
  site.kana = Or(kana);
  // The name copied into kana: (「東川町」) is no reading, as a group's kana must be kana.
  if (kana && !IsKanaReading(ToHiragana(kana->value))) {
    diags->Error(kana->loc, "kana「" + kana->value + "」はひらがなかカタカナで書いてください",
                 "市町村名の読みを書きます（例: kana: ひがしかわちょう）");
  }
  auto prefecture = trimmed(m.String("prefecture", true));
  site.prefecture = Or(prefecture);
  site.slug = folder;
  if (auto slug = m.String("slug")) {
    site.slug = slug->value;
    if (!IsValidSlug(site.slug)) {
      diags->Error(slug->loc, "slug「" + site.slug + "」には半角英小文字・数字・- だけを使ってください");
    } else if (site.slug != folder) {
      diags->Error(slug->loc, "slug「" + site.slug + "」がフォルダ名「" + folder + "」と違います",
                   "フォルダ名を " + site.slug + " に変えるか、slug: を消してください");
    }
  } else if (!IsValidSlug(folder)) {
    diags->Error(file.Start(), "フォルダ名「" + folder + "」は URL に使えません",
                 "フォルダ名を半角英小文字（例: saku）にしてください");
  }
  const bool code_ok = ReadCode(m, &site);
  CheckPrefecture(m, name, prefecture, site, code_ok);
  site.theme = m.Has("theme") ? Or(m.String("theme")) : "default";
  site.theme_loc = m.ValueLoc("theme");
  // A theme is a folder name under themes/: a path ("../../x", "/srv/x") would load
  // templates and copy assets from anywhere on the machine into the site.
  if (site.theme.empty() || site.theme[0] == '.' || site.theme.find_first_of("/\\") != std::string::npos) {
    std::string last = site.theme;
    while (!last.empty() && (last.back() == '/' || last.back() == '\\')) last.pop_back();
    last = last.substr(std::min(last.size(), last.find_last_of("/\\") + 1));
    diags->Error(site.theme_loc, "テーマ「" + site.theme + "」は themes/ の中のフォルダの名前だけで書いてください",
                 last.empty() || last[0] == '.' ? "theme: default のように、/ や .. のない名前にしてください"
                                                : "theme: " + last + " と書いてください");
    site.theme = "default";
  }
  if (auto base = m.Url("base_url")) {
    // One portal has one address; a city's own would contradict it.
    diags->Warning(base->loc, "site.yaml の base_url は使われません",
                   "公開先の URL は _portal.yaml の base_url か --base-url で指定します");
  }
  auto url = m.Url("url");
  site.url = Or(url);
  auto privacy = m.Url("privacy_url");
  site.privacy_url = Or(privacy);
  // The open data page and files state these; kyodo never picks a license for a city.
  site.license = Or(trimmed(m.String("license")));
  auto license_url = m.Url("license_url");
  site.license_url = Or(license_url);
  if (license_url && site.license.empty()) {
    diags->Error(license_url->loc, "license_url だけがあり、license（利用条件の名前）がありません",
                 "例: license: CC BY 4.0（オープンデータのページとファイルに、この名前とリンクを載せます）");
  }
  site.contact = Or(m.String("contact", true));
  site.contact_loc = m.ValueLoc("contact");
  site.intro = Or(m.String("intro"));
  site.intro_loc = BlockTextStart(file, m.ValueLoc("intro"));
  if (auto style = m.String("date_style")) {
    if (style->value == "wareki") {
      site.date_style = DateStyle::kWareki;
    } else if (style->value != "seireki") {
      diags->Error(style->loc, "date_style は seireki（西暦）か wareki（和暦）です");
    }
  }
  site.unsafe_html = m.Bool("unsafe_html").value_or(false);
  if (m.Has("tokens")) {
    YAML::Node t = m.Get("tokens");
    if (!t.IsMap()) {
      diags->Error(file.Loc(t), "tokens は「名前: 値」の形で書いてください");
    } else {
      for (const auto& kv : t) {
        auto key = ScalarText(kv.first);
        auto value = ScalarText(kv.second);
        if (!key || !value) {
          diags->Error(file.Loc(kv.first), "tokens の値は文字列で書いてください", kv.second.IsNull() ? kQuoteColorHint : "");
          continue;
        }
        site.tokens[*key] = {*value, file.Loc(kv.second)};
      }
    }
  }
  for (const MapReader& n : m.MapList("nav")) {
    n.CheckKeys({"title", "url"});
    auto title = n.String("title", true);
    auto link = n.Url("url", true);
    // The title is a menu link's text, on every page of the city (WCAG 2.4.4).
    if (title) WarnVagueLinkTitle(title->value, title->loc, diags);
    if (title && link) site.nav.push_back({title->value, link->value});
  }
  if (auto b = m.Map("banner")) {
    b->CheckKeys({"level", "text", "url"});
    Banner banner;
    banner.level = b->Has("level") ? Or(b->String("level")) : "emergency";
    if (banner.level != "emergency" && banner.level != "notice") {
      diags->Error(b->ValueLoc("level"), "banner の level は emergency（緊急）か notice（お知らせ）です");
    }
    banner.text = Or(b->String("text", true));
    banner.url = Or(b->Url("url"));
    site.banner = banner;
  }
  return site;
}

void CheckDistinctCodes(const std::vector<City>& cities, Diagnostics* diags) {
  std::map<std::string, const City*> seen;
  for (const City& city : cities) {
    if (city.site.code.empty()) continue;
    auto [it, fresh] = seen.emplace(city.site.code, &city);
    if (fresh) continue;
    // At the file: the portal step reads cities from manifests, which carry no positions.
    SourceLoc loc{JoinPath(city.dir, "site.yaml"), 0, 0};
    const CitySite& first = it->second->site;
    diags->Error(loc,
                 "全国地方公共団体コード「" + city.site.code + "」が " + first.slug + "（" + first.name + "）と同じです",
                 "市町村ごとに違うコードです。" + city.site.name + "の code: を確かめてください");
  }
}

namespace {

// parent: is the section above an office, as an orgs.yaml ID (kikaku) or as its name
// (市民部, as the docs show it). An ASCII value that is no ID is a mistyped ID: shown as
// written it would publish 「佐久市 kikakku 協働推進係」.
void CheckOrgParents(const std::vector<Org>& orgs, const std::vector<SourceLoc>& parent_locs, Diagnostics* diags) {
  std::vector<std::string> ids;
  for (const Org& org : orgs) ids.push_back(org.id);
  for (size_t i = 0; i < orgs.size(); ++i) {
    const std::string& parent = orgs[i].parent;
    if (parent.empty() || std::find(ids.begin(), ids.end(), parent) != ids.end() || !IsValidSlug(parent)) continue;
    auto near = NearestMatches(parent, ids, 1);
    diags->Error(parent_locs[i], "上の組織「" + parent + "」が orgs.yaml にありません",
                 (near.empty() ? std::string() : "「" + near[0] + "」ではありませんか。") +
                     "orgs.yaml の ID か、上の組織の名前（例: parent: 市民部）を書いてください");
  }
}

// parent: IDs that lead back to the org never reach the top section: its name would
// have no beginning. Each org of the loop is named at its parent: value.
void ReportParentLoops(const std::vector<Org>& orgs, const std::vector<SourceLoc>& parent_locs, Diagnostics* diags) {
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < orgs.size(); ++i) by_id.emplace(orgs[i].id, i);
  for (size_t i = 0; i < orgs.size(); ++i) {
    std::set<size_t> seen = {i};
    std::string path = orgs[i].id;
    for (size_t at = i;;) {
      auto up = by_id.find(orgs[at].parent);
      if (orgs[at].parent.empty() || up == by_id.end()) break;
      path += " → " + up->first;
      if (up->second == i) {
        diags->Error(parent_locs[i], "問い合わせ先「" + orgs[i].id + "」の parent: をたどると元に戻ります（" + path + "）",
                     "parent: には上の組織の ID か名前を書きます。いちばん上の組織には parent: を書きません");
        break;
      }
      if (!seen.insert(up->second).second) break;  // a loop further up, reported at its own orgs
      at = up->second;
    }
  }
}

}  // namespace

std::vector<Org> ReadOrgs(const YamlFile& file, Diagnostics* diags) {
  std::vector<Org> orgs;
  std::vector<SourceLoc> parent_locs;  // beside orgs, for CheckOrgParents and ReportParentLoops
  MapReader root(file, file.root(), file.Start(), diags);
  if (!root.ok()) return orgs;
  for (const auto& kv : file.root()) {
    auto id = ScalarText(kv.first);
    if (!id) continue;
    MapReader m(file, kv.second, file.Loc(kv.first), diags);
    if (!m.ok()) continue;
    m.CheckKeys({"name", "parent", "postal_code", "address", "tel", "extension", "fax", "email", "form_url", "hours"});
    Org org;
    org.id = *id;
    org.loc = file.Loc(kv.first);
    if (!IsValidSlug(org.id)) {
      diags->Warning(org.loc, "問い合わせ先の ID「" + org.id + "」は半角英小文字・数字・- で書いてください",
                     "ページの contact: に書く ID です（例: kyodo）。名前は name: に書きます");
    }
    org.name = Or(m.String("name", true));
    org.parent = Or(m.String("parent"));
    org.postal_code = Nfkc(Or(m.String("postal_code")));
    if (!org.postal_code.empty()) {
      std::string digits;
      for (char c : org.postal_code) {
        if (c >= '0' && c <= '9') digits += c;
      }
      if (digits.size() != 7) {
        diags->Error(m.ValueLoc("postal_code"), "郵便番号「" + org.postal_code + "」は7桁で書いてください（例: 385-8501）");
      }
      org.postal_code = digits.size() == 7 ? digits.substr(0, 3) + "-" + digits.substr(3) : org.postal_code;
    }
    // 「中込３０５６番地」「８時３０分」 typed with the IME on: digits half-width, as the house
    // style and the 全角英数字 check of page text want, and as tel and postal_code are.
    org.address = HalfWidthDigits(Or(m.String("address")));
    org.tel = ReadPhone(m, "tel");
    // The page prints 「（内線 418）」: 「内線418」 as written in many registers loses its word.
    org.extension = Nfkc(Or(m.String("extension")));
    for (std::string_view prefix : {"内線", ":", " "}) {
      if (org.extension.starts_with(prefix)) org.extension.erase(0, prefix.size());
    }
    org.fax = ReadPhone(m, "fax");
    org.email = ReadEmail(m, "email");
    org.form_url = Or(m.Url("form_url"));
    org.hours = HalfWidthDigits(Or(m.String("hours")));
    parent_locs.push_back(org.parent.empty() ? org.loc : m.ValueLoc("parent"));
    orgs.push_back(std::move(org));
  }
  CheckOrgParents(orgs, parent_locs, diags);
  ReportParentLoops(orgs, parent_locs, diags);
  return orgs;
}

namespace {

// The first telephone number written inside other text: 「TEL 0267-62-2111」,
// 「0267-62-2111・0267-62-2112」. nullopt when there is none.
std::optional<std::string> NumberInside(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i]) || (i > 0 && (IsAsciiDigit(text[i - 1]) || text[i - 1] == '-'))) continue;
    const size_t end = text.find_first_not_of("0123456789-", i);
    if (auto number = PhoneNumber(text.substr(i, end == std::string::npos ? std::string::npos : end - i))) return number;
  }
  return std::nullopt;
}

}  // namespace

std::string ReadPhone(const MapReader& m, const char* key) {
  auto written = m.String(key);
  if (!written || written->value.empty()) return "";
  const std::string nfkc = Nfkc(written->value);
  const std::string what = key == std::string("fax") ? "FAX 番号" : "電話番号";
  if (auto number = PhoneNumber(nfkc)) {
    // 0267622111 dials, but where 市外局番 and 市内局番 end cannot be worked out without
    // the national numbering table, and the page and open data (hyphenated 電話番号)
    // would show it run together: the clerk who knows the number separates it.
    if (number->find_first_not_of("0123456789") == std::string::npos) {
      m.diags()->Warning(written->loc, what + "「" + written->value + "」が区切られていません",
                         "市外局番・市内局番・番号をハイフンで区切って 048-829-1111 のように書いてください");
    }
    return *number;
  }
  // 「0267-62-2111（代表）」: a register's note after the number. The number alone is
  // what a phone dials; the note has no place in tel:.
  std::string hint = "市外局番から 048-829-1111 のように数字とハイフンで書いてください（10桁。携帯電話・IP電話は11桁）";
  const size_t open = nfkc.rfind('(');
  const bool digits_only = !nfkc.empty() && nfkc.find_first_not_of("0123456789") == std::string::npos;
  if (digits_only && nfkc[0] != '0' && PhoneNumber("0" + nfkc)) {
    // 0267123456 typed into an Excel cell is the number 267123456: the 0 is gone.
    hint = "先頭の「0」が消えていませんか（Excel が数値として扱うと消えます）。「0" + nfkc +
           "」なら、その列の書式を「文字列」にして入れ直すか、市外局番の後などにハイフンを入れて書いてください";
  } else if (open != std::string::npos && open > 0 && nfkc.ends_with(")")) {
    const std::string note = nfkc.substr(open), number = CollapseWhitespace(nfkc.substr(0, open));
    if (PhoneNumber(number)) {
      // A groups.csv cell (read as YAML named "<path>#row") has no key to write.
      const bool csv = written->loc.file.ends_with(".csv") || written->loc.file.ends_with(".csv#row");
      hint = (csv ? "「" + number + "」" : std::string(key) + ": \"" + number + "\" ") +
             "のように番号だけを書いてください（「" + note + "」のような説明は書けません）";
    }
  } else if (auto inside = NumberInside(nfkc)) {
    hint = "番号を1つだけ「" + *inside + "」のように書いてください（「TEL」などの見出しや2つ目の番号は書けません）";
  }
  m.diags()->Error(written->loc, what + "「" + written->value + "」が正しくありません", hint);
  return nfkc;
}

std::string ReadEmail(const MapReader& m, const char* key) {
  auto written = m.String(key);
  if (!written || written->value.empty()) return "";
  // A space copied along from an Excel cell, or 全角 letters (ｋｙｏｄｏ＠…), are the same
  // address, as 全角 digits are the same telephone number (ReadPhone).
  const std::string address = CollapseWhitespace(Nfkc(written->value));
  if (!IsEmailAddress(address)) {
    m.diags()->Error(written->loc, "メールアドレス「" + written->value + "」が正しくありません",
                     "kyodo@city.example.lg.jp のように、半角で1つのアドレスを書いてください");
    return written->value;
  }
  return address;
}

Portal ReadPortal(const YamlFile& file, Diagnostics* diags) {
  Portal portal;
  portal.loc = file.Start();
  MapReader m(file, file.root(), file.Start(), diags);
  if (!m.ok()) return portal;
  m.CheckKeys({"title", "intro", "cities", "base_url"});
  portal.title = Or(m.String("title", true));
  portal.intro = Or(m.String("intro"));
  portal.intro_loc = BlockTextStart(file, m.ValueLoc("intro"));
  auto base = m.Url("base_url");
  const std::string problem = base ? BaseUrlProblem(base->value, false) : "";
  if (!problem.empty()) {
    diags->Error(base->loc, "base_url「" + base->value + "」: " + problem,
                 "公開するフォルダの URL を https://www.example.lg.jp/kyodo/ のように書いてください");
    base.reset();
  }
  portal.base_url = base ? EscapedBaseUrl(base->value) : "";
  portal.cities = m.StringList("cities");
  return portal;
}

}  // namespace kyodo
