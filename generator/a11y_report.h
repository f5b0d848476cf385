// Accessibility evidence: the report the browser gate writes
// (tests/browser/a11y.mjs → a11y-results.json, fed back with
// `kyodo build --a11y-report FILE`) read into plain structs, and judged per
// JIS X 8341-3:2016 success criterion for the published 試験結果. Nothing here is
// hand-written evidence: a criterion no check covers stays 「未判定」.
#ifndef KYODO_A11Y_REPORT_H_
#define KYODO_A11Y_REPORT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "error.h"

namespace kyodo {

/// A success criterion of JIS X 8341-3:2016 (numbered as WCAG 2.0), or one of the
/// WCAG 2.1 A/AA criteria the site adds to its target (追加する達成基準).
struct SuccessCriterion {
  const char* number;  ///< "1.4.3"
  const char* name;    ///< JIS title, 「コントラスト（最低限レベル）」
  const char* level;   ///< "A" or "AA"
  bool jis;            ///< in JIS X 8341-3:2016 (false: added from WCAG 2.1)
};

/// The 38 A/AA criteria of JIS X 8341-3:2016, then the 12 WCAG 2.1 additions, in order.
const std::vector<SuccessCriterion>& SuccessCriteria();

/// One check the gate ran (an axe-core rule or one of kyodo's own) and what it decides.
struct A11yRule {
  std::string help;
  std::vector<std::string> criteria;  ///< success criterion numbers, "1.4.3"
};

/// One page at one viewport width.
struct A11yPageResult {
  std::string url;  ///< site-relative file, "saku/cases/x/index.html"
  std::string type, theme;
  bool sample = false;
  int width = 0;
  std::vector<std::string> violations, passes, incomplete, inapplicable;  ///< rule ids
};

struct A11yReport {
  std::string path;  ///< the file it was read from
  std::string date;  ///< 試験実施日, "2026-11-25"
  std::map<std::string, std::string> tools;  ///< "axe-core" → "4.14.1", "chromium" → …
  std::vector<int> widths;
  std::string method;  ///< "per-theme", "per-type" or "pages"
  int representative = 0, sample = 0, pages = 0;
  long long seed = 0;
  int html_pages = -1, html_errors = -1;  ///< vnu over every page; -1 when not run
  std::map<std::string, A11yRule> rules;
  std::vector<A11yPageResult> results;
};

/// Parses the gate's JSON (format "kyodo-a11y/2"); reports malformed files with
/// their position and returns nullopt.
std::optional<A11yReport> ParseA11yReport(const std::string& path, const std::string& json, Diagnostics* diags);

enum class Verdict {
  kPass,           ///< ○: every check of the criterion passed on every tested page
  kFail,           ///< ×: a check failed somewhere
  kNotApplicable,  ///< —: the checks found nothing the criterion applies to (no video, no forms…)
  kNotJudged,      ///< 未判定: no automatic check decides it; a person must
};

/// Evidence from the build itself, e.g. the design-token contrast of every theme.
struct BuildCheck {
  std::string criterion;  ///< "1.4.3"
  std::string label;      ///< 「デザイントークンのコントラスト比（42 組）」
  bool ok = true;
};

struct CriterionResult {
  const SuccessCriterion* criterion = nullptr;
  Verdict verdict = Verdict::kNotJudged;
  std::vector<std::string> checks;  ///< what decided it: rule ids and build-check labels
  std::vector<std::string> failed;  ///< rule ids that failed
  int failed_pages = 0;             ///< page × width runs with a failure
};

/// Judges every success criterion from the report (may be null: build checks only).
std::vector<CriterionResult> JudgeCriteria(const A11yReport* report, const std::vector<BuildCheck>& build_checks);

/// 対応度 (WAIC 対応度表記ガイドライン 2016): what the results allow the site to
/// state about the target level AA. 「準拠」 needs every criterion of the level
/// judged by the test (附属書JB); an automatic run leaves some 未判定, and saying
/// 準拠 or 一部準拠 then would be a claim nobody tested.
enum class Conformance {
  kConforms,    ///< 準拠: every JIS A/AA criterion judged, none failed
  kPartial,     ///< 一部準拠: every JIS A/AA criterion judged, some failed
  kConsidered,  ///< 配慮: some criterion not judged, or no test at all
};
Conformance JudgeConformance(const std::vector<CriterionResult>& judged);
const char* ConformanceLabel(Conformance c);  ///< 「準拠」「一部準拠」「配慮」

/// How the tested pages were chosen (JIS X 8341-3:2016 附属書JB JB.1.2).
enum class PageSelection {
  kAll,                      ///< a) every page of the site
  kRandom,                   ///< b) pages drawn at random only
  kRepresentative,           ///< c) chosen pages only (per type, or given with --pages)
  kRepresentativeAndRandom,  ///< d) chosen pages and a random draw from the rest
};
PageSelection SelectionOf(const A11yReport& report);

/// A page of the report, its widths folded together.
struct TestedPage {
  std::string url;  ///< site-relative file
  std::string type, theme;
  bool sample = false;
  bool ok = true;  ///< no violation at any width
  std::vector<int> widths;
};
std::vector<TestedPage> TestedPages(const A11yReport& report);

}  // namespace kyodo

#endif  // KYODO_A11Y_REPORT_H_
