#include "a11y_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "source.h"
#include "text.h"

namespace kyodo {

const std::vector<SuccessCriterion>& SuccessCriteria() {
  static const std::vector<SuccessCriterion> kAll = {
      {"1.1.1", "非テキストコンテンツ", "A", true},
      {"1.2.1", "音声のみ及び映像のみ（収録済み）", "A", true},
      {"1.2.2", "キャプション（収録済み）", "A", true},
      {"1.2.3", "音声解説，又はメディアに対する代替（収録済み）", "A", true},
      {"1.2.4", "キャプション（ライブ）", "AA", true},
      {"1.2.5", "音声解説（収録済み）", "AA", true},
      {"1.3.1", "情報及び関係性", "A", true},
      {"1.3.2", "意味のある順序", "A", true},
      {"1.3.3", "感覚的な特徴", "A", true},
      {"1.4.1", "色の使用", "A", true},
      {"1.4.2", "音声の制御", "A", true},
      {"1.4.3", "コントラスト（最低限レベル）", "AA", true},
      {"1.4.4", "テキストのサイズ変更", "AA", true},
      {"1.4.5", "文字画像", "AA", true},
      {"2.1.1", "キーボード", "A", true},
      {"2.1.2", "キーボードトラップなし", "A", true},
      {"2.2.1", "タイミング調整可能", "A", true},
      {"2.2.2", "一時停止，停止及び非表示", "A", true},
      {"2.3.1", "3回のせん（閃）光，又はしきい（閾）値以下", "A", true},
      {"2.4.1", "ブロックスキップ", "A", true},
      {"2.4.2", "ページタイトル", "A", true},
      {"2.4.3", "フォーカス順序", "A", true},
      {"2.4.4", "リンクの目的（コンテキスト内）", "A", true},
      {"2.4.5", "複数の手段", "AA", true},
      {"2.4.6", "見出し及びラベル", "AA", true},
      {"2.4.7", "フォーカスの可視化", "AA", true},
      {"3.1.1", "ページの言語", "A", true},
      {"3.1.2", "一部分の言語", "AA", true},
      {"3.2.1", "フォーカス時", "A", true},
      {"3.2.2", "入力時", "A", true},
      {"3.2.3", "一貫したナビゲーション", "AA", true},
      {"3.2.4", "一貫した識別性", "AA", true},
      {"3.3.1", "エラーの特定", "A", true},
      {"3.3.2", "ラベル又は説明", "A", true},
      {"3.3.3", "エラー修正の提案", "AA", true},
      {"3.3.4", "エラー回避（法的，金融及びデータ）", "AA", true},
      {"4.1.1", "構文解析", "A", true},
      {"4.1.2", "名前（name），役割（role）及び値（value）", "A", true},
      {"1.3.4", "表示の向き", "AA", false},
      {"1.3.5", "入力目的の特定", "AA", false},
      {"1.4.10", "リフロー", "AA", false},
      {"1.4.11", "非テキストのコントラスト", "AA", false},
      {"1.4.12", "テキストの間隔", "AA", false},
      {"1.4.13", "ホバー又はフォーカスで表示されるコンテンツ", "AA", false},
      {"2.1.4", "文字キーのショートカット", "A", false},
      {"2.5.1", "ポインタのジェスチャ", "A", false},
      {"2.5.2", "ポインタのキャンセル", "A", false},
      {"2.5.3", "ラベルを含む名前", "A", false},
      {"2.5.4", "動きによる起動", "A", false},
      {"4.1.3", "ステータスメッセージ", "AA", false},
  };
  return kAll;
}

namespace {

using Json = nlohmann::json;

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const Json& v : j[key]) {
    if (v.is_string()) out.push_back(v.get<std::string>());
    else if (v.is_object() && v.contains("id") && v["id"].is_string()) out.push_back(v["id"].get<std::string>());
  }
  return out;
}

std::string String(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

int Int(const Json& j, const char* key, int fallback) {
  return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : fallback;
}

}  // namespace

std::optional<A11yReport> ParseA11yReport(const std::string& path, const std::string& json, Diagnostics* diags) {
  Json j;
  try {
    j = Json::parse(json);
  } catch (const Json::parse_error& e) {
    diags->Error(LocOfByte(path, json, e.byte > 0 ? e.byte - 1 : 0), "a11y レポートの JSON を読めません",
                 "tests/browser/a11y.mjs が書いた a11y-results.json をそのまま指定してください");
    return std::nullopt;
  }
  std::string format = j.is_object() ? String(j, "format") : "";
  if (format != "kyodo-a11y/2") {
    diags->Error({path, 1, 1}, "a11y レポートの形式「" + format + "」は読めません（kyodo-a11y/2 が必要です）",
                 "node tests/browser/a11y.mjs で試験をやり直し、できた a11y-results.json を指定してください");
    return std::nullopt;
  }
  A11yReport r;
  r.path = path;
  r.date = String(j, "date");
  if (j.contains("tools") && j["tools"].is_object()) {
    for (const auto& [name, version] : j["tools"].items()) {
      if (version.is_string()) r.tools[name] = version.get<std::string>();
    }
  }
  if (j.contains("widths") && j["widths"].is_array()) {
    for (const Json& w : j["widths"]) {
      if (w.is_number_integer()) r.widths.push_back(w.get<int>());
    }
  }
  if (j.contains("selection") && j["selection"].is_object()) {
    const Json& s = j["selection"];
    r.method = String(s, "method");
    r.representative = Int(s, "representative", 0);
    r.sample = Int(s, "sample", 0);
    r.pages = Int(s, "pages", 0);
    r.seed = s.contains("seed") && s["seed"].is_number_integer() ? s["seed"].get<long long>() : 0;
  }
  if (j.contains("html") && j["html"].is_object()) {
    r.html_pages = Int(j["html"], "pages", -1);
    r.html_errors = Int(j["html"], "errors", -1);
  }
  if (j.contains("rules") && j["rules"].is_object()) {
    for (const auto& [id, rule] : j["rules"].items()) {
      if (rule.is_object()) r.rules[id] = {String(rule, "help"), Strings(rule, "sc")};
    }
  }
  if (j.contains("results") && j["results"].is_array()) {
    for (const Json& x : j["results"]) {
      if (!x.is_object()) continue;
      A11yPageResult p;
      p.url = String(x, "url");
      p.type = String(x, "type");
      p.theme = String(x, "theme");
      p.sample = x.contains("sample") && x["sample"].is_boolean() && x["sample"].get<bool>();
      p.width = Int(x, "width", 0);
      p.violations = Strings(x, "violations");
      p.passes = Strings(x, "passes");
      p.incomplete = Strings(x, "incomplete");
      p.inapplicable = Strings(x, "inapplicable");
      r.results.push_back(std::move(p));
    }
  }
  if (r.date.empty() || r.results.empty()) {
    diags->Error({path, 1, 1}, "a11y レポートに試験の日付か結果がありません",
                 "試験が途中で止まっていないか確かめ、node tests/browser/a11y.mjs をやり直してください");
    return std::nullopt;
  }
  return r;
}

namespace {

// The rules some page actually ran: the report lists every rule the gate knows
// (vnu even without --vnu, the keyboard walk even when only sampled pages were
// tested), and a rule that never ran is no evidence that nothing applied.
std::set<std::string> RulesRun(const A11yReport& report) {
  std::set<std::string> run;
  for (const A11yPageResult& p : report.results) {
    for (const auto* ids : {&p.violations, &p.passes, &p.incomplete, &p.inapplicable}) run.insert(ids->begin(), ids->end());
  }
  return run;
}

// Whether a rule that found nothing to test shows the criterion does not apply.
// A passage in English without lang (3.1.2) or meaning given by colour (1.4.1) is
// no element a rule can find: valid-lang is inapplicable exactly on the page that
// forgot lang, and link-in-text-block on a page without links inside sentences.
bool CanBeAbsent(const SuccessCriterion& sc) {
  std::string_view n = sc.number;
  return n != "1.4.1" && n != "3.1.2";
}

}  // namespace

std::vector<CriterionResult> JudgeCriteria(const A11yReport* report, const std::vector<BuildCheck>& build_checks) {
  std::vector<CriterionResult> out;
  std::set<std::string> run = report ? RulesRun(*report) : std::set<std::string>{};
  for (const SuccessCriterion& sc : SuccessCriteria()) {
    CriterionResult c;
    c.criterion = &sc;
    std::set<std::string> rules;
    if (report) {
      for (const auto& [id, rule] : report->rules) {
        bool covers = std::find(rule.criteria.begin(), rule.criteria.end(), sc.number) != rule.criteria.end();
        if (covers && run.count(id)) rules.insert(id);
      }
    }
    bool passed = false, failed = false, unsure = false;
    std::set<std::string> failed_rules;
    if (report) {
      for (const A11yPageResult& p : report->results) {
        bool page_failed = false;
        for (const std::string& id : p.violations) {
          if (rules.count(id)) failed_rules.insert(id), page_failed = true;
        }
        for (const std::string& id : p.passes) passed = passed || rules.count(id) > 0;
        for (const std::string& id : p.incomplete) unsure = unsure || rules.count(id) > 0;
        if (page_failed) ++c.failed_pages;
      }
    }
    failed = !failed_rules.empty();
    c.checks.assign(rules.begin(), rules.end());
    for (const BuildCheck& b : build_checks) {
      if (b.criterion != sc.number) continue;
      c.checks.push_back(b.label);
      (b.ok ? passed : failed) = true;
    }
    c.failed.assign(failed_rules.begin(), failed_rules.end());
    if (failed) {
      c.verdict = Verdict::kFail;
    } else if (passed) {
      c.verdict = Verdict::kPass;
    } else if (!c.checks.empty() && !unsure && CanBeAbsent(sc)) {
      c.verdict = Verdict::kNotApplicable;  // every check ran and found nothing it applies to
    }
    out.push_back(std::move(c));
  }
  return out;
}

Conformance JudgeConformance(const std::vector<CriterionResult>& judged) {
  bool failed = false;
  for (const CriterionResult& c : judged) {
    if (!c.criterion->jis) continue;  // the WCAG 2.1 additions are beyond the JIS target
    if (c.verdict == Verdict::kNotJudged) return Conformance::kConsidered;
    failed = failed || c.verdict == Verdict::kFail;
  }
  return failed ? Conformance::kPartial : Conformance::kConforms;
}

const char* ConformanceLabel(Conformance c) {
  switch (c) {
    case Conformance::kConforms: return "準拠";
    case Conformance::kPartial: return "一部準拠";
    case Conformance::kConsidered: return "配慮";
  }
  return "";
}

PageSelection SelectionOf(const A11yReport& report) {
  if (report.pages > 0 && report.representative + report.sample >= report.pages) return PageSelection::kAll;
  if (report.sample == 0) return PageSelection::kRepresentative;
  if (report.representative == 0) return PageSelection::kRandom;
  return PageSelection::kRepresentativeAndRandom;
}

std::vector<TestedPage> TestedPages(const A11yReport& report) {
  std::vector<TestedPage> out;
  for (const A11yPageResult& r : report.results) {
    auto it = std::find_if(out.begin(), out.end(), [&](const TestedPage& t) { return t.url == r.url; });
    if (it == out.end()) {
      out.push_back({r.url, r.type, r.theme, r.sample, true, {}});
      it = out.end() - 1;
    }
    it->widths.push_back(r.width);
    if (!r.violations.empty()) it->ok = false;
  }
  return out;
}

}  // namespace kyodo
