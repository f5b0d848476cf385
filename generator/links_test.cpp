#include "links.h"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "asset_media.h"

namespace kyodo {

TEST_CASE("a file of a city not loaded is placed by its name") {
  CHECK(PathByName("content", "content/minami/cases/yuki.md") == "minami/cases/yuki/");
  CHECK(PathByName("content", "content/minami/groups/yuki-no-kai.md") == "minami/groups/yuki-no-kai/");
  CHECK(PathByName("content", "content/minami/policies/shishin.md") == "minami/policies/shishin/");
  CHECK(PathByName("content", "content/minami/assets/yoshiki/houkoku.pdf") == "minami/assets/yoshiki/houkoku.pdf");
  CHECK(PathByName("../repo/content", "../repo/content/minami/news/a.md") == "minami/news/a/");
  CHECK(PathByName("", "minami/pages/about.md") == "minami/pages/about/");
  // Not a page or an asset of a city: nothing to point at.
  CHECK(PathByName("content", "content/minami/cases/sub/yuki.md") == "");
  CHECK(PathByName("content", "content/minami/cases/yuki.txt") == "");
  CHECK(PathByName("content", "content/minami/cases/") == "");
  CHECK(PathByName("content", "content/minami/assets/") == "");
  CHECK(PathByName("content", "content/minami/site.yaml") == "");
  CHECK(PathByName("content", "content/minami/forms/teian.yaml") == "minami/forms/teian/");
  CHECK(PathByName("content", "content/minami/forms/teian.md") == "");
  CHECK(PathByName("content", "content/_taxonomies.yaml") == "");
  CHECK(PathByName("content", "content/_shared/cases/a.md") == "");
  CHECK(PathByName("content", "other/minami/cases/yuki.md") == "");
}

namespace {

// One city, kita, with a form (forms/teian.yaml), a policy (policies/shishin.md) and an asset (souji.png).
Content Kita() {
  City city;
  city.dir = "content/kita";
  city.site.slug = "kita";
  Form form;
  form.id = "teian";
  form.source = "content/kita/forms/teian.yaml";
  city.forms.push_back(form);
  Page policy;
  policy.kind = PageKind::kPolicy;
  policy.id = "shishin";
  policy.source = "content/kita/policies/shishin.md";
  city.pages.push_back(policy);
  city.assets.push_back({"content/kita/assets/souji.png", "souji.png", 100});
  Content content;
  content.cities.push_back(city);
  return content;
}

}  // namespace

TEST_CASE("a link to a form's .yaml file points at the form's page") {
  const Content content = Kita();
  const SiteIndex index = SiteIndex::Build(content);
  LinkTarget target = ResolveLink(content, index, "content/kita/news/a.md", "../forms/teian.yaml#nyuryoku");
  CHECK(target.kind == LinkTarget::Kind::kPage);
  CHECK(target.site_path == "kita/forms/teian/#nyuryoku");
  CHECK(target.resolved == "content/kita/forms/teian.yaml");
  CHECK(ResolveLink(content, index, "content/kita/news/a.md", "../forms/nai.yaml").kind == LinkTarget::Kind::kMissing);
}

TEST_CASE("a link to a city's folder points at its list page: ../news/ is the お知らせ list") {
  Content content = Kita();
  Page news;
  news.kind = PageKind::kNews;
  news.id = "boshu";
  news.source = "content/kita/news/boshu.md";
  content.cities[0].pages.push_back(news);
  const SiteIndex index = SiteIndex::Build(content);
  const std::string from = "content/kita/news/boshu.md";
  // Not a structured binding: CAPTURE's lambda cannot capture one (clang 14, the ASan build).
  for (const std::pair<std::string, std::string>& link : std::vector<std::pair<std::string, std::string>>{
           {"../news/", "kita/news/"}, {"../news", "kita/news/"}, {"./", "kita/news/"}, {"../cases/", "kita/cases/"},
           {"../policies/#ichiran", "kita/policies/#ichiran"}, {"../forms/", "kita/forms/"}, {"../", "kita/"}}) {
    CAPTURE(link.first);
    LinkTarget target = ResolveLink(content, index, from, link.first);
    CHECK(target.kind == LinkTarget::Kind::kPage);
    CHECK(target.site_path == link.second);
  }
  // kita has no groups, so no group list to link; pages/ and assets/ have no list at all.
  for (const char* url : {"../groups/", "../pages/", "../assets/", "../nai/"}) {
    CAPTURE(url);
    CHECK(ResolveLink(content, index, from, url).kind == LinkTarget::Kind::kMissing);
  }
}

TEST_CASE("links resolve however the content folder is spelled: ./content, . or ../content") {
  for (const std::string root : {"./content", ".", "../content", "/srv/kyodo/content"}) {
    CAPTURE(root);
    City city;
    city.dir = root + "/kita";
    city.site.slug = "kita";
    Page policy;
    policy.kind = PageKind::kPolicy;
    policy.id = "shishin";
    policy.source = root + "/kita/policies/shishin.md";
    city.pages.push_back(policy);
    Content content;
    content.root = root;
    content.cities.push_back(city);
    const SiteIndex index = SiteIndex::Build(content);
    LinkTarget target = ResolveLink(content, index, root + "/kita/cases/a.md", "../policies/shishin.md#mokuteki");
    CHECK(target.kind == LinkTarget::Kind::kPage);
    CHECK(target.resolved == root + "/kita/policies/shishin.md");
    CHECK(ResolveLink(content, index, root + "/kita/cases/a.md", "policies/shishin.md").meant == "../policies/shishin.md");
    // Above the content folder is no page of the site, however the folder is spelled.
    CHECK(ResolveLink(content, index, root + "/kita/cases/a.md", "../../../etc/passwd").kind == LinkTarget::Kind::kInvalid);
  }
}

TEST_CASE("a missing link says which link was likely meant: a near file name, or one ../ more or less") {
  const Content content = Kita();
  const SiteIndex index = SiteIndex::Build(content);
  auto meant = [&](const std::string& url) { return ResolveLink(content, index, "content/kita/cases/a.md", url).meant; };
  CHECK(meant("../assets/souji.PNG") == "../assets/souji.png");  // saved as .png, written as Windows shows it
  CHECK(meant("../policies/shisin.md#はじめに") == "../policies/shishin.md#はじめに");
  CHECK(meant("policies/shishin.md") == "../policies/shishin.md");
  CHECK(meant("assets/souji.png") == "../assets/souji.png");
  CHECK(meant("../../policies/shishin.md") == "../policies/shishin.md");  // one ../ too many
  CHECK(meant("../policies/keikaku.md") == "");  // no name near it
  CHECK(meant("../assets/souji.jpg") == "");     // another kind of file
  Diagnostics d;
  ReportMissingLink({"content/kita/cases/a.md", 3, 1}, false, "policies/shishin.md", "content/kita/cases/policies/shishin.md",
                    &d, "../policies/shishin.md");
  CHECK(d.items()[0].hint == "「../policies/shishin.md」ではありませんか（「content/kita/cases/policies/shishin.md」というファイルはありません）");
}

TEST_CASE("a missing link is reported where it is written, naming what was looked for") {
  Diagnostics d;
  ReportMissingLink({"content/kita/cases/a.md", 10, 4}, true, "../assets/x.png", "content/kita/assets/x.png", &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "画像「../assets/x.png」が見つかりません");
  CHECK(d.items()[0].hint == "「content/kita/assets/x.png」というファイルはありません。ファイル名と ../ の数を確かめてください");
  CHECK(d.items()[0].loc.line == 10);
}

TEST_CASE("a file given by URL must be https://") {
  Content content;
  const SiteIndex index = SiteIndex::Build(content);
  Diagnostics d;
  const SourceLoc at{"content/kita/cases/a.md", 8, 10};
  CHECK(CheckFileReference(content, index, "content/kita/cases/a.md", "https://example.jp/a.pdf", at, "資料", &d));
  CHECK_FALSE(CheckFileReference(content, index, "content/kita/cases/a.md", "http://example.jp/a.pdf", at, "資料", &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "資料「http://example.jp/a.pdf」は暗号化されない http:// です");
}

TEST_CASE("a link to a document on another site is labelled with its type") {
  CHECK(ExternalFileType("https://www.city.example.lg.jp/material/files/group/3/kyodo-shishin.pdf") == "PDF");
  CHECK(ExternalFileType("https://example.jp/a/Yoshiki.DOCX?download=1#p2") == "DOCX");
  CHECK(ExternalFileType("http://example.jp/data/kyodo.xlsx") == "XLSX");
  CHECK(ExternalFileType("https://example.jp/reiki/jorei.html") == "");
  CHECK(ExternalFileType("https://example.jp/") == "");
  CHECK(ExternalFileType("https://example.pdf") == "");  // a host name, not a file
  CHECK(ExternalFileType("https://example.jp/search?file=a.pdf") == "");
  CHECK(ExternalFileType("../assets/a.pdf") == "");  // the build knows its size: FileLabel
  CHECK(ExternalFileType("mailto:kyodo@example.jp") == "");
}

TEST_CASE("an address only the clerk's own PC can open is an error saying so") {
  const SourceLoc at{"content/kita/cases/a.md", 8, 10};
  auto message = [&](const std::string& url) {
    Diagnostics d;
    if (!ReportUnusableAddress(url, at, &d)) return std::string("(none)");
    REQUIRE(d.items().size() == 1);
    return d.items()[0].message + " / " + d.items()[0].hint;
  };
  const std::string local = "」にはリンクできません / ファイルを市町村のフォルダの assets/ に置き、../assets/ファイル名 のように書いてください（公開されるのは assets/ の中のファイルです）";
  CHECK(message("C:\\Users\\kyodo\\houkoku.pdf") == "パソコンやファイルサーバーの中のファイル「C:\\Users\\kyodo\\houkoku.pdf" + local);
  CHECK(message("d:/kyodo/houkoku.pdf") == "パソコンやファイルサーバーの中のファイル「d:/kyodo/houkoku.pdf" + local);
  CHECK(message("FILE:///C:/a.pdf") == "パソコンやファイルサーバーの中のファイル「FILE:///C:/a.pdf" + local);
  CHECK(message("\\\\server\\kyodo\\a.pdf") == "パソコンやファイルサーバーの中のファイル「\\\\server\\kyodo\\a.pdf" + local);
  CHECK(message("..\\assets\\houkoku.pdf") ==
        "「..\\assets\\houkoku.pdf」の区切りが「\\」（¥）です / フォルダの区切りは「/」で「../assets/houkoku.pdf」と書いてください");
  CHECK(message("https：//example.jp/") == "URL「https：//example.jp/」に全角の文字があります / 半角で「https://example.jp/」と書いてください");
  for (const char* fine : {"../assets/houkoku.pdf", "https://example.jp/a\\b", "mailto:kyodo@example.jp", "tel:0267622111", "#top"}) {
    CHECK(message(fine) == "(none)");
  }
}

TEST_CASE("a link written as a URL, with %-escapes, finds the file its name decodes to") {
  Content content = Kita();
  content.cities[0].assets.push_back({"content/kita/assets/様式 1.pdf", "様式 1.pdf", 100});
  const SiteIndex index = SiteIndex::Build(content);
  LinkTarget asset = ResolveLink(content, index, "content/kita/news/a.md", "../assets/%E6%A7%98%E5%BC%8F%201.pdf");
  CHECK(asset.kind == LinkTarget::Kind::kAsset);
  CHECK(asset.site_path == "kita/assets/%E6%A7%98%E5%BC%8F%201.pdf");
  CHECK(ResolveLink(content, index, "content/kita/news/a.md", "../assets/様式%201.pdf").kind == LinkTarget::Kind::kAsset);
  LinkTarget page = ResolveLink(content, index, "content/kita/news/a.md", "../policies/shishin%2Emd#mokuteki");
  CHECK(page.kind == LinkTarget::Kind::kPage);
  CHECK(page.site_path == "kita/policies/shishin/#mokuteki");
  // Decoding leads nowhere outside the content folder, and a missing file stays missing.
  CHECK(ResolveLink(content, index, "content/kita/news/a.md", "..%2F..%2F..%2Fetc%2Fpasswd").kind !=
        LinkTarget::Kind::kAsset);
  CHECK(ResolveLink(content, index, "content/kita/news/a.md", "../assets/%E3%81%AA%E3%81%84.pdf").kind ==
        LinkTarget::Kind::kMissing);
}

TEST_CASE("FileLabel: type and size in KB (rounded up) below 1MB, MB with one decimal from there") {
  CHECK(FileLabel("assets/a.pdf", 1) == "PDF 1KB");
  CHECK(FileLabel("assets/a.pdf", 1024) == "PDF 1KB");
  CHECK(FileLabel("assets/a.pdf", 1025) == "PDF 2KB");
  CHECK(FileLabel("assets/meibo.xlsx", 20480) == "XLSX 20KB");
  CHECK(FileLabel("assets/a.pdf", 1023 * 1024) == "PDF 1023KB");
  // Just under 1MB rounds up to 1024KB, which is 1.0MB: it read 「PDF 1024KB」.
  CHECK(FileLabel("assets/a.pdf", 1024 * 1024 - 1) == "PDF 1.0MB");
  CHECK(FileLabel("assets/a.pdf", 1024 * 1024) == "PDF 1.0MB");
  CHECK(FileLabel("assets/keikaku.pdf", 1258291) == "PDF 1.2MB");
  CHECK(FileLabel("assets/noext", 2048) == "2KB");
}

}  // namespace kyodo


namespace kyodo {

TEST_CASE("an image whose file no browser shows is an error: a チラシ PDF written as ![…](…)") {
  const SourceLoc at{"content/kita/news/a.md", 5, 1};
  Diagnostics d;
  CHECK(CheckImageFormat("../assets/chirashi.pdf", at, &d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 5);
  CHECK(d.items()[0].message == "画像「../assets/chirashi.pdf」は PDF のファイルで、ブラウザーは画像として表示できません");
  CHECK(d.items()[0].hint ==
        "資料なら ! を付けずに [講座のチラシ](../assets/chirashi.pdf) とリンクにしてください（種類と大きさが自動で付きます）。"
        "画像として見せるなら JPEG か PNG にして assets/ に置いてください");
  CHECK(CheckImageFormat("../assets/IMG_0001.HEIC", at, &d));
  for (const char* src : {"../assets/souji.png", "../assets/a.JPG", "../assets/map.svg#layer", "../assets/photo.webp",
                          "../assets/noext"}) {
    CAPTURE(src);
    CHECK_FALSE(CheckImageFormat(src, at, &d));
  }
  CHECK(d.items().size() == 2);
  // A case's images: in front matter alike.
  Content content = Kita();
  content.cities[0].assets.push_back({"content/kita/assets/chirashi.pdf", "chirashi.pdf", 100});
  const SiteIndex index = SiteIndex::Build(content);
  Diagnostics front;
  CHECK_FALSE(CheckFileReference(content, index, "content/kita/cases/a.md", "../assets/chirashi.pdf", at, "画像", &front));
  CHECK(CheckFileReference(content, index, "content/kita/cases/a.md", "../assets/chirashi.pdf", at, "資料", &front));
  CHECK(CheckFileReference(content, index, "content/kita/cases/a.md", "../assets/souji.png", at, "画像", &front));
  REQUIRE(front.items().size() == 1);
  CHECK(front.items()[0].message == "画像「../assets/chirashi.pdf」は PDF のファイルで、ブラウザーは画像として表示できません");
}

}  // namespace kyodo
