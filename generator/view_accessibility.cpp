// The ウェブアクセシビリティ方針 and 試験結果 page of the portal and of each city.
// The 方針 is the generator's own commitment (target level, scope, exceptions);
// the 試験結果 shows only what the last browser gate run measured (the report
// given with --a11y-report) and the contrast the build computed itself. Without a
// report the page says so: it never shows results that were not produced.
#include <algorithm>

#include "a11y_report.h"
#include "tokens.h"
#include "views.h"

namespace kyodo {

namespace {

const char* TypeLabel(const std::string& type) {
  static const std::map<std::string, const char*> kLabels = {
      {"portal", "ポータルのトップ"},      {"portal-kyodo", "ポータルの協働の索引"},
      {"portal-term", "ポータルの索引の項目"}, {"city-top", "市町村のトップ"},
      {"cases", "協働事例の一覧"},          {"case", "協働事例"},
      {"kyodo", "協働の索引"},              {"term", "協働の索引の項目"},
      {"groups", "市民活動団体の一覧"},     {"group", "市民活動団体"},
      {"policies", "指針・計画の一覧"},     {"policy", "指針・計画"},
      {"forms", "申請・提案の一覧"},        {"form", "申請・提案のフォーム"},
      {"contact", "問い合わせ先"},          {"news", "お知らせ"},
      {"search", "サイト内検索"},           {"opendata", "オープンデータ"},
      {"accessibility", "アクセシビリティ"}, {"404", "ページが見つかりません"},
  };
  auto it = kLabels.find(type);
  return it != kLabels.end() ? it->second : "そのほかのページ";
}

const char* VerdictMark(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "○";
    case Verdict::kFail: return "×";
    case Verdict::kNotApplicable: return "－";
    case Verdict::kNotJudged: return "未判定";
  }
  return "";
}

// "saku/cases/x/index.html" → "saku/cases/x/" (the page's site path).
std::string SitePathOf(const std::string& file) {
  constexpr std::string_view kIndex = "index.html";
  return file.ends_with(kIndex) ? file.substr(0, file.size() - kIndex.size()) : file;
}

// The design-token contrast of each palette, as evidence for 1.4.3 and 1.4.11.
std::vector<BuildCheck> ContrastChecks(const AccessibilityEvidence& evidence) {
  int text = 0, ui = 0;
  bool text_ok = true, ui_ok = true;
  for (const auto& [label, palette] : evidence.palettes) {
    for (const ContrastResult& r : palette->contrast) {
      bool is_ui = r.pair.use == ContrastUse::kUi;
      (is_ui ? ui : text) += 1;
      (is_ui ? ui_ok : text_ok) = (is_ui ? ui_ok : text_ok) && r.ok;
    }
  }
  std::vector<BuildCheck> out;
  if (text) out.push_back({"1.4.3", "配色の文字と背景（ビルド時に計算、" + std::to_string(text) + " 組）", text_ok});
  if (ui) out.push_back({"1.4.11", "配色の部品と背景（ビルド時に計算、" + std::to_string(ui) + " 組）", ui_ok});
  return out;
}

Items Palettes(const AccessibilityEvidence& evidence) {
  Items out;
  for (const auto& [label, palette] : evidence.palettes) {
    mustache::data p;
    p.set("label", label);
    Items pairs;
    for (const ContrastResult& r : palette->contrast) {
      mustache::data d;
      d.set("label", r.pair.label);
      d.set("fg", r.fg);
      d.set("bg", r.bg);
      d.set("ratio", FormatRatio(r.ratio) + ":1");
      d.set("need", r.pair.use == ContrastUse::kText ? "4.5:1" : "3:1");
      d.set("criterion", r.pair.use == ContrastUse::kUi ? "1.4.11" : "1.4.3");
      d.set("result", r.ok ? "○" : "×");
      pairs.push_back(std::move(d));
    }
    SetList(&p, "pairs", std::move(pairs));
    out.push_back(std::move(p));
  }
  return out;
}

mustache::data CriterionRows(const std::vector<CriterionResult>& judged, bool jis) {
  Items rows;
  for (const CriterionResult& c : judged) {
    if (c.criterion->jis != jis) continue;
    mustache::data d;
    d.set("number", c.criterion->number);
    d.set("name", c.criterion->name);
    d.set("level", c.criterion->level);
    d.set("applies", c.verdict == Verdict::kNotApplicable ? "無" : c.verdict == Verdict::kNotJudged ? "未確認" : "有");
    d.set("result", VerdictMark(c.verdict));
    d.set("failed", Flag(c.verdict == Verdict::kFail));
    std::string checks;
    for (size_t i = 0; i < c.checks.size() && i < 4; ++i) checks += (i ? "、" : "") + c.checks[i];
    if (c.checks.size() > 4) checks += " ほか" + std::to_string(c.checks.size() - 4) + "件";
    if (checks.empty()) {
      checks = "自動では判定できません（人による確認が必要）";
    } else if (c.verdict == Verdict::kNotJudged) {
      checks += "（自動では判定しきれず、人による確認が必要）";  // ran, but decided nothing (3.1.2's valid-lang)
    }
    if (!c.failed.empty()) checks += "（不適合: " + std::to_string(c.failed_pages) + " 回の試験）";
    d.set("checks", checks);
    rows.push_back(std::move(d));
  }
  return List(std::move(rows));
}

void SetSummary(PageView& view, const std::vector<CriterionResult>& judged) {
  int pass = 0, fail = 0, na = 0, open = 0;
  for (const CriterionResult& c : judged) {
    if (!c.criterion->jis) continue;
    switch (c.verdict) {
      case Verdict::kPass: ++pass; break;
      case Verdict::kFail: ++fail; break;
      case Verdict::kNotApplicable: ++na; break;
      case Verdict::kNotJudged: ++open; break;
    }
  }
  view.Set("count_pass", std::to_string(pass));
  view.Set("count_fail", std::to_string(fail));
  view.Set("count_na", std::to_string(na));
  view.Set("count_open", std::to_string(open));
  view.Set("all_passed", Flag(fail == 0 && open > 0));
  Conformance conformance = JudgeConformance(judged);
  view.Set("conformance", ConformanceLabel(conformance));
  if (conformance == Conformance::kConsidered) {
    view.Set("conformance_note", "自動では判定できない達成基準 " + std::to_string(open) +
                                     "件を人が確かめていないため、「準拠」「一部準拠」とは表記しません");
  } else if (conformance == Conformance::kPartial) {
    view.Set("conformance_note", "満たしていない達成基準が " + std::to_string(fail) + "件あります。現時点で把握している問題点をご覧ください");
  }
  Items issues;
  for (const CriterionResult& c : judged) {
    if (c.verdict != Verdict::kFail) continue;
    std::string rules;
    for (const std::string& r : c.failed) rules += (rules.empty() ? "" : "、") + r;
    issues.push_back(mustache::data(std::string(c.criterion->number) + " " + c.criterion->name + "（" + rules + "）"));
  }
  view.SetList("issues", std::move(issues));
}

// 対象ページの選択方法 as the run actually chose them: the method letter of
// JB.1.2 follows from the counts, so a run with --pages and no --sample is not
// published as 「代表ページと無作為に選んだページ」.
std::string SelectionText(const A11yReport& report) {
  std::string all = "全 " + std::to_string(report.pages) + "ページ";
  std::string chosen = report.method == "pages"          ? "試験者が指定したページ"
                       : report.method == "per-theme"    ? "テーマごとにページの種類ごとの1ページ"
                                                         : "ページの種類ごとの1ページ";
  std::string reps = "代表ページは" + chosen + "（" + std::to_string(report.representative) + "ページ）";
  std::string draw = "乱数の種 " + std::to_string(report.seed) + " で選んだ " + std::to_string(report.sample) + "ページ";
  switch (SelectionOf(report)) {
    case PageSelection::kAll:
      return "JIS X 8341-3:2016 附属書JB JB.1.2 a)（ウェブページ一式のすべてのページ）。" + all + "を試験しました。";
    case PageSelection::kRandom:
      return "JIS X 8341-3:2016 附属書JB JB.1.2 b)（無作為に選んだページ）。" + all + "から" + draw + "です。";
    case PageSelection::kRepresentative:
      return "JIS X 8341-3:2016 附属書JB JB.1.2 c)（代表ページ）。" + reps + "です。無作為に選んだページはありません（" + all +
             "）。";
    case PageSelection::kRepresentativeAndRandom:
      break;
  }
  return "JIS X 8341-3:2016 附属書JB JB.1.2 d)（代表ページと無作為に選んだページ）。" + reps + "、無作為のページは残りのページから" +
         draw + "です（" + all + "）。";
}

void SetReport(PageView& view, const A11yReport& report, const AccessibilityEvidence& evidence) {
  DateError err;
  if (auto date = ParseDate(report.date, &err)) {
    view.Set("test_date", view.DateText(*date));
    view.Set("test_date_iso", date->Iso());
  } else {
    view.Set("test_date", report.date);
  }
  std::string widths;
  for (int w : report.widths) widths += (widths.empty() ? "" : "・") + std::to_string(w) + "px";
  view.Set("widths", widths);
  view.Set("selection", SelectionText(report));
  std::string tools;
  for (const auto& [name, version] : report.tools) tools += (tools.empty() ? "" : "、") + name + " " + version;
  view.Set("tools", tools);
  if (report.html_errors >= 0) {
    view.Set("html_pages", std::to_string(report.html_pages));
    view.Set("html_errors", std::to_string(report.html_errors));
  }
  Items pages;
  for (const TestedPage& t : TestedPages(report)) {
    mustache::data d;
    std::string site_path = SitePathOf(t.url);
    d.set("path", "/" + site_path);
    if (evidence.pages && evidence.pages->count(site_path)) d.set("href", view.Href(site_path));
    d.set("type", TypeLabel(t.type));
    d.set("theme", t.theme);
    d.set("how", t.sample ? "無作為" : "代表");
    d.set("result", t.ok ? "○" : "×");
    pages.push_back(std::move(d));
  }
  view.Set("tested_count", std::to_string(pages.size()));
  view.SetList("tested", std::move(pages));
}

}  // namespace

std::string AccessibilityPath(int city, const ViewContext& ctx) {
  return city >= 0 ? ctx.content.cities[static_cast<size_t>(city)].site.slug + "/accessibility/" : "accessibility/";
}

mustache::data AccessibilityView(const ViewContext& ctx, int city, const AccessibilityEvidence& evidence) {
  PageView view(ctx, AccessibilityPath(city, ctx), city);
  view.Title("ウェブアクセシビリティ方針と試験結果");
  view.Description("JIS X 8341-3:2016 に対応するための方針と、自動試験の結果です。");
  const City* c = view.city();
  std::string portal = ctx.content.portal.title;
  view.Set("site_name", c ? c->site.name + "の協働のまちづくりのページ" : portal);
  std::string scope_path = c ? c->site.slug + "/" : "";
  std::string absolute = ctx.urls.Absolute(scope_path);
  view.Set("scope", absolute.empty() ? "/" + scope_path : absolute);
  view.Set("scope_href", view.Href(scope_path));
  view.Set("is_city", Flag(c != nullptr));
  view.Set("portal_name", portal);
  if (c) view.Set("portal_accessibility_href", view.Href("accessibility/"));
  if (c) view.Set("city_name", c->site.name);  // 町・村・区 too: not 「この市」
  view.Set("created", view.DateText(ctx.build_date));
  view.Set("created_iso", ctx.build_date.Iso());
  view.Set("uses_js", Flag(!ctx.scripts.empty()));
  std::string added;
  for (const SuccessCriterion& sc : SuccessCriteria()) {
    if (!sc.jis) added += (added.empty() ? "" : "、") + std::string(sc.number) + " " + sc.name;
  }
  view.Set("added_criteria", added);
  std::vector<BuildCheck> build_checks = ContrastChecks(evidence);
  std::vector<CriterionResult> judged = JudgeCriteria(evidence.report, build_checks);
  view.Set("has_report", Flag(evidence.report != nullptr));
  if (evidence.report) {
    SetReport(view, *evidence.report, evidence);
    SetSummary(view, judged);
  }
  view.Set("jis_rows", CriterionRows(judged, true));
  view.Set("added_rows", CriterionRows(judged, false));
  view.SetList("palettes", Palettes(evidence));
  return view.Finish();
}

}  // namespace kyodo
