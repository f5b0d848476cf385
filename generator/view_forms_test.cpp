// Whole builds of a small site with forms on a MemoryDisk, rendered with the
// repository's real templates and theme, so what is checked is what ships.
#include <doctest/doctest.h>

#include <string>

#include "disk.h"
#include "site.h"

namespace kyodo {
namespace {

// Copies a folder of the repository (templates, theme, vocabularies) into the test disk.
void CopyRepoTree(const Disk& from, const std::string& src, const std::string& dst, MemoryDisk* to) {
  for (const std::string& name : from.ListDir(src)) {
    std::string path = JoinPath(src, name);
    if (from.Stat(path) == FileKind::kDir) {
      CopyRepoTree(from, path, JoinPath(dst, name), to);
    } else {
      std::string bytes, err;
      REQUIRE(from.ReadFile(path, &bytes, &err));
      to->Add(JoinPath(dst, name), bytes);
    }
  }
}

const char* const kOpen = R"(title: 協働事業の提案
summary: 提案の様式です。
purpose: |
  市民の皆さんからの
  協働の提案を受け付けます。

  2つ目の段落です。
eligibility: |
  次のすべてに当てはまる団体です。
  ・市内で活動している
  ・会員が5人以上で、
    規約がある
deadline: 令和8年3月31日
action: https://apply.example.jp/f/1
steps: [入力します, 送信します]
fields:
  - {name: group_name, label: 団体名, required: true, max_length: 100, autocomplete: organization}
  - {name: kind, type: radio, label: 区分, required: true, options: [提案, 相談]}
  - {name: postal, type: postal, label: 郵便番号}
  - {name: doc, type: file, label: 資料}
)";

class FormSite {
 public:
  FormSite() {
    RealDisk real;
    std::string root = KYODO_SOURCE_DIR;
    CopyRepoTree(real, root + "/templates", "templates", &disk_);
    CopyRepoTree(real, root + "/themes/default", "themes/default", &disk_);
    std::string vocab, err;
    REQUIRE(real.ReadFile(root + "/content/_taxonomies.yaml", &vocab, &err));
    disk_.Add("content/_taxonomies.yaml", vocab);
    disk_.Add("content/_portal.yaml", "title: 試験ポータル\ncities: [shiken]\n");
    disk_.Add("content/shiken/site.yaml",
              "name: 試験市\nkana: しけんし\nprefecture: 長野県\ncode: \"202177\"\ndate_style: wareki\n"
              "contact: kyodo\nprivacy_url: https://www.example.jp/privacy/\n");
    disk_.Add("content/shiken/orgs.yaml", "kyodo: {name: 協働推進課, tel: 0267-00-0000}\nsoudan: {name: 相談係}\n");
    disk_.Add("content/shiken/forms/open.yaml", kOpen);
    disk_.Add("content/shiken/forms/closed.yaml",
              "title: 締め切った募集\ndeadline: 令和2年3月31日\naction: https://apply.example.jp/f/2\n"
              "fields: [{name: a, label: 氏名, required: true}]\n");
    disk_.Add("content/shiken/forms/paper.yaml",
              "title: 団体の登録\ncontact: soudan\nweight: -1\n"
              "downloads: [{title: 登録届, src: ../assets/yoshiki/toroku.pdf}, "
              "{title: 記入例, src: https://www.example.jp/yoshiki/kinyurei.docx}]\n"
              "fields:\n  - {name: a, label: 団体名, required: true}\n  - {name: doc, type: file, label: 規約}\n"
              "  - {name: area, type: select, label: 地域, options: [北, 南]}\n"
              "  - {name: founded, type: date, label: 設立年月日}\n");
    disk_.Add("content/shiken/forms/mail.yaml",
              "title: 相談\naction: mailto:kyodo@example.jp\nfields: [{name: body, type: textarea, label: 内容}]\n");
    disk_.Add("content/shiken/forms/draft.yaml", "title: 下書き\ndraft: true\nfields: [{label: A}]\n");
    disk_.Add("content/shiken/assets/yoshiki/toroku.pdf", std::string(2000, 'x'));
    options_.build_date = Date{2026, 1, 1, DatePrecision::kDay};
  }

  bool Build(Diagnostics* diags) {
    BuildResult result;
    return BuildSite(disk_, options_, &result, diags);
  }
  std::string Read(const std::string& path) const {
    std::string bytes, err;
    return disk_.ReadFile("site/" + path, &bytes, &err) ? bytes : "(missing " + path + ")";
  }
  bool Has(const std::string& path) const { return disk_.Exists("site/" + path); }

  MemoryDisk disk_;
  BuildOptions options_;
};

std::string DiagnosticLines(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " + d.message + "\n";
  }
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return true;
  MESSAGE("not found: " << needle);
  return false;
}

TEST_CASE("forms build into pages, a JSON Schema each, and lists") {
  FormSite site;
  Diagnostics diags;
  REQUIRE(site.Build(&diags));
  CHECK(DiagnosticLines(diags) == "");
  for (const char* path : {"shiken/forms/index.html", "forms/index.html", "shiken/forms/open/index.html",
                           "shiken/forms/open/schema.json", "shiken/forms/paper/schema.json"}) {
    CHECK_MESSAGE(site.Has(path), path);
  }
  CHECK_FALSE(site.Has("shiken/forms/draft/index.html"));

  std::string open = site.Read("shiken/forms/open/index.html");
  CHECK(Contains(open, "<form class=\"kform\" id=\"kform\" action=\"https://apply.example.jp/f/1\" method=\"post\" "
                       "accept-charset=\"UTF-8\" enctype=\"multipart/form-data\" data-kform>"));
  CHECK(Contains(open, "<strong class=\"kform-badge\">受付中</strong> 受付期限：<time datetime=\"2026-03-31\">令和8年3月31日</time>（火）まで"));
  // The list gives the weekday too: a resident plans a deadline by it.
  CHECK(Contains(site.Read("shiken/forms/index.html"), "受付期限：<time datetime=\"2026-03-31\">令和8年3月31日</time>（火）まで"));
  CHECK(Contains(open, "<strong>apply.example.jp</strong> に送信されます"));
  CHECK(Contains(open, "<a href=\"https://www.example.jp/privacy/\">試験市の個人情報の取り扱い</a>"));
  CHECK(Contains(open, "<label class=\"kform-label\" for=\"f-group_name\">団体名 <span class=\"kform-required\">必須</span></label>\n"
                       "<p class=\"kform-hint\" id=\"f-group_name-hint\">100文字以内で入力してください。</p>\n"
                       "<input class=\"kform-input kform-text\" id=\"f-group_name\" name=\"group_name\" type=\"text\" required "
                       "maxlength=\"100\" autocomplete=\"organization\" aria-describedby=\"f-group_name-hint\" "
                       "data-msg-missing=\"「団体名」を入力してください\" data-msg-long=\"「団体名」は100文字以内で入力してください\">"));
  CHECK(Contains(open, "<fieldset class=\"kform-group\" id=\"f-kind-group\" data-kform-group data-msg-missing=\"「区分」を選んでください\">\n"
                       "<legend class=\"kform-label\">区分 <span class=\"kform-required\">必須</span></legend>"));
  CHECK(Contains(open, "<input id=\"f-kind-1\" type=\"radio\" name=\"kind\" value=\"提案\" required><label for=\"f-kind-1\">提案</label>"));
  CHECK(Contains(open, "type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{3}-?[0-9]{4}\" maxlength=\"8\""));
  CHECK(Contains(open, "id=\"f-doc\" name=\"doc\" type=\"file\""));
  CHECK(Contains(open, "<ol class=\"kform-steps\"><li>入力します</li><li>送信します</li></ol>"));
  // A wrapped line of Japanese is one run of text, not 「皆さんからの 協働」.
  CHECK(Contains(open, "<p>市民の皆さんからの協働の提案を受け付けます。</p>\n<p>2つ目の段落です。</p>"));
  // 対象 conditions written one a line with ・ stay a list, not one run-on sentence.
  CHECK(Contains(open, "<p>次のすべてに当てはまる団体です。</p>\n<ul><li>市内で活動している</li><li>会員が5人以上で、規約がある</li></ul>"));
  CHECK(Contains(open, "<button type=\"submit\">送信する</button>"));
  CHECK(Contains(open, "<script src=\"../../../assets/default/forms."));
  // The menu marks the section a form belongs to; only the list itself is the current page.
  CHECK(Contains(open, "<a href=\"../../../shiken/forms/index.html\" aria-current=\"true\">手続き・様式</a>"));
  CHECK(Contains(site.Read("shiken/forms/index.html"), "<a href=\"../../shiken/forms/index.html\" aria-current=\"page\">手続き・様式</a>"));
  CHECK(Contains(open, "<a href=\"../../../shiken/forms/open/schema.json\">"));

  std::string schema = site.Read("shiken/forms/open/schema.json");
  CHECK(Contains(schema, "\"required\": [\n    \"group_name\",\n    \"kind\"\n  ]"));
  CHECK(schema.find("$id") == std::string::npos);  // no base_url: no canonical URL to give
}

TEST_CASE("a form past its deadline shows 受付終了 and cannot be sent") {
  FormSite site;
  Diagnostics diags;
  REQUIRE(site.Build(&diags));
  std::string closed = site.Read("shiken/forms/closed/index.html");
  CHECK(Contains(closed, "<strong class=\"kform-badge\">受付終了</strong> この手続きの受付は<time datetime=\"2020-03-31\">令和2年3月31日</time>（火）で終了しました。"));
  CHECK(Contains(closed, "<button type=\"submit\" disabled>送信する</button>\n<p>受付を終了したため、送信できません。</p>"));
  CHECK(Contains(site.Read("shiken/forms/index.html"), "<strong>受付終了</strong>（<time datetime=\"2020-03-31\">令和2年3月31日</time>（火）まで）"));
  // A printable 様式 past its deadline no longer asks to be handed in.
  site.disk_.Add("content/shiken/forms/paper-closed.yaml",
                 "title: 締め切った様式\ndeadline: 令和2年3月\nfields: [{name: a, label: 氏名}]\n");
  REQUIRE(site.Build(&diags));
  std::string paper = site.Read("shiken/forms/paper-closed/index.html");
  CHECK(Contains(paper, "<strong>受付を終了したため、この様式は提出できません。</strong>"));
  CHECK(paper.find("この様式を印刷して記入し") == std::string::npos);
  // The same content built on the last open day: the deadline day itself still accepts answers.
  site.options_.build_date = Date{2020, 3, 31, DatePrecision::kDay};
  REQUIRE(site.Build(&diags));
  CHECK(Contains(site.Read("shiken/forms/closed/index.html"), "<button type=\"submit\">送信する</button>"));
}

TEST_CASE("a deadline given as a 年度 is machine-read as its last month, not the calendar year") {
  FormSite site;
  Diagnostics diags;
  site.disk_.Add("content/shiken/forms/nendo.yaml",
                 "title: 年度末まで\ndeadline: 令和7年度\naction: https://apply.example.jp/f/3\nfields: [{name: a, label: 氏名}]\n");
  site.options_.build_date = Date{2026, 1, 15, DatePrecision::kDay};
  REQUIRE(site.Build(&diags));
  CHECK(Contains(site.Read("shiken/forms/nendo/index.html"), "<time datetime=\"2026-03\">令和7年度</time>"));  // no weekday
  CHECK_FALSE(Contains(site.Read("shiken/forms/index.html"), "datetime=\"2025\""));
}

TEST_CASE("without an action a form is a printable 様式 with its contact and downloads") {
  FormSite site;
  Diagnostics diags;
  REQUIRE(site.Build(&diags));
  std::string paper = site.Read("shiken/forms/paper/index.html");
  // The header's search box is a form; the page content must have none.
  std::string content = paper.substr(paper.find("<main"));
  CHECK(content.find("<form") == std::string::npos);
  CHECK(content.find("type=\"submit\"") == std::string::npos);
  CHECK(Contains(paper, "<strong>この様式を印刷して記入し、問い合わせ先へ提出してください。</strong>"));
  CHECK(Contains(paper, "<p>提出先：試験市 相談係（連絡先は、このページの<a href=\"#contact-heading\">問い合わせ先</a>をご覧ください）</p>"));
  CHECK(Contains(paper, "<div class=\"kform kform-print\" data-kform-print>"));
  CHECK(Contains(paper, "<p class=\"kform-label\">規約</p>\n<p class=\"kform-file-note\">"));
  CHECK(Contains(paper, "<ul class=\"kform-print-options\"><li>北</li><li>南</li></ul>"));
  // A date is written by hand on paper (令和…年), not in the browser's mm/dd/yyyy box.
  CHECK(Contains(paper, "name=\"founded\" type=\"date\" data-msg-missing=\"「設立年月日」を入力してください\" "
                        "data-msg-format=\"「設立年月日」は正しい日付を入力してください\">\n"
                        "<p class=\"kform-print-date\">　　　　年　　　月　　　日</p>"));
  CHECK(Contains(paper, "<a href=\"../../../shiken/assets/yoshiki/toroku.pdf\">登録届（PDF 2KB）</a>"));
  // A 様式 on the city's main site: its type, as its size is unknown to the build.
  CHECK(Contains(paper, "<a href=\"https://www.example.jp/yoshiki/kinyurei.docx\">記入例（DOCX）</a>"));
  CHECK(Contains(paper, "<p class=\"contact-name\">試験市 相談係</p>"));
  std::string mail = site.Read("shiken/forms/mail/index.html");
  CHECK(Contains(mail, "action=\"mailto:kyodo@example.jp\" method=\"post\" accept-charset=\"UTF-8\" enctype=\"text/plain\""));
  CHECK(Contains(mail, "お使いのメールソフトが開き、入力した内容が <strong>kyodo@example.jp</strong> あてのメールの本文になります"));
  CHECK(Contains(mail, "<button type=\"submit\">メールソフトで送信する</button>"));
  // The list goes by weight: the 様式 with weight -1 comes first.
  std::string list = site.Read("shiken/forms/index.html");
  CHECK(list.find("団体の登録") < list.find("協働事業の提案"));
  CHECK(Contains(site.Read("shiken/index.html"), "<h2 id=\"forms-heading\">手続き・様式</h2>"));
  CHECK(Contains(site.Read("index.html"), ">手続き・様式</a>"));
}

TEST_CASE("kyodo check reports a missing 様式 file and an unknown contact, and writes nothing") {
  FormSite site;
  site.disk_.Add("content/shiken/forms/bad.yaml",
                 "title: 壊れた様式\ncontact: kyoudo\ndownloads:\n  - {title: 申請書, src: ../assets/shinsei.docx}\n");
  site.options_.check_only = true;
  Diagnostics diags;
  CHECK_FALSE(site.Build(&diags));
  CHECK(DiagnosticLines(diags) ==
        "content/shiken/forms/bad.yaml:2:10: 問い合わせ先「kyoudo」が orgs.yaml にありません\n"
        "content/shiken/forms/bad.yaml:4:23: 様式ファイル「../assets/shinsei.docx」が見つかりません\n");
  CHECK(site.disk_.FilesUnder("site").empty());
}

}  // namespace
}  // namespace kyodo
