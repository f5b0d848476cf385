#include "content_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "fixture_util.h"

namespace kyodo {
namespace {

// The golden site's content with `from` replaced by `to` in `file`, loaded: each
// error as "message / hint", sorted.
std::vector<std::string> ErrorsAfterEdit(const std::string& file, const std::string& from, const std::string& to,
                                         const std::map<std::string, std::string>& replaced = {}) {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  for (const auto& [path, text] : replaced) disk.Add(path, text);
  std::string text = ReadText(disk, file);
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  disk.Add(file, text);
  ReadingGuesser reading;
  Diagnostics diags;
  LoadContent(disk, "content", {}, &reading, &diags);
  std::vector<std::string> errors;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kError) errors.push_back(d.message + " / " + d.hint);
  }
  std::sort(errors.begin(), errors.end());
  return errors;
}

TEST_CASE("LoadContent reads *.md page folders and forms/*.yaml, and says which other files it skips") {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  LoadTree(real, SourceDir() + "/content/saku/forms", "content/kita/forms", &disk);
  const size_t forms = disk.FilesUnder("content/kita/forms").size();
  disk.Add("content/kita/cases/memo.txt", "メモ");
  disk.Add("content/kita/forms/teian.docx", "PK");
  ReadingGuesser reading;
  Diagnostics diags;
  Content content = LoadContent(disk, "content", {}, &reading, &diags);
  std::vector<std::string> skipped;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kWarning && d.message.ends_with("ではないので無視します")) skipped.push_back(d.loc.file);
  }
  CHECK(skipped == std::vector<std::string>{"content/kita/cases/memo.txt", "content/kita/forms/teian.docx"});
  auto kita = std::find_if(content.cities.begin(), content.cities.end(), [](const City& c) { return c.site.slug == "kita"; });
  REQUIRE(kita != content.cities.end());
  CHECK(kita->forms.size() == forms);
  CHECK_FALSE(kita->pages.empty());
}

TEST_CASE("site.yaml, orgs.yaml, _portal.yaml and _taxonomies.yaml that link out of content/ are not read") {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  // A link to another office's file (or to /etc/passwd): its values would be published as the city's.
  std::string err;
  REQUIRE(disk.RemoveAll("content/kita/orgs.yaml", &err));
  disk.AddSymlink("content/kita/orgs.yaml", "/srv/share/orgs.yaml");
  REQUIRE(disk.RemoveAll("content/_portal.yaml", &err));
  disk.AddSymlink("content/_portal.yaml", "/etc/passwd");
  ReadingGuesser reading;
  Diagnostics diags;
  LoadContent(disk, "content", {}, &reading, &diags);
  std::vector<std::string> outside;
  for (const Diagnostic& d : diags.items()) {
    if (d.message == "content/ の外を指すシンボリックリンクは使えません") outside.push_back(d.loc.file);
  }
  CHECK(outside == std::vector<std::string>{"content/_portal.yaml", "content/kita/orgs.yaml"});
}

// The golden site's content, with the case yukikaki's groups: line replaced by `groups`
// and the files of `added` put beside it, loaded.
Diagnostics LoadWithCaseGroups(const std::string& groups, const std::map<std::string, std::string>& added = {}) {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  for (const auto& [path, text] : added) disk.Add(path, text);
  std::string kase = ReadText(disk, "content/minami/cases/yukikaki.md");
  const std::string ids = "groups: [yuki-no-kai, npo-minami]";
  REQUIRE(kase.find(ids) != std::string::npos);
  kase.replace(kase.find(ids), ids.size(), groups);
  disk.Add("content/minami/cases/yukikaki.md", kase);
  ReadingGuesser reading;
  Diagnostics diags;
  LoadContent(disk, "content", {}, &reading, &diags);
  return diags;
}

const Diagnostic& FirstError(const Diagnostics& diags) {
  return *std::find_if(diags.items().begin(), diags.items().end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

TEST_CASE("a group cited by its name instead of its ID gets the ID as the hint") {
  Diagnostics diags = LoadWithCaseGroups("groups: [雪の会, npo-minami]");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FirstError(diags).message == "団体「雪の会」が content/minami/groups/ にありません");
  CHECK(FirstError(diags).hint == "団体名ではなく ID で「yuki-no-kai」と書いてください（content/minami/groups/yuki-no-kai.md）");
}

TEST_CASE("a group registered again in groups.csv under a new ID is warned about at its row") {
  Diagnostics diags = LoadWithCaseGroups("groups: [yuki-no-kai, npo-minami]",
                                         {{"content/minami/groups.csv", "ID,名称,名称_カナ,概要\nyuki,雪の会,ゆきのかい,雪かき\n"}});
  CHECK(diags.ErrorCount() == 0);
  auto same = std::find_if(diags.items().begin(), diags.items().end(),
                           [](const Diagnostic& d) { return d.message.starts_with("団体名「雪の会」"); });
  REQUIRE(same != diags.items().end());
  CHECK(same->loc.file == "content/minami/groups.csv");
  CHECK(same->loc.line == 2);
  CHECK(same->message == "団体名「雪の会」は、団体 yuki-no-kai（content/minami/groups/yuki-no-kai.md） と同じ名前です");
}

TEST_CASE("a case naming a group taken off the register says to take it off the case too") {
  Diagnostics diags = LoadWithCaseGroups("groups: [yuki-no-kai, sakura-hozonkai]",
                                         {{"content/minami/groups.csv", "ID,名称,名称_カナ,概要\nume,梅の会,うめのかい,梅を育てる\n"}});
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FirstError(diags).message == "団体「sakura-hozonkai」が content/minami/groups/ にも groups.csv にもありません");
  CHECK(FirstError(diags).hint ==
        "まだ載せていない団体なら groups.csv に加え、載せているなら ID を確かめてください。"
        "解散などで台帳から消した団体なら、ここからも消してください");
}

TEST_CASE("a page saved as .MD, a form as .yml and a folder among pages are warned about with the fix") {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  disk.Add("content/minami/news/kouza.MD", "---\ntitle: 講座\ndate: 2024-04-01\n---\n本文\n");
  disk.Add("content/minami/news/old/kouza.md", "---\ntitle: 講座\ndate: 2024-04-01\n---\n本文\n");
  disk.Add("content/minami/forms/teian.yml", "title: 提案\nfields: [{label: A}]\n");
  disk.Add("content/minami/news/shukai.md.txt", "---\ntitle: 集会\ndate: 2024-04-01\n---\n本文\n");  // Notepad's .txt
  ReadingGuesser reading;
  Diagnostics diags;
  LoadContent(disk, "content", {}, &reading, &diags);
  std::vector<std::string> got;
  for (const Diagnostic& d : diags.items()) {
    if (d.loc.file.find("/news/") != std::string::npos || d.loc.file.find("/forms/") != std::string::npos) {
      got.push_back(d.loc.file + ": " + d.message + " / " + d.hint);
    }
  }
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::string>{
                   "content/minami/forms/teian.yml: 様式の定義（.yaml）ではないので無視します / ファイル名を「teian.yaml」にしてください（拡張子は .yaml）",
                   "content/minami/news/kouza.MD: Markdown（.md）ではないので無視します / ファイル名を「kouza.md」にしてください（拡張子は .md）",
                   "content/minami/news/old: フォルダの中のファイルは読みません（公開されません） / ファイルは content/minami/news/ に直接置いてください。中にフォルダは作れません",
                   "content/minami/news/shukai.md.txt: Markdown（.md）ではないので無視します / ファイル名を「shukai.md」にしてください（拡張子は .md）。"
                   "メモ帳が .txt を付けて保存しています。保存するときに「ファイルの種類」を「すべてのファイル」にします"});
}

TEST_CASE("a city's folder given as the content folder is one error naming the folder to give") {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  ReadingGuesser reading;
  Diagnostics diags;
  LoadContent(disk, "content/minami", {}, &reading, &diags);
  REQUIRE(diags.items().size() == 1);  // not 「site.yaml がありません」 for assets/, cases/, …
  CHECK(diags.items()[0].message == "市町村のフォルダです（site.yaml があります）");
  CHECK(diags.items()[0].hint == "--content には、市町村のフォルダが並んでいるその上のフォルダ（content）を指定してください");
}

TEST_CASE("groups written without [ ] get the list spelling as the hint") {
  CHECK(ErrorsAfterEdit("content/minami/cases/yukikaki.md", "groups: [yuki-no-kai, npo-minami]",
                        "groups: yuki-no-kai、npo-minami") ==
        std::vector<std::string>{"団体「yuki-no-kai、npo-minami」が content/minami/groups/ にありません / いくつか書くときは "
                                 "groups: [yuki-no-kai, npo-minami] のように [ ] で囲み、半角の「,」で区切ってください"});
}

TEST_CASE("orgs.yaml written as a list is one error with the fix, not one more per contact") {
  CHECK(ErrorsAfterEdit("content/minami/orgs.yaml", "kikaku:\n  name: 企画課\nkyodo:\n  name: 協働推進係\n  parent: kikaku",
                        "- kikaku:\n    name: 企画課\n- kyodo:\n    name: 協働推進係\n    parent: kikaku") ==
        std::vector<std::string>{"「キー: 値」の形で書いてください / 行の頭の「- 」を外して、「名前: 値」を並べてください（この場所はリストではありません）"});
}

TEST_CASE("a parent policy or an office written by its name gets the ID as the hint") {
  CHECK(ErrorsAfterEdit("content/minami/policies/keikaku.md", "parent: shishin\n",
                        "parent: 南町協働基本指針\ncontact: 協働推進係\n") ==
        std::vector<std::string>{
            "問い合わせ先「協働推進係」が orgs.yaml にありません / 課・係の名前ではなく orgs.yaml の ID で書いてください: "
            "kyodo（企画課 協働推進係）",
            "親の計画「南町協働基本指針」が policies/ にありません / 題名ではなく ID で「shishin」と書いてください"
            "（content/minami/policies/shishin.md）"});
}

TEST_CASE("an office cited by its name with its sections gets the ID, and offices of one name are told apart") {
  // A 政令市's wards each have a 地域振興課: the hint listed 「a（地域振興課）、b（地域振興課）」, and
  // the name as the contact block prints it, sections first, was told to be added to orgs.yaml.
  const std::string wards =
      "kikaku:\n  name: 企画課\nkyodo:\n  name: 協働推進係\n  parent: kikaku\n"
      "chuo: {name: 中央区役所}\nchuo-shinko: {name: 地域振興課, parent: chuo}\n"
      "kita-shinko: {name: 地域振興課, parent: 北区役所 市民部}\n";
  const std::string hint = "課・係の名前ではなく orgs.yaml の ID で書いてください: ";
  auto errors = [&](const std::string& contact) {
    return ErrorsAfterEdit("content/minami/policies/keikaku.md", "parent: shishin\n",
                           "parent: shishin\ncontact: " + contact + "\n", {{"content/minami/orgs.yaml", wards}});
  };
  CHECK(errors("地域振興課") ==
        std::vector<std::string>{"問い合わせ先「地域振興課」が orgs.yaml にありません / " + hint +
                                 "chuo-shinko（中央区役所 地域振興課）、kita-shinko（北区役所 市民部 地域振興課）"});
  CHECK(errors("中央区役所　地域振興課") ==
        std::vector<std::string>{"問い合わせ先「中央区役所　地域振興課」が orgs.yaml にありません / " + hint +
                                 "chuo-shinko（中央区役所 地域振興課）"});
  CHECK(errors("南町北区役所市民部地域振興課") ==
        std::vector<std::string>{"問い合わせ先「南町北区役所市民部地域振興課」が orgs.yaml にありません / " + hint +
                                 "kita-shinko（北区役所 市民部 地域振興課）"});
}

TEST_CASE("a group cited by its name without or with another 法人格 gets the ID as the hint") {
  // The group is 「特定非営利活動法人 みなみ支援センター」.
  const std::string hint = " / 団体名ではなく ID で「npo-minami」と書いてください（content/minami/groups/npo-minami.md）";
  CHECK(ErrorsAfterEdit("content/minami/cases/yukikaki.md", "groups: [yuki-no-kai, npo-minami]",
                        "groups: [yuki-no-kai, みなみ支援センター, NPO法人みなみ支援センター]") ==
        std::vector<std::string>{"団体「NPO法人みなみ支援センター」が content/minami/groups/ にありません" + hint,
                                 "団体「みなみ支援センター」が content/minami/groups/ にありません" + hint});
}

// The golden content as 北区 (a 特別区) and 南町, each with a case of actors: [区], plus
// `extra` files: the name of the term each city's case is filed under, by city slug.
std::map<std::string, std::string> KuActors(const std::map<std::string, std::string>& extra) {
  RealDisk real;
  MemoryDisk disk;
  LoadTree(real, SourceDir() + "/tests/sites/basic/content", "content", &disk);
  disk.Add("content/_taxonomies.yaml", ReadText(real, SourceDir() + "/content/_taxonomies.yaml"));
  std::string site = ReadText(disk, "content/kita/site.yaml");
  site.replace(site.find("name: 北村\nkana: きたむら"), std::string("name: 北村\nkana: きたむら").size(),
               "name: 北区\nkana: きたく");
  disk.Add("content/kita/site.yaml", site);
  for (const char* city : {"kita", "minami"}) {
    disk.Add(std::string("content/") + city + "/cases/ku.md",
             "---\ntitle: 区との協働\ndate: 2024-04-01\nactors: [区]\n---\n本文\n");
  }
  for (const auto& [path, text] : extra) disk.Add(path, text);
  ReadingGuesser reading;
  Diagnostics diags;
  Content content = LoadContent(disk, "content", {}, &reading, &diags);
  CHECK_FALSE(diags.HasErrors());
  std::map<std::string, std::string> out;
  for (const City& city : content.cities) {
    const Page* page = city.FindPage(PageKind::kCase, "ku");
    REQUIRE(page != nullptr);
    REQUIRE(page->case_info.actors.size() == 1);
    const int actors = city.vocab.IndexOf("actors");
    out[city.site.slug] = city.vocab.at(actors).terms[static_cast<size_t>(page->case_info.actors[0])].name;
  }
  return out;
}

TEST_CASE("a 特別区's case with actors: [区] is filed under what 区役所 means, a 町's under 区など自治会") {
  const auto actor = KuActors({});
  CHECK(actor.at("kita") == "行政");          // 北区: the 区 itself
  CHECK(actor.at("minami") == "区など自治会");  // 南町: a 区 of the town is a 自治会
}

TEST_CASE("a city's _taxonomies.yaml aliases: say what its 区 is, over the shared alias and the kind word") {
  // A 政令指定都市's 区 is its ward office; a 特別区 whose 区 are its 自治会 can say so too.
  RealDisk real;
  const std::string minami = ReadText(real, SourceDir() + "/tests/sites/basic/content/minami/_taxonomies.yaml");
  const auto actor = KuActors({{"content/minami/_taxonomies.yaml", minami + "actors:\n  aliases: {区: 行政}\n"},
                               {"content/kita/_taxonomies.yaml", "actors:\n  aliases: {区: 区など自治会}\n"}});
  CHECK(actor.at("minami") == "行政");
  CHECK(actor.at("kita") == "区など自治会");
}

}  // namespace
}  // namespace kyodo
