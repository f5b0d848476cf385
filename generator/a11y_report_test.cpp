#include "a11y_report.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

// The shape tests/browser/a11y.mjs writes, cut down to what the build reads.
constexpr const char* kReport = R"({
 "format": "kyodo-a11y/2",
 "date": "2026-11-25",
 "tools": {"axe-core": "4.14.1", "chromium": "156.0.7000.1"},
 "widths": [375, 1280],
 "selection": {"method": "per-theme", "representative": 2, "sample": 1, "seed": 20240401, "pages": 264},
 "html": {"validator": "vnu", "pages": 264, "errors": 0},
 "rules": {
  "color-contrast": {"help": "Elements must meet minimum color contrast ratio thresholds", "sc": ["1.4.3"]},
  "image-alt": {"help": "Images must have alternative text", "sc": ["1.1.1"]},
  "video-caption": {"help": "video elements must have captions", "sc": ["1.2.2"]},
  "link-name": {"help": "Links must have discernible text", "sc": ["2.4.4", "4.1.2"]},
  "vnu": {"help": "The HTML validates", "sc": ["4.1.1"]}
 },
 "results": [
  {"url": "saku/index.html", "type": "city-top", "theme": "machi", "sample": false, "width": 375,
   "violations": [], "passes": ["color-contrast", "link-name", "vnu"], "incomplete": [], "inapplicable": ["image-alt", "video-caption"]},
  {"url": "saku/index.html", "type": "city-top", "theme": "machi", "sample": false, "width": 1280,
   "violations": [{"id": "link-name", "nodes": 1}], "passes": ["color-contrast", "vnu"], "incomplete": [], "inapplicable": ["video-caption"]},
  {"url": "suwa/cases/a/index.html", "type": "case", "theme": "default", "sample": true, "width": 375,
   "violations": [], "passes": ["image-alt", "vnu"], "incomplete": [], "inapplicable": ["video-caption"]}
 ]
})";

const CriterionResult& Find(const std::vector<CriterionResult>& all, const std::string& number) {
  for (const CriterionResult& c : all) {
    if (c.criterion->number == number) return c;
  }
  FAIL("no criterion " << number);
  return all.front();
}

TEST_CASE("SuccessCriteria lists the 38 JIS X 8341-3:2016 A/AA criteria, then the WCAG 2.1 additions") {
  const auto& all = SuccessCriteria();
  REQUIRE(all.size() == 50);
  int jis = 0, aa = 0;
  for (const SuccessCriterion& c : all) {
    jis += c.jis;
    aa += c.jis && std::string(c.level) == "AA";
  }
  CHECK(jis == 38);
  CHECK(aa == 13);
  CHECK(std::string(all[11].number) == "1.4.3");
  CHECK(std::string(all[11].name) == "コントラスト（最低限レベル）");
}

TEST_CASE("ParseA11yReport reads the gate's JSON") {
  Diagnostics d;
  auto r = ParseA11yReport("build/a11y/a11y-results.json", kReport, &d);
  REQUIRE(r);
  CHECK(d.empty());
  CHECK(r->date == "2026-11-25");
  CHECK(r->tools.at("axe-core") == "4.14.1");
  CHECK(r->seed == 20240401);
  CHECK(r->representative == 2);
  CHECK(r->html_errors == 0);
  CHECK(r->rules.at("link-name").criteria == std::vector<std::string>{"2.4.4", "4.1.2"});
  REQUIRE(r->results.size() == 3);
  CHECK(r->results[1].violations == std::vector<std::string>{"link-name"});
  CHECK(r->results[2].sample);
}

TEST_CASE("ParseA11yReport reports broken JSON at its line and other formats by name") {
  Diagnostics d;
  CHECK_FALSE(ParseA11yReport("r.json", "{\n \"format\": \"kyodo-a11y/2\",\n \"date\": }\n", &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 3);
  CHECK(d.items()[0].message == "a11y レポートの JSON を読めません");
  Diagnostics old;
  CHECK_FALSE(ParseA11yReport("r.json", R"({"site": "x", "results": []})", &old));
  CHECK(old.items()[0].message == "a11y レポートの形式「」は読めません（kyodo-a11y/2 が必要です）");
}

TEST_CASE("JudgeCriteria: ○ when checks passed, × on any failure, — when nothing applied, 未判定 without a check") {
  Diagnostics d;
  auto r = ParseA11yReport("r.json", kReport, &d);
  REQUIRE(r);
  auto all = JudgeCriteria(&*r, {{"1.4.3", "デザイントークンのコントラスト比（20 組）", true}});
  CHECK(Find(all, "1.4.3").verdict == Verdict::kPass);
  CHECK(Find(all, "1.4.3").checks == std::vector<std::string>{"color-contrast", "デザイントークンのコントラスト比（20 組）"});
  CHECK(Find(all, "1.1.1").verdict == Verdict::kPass);  // inapplicable on one page, passed on another
  CHECK(Find(all, "2.4.4").verdict == Verdict::kFail);
  CHECK(Find(all, "2.4.4").failed == std::vector<std::string>{"link-name"});
  CHECK(Find(all, "2.4.4").failed_pages == 1);
  CHECK(Find(all, "4.1.2").verdict == Verdict::kFail);
  CHECK(Find(all, "1.2.2").verdict == Verdict::kNotApplicable);
  CHECK(Find(all, "3.3.4").verdict == Verdict::kNotJudged);
  CHECK(Find(all, "4.1.1").verdict == Verdict::kPass);
  // A rule the report knows but no page ran (vnu without --vnu) decides nothing: 4.1.1 is
  // 未判定, not 「該当する内容がない」.
  auto no_vnu = *r;
  for (A11yPageResult& p : no_vnu.results) std::erase(p.passes, "vnu");
  CHECK(Find(JudgeCriteria(&no_vnu, {}), "4.1.1").verdict == Verdict::kNotJudged);
  CHECK(Find(JudgeCriteria(&no_vnu, {}), "4.1.1").checks.empty());
  // valid-lang finds nothing on a page with no lang attribute, which is just the page whose
  // English passage lacks one: 3.1.2 stays 未判定, not 「該当する内容がない」.
  auto lang = *r;
  lang.rules["valid-lang"] = {"lang attribute must have a valid value", {"3.1.2"}};
  for (A11yPageResult& p : lang.results) p.inapplicable.push_back("valid-lang");
  CHECK(Find(JudgeCriteria(&lang, {}), "3.1.2").verdict == Verdict::kNotJudged);
  CHECK(Find(JudgeCriteria(&lang, {}), "3.1.2").checks == std::vector<std::string>{"valid-lang"});
  // Without a report only the build's own checks decide anything.
  auto none = JudgeCriteria(nullptr, {{"1.4.11", "トークン", true}});
  CHECK(Find(none, "1.4.11").verdict == Verdict::kPass);
  CHECK(Find(none, "1.1.1").verdict == Verdict::kNotJudged);
}

TEST_CASE("JudgeConformance: 準拠 only when every JIS criterion was judged and none failed") {
  Diagnostics d;
  auto r = ParseA11yReport("r.json", kReport, &d);
  REQUIRE(r);
  // An automatic run leaves criteria 未判定 (3.3.4 has no check): only 配慮 may be stated.
  auto some = JudgeCriteria(&*r, {});
  CHECK(JudgeConformance(some) == Conformance::kConsidered);
  CHECK(std::string(ConformanceLabel(JudgeConformance(some))) == "配慮");
  CHECK(JudgeConformance(JudgeCriteria(nullptr, {})) == Conformance::kConsidered);
  // Every JIS criterion judged: ○/－ everywhere is 準拠, one × is 一部準拠.
  auto all = JudgeCriteria(nullptr, {});
  for (CriterionResult& c : all) c.verdict = c.criterion->jis ? Verdict::kPass : Verdict::kNotJudged;
  CHECK(JudgeConformance(all) == Conformance::kConforms);  // WCAG 2.1 additions left open do not count
  all[5].verdict = Verdict::kNotApplicable;
  CHECK(JudgeConformance(all) == Conformance::kConforms);
  all[20].verdict = Verdict::kFail;
  CHECK(std::string(ConformanceLabel(JudgeConformance(all))) == "一部準拠");
  all[21].verdict = Verdict::kNotJudged;
  CHECK(JudgeConformance(all) == Conformance::kConsidered);
}

TEST_CASE("SelectionOf names the JB.1.2 method the run used") {
  A11yReport r;
  r.pages = 264;
  r.representative = 40, r.sample = 8;
  CHECK(SelectionOf(r) == PageSelection::kRepresentativeAndRandom);
  r.sample = 0;  // --pages or per type without --sample: no random draw
  CHECK(SelectionOf(r) == PageSelection::kRepresentative);
  r.representative = 0, r.sample = 40;
  CHECK(SelectionOf(r) == PageSelection::kRandom);
  r.representative = 200, r.sample = 64;  // the draw took every remaining page
  CHECK(SelectionOf(r) == PageSelection::kAll);
}

TEST_CASE("TestedPages folds widths together and keeps the report's order") {
  Diagnostics d;
  auto r = ParseA11yReport("r.json", kReport, &d);
  REQUIRE(r);
  auto pages = TestedPages(*r);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].url == "saku/index.html");
  CHECK(pages[0].widths == std::vector<int>{375, 1280});
  CHECK_FALSE(pages[0].ok);
  CHECK(pages[1].ok);
  CHECK(pages[1].sample);
}

}  // namespace
}  // namespace kyodo
