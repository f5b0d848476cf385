#include "city_config.h"

#include <doctest/doctest.h>

#include "yaml_reader.h"

namespace kyodo {

namespace {

std::vector<Org> Orgs(const std::string& yaml, Diagnostics* diags) {
  YamlFile file("content/shi/orgs.yaml", yaml);
  REQUIRE(file.Parse(diags));
  return ReadOrgs(file, diags);
}

}  // namespace

TEST_CASE("ReadOrgs: numbers as registers write them") {
  Diagnostics diags;
  std::vector<Org> orgs = Orgs(
      "a: {name: 協働推進課, postal_code: ３８５８５０１, tel: \"０２６７－６２－２１１１\", extension: 内線418}\n"
      "b: {name: 市民課, extension: \"内線：４１９\"}\n"
      "c: {name: 企画課, extension: \"418、419\"}\n",
      &diags);
  CHECK(diags.ErrorCount() == 0);
  REQUIRE(orgs.size() == 3);
  CHECK(orgs[0].postal_code == "385-8501");
  CHECK(orgs[0].tel == "0267-62-2111");
  CHECK(orgs[0].extension == "418");  // the page adds 内線 itself
  CHECK(orgs[1].extension == "419");
  CHECK(orgs[2].extension == "418、419");
}

TEST_CASE("ReadOrgs: 全角 digits in an address or 受付時間 are published half-width; brackets stay 全角") {
  Diagnostics diags;
  std::vector<Org> orgs = Orgs("a: {name: 協働推進課, address: 佐久市中込３０５６番地（本庁舎２階）, hours: 平日８時３０分から１７時１５分まで}\n", &diags);
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0].address == "佐久市中込3056番地（本庁舎2階）");
  CHECK(orgs[0].hours == "平日8時30分から17時15分まで");
}

TEST_CASE("a contact names every section above it: parents by ID up the chain, or as written") {
  // A 政令市's ward office: 中央区役所 → 市民部 → 地域振興課. Only the nearest parent was
  // named, so every ward's 地域振興課 read 「札幌市 市民部 地域振興課」; and parent: written as
  // a name (as docs/content.md shows it) was dropped without a word.
  Diagnostics diags;
  City city;
  city.site.name = "札幌市";
  city.orgs = Orgs(
      "chuo: {name: 中央区役所}\n"
      "chuo-shimin: {name: 市民部, parent: chuo}\n"
      "chuo-shinko: {name: 地域振興課, parent: chuo-shimin}\n"
      "kita-shinko: {name: 地域振興課, parent: 北区役所 市民部}\n"
      "kucho: {name: 区政課}\n",
      &diags);
  CHECK(diags.empty());
  REQUIRE(city.orgs.size() == 5);
  CHECK(city.OrgParents(city.orgs[2]) == "中央区役所 市民部");
  CHECK(city.OrgFullName(city.orgs[2]) == "札幌市 中央区役所 市民部 地域振興課");
  CHECK(city.OrgFullName(city.orgs[1]) == "札幌市 中央区役所 市民部");
  CHECK(city.OrgFullName(city.orgs[3]) == "札幌市 北区役所 市民部 地域振興課");
  CHECK(city.OrgFullName(city.orgs[4]) == "札幌市 区政課");
}

TEST_CASE("ReadOrgs: parent: IDs that lead back to the org are an error at each parent:") {
  Diagnostics diags;
  City city;
  city.site.name = "札幌市";
  city.orgs = Orgs("a: {name: 市民部, parent: b}\nb: {name: 中央区役所, parent: a}\nc: {name: 地域振興課, parent: a}\n", &diags);
  REQUIRE(diags.ErrorCount() == 2);
  CHECK(diags.items()[0].message == "問い合わせ先「a」の parent: をたどると元に戻ります（a → b → a）");
  CHECK(diags.items()[0].hint == "parent: には上の組織の ID か名前を書きます。いちばん上の組織には parent: を書きません");
  CHECK(diags.items()[0].loc.line == 1);
  CHECK(diags.items()[0].loc.col == 24);
  CHECK(diags.items()[1].message == "問い合わせ先「b」の parent: をたどると元に戻ります（b → a → b）");
  CHECK(diags.items()[1].loc.line == 2);
  CHECK(city.OrgFullName(city.orgs[2]) == "札幌市 中央区役所 市民部 地域振興課");  // and the page still has a name
}

TEST_CASE("ReadOrgs: a postal code without seven digits or an email without @ is an error at its value") {
  Diagnostics diags;
  Orgs("a: {name: 協働推進課, postal_code: \"385-850\", email: kyodo.example.jp}\n", &diags);
  REQUIRE(diags.ErrorCount() == 2);
  CHECK(diags.items()[0].loc.line == 1);
  CHECK(diags.items()[0].message == "郵便番号「385-850」は7桁で書いてください（例: 385-8501）");
  CHECK(diags.items()[1].message == "メールアドレス「kyodo.example.jp」が正しくありません");
}

TEST_CASE("ReadOrgs: telephone and fax numbers and e-mail addresses a page could not dial or mail are errors") {
  Diagnostics diags;
  auto orgs = Orgs(
      "a: {name: 協働推進課, tel: 内線なし, fax: \"048-829-111\", email: \"shimin kyodo@@city,saitama.lg.jp\"}\n"
      "b: {name: 相談係, tel: ０４８ー８２９ー１１１１, fax: \"(048) 829-1112\", email: soudan@city.saitama.lg.jp}\n"
      "c: {name: 窓口, tel: \"090-1234-5678\", fax: \"#7119\"}\n",
      &diags);
  REQUIRE(diags.ErrorCount() == 3);
  CHECK(diags.items()[0].message == "電話番号「内線なし」が正しくありません");
  CHECK(diags.items()[0].loc.col == 23);
  CHECK(diags.items()[1].message == "FAX 番号「048-829-111」が正しくありません");
  CHECK(diags.items()[2].message == "メールアドレス「shimin kyodo@@city,saitama.lg.jp」が正しくありません");
  REQUIRE(orgs.size() == 3);
  CHECK(orgs[1].tel == "048-829-1111");  // 全角 and ー written as a page shows them
  CHECK(orgs[1].fax == "048-829-1112");
  CHECK(orgs[2].tel == "090-1234-5678");
  CHECK(orgs[2].fax == "#7119");
}

TEST_CASE("ReadOrgs: an e-mail address with a space copied from Excel, or in 全角, is the address") {
  Diagnostics diags;
  auto orgs = Orgs("a: {name: 協働推進課, email: \" kyodo@city.saku.nagano.jp \"}\n"
                   "b: {name: 相談係, email: ｓｏｕｄａｎ＠ｃｉｔｙ.saku.nagano.jp}\n",
                   &diags);
  CHECK(diags.empty());
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0].email == "kyodo@city.saku.nagano.jp");
  CHECK(orgs[1].email == "soudan@city.saku.nagano.jp");
}

TEST_CASE("ReadOrgs: a number with a register's note after it gets the number alone as the hint") {
  Diagnostics diags;
  Orgs("a: {name: 協働推進課, tel: \"0267-62-2111（代表）\", fax: \"0267-62-2222(直通)\"}\n", &diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].message == "電話番号「0267-62-2111（代表）」が正しくありません");
  CHECK(diags.items()[0].hint == "tel: \"0267-62-2111\" のように番号だけを書いてください（「(代表)」のような説明は書けません）");
  CHECK(diags.items()[1].hint == "fax: \"0267-62-2222\" のように番号だけを書いてください（「(直通)」のような説明は書けません）");
}

TEST_CASE("ReadOrgs: an ID that is not ASCII is pointed at") {
  Diagnostics diags;
  Orgs("協働推進課: {name: 協働推進課}\nkyodo: {name: 協働推進課}\n", &diags);
  REQUIRE(diags.WarningCount() == 1);
  CHECK(diags.items()[0].message == "問い合わせ先の ID「協働推進課」は半角英小文字・数字・- で書いてください");
}

TEST_CASE("ReadOrgs: a number with no separator is warned about at its value, and kept") {
  Diagnostics diags;
  std::vector<Org> orgs = Orgs("a: {name: 協働推進課, tel: \"0267622111\", fax: \"０２６７６２２２６９\"}\n"
                               "b: {name: 市民課, tel: \"0267-62-2111\", fax: \"#7119\"}\n", &diags);
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0].tel == "0267622111");
  CHECK(diags.ErrorCount() == 0);
  REQUIRE(diags.WarningCount() == 2);
  CHECK(diags.items()[0].loc.col == 23);
  CHECK(diags.items()[0].message == "電話番号「0267622111」が区切られていません");
  CHECK(diags.items()[0].hint == "市外局番・市内局番・番号をハイフンで区切って 048-829-1111 のように書いてください");
  CHECK(diags.items()[1].message == "FAX 番号「０２６７６２２２６９」が区切られていません");
}

TEST_CASE("ReadOrgs: parent: is an org ID or the section's name as written; an ASCII non-ID is an error") {
  Diagnostics diags;
  City city;
  city.site.name = "佐久市";
  city.orgs = Orgs(
      "kikaku: {name: 企画部}\n"
      "kohokocho: {name: 広報広聴課, parent: kikaku}\n"
      "kyodo: {name: 市民協働課 協働推進係, parent: 市民部}\n"
      "typo: {name: 市民課,\n  parent: kikakku}\n",
      &diags);
  REQUIRE(city.orgs.size() == 4);
  CHECK(city.OrgFullName(city.orgs[1]) == "佐久市 企画部 広報広聴課");
  // The docs' own example (parent: 市民部) was dropped: the page showed 「佐久市 市民協働課 協働推進係」.
  CHECK(city.OrgParents(city.orgs[2]) == "市民部");
  CHECK(city.OrgFullName(city.orgs[2]) == "佐久市 市民部 市民協働課 協働推進係");
  CHECK(city.OrgParents(city.orgs[0]) == "");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].loc.line == 5);
  CHECK(diags.items()[0].loc.col == 11);
  CHECK(diags.items()[0].message == "上の組織「kikakku」が orgs.yaml にありません");
  CHECK(diags.items()[0].hint == "「kikaku」ではありませんか。orgs.yaml の ID か、上の組織の名前（例: parent: 市民部）を書いてください");
}

TEST_CASE("ReadCitySite: an unquoted colour (a YAML comment) is told to be quoted") {
  Diagnostics diags;
  YamlFile file("content/shi/site.yaml",
                "name: 市\nkana: し\nprefecture: 長野県\ncode: \"202177\"\ncontact: kyodo\ntokens:\n  color_primary: #2b5d8a\n");
  REQUIRE(file.Parse(&diags));
  ReadCitySite(file, "shi", &diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message == "tokens の値は文字列で書いてください");
  CHECK(diags.items()[0].hint == kQuoteColorHint);
  CHECK(diags.items()[0].loc.line == 7);
}

TEST_CASE("ReadCitySite: a city's own base_url is pointed at and not used") {
  Diagnostics diags;
  YamlFile file("content/shi/site.yaml",
                "name: 市\nkana: し\nprefecture: 長野県\ncode: \"202177\"\ncontact: kyodo\nbase_url: https://www.city.shi.jp/\n");
  REQUIRE(file.Parse(&diags));
  CitySite site = ReadCitySite(file, "shi", &diags);
  CHECK(diags.ErrorCount() == 0);
  REQUIRE(diags.WarningCount() == 1);
  CHECK(diags.items()[0].message == "site.yaml の base_url は使われません");
  CHECK(diags.items()[0].loc.line == 6);
  CHECK(diags.items()[0].loc.col == 11);
  CHECK(site.name == "市");
}

TEST_CASE("ReadCitySite: a 5-digit 団体コード without its check digit gets the 6-digit code as the hint") {
  auto hint = [](const std::string& code) {
    Diagnostics diags;
    YamlFile file("content/shi/site.yaml", "name: 市\nkana: し\nprefecture: 長野県\ncode: " + code + "\ncontact: kyodo\n");
    REQUIRE(file.Parse(&diags));
    ReadCitySite(file, "shi", &diags);
    REQUIRE(diags.ErrorCount() == 1);
    CHECK(diags.items()[0].loc.line == 4);
    return diags.items()[0].hint;
  };
  CHECK(hint("\"20217\"") == "5桁の団体コードに検査数字を付けた「202177」ではありませんか（\"\" で囲んで書きます）");
  CHECK(hint("\"２０２１７\"") == "5桁の団体コードに検査数字を付けた「202177」ではありませんか（\"\" で囲んで書きます）");
  CHECK(hint("\"2021\"") == "総務省の全国地方公共団体コード（6桁、最後は検査数字）を \"\" で囲んで書いてください");
}

TEST_CASE("ReadPortal: a base_url with a query or fragment is an error: every URL is built on it") {
  Diagnostics diags;
  YamlFile file("content/_portal.yaml", "title: ポータル\nbase_url: https://www.example.lg.jp/kyodo/?lang=ja\n");
  REQUIRE(file.Parse(&diags));
  Portal portal = ReadPortal(file, &diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message ==
        "base_url「https://www.example.lg.jp/kyodo/?lang=ja」: ? や # 以降はリンクの先頭に付けられません。公開するフォルダの URL だけを書いてください");
  CHECK(diags.items()[0].loc.line == 2);
  CHECK(portal.base_url.empty());
}

TEST_CASE("ReadCitySite: the open data's terms of use are read as written; a link without a name is an error") {
  auto read = [](const std::string& extra, Diagnostics* diags) {
    YamlFile file("content/shi/site.yaml", "name: 市\nkana: し\nprefecture: 長野県\ncode: \"202177\"\ncontact: kyodo\n" + extra);
    REQUIRE(file.Parse(diags));
    return ReadCitySite(file, "shi", diags);
  };
  Diagnostics ok;
  CitySite site = read("license: \"CC BY 4.0　\"\nlicense_url: https://www.city.shi.jp/opendata/\n", &ok);
  CHECK(ok.empty());
  CHECK(site.license == "CC BY 4.0");
  CHECK(site.license_url == "https://www.city.shi.jp/opendata/");
  Diagnostics none;
  CHECK(read("", &none).license.empty());
  CHECK(none.empty());
  Diagnostics url_only;
  read("license_url: https://www.city.shi.jp/opendata/\n", &url_only);
  REQUIRE(url_only.ErrorCount() == 1);
  CHECK(url_only.items()[0].message == "license_url だけがあり、license（利用条件の名前）がありません");
  CHECK(url_only.items()[0].loc.line == 6);
}

TEST_CASE("ReadCitySite: a menu link titled 「こちら」 is pointed at, as link text in a page is") {
  Diagnostics diags;
  YamlFile file("content/shi/site.yaml",
                "name: 市\nkana: し\nprefecture: 長野県\ncode: \"202177\"\ncontact: kyodo\nnav:\n"
                "  - {title: 市民活動サポートセンター, url: \"https://www.example.lg.jp/center/\"}\n"
                "  - {title: 詳しくはこちら, url: \"https://www.example.lg.jp/\"}\n");
  REQUIRE(file.Parse(&diags));
  CitySite site = ReadCitySite(file, "shi", &diags);
  CHECK(diags.ErrorCount() == 0);
  REQUIRE(diags.WarningCount() == 1);
  CHECK(diags.items()[0].message == "リンクの文字「詳しくはこちら」だけではリンク先がわかりません");
  CHECK(diags.items()[0].loc.line == 8);
  CHECK(diags.items()[0].loc.col == 13);
  CHECK(site.nav.size() == 2);
}

namespace {

Diagnostics SiteDiags(const std::string& name, const std::string& prefecture, const std::string& code) {
  Diagnostics diags;
  YamlFile file("content/shi/site.yaml", "name: " + name + "\nkana: し\nprefecture: " + prefecture + "\ncode: \"" +
                                             code + "\"\ncontact: kyodo\n");
  REQUIRE(file.Parse(&diags));
  ReadCitySite(file, "shi", &diags);
  return diags;
}

}  // namespace

TEST_CASE("ReadCitySite: 特別区, 政令市の区 and a code starting with 0 of their own 都道府県 are accepted") {
  CHECK(SiteDiags("世田谷区", "東京都", "131121").items().empty());
  CHECK(SiteDiags("札幌市中央区", "北海道", "011011").items().empty());
  CHECK(SiteDiags("那覇市", "沖縄県", "472018").items().empty());
  CHECK(SiteDiags("京都市", "京都府", "261009").items().empty());  // 京都市 starts with 京都, not 京都府
}

TEST_CASE("ReadCitySite: a kana that is no reading (the name copied into it) is an error at its value") {
  auto kana_diags = [](const std::string& kana) {
    Diagnostics diags;
    YamlFile file("content/cho/site.yaml",
                  "name: 東川町\nkana: " + kana + "\nprefecture: 北海道\ncode: \"014583\"\ncontact: kyodo\n");
    REQUIRE(file.Parse(&diags));
    ReadCitySite(file, "cho", &diags);
    return diags;
  };
  CHECK(kana_diags("ひがしかわちょう").items().empty());
  CHECK(kana_diags("ヒガシカワチョウ").items().empty());
  const Diagnostics d = kana_diags("東川町");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "kana「東川町」はひらがなかカタカナで書いてください");
  CHECK(d.items()[0].loc.line == 2);
  CHECK(d.items()[0].loc.col == 7);
}

TEST_CASE("ReadCitySite: a code in 全角 digits is the same code, published half-width") {
  CHECK(SiteDiags("佐久市", "長野県", "２０２１７７").items().empty());
  Diagnostics diags;
  YamlFile file("content/shi/site.yaml", "name: 佐久市\nkana: さくし\nprefecture: 長野県\ncode: \"２０２１７７\"\ncontact: kyodo\n");
  REQUIRE(file.Parse(&diags));
  CHECK(ReadCitySite(file, "shi", &diags).code == "202177");
  // A wrong check digit is still told, with the half-width code to write.
  const Diagnostics wrong = SiteDiags("佐久市", "長野県", "２０２１７８");
  REQUIRE(wrong.items().size() == 1);
  CHECK(wrong.items()[0].message == "全国地方公共団体コード「202178」の検査数字が合いません");
  CHECK(wrong.items()[0].hint == "「202177」ではありませんか");
}

TEST_CASE("ReadCitySite: a 全角 space after the name or prefecture is no part of it") {
  CHECK(SiteDiags("佐久市\xE3\x80\x80", "長野県\xE3\x80\x80", "202177").items().empty());
  Diagnostics diags;
  YamlFile file("content/shi/site.yaml", "name: 佐久市　\nkana: さくし　\nprefecture: 長野県　\ncode: \"202177\"\ncontact: kyodo\n");
  REQUIRE(file.Parse(&diags));
  const CitySite site = ReadCitySite(file, "shi", &diags);
  CHECK(site.name == "佐久市");
  CHECK(site.kana == "さくし");
  CHECK(site.prefecture == "長野県");
}

TEST_CASE("ReadCitySite: a prefecture that is no 都道府県 is an error naming the one the code belongs to") {
  Diagnostics diags = SiteDiags("御代田町", "長野", "203238");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message == "都道府県名「長野」が正しくありません");
  CHECK(diags.items()[0].hint == "prefecture: 長野県 と書いてください");
  CHECK(diags.items()[0].loc.line == 3);
  diags = SiteDiags("御代田町", "東京", "20323");  // no code to go by: the nearest name
  REQUIRE(diags.ErrorCount() == 2);
  CHECK(diags.items()[1].hint == "prefecture: 東京都 と書いてください");
  diags = SiteDiags("御代田町", "長野", "131121");  // the name written wins over a copied code, which is reported too
  REQUIRE(diags.ErrorCount() == 2);
  CHECK(diags.items()[0].hint == "prefecture: 長野県 と書いてください");
  CHECK(diags.items()[1].message == "全国地方公共団体コード「131121」は東京都のコードです（prefecture: 長野）");
  diags = SiteDiags("御代田町", "信濃国", "203238");  // nothing near: the code's
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].hint == "prefecture: 長野県 と書いてください");
}

TEST_CASE("ReadCitySite: a code of another 都道府県 is an error at the code") {
  Diagnostics diags = SiteDiags("御代田町", "長野県", "131121");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message == "全国地方公共団体コード「131121」は東京都のコードです（prefecture: 長野県）");
  CHECK(diags.items()[0].hint == "最初の2桁「13」が都道府県の番号です。code: か prefecture: を確かめてください");
  CHECK(diags.items()[0].loc.line == 4);
  diags = SiteDiags("御代田町", "長野県", "482013");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message ==
        "全国地方公共団体コード「482013」の最初の2桁「48」は都道府県の番号（01〜47）ではありません");
}

TEST_CASE("ReadCitySite: a name written with its 都道府県 is an error (it would read 東京都東京都世田谷区)") {
  Diagnostics diags = SiteDiags("東京都世田谷区", "東京都", "131121");
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message == "市町村名「東京都世田谷区」に都道府県名が入っています");
  CHECK(diags.items()[0].hint == "name: 世田谷区 と書いてください（都道府県名は prefecture: から付けて表示します）");
  CHECK(diags.items()[0].loc.line == 1);
  // A 広域連合's official name begins with its 都道府県: it is no 市区町村 with one added.
  CHECK(SiteDiags("長野県後期高齢者医療広域連合", "長野県", "208612").items().empty());
  CHECK(SiteDiags("長野県長野市", "長野県", "202011").ErrorCount() == 1);
}

TEST_CASE("ReadPortal: a base_url without a host or with a query is pointed at; a folder with spaces is escaped") {
  Diagnostics diags;
  YamlFile file("content/_portal.yaml", "title: ポータル\nbase_url: \"https://www.example.lg.jp/kyodo/?from=top\"\n");
  REQUIRE(file.Parse(&diags));
  Portal portal = ReadPortal(file, &diags);
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].message ==
        "base_url「https://www.example.lg.jp/kyodo/?from=top」: ? や # 以降はリンクの先頭に付けられません。"
        "公開するフォルダの URL だけを書いてください");
  CHECK(diags.items()[0].loc.line == 2);
  CHECK(diags.items()[0].loc.col == 11);
  CHECK(portal.base_url == "");
  // A space is refused as in every URL (mostly a note typed after it); written as %20,
  // the folder's Japanese name is escaped and the %20 kept.
  Diagnostics spaced_diags;
  YamlFile spaced("content/_portal.yaml", "title: ポータル\nbase_url: https://www.example.lg.jp/協働 ポータル/\n");
  REQUIRE(spaced.Parse(&spaced_diags));
  CHECK(ReadPortal(spaced, &spaced_diags).base_url == "");
  CHECK(spaced_diags.ErrorCount() == 1);
  Diagnostics ok;
  YamlFile escaped("content/_portal.yaml", "title: ポータル\nbase_url: https://www.example.lg.jp/協働%20ポータル/\n");
  REQUIRE(escaped.Parse(&ok));
  CHECK(ReadPortal(escaped, &ok).base_url == "https://www.example.lg.jp/%E5%8D%94%E5%83%8D%20%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB/");
  CHECK(ok.items().empty());
}

}  // namespace kyodo
