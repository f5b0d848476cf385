#include "page_loader.h"

#include "city_config.h"
#include "disk.h"
#include "jp_codes.h"
#include "source.h"
#include "text.h"
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
  c.groups = m.StringList("groups");
  c.period = ReadPeriod(m, "period", false);
  if (auto place = m.String("place")) c.place = place->value;
  for (const MapReader& img : m.MapList("images")) {
    img.CheckKeys({"src", "alt"});
    auto src = img.String("src", true);
    auto alt = img.String("alt");
    if (!src) continue;
    if (!alt || CollapseWhitespace(alt->value).empty()) {
      m.diags()->Error(src->loc, "画像「" + src->value + "」に代替テキスト（alt）がありません",
                       "alt: に画像の内容を文章で書いてください（例: alt: 国道沿いに咲くコスモス）");
    }
    c.images.push_back({src->value, alt ? alt->value : "", src->loc});
  }
  for (const MapReader& l : m.MapList("links")) {
    l.CheckKeys({"title", "url"});
    auto title = l.String("title", true);
    auto url = l.String("url", true);
    if (url && url->value.rfind("https://", 0) != 0 && url->value.rfind("http://", 0) != 0) {
      m.diags()->Error(url->loc, "リンク「" + url->value + "」は http:// か https:// で始まる URL にしてください");
      continue;
    }
    if (title && url) c.links.push_back({title->value, url->value});
  }
  for (const MapReader& a : m.MapList("attachments")) {
    a.CheckKeys({"title", "src"});
    auto title = a.String("title", true);
    auto src = a.String("src", true);
    if (title && src) c.attachments.push_back({title->value, src->value, src->loc});
  }
}

void ReadGroup(const MapReader& m, const Vocabularies& vocab, ReadingGuesser* reading, Page* page) {
  GroupInfo& g = page->group;
  if (auto kana = m.String("kana")) {
    g.kana = ToHiragana(kana->value);
    if (RomajiSlug(g.kana).empty() && !g.kana.empty()) {
      m.diags()->Error(kana->loc, "kana「" + kana->value + "」はひらがなかカタカナで書いてください");
    }
  } else if (!page->title.empty()) {
    std::string base = StripCorporateForm(page->title);
    g.kana = reading ? reading->Guess(base) : "";
    g.kana_derived = true;
    if (g.kana.empty()) {
      m.diags()->Error(m.where(), "団体名「" + page->title + "」の読み（kana）がありません",
                       "kana: に法人格を除いた団体名の読みをひらがなで書いてください");
    } else {
      m.diags()->Warning(m.KeyLoc("title"), "読み（kana）がないため「" + g.kana + "」と推定しました",
                         "正しければ kana: " + g.kana + " を追加してください（五十音順の並びに使います）");
    }
  }
  g.fields = ReadTerms(m, vocab, "fields");
  if (auto area = m.String("area")) g.area = area->value;
  g.established = ReadDate(m, "established", false);
  if (auto members = m.String("members")) g.members = members->value;
  if (auto num = m.String("corporate_number")) {
    std::string digits = Nfkc(num->value);
    digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
    int check = digits.size() == 13 ? CorporateNumberCheckDigit(digits.substr(1)) : -1;
    if (check < 0) {
      m.diags()->Error(num->loc, "法人番号「" + num->value + "」は13桁の数字ではありません",
                       "国税庁法人番号公表サイトの13桁の番号を \"\" で囲んで書いてください");
    } else if (digits[0] - '0' != check) {
      m.diags()->Error(num->loc, "法人番号「" + num->value + "」の検査数字（先頭の1桁）が合いません",
                       "「" + std::to_string(check) + digits.substr(1) + "」ではありませんか");
    }
    g.corporate_number = digits;
  }
  if (auto contact = m.Map("contact")) {
    contact->CheckKeys({"tel", "email", "url"});
    if (auto tel = contact->String("tel")) g.tel = Nfkc(tel->value);
    if (auto email = contact->String("email")) g.email = email->value;
    if (auto url = contact->String("url")) g.url = url->value;
  }
  if (auto url = m.String("url")) g.url = url->value;
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
        if (auto title = ScalarText(item)) {
          p.basic_policies.push_back({*title, "", {}});
          continue;
        }
        MapReader b(m.file(), item, m.file().Loc(item), m.diags());
        if (!b.ok()) continue;
        b.CheckKeys({"title", "summary", "measures"});
        BasicPolicy bp;
        if (auto t = b.String("title", true)) bp.title = t->value;
        if (auto s = b.String("summary")) bp.summary = s->value;
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

std::string StripCorporateForm(const std::string& name) {
  static const char* const kForms[] = {"特定非営利活動法人", "NPO法人", "認定NPO法人", "一般社団法人", "公益社団法人",
                                       "一般財団法人", "公益財団法人", "社会福祉法人", "株式会社", "有限会社",
                                       "合同会社", "協同組合", "(特非)", "（特非）"};
  std::string s = CollapseWhitespace(Nfkc(name));
  for (const char* form : kForms) {
    std::string f = Nfkc(form);
    if (s.rfind(f, 0) == 0) s = CollapseWhitespace(s.substr(f.size()));
    if (s.size() > f.size() && s.compare(s.size() - f.size(), f.size(), f) == 0) {
      s = CollapseWhitespace(s.substr(0, s.size() - f.size()));
    }
  }
  return s;
}

std::optional<Page> LoadPage(const std::string& path, PageKind kind, const std::string& text,
                             const Vocabularies& vocab, ReadingGuesser* reading, Diagnostics* diags) {
  auto split = SplitFrontMatter(text, path, diags);
  if (!split) return std::nullopt;
  if (split->yaml_line == 0) {
    diags->Error({path, 1, 1}, "フロントマター（--- で囲んだ title: などの行）がありません",
                 "ファイルの先頭に ---、title: 題名、--- の3行を入れてください");
    return std::nullopt;
  }
  YamlFile yaml(path, split->yaml, split->yaml_line);
  if (!yaml.Parse(diags)) return std::nullopt;
  MapReader m(yaml, yaml.root(), {path, 1, 1}, diags);
  if (!m.ok()) return std::nullopt;

  Page page;
  page.kind = kind;
  page.source = path;
  page.body = std::move(split->body);
  page.body_line = split->body_line;
  switch (kind) {
    case PageKind::kCase:
      m.CheckKeys({"title", "date", "updated", "summary", "draft", "weight", "slug", "contact", "aliases", "modes",
                   "fields", "actors", "partnership", "groups", "period", "place", "images", "links",
                   "attachments"});
      break;
    case PageKind::kGroup:
      m.CheckKeys({"title", "date", "updated", "summary", "draft", "weight", "slug", "contact", "aliases", "kana",
                   "fields", "area", "established", "members", "corporate_number", "url"});
      break;
    case PageKind::kPolicy:
      m.CheckKeys({"title", "date", "updated", "summary", "draft", "weight", "slug", "contact", "aliases", "kind",
                   "period", "basic_policies", "progress", "parent"});
      break;
    case PageKind::kNews:
    case PageKind::kPage:
      m.CheckKeys({"title", "date", "updated", "summary", "draft", "weight", "slug", "contact", "aliases"});
      break;
  }
  if (auto title = m.String("title", true)) {
    page.title = CollapseWhitespace(title->value);
    if (page.title.empty()) diags->Error(title->loc, "title が空です");
  }
  bool date_required = kind == PageKind::kCase || kind == PageKind::kNews;
  page.date = ReadDate(m, "date", date_required);
  page.updated = ReadDate(m, "updated", false);
  if (page.date && page.updated && page.updated->SortKey() < page.date->SortKey()) {
    diags->Error(m.ValueLoc("updated"), "更新日（updated）が掲載日（date）より前です");
  }
  if (auto summary = m.String("summary")) page.summary = CollapseWhitespace(summary->value);
  page.draft = m.Bool("draft").value_or(false);
  page.weight = m.Int("weight").value_or(0);
  page.id = StemOf(path);
  if (auto slug = m.String("slug")) {
    page.id = slug->value;
    if (!IsValidSlug(page.id)) {
      diags->Error(slug->loc, "slug「" + page.id + "」は URL に使えません",
                   "半角英小文字・数字・- だけで書いてください（/ や .. は使えません）");
    }
  } else if (!IsValidSlug(page.id)) {
    std::string suggestion = RomajiSlug(page.id);
    diags->Error({path, 0, 0}, "ファイル名「" + BaseName(path) + "」は URL に使えません",
                 "ファイル名を半角英小文字・数字・- にするか、slug: " +
                     (suggestion.empty() ? std::string("example") : suggestion) + " を書いてください");
  }
  // A group's `contact` is its own public contact (a mapping, read by ReadGroup);
  // everywhere else it cites an org id.
  if (kind != PageKind::kGroup) {
    if (auto contact = m.String("contact")) page.contact = *contact;
  }
  for (const Located& alias : m.StringList("aliases")) page.aliases.push_back(alias.value);

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
