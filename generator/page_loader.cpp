#include "page_loader.h"

#include <algorithm>
#include <iterator>

#include "block_text.h"
#include "city_config.h"
#include "disk.h"
#include "file_note.h"
#include "jp_codes.h"
#include "kana.h"
#include "output.h"
#include "lint.h"
#include "source.h"
#include "text.h"
#include "urls.h"
#include "yaml_reader.h"

namespace kyodo {

std::optional<Date> ReadDate(const MapReader& m, const char* key, bool required) {
  auto text = m.String(key, required);
  if (!text) return std::nullopt;
  DateError err;
  auto date = ParseDate(text->value, &err);
  if (!date) m.diags()->Error(text->loc, err.message, err.hint);
  return date;
}

void ReadPublishDates(const MapReader& m, bool date_required, std::optional<Date>* date, std::optional<Date>* updated) {
  *date = ReadDate(m, "date", date_required);
  *updated = ReadDate(m, "updated", false);
  if (*date && *updated && (*updated)->SortKey() < (*date)->SortKey()) {
    m.diags()->Error(m.ValueLoc("updated"), "更新日（updated）が掲載日（date）より前です");
  }
}

namespace {

std::optional<Period> ReadPeriod(const MapReader& m, const char* key, bool fiscal) {
  auto text = m.String(key);
  if (!text) return std::nullopt;
  DateError err;
  auto period = ParsePeriod(text->value, fiscal, &err);
  if (!period) m.diags()->Error(text->loc, err.message, err.hint);
  return period;
}

std::vector<int> ReadTerms(const MapReader& m, const Vocabularies& vocab, const char* key) {
  std::vector<int> out;
  int v = vocab.IndexOf(key);
  for (const Located& item : m.StringList(key)) {
    auto term = vocab.ResolveOrReport(v, item, m.diags());
    if (term && std::find(out.begin(), out.end(), *term) == out.end()) out.push_back(*term);
  }
  return out;
}

void ReadCase(const MapReader& m, const Vocabularies& vocab, Page* page) {
  CaseInfo& c = page->case_info;
  c.modes = ReadTerms(m, vocab, "modes");
  c.fields = ReadTerms(m, vocab, "fields");
  c.actors = ReadTerms(m, vocab, "actors");
  if (auto p = m.String("partnership")) {
    c.partnership = vocab.ResolveOrReport(vocab.IndexOf("partnership"), *p, m.diags());
  }
  // A group named twice is one group, as a term is kept once (ReadTerms): else the
  // page listed it twice, cases.csv had 「hana;hana」 and groups.csv 「c1;c1」.
  for (Located& g : m.StringList("groups")) {
    auto same = [&](const Located& x) { return x.value == g.value; };
    if (std::none_of(c.groups.begin(), c.groups.end(), same)) c.groups.push_back(std::move(g));
  }
  c.period = ReadPeriod(m, "period", false);
  // place: | wraps a long place over lines; it is one value (the open data cell and
  // the page both show one line), joined as a summary is.
  if (auto place = m.String("place")) c.place = JoinLines(place->value);
  for (const MapReader& img : m.MapList("images")) {
    img.CheckKeys({"src", "alt"});
    auto src = img.String("src", true);
    auto alt = img.String("alt");
    if (!src) continue;
    // An alt that is not text (alt: [a, b]) was reported by String(); not a second time as missing.
    if (alt ? CollapseWhitespace(alt->value).empty() : !img.Has("alt")) {
      m.diags()->Error(src->loc, "画像「" + src->value + "」に代替テキスト（alt）がありません",
                       "alt: に画像の内容を文章で書いてください（例: alt: 国道沿いに咲くコスモス）");
    }
    if (alt) {
      // The hint in YAML terms: the Markdown form ![…](…) is not what this line takes.
      if (auto f = CheckAltText(alt->value, src->value)) {
        m.diags()->Warning(alt->loc, f->message, "alt: に何が写っているかを文で書いてください（例: alt: 会場に並ぶ熱気球）");
      }
    }
    c.images.push_back({src->value, alt ? alt->value : "", src->loc});
  }
  for (const MapReader& l : m.MapList("links")) {
    l.CheckKeys({"title", "url"});
    auto title = l.String("title", true);
    auto url = l.Url("url", true);
    // The title is the link's text: 「こちら」 says nothing read out of context (WCAG 2.4.4).
    if (title) WarnVagueLinkTitle(title->value, title->loc, m.diags());
    if (title && url) c.links.push_back({title->value, url->value});
  }
  for (const MapReader& a : m.MapList("attachments")) {
    a.CheckKeys({"title", "src"});
    auto title = a.String("title", true);
    auto src = a.String("src", true);
    if (title) WarnVagueLinkTitle(title->value, title->loc, m.diags());
    if (title && src) {
      c.attachments.push_back({DropWrittenFileNote(title->value, src->value, title->loc, m.diags()), src->value, src->loc});
    }
  }
}

// True for a number as Excel shows a long one in the General format (9.23457E+12).
bool IsExcelExponent(std::string_view s) {
  size_t e = s.find_first_of("Ee");
  if (e == std::string_view::npos || e == 0 || e + 2 > s.size() || s[e + 1] != '+') return false;
  auto digits_or_point = [](std::string_view part, bool point_ok) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [&](char c) {
      return (c >= '0' && c <= '9') || (point_ok && c == '.');
    });
  };
  return digits_or_point(s.substr(0, e), true) && digits_or_point(s.substr(e + 2), false);
}

// True when a reading starts or ends with how a corporate form is read
// (「とくていひえいりかつどうほうじんはなのかい」).
bool ReadsCorporateForm(const std::string& kana) {
  static constexpr std::string_view kReadings[] = {
      "とくていひえいりかつどうほうじん", "えぬぴーおーほうじん", "npoほうじん",     "いっぱんしゃだんほうじん",
      "こうえきしゃだんほうじん",         "いっぱんざいだんほうじん", "こうえきざいだんほうじん", "しゃかいふくしほうじん",
      "かぶしきがいしゃ",                 "かぶしきかいしゃ",       "ゆうげんがいしゃ",       "ごうどうがいしゃ",
      "きょうどうくみあい"};
  std::string bare = AsciiLower(kana);
  std::erase(bare, ' ');
  std::string_view rest = bare;
  if (rest.starts_with("にんてい")) rest.remove_prefix(std::string_view("にんてい").size());  // 認定…法人
  return std::any_of(std::begin(kReadings), std::end(kReadings),
                     [&](std::string_view r) { return rest.starts_with(r) || bare.ends_with(r); });
}

void ReadGroup(const MapReader& m, const Vocabularies& vocab, ReadingGuesser* reading, Page* page) {
  GroupInfo& g = page->group;
  g.corporate_form = CorporateFormOf(page->title);
  // `kana:` written but left empty (as `kyodo new` leaves it) is an error, not a
  // request to guess.
  if (auto kana = m.String("kana", m.Get("kana").IsDefined())) {
    g.kana = ToHiragana(kana->value);
    if (!IsKanaReading(g.kana)) {
      m.diags()->Error(kana->loc, "kana「" + kana->value + "」はひらがなかカタカナで書いてください",
                       "五十音順に並べるための読みです（例: kana: はなのかい）");
    } else if (!g.corporate_form.empty() && ReadsCorporateForm(g.kana)) {
      m.diags()->Warning(kana->loc, "kana に法人格（" + g.corporate_form + "）の読みが入っています",
                         "法人格を除いた団体名の読みを書いてください（団体の一覧は法人格を除いた五十音順です）");
    }
  } else if (!page->title.empty() && !m.Get("kana").IsDefined()) {
    std::string base = StripCorporateForm(page->title);
    g.kana = reading ? reading->Guess(base) : "";
    g.kana_derived = true;
    if (g.kana.empty()) {
      m.diags()->Error(m.KeyLoc("title"), "団体名「" + page->title + "」の読み（kana）がありません",
                       "kana: に法人格を除いた団体名の読みをひらがなで書いてください");
    } else {
      m.diags()->Warning(m.KeyLoc("title"), "読み（kana）がないため「" + g.kana + "」と推定しました",
                         (page->source.ends_with(".csv") ? "正しければ kana 列に " + g.kana + " と書いてください"
                                                         : "正しければ kana: " + g.kana + " を追加してください") +
                             "（五十音順の並びに使います）");
    }
  }
  g.fields = ReadTerms(m, vocab, "fields");
  // One area per group: each distinct value is one filter page, and the open data's 地域
  // is the main area. A list got the generic hint to join its items with 「、」, which
  // makes one area 「中込地区、臼田地区」 that neither area's filter page lists.
  const char* kOneArea = "地域ごとの絞り込みページは、書いた値1つに1ページです。主な活動地域を1つだけ書き、ほかの地域は本文に書いてください";
  if (m.Has("area") && m.Get("area").IsSequence()) {
    m.diags()->Error(m.ValueLoc("area"), "地域（area）には主な活動地域を1つ書いてください", kOneArea);
  } else if (auto area = m.String("area")) {
    // 「臼田　地区」 and 「臼田地区」 are one area: a space between two Japanese
    // characters goes (one between Latin words stays).
    // 「中込１区」 and 「中込1区」 are one area too: NFKC makes 全角 digits and letters half-width
    // (and 半角カナ full-width), as the lint asks the clerk to write them.
    const std::string spaced = CollapseWhitespace(Nfkc(area->value));
    for (size_t i = 0; i < spaced.size(); ++i) {
      const bool japanese_both_sides = spaced[i] == ' ' && i > 0 && i + 1 < spaced.size() &&
                                       static_cast<unsigned char>(spaced[i - 1]) >= 0x80 &&
                                       static_cast<unsigned char>(spaced[i + 1]) >= 0x80;
      if (!japanese_both_sides) g.area += spaced[i];
    }
    if (g.area.find_first_of(",;") != std::string::npos || g.area.find("、") != std::string::npos) {
      m.diags()->Warning(area->loc, "地域「" + g.area + "」を1つの地域として扱います（「" + g.area +
                                        "」の絞り込みページができ、区切られたそれぞれの地域のページには出ません）",
                         kOneArea);
    }
    g.area_slug = SlugFromName(g.area, reading);
    if (reading) g.area_kana = reading->Guess(g.area);
  }
  g.established = ReadDate(m, "established", false);
  // 「約３０人」 typed with the IME on is 約30人: digits half-width, as in area, tel and
  // corporate_number (the open data's 会員数 is read by machines too); the rest as written.
  if (auto members = m.String("members")) g.members = HalfWidthDigits(CollapseWhitespace(members->value));
  if (auto num = m.String("corporate_number")) {
    std::string digits = Nfkc(num->value);
    digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
    int check = digits.size() == 13 ? CorporateNumberCheckDigit(digits.substr(1)) : -1;
    const bool csv = page->source.ends_with(".csv");
    if (check < 0 && IsExcelExponent(digits)) {
      // Excel shows a 13-digit number as 9.23457E+12 and saves it so: the digits are gone.
      m.diags()->Error(num->loc, "法人番号「" + num->value + "」が指数の形になり、下の桁が失われています",
                       "Excel が数値として扱ったためです。その列の書式を「文字列」にして、13桁の番号を入れ直してください");
    } else if (check < 0) {
      // 「法人番号：7000012050002」: the number with its label, as registers print it.
      const size_t at = digits.find_first_of("0123456789");
      const std::string inside = at == std::string::npos ? "" : digits.substr(at, 13);
      const bool labelled = inside.size() == 13 && at + 13 == digits.size() &&
                            inside.find_first_not_of("0123456789") == std::string::npos;
      m.diags()->Error(num->loc, "法人番号「" + num->value + "」は13桁の数字ではありません",
                       labelled ? "番号だけを「" + inside + "」と書いてください"
                       : csv    ? "国税庁法人番号公表サイトの13桁の番号を書いてください"
                                : "国税庁法人番号公表サイトの13桁の番号を \"\" で囲んで書いてください");
    } else if (digits[0] - '0' != check) {
      m.diags()->Error(num->loc, "法人番号「" + num->value + "」の検査数字（先頭の1桁）が合いません",
                       "「" + std::to_string(check) + digits.substr(1) + "」ではありませんか");
    }
    g.corporate_number = digits;
  }
  if (m.Has("contact") && m.Get("contact").IsScalar()) {
    // Every other page names a city office here (an orgs.yaml ID); a group gives its own.
    m.diags()->Error(m.ValueLoc("contact"), "団体の contact には、団体自身の連絡先を {tel: …, email: …} の形で書きます",
                     "例: contact: {tel: \"0267-00-0000\", email: info@example.jp}（市町村の担当課の ID は団体のページには書きません）");
  } else if (auto contact = m.Map("contact")) {
    contact->CheckKeys({"tel", "email", "url"});
    g.tel = ReadPhone(*contact, "tel");
    g.email = ReadEmail(*contact, "email");
    if (auto url = contact->Url("url")) g.url = url->value;
  }
  if (auto url = m.Url("url")) {
    // The page and the open data have one ウェブサイト: a second, different address
    // under contact: would be dropped without a word.
    if (!g.url.empty() && g.url != url->value) {
      m.diags()->Warning(url->loc, "団体のウェブサイトが url: と contact: の url の2か所に違う値で書かれています",
                         "ページとオープンデータには url: の「" + url->value +
                             "」だけを載せます。どちらか一方に正しいアドレスを書いてください");
    }
    g.url = url->value;
  }
}

void ReadPolicy(const MapReader& m, Page* page) {
  PolicyInfo& p = page->policy;
  if (auto kind = m.String("kind")) {
    static const std::vector<std::string> kinds = {"指針", "方針", "計画", "行動計画"};
    p.kind = kind->value;
    if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) {
      auto near = NearestMatches(p.kind, kinds, 1);
      m.diags()->Error(kind->loc, "kind「" + p.kind + "」は 指針・方針・計画・行動計画 のどれかです",
                       near.empty() ? "" : "「" + near[0] + "」ではありませんか");
    }
  }
  p.period = ReadPeriod(m, "period", true);
  if (m.Has("basic_policies")) {
    YAML::Node list = m.Get("basic_policies");
    if (!list.IsSequence()) {
      m.diags()->Error(m.ValueLoc("basic_policies"), "basic_policies は「- 」で始まるリストで書いてください");
    } else {
      for (const auto& item : list) {
        if (item.IsNull()) {
          // An empty item has no position of its own; point at the list.
          m.diags()->Error(m.ValueLoc("basic_policies"), "basic_policies の項目が空です",
                           "「- 」の後に基本方針の題名を書いてください");
          continue;
        }
        if (auto title = ScalarText(item)) {
          if (CollapseWhitespace(*title).empty()) {
            m.diags()->Error(m.file().Loc(item), "basic_policies の項目が空です", "「- 」の後に基本方針の題名を書いてください");
          } else {
            p.basic_policies.push_back({JoinLines(*title), "", {}});
          }
          continue;
        }
        MapReader b(m.file(), item, m.file().Loc(item), m.diags());
        if (!b.ok()) continue;
        b.CheckKeys({"title", "summary", "measures"});
        BasicPolicy bp;
        // A heading wrapped with title: | is one line (policies.csv's 基本方針 cell, the
        // page's heading), joined as a summary is.
        if (auto t = b.String("title", true)) bp.title = JoinLines(t->value);
        if (auto s = b.String("summary")) bp.summary = JoinLines(s->value);
        for (const Located& measure : b.StringList("measures")) bp.measures.push_back(measure.value);
        p.basic_policies.push_back(std::move(bp));
      }
    }
  }
  for (const MapReader& item : m.MapList("progress")) {
    item.CheckKeys({"measure", "status", "percent"});
    ProgressItem pi;
    if (auto measure = item.String("measure", true)) pi.measure = measure->value;
    if (auto status = item.String("status")) pi.status = status->value;
    pi.percent = item.Int("percent");
    if (pi.percent && (*pi.percent < 0 || *pi.percent > 100)) {
      m.diags()->Error(item.ValueLoc("percent"), "percent は 0〜100 の整数で書いてください");
      pi.percent.reset();
    }
    p.progress.push_back(std::move(pi));
  }
  if (auto parent = m.String("parent")) p.parent = *parent;
}

}  // namespace

namespace {

struct CorporateForm {
  const char* written;  ///< as names carry it
  const char* formal;   ///< the 法人格 by its name in law
};

// Longer forms first, so 認定NPO法人 is not read as NPO法人.
constexpr CorporateForm kCorporateForms[] = {
    {"認定特定非営利活動法人", "認定特定非営利活動法人"}, {"特定非営利活動法人", "特定非営利活動法人"},
    {"認定NPO法人", "認定特定非営利活動法人"}, {"NPO法人", "特定非営利活動法人"},
    {"(認定特非)", "認定特定非営利活動法人"}, {"(特非)", "特定非営利活動法人"},
    {"一般社団法人", "一般社団法人"}, {"公益社団法人", "公益社団法人"}, {"一般財団法人", "一般財団法人"},
    {"公益財団法人", "公益財団法人"}, {"社会福祉法人", "社会福祉法人"}, {"株式会社", "株式会社"},
    {"有限会社", "有限会社"}, {"合同会社", "合同会社"}, {"協同組合", "協同組合"},
    // The bracketed short forms registers and signboards use (㈱ is (株) after NFKC):
    // without them groups.csv's 法人格 was empty for 「(株)さくら」.
    {"(株)", "株式会社"}, {"(有)", "有限会社"}, {"(同)", "合同会社"}, {"(一社)", "一般社団法人"},
    {"(公社)", "公益社団法人"}, {"(一財)", "一般財団法人"}, {"(公財)", "公益財団法人"}, {"(社福)", "社会福祉法人"}};

}  // namespace

std::string StripCorporateForm(const std::string& name) {
  std::string s = CollapseWhitespace(Nfkc(name));  // NFKC: （特非） → (特非), ＮＰＯ → NPO
  for (const CorporateForm& form : kCorporateForms) {
    std::string f = form.written;
    if (s.starts_with(f)) s = CollapseWhitespace(s.substr(f.size()));
    if (s.size() > f.size() && s.ends_with(f)) s = CollapseWhitespace(s.substr(0, s.size() - f.size()));
  }
  return s;
}

std::string CorporateFormOf(const std::string& name) {
  std::string s = CollapseWhitespace(Nfkc(name));
  for (const CorporateForm& form : kCorporateForms) {
    if (s.starts_with(form.written) || s.ends_with(form.written)) return form.formal;
  }
  return "";
}

std::optional<Page> LoadPage(const std::string& path, PageKind kind, const std::string& text,
                             const Vocabularies& vocab, ReadingGuesser* reading, Diagnostics* diags) {
  auto split = SplitFrontMatter(text, path, diags);
  if (!split) return std::nullopt;
  if (split->yaml_line == 0) {
    if (auto mistake = FrontMatterMistake(text, path)) {
      diags->Error(mistake->loc, mistake->message, mistake->hint);
      return std::nullopt;
    }
    diags->Error({path, 1, 1}, "フロントマター（--- で囲んだ title: などの行）がありません",
                 "ファイルの先頭に ---、title: 題名、--- の3行を入れてください");
    return std::nullopt;
  }
  YamlFile yaml(path, split->yaml, split->yaml_line);
  if (!yaml.Parse(diags)) return std::nullopt;
  MapReader m(yaml, yaml.root(), {path, 1, 1}, diags);
  if (!m.ok()) return std::nullopt;
  Page page = PageFromFrontMatter(m, path, kind, false, vocab, reading);
  page.body = std::move(split->body);
  page.body_line = split->body_line;
  // A clerk fills in the front matter and deletes draft: true, and the scaffold's
  // instructions would be published as the page's text, without a word.
  if (const size_t at = page.body.find(kScaffoldBodyHint); !page.draft && at != std::string::npos) {
    const int line = page.body_line + static_cast<int>(std::count(page.body.begin(), page.body.begin() + at, '\n'));
    diags->Error({path, line, 1}, "kyodo new の雛形の説明文「" + std::string(kScaffoldBodyHint) + "」が本文に残っています",
                 "この説明の行を消して、ページの本文を書いてください（このままでは説明文が公開されます）");
  }
  return page;
}

namespace {

// A slug to suggest for a name that is not one: its romanized reading
// (「田植え体験」→ taue-taiken), or "example" when too little of it could be read.
std::string SlugSuggestion(const std::string& name, ReadingGuesser* reading) {
  std::string slug = SlugFromName(name, reading);
  return slug.size() >= 4 ? slug : "example";
}

// The summary is what lists, search results, feeds and the meta description show:
// it gets the checks the title and body get (全角英数字, 半角カナ, invisible characters…),
// each line of a summary: | at its own line.
void LintSummary(const MapReader& m, const Located& summary, Diagnostics* diags) {
  const SourceLoc start = BlockTextStart(m.file(), summary.loc);
  if (start.line == summary.loc.line && start.col == summary.loc.col) {
    SourceLoc at = start;
    if (m.Get("summary").Tag() == "!") ++at.col;  // a quoted summary starts after its quote
    ReportOnLine(CheckText(summary.value), summary.value, at, diags);
    return;
  }
  int line = start.line;
  for (size_t pos = 0; pos < summary.value.size(); ++line) {
    const size_t end = std::min(summary.value.find('\n', pos), summary.value.size());
    const std::string text = summary.value.substr(pos, end - pos);
    ReportOnLine(CheckText(text), text, {start.file, line, start.col}, diags);
    pos = end + 1;
  }
}

}  // namespace

Page PageFromFrontMatter(const MapReader& m, const std::string& path, PageKind kind, bool bulk,
                         const Vocabularies& vocab, ReadingGuesser* reading) {
  Diagnostics* diags = m.diags();
  Page page;
  page.kind = kind;
  page.source = path;
  page.bulk = bulk;
  std::vector<std::string_view> keys = {"title", "date",   "updated", "summary", "draft",
                                        "weight", "slug", "contact", "aliases"};
  switch (kind) {
    case PageKind::kCase:
      keys.insert(keys.end(), {"modes", "fields", "actors", "partnership", "groups", "period", "place", "images",
                               "links", "attachments"});
      break;
    case PageKind::kGroup:
      keys.insert(keys.end(), {"kana", "fields", "area", "established", "members", "corporate_number", "url"});
      break;
    case PageKind::kPolicy:
      keys.insert(keys.end(), {"kind", "period", "basic_policies", "progress", "parent"});
      break;
    case PageKind::kNews:
    case PageKind::kPage:
      break;
  }
  if (bulk) keys.insert(keys.end(), {"id", "body"});
  m.CheckKeys(keys);
  if (auto title = m.String("title", true)) {
    page.title = JoinLines(title->value);  // title: | wrapped: no space between Japanese words
    SourceLoc at = title->loc;
    if (m.Get("title").Tag() == "!") ++at.col;  // a quoted title starts after its quote
    ReportOnLine(CheckText(title->value), title->value, at, diags);
    if (page.title.empty()) diags->Error(title->loc, "title が空です");
  }
  ReadPublishDates(m, kind == PageKind::kCase || kind == PageKind::kNews, &page.date, &page.updated);
  if (auto summary = m.String("summary")) {
    page.summary = JoinLines(summary->value);  // summary: | wraps lines
    LintSummary(m, *summary, diags);
  }
  page.draft = m.Bool("draft").value_or(false);
  page.weight = m.Int("weight").value_or(0);
  std::optional<Located> bulk_id = bulk ? m.String("id", true) : std::nullopt;
  page.id = bulk ? (bulk_id ? bulk_id->value : "") : StemOf(path);
  if (bulk_id) page.slug_loc = bulk_id->loc;  // a register's row or entry is where its ID is
  if (auto slug = m.String("slug")) {
    if (IsValidSlug(slug->value)) {
      page.id = slug->value;
      page.slug_loc = slug->loc;
    } else {
      diags->Error(slug->loc, "slug「" + slug->value + "」は URL に使えません",
                   "半角英小文字・数字・- だけで書いてください（/ や .. は使えません）");
    }
  } else if (bulk_id && !IsValidSlug(page.id)) {
    diags->Error(bulk_id->loc, "ID「" + page.id + "」は URL に使えません",
                 "半角英小文字・数字・- だけで書いてください（例: " + SlugSuggestion(page.id, reading) + "）");
  } else if (!bulk && !IsValidSlug(page.id)) {
    diags->Error({path, 0, 0}, "ファイル名「" + BaseName(path) + "」は URL に使えません",
                 "ファイル名を半角英小文字・数字・- にするか、slug: " + SlugSuggestion(page.id, reading) + " を書いてください");
  }
  if (bulk) {
    if (auto body = m.String("body")) {
      page.body = body->value;
      // A block scalar (body: |) starts on the line after its key, indented.
      const SourceLoc start = BlockTextStart(m.file(), body->loc);
      page.body_line = start.line;
      page.body_indent = start.col - 1;
    }
  }
  // A group's `contact` is its own public contact (a mapping, read by ReadGroup);
  // everywhere else it cites an org id.
  if (kind != PageKind::kGroup) {
    if (auto contact = m.String("contact")) page.contact = *contact;
  }
  for (Located alias : m.StringList("aliases")) {
    // An old address on this site, written with or without the leading "/".
    if (!alias.value.empty() && alias.value[0] == '/') alias.value.erase(0, 1);
    // Copied from the address bar (/saku/%E4%BA%8B%E4%BE%8B/): the server looks for 事例/.
    alias.value = UrlPathUnescape(alias.value);
    std::string file = Urls::FileOf(alias.value);
    // A name before the extension: .html or .htm alone is not a page.
    bool html = file.ends_with(".html") ? file.size() > 5 : file.ends_with(".htm") && file.size() > 4;
    if (!IsSafeRelativePath(file) || !html) {
      diags->Error(alias.loc, "aliases の「" + alias.value + "」は使えません",
                   "サイトの中の古いアドレスを /saku/old/balloon.html や /saku/old/balloon/ のように書いてください");
      continue;
    }
    page.aliases.push_back(alias);
  }

  switch (kind) {
    case PageKind::kCase:
      ReadCase(m, vocab, &page);
      break;
    case PageKind::kGroup:
      ReadGroup(m, vocab, reading, &page);
      break;
    case PageKind::kPolicy:
      ReadPolicy(m, &page);
      break;
    default:
      break;
  }
  return page;
}

}  // namespace kyodo
