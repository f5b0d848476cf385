#include "form.h"

#include <doctest/doctest.h>

#include <string>

namespace kyodo {
namespace {

const char* const kPath = "content/saku/forms/teian.yaml";

struct Loaded {
  std::optional<Form> form;
  Diagnostics diags;
};

Loaded LoadText(const std::string& yaml, const char* path = kPath) {
  Loaded l;
  l.form = LoadForm(path, yaml, &l.diags);
  return l;
}

// "line:col: error: message（ヒント: hint）" per problem, one per line.
std::string Problems(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
           (d.severity == Severity::kError ? "error: " : "warning: ") + d.message;
    if (!d.hint.empty()) out += "（ヒント: " + d.hint + "）";
    out += "\n";
  }
  return out;
}

TEST_CASE("LoadForm reads every key") {
  Loaded l = LoadText(R"(title: 協働の提案
summary: 提案の様式です。
purpose: |
  一段落目。

  二段落目。
eligibility: 市民と団体
deadline: 令和8年3月31日
steps: [記入します, 提出します]
contact: kohokocho
action: https://apply.example.jp/f/teian?x=1
date: 2025-04-01
updated: R7.5.1
weight: 3
draft: true
downloads:
  - {title: 提案書, src: ../assets/teian.pdf}
fields:
  - {label: 団体名, required: true, max_length: 100, autocomplete: organization}
  - {name: kind, type: radio, label: 区分, options: [提案, 相談], required: yes}
  - {name: fields, type: checkbox, label: 分野, options: [福祉, 環境]}
  - {name: agree, type: checkbox, label: 同意します, required: true}
  - {type: postal, label: 郵便番号}
  - {name: web, label: URL, pattern: "https?://.+"}
)");
  REQUIRE(l.form);
  CHECK(Problems(l.diags) == "");
  const Form& f = *l.form;
  CHECK(f.id == "teian");
  CHECK(f.title == "協働の提案");
  CHECK(f.purpose == "一段落目。\n\n二段落目。\n");
  CHECK(f.deadline == Date{2026, 3, 31, DatePrecision::kDay});
  CHECK(f.updated == Date{2025, 5, 1, DatePrecision::kDay});
  CHECK(f.steps == std::vector<std::string>{"記入します", "提出します"});
  CHECK(f.contact.value == "kohokocho");
  CHECK(f.action_kind() == FormAction::kPost);
  CHECK(f.weight == 3);
  CHECK(f.draft);
  REQUIRE(f.downloads.size() == 1);
  CHECK(f.downloads[0].src == "../assets/teian.pdf");
  CHECK(f.downloads[0].loc.line == 17);
  REQUIRE(f.fields.size() == 6);
  CHECK(f.fields[0].name == "field1");  // derived from the position
  CHECK(f.fields[0].type == FieldType::kText);
  CHECK(f.fields[0].max_length == 100);
  CHECK(f.fields[0].autocomplete == "organization");
  CHECK(f.fields[1].required);
  CHECK(f.fields[1].IsGroup());
  CHECK(f.fields[2].IsGroup());
  CHECK(f.fields[2].options == std::vector<std::string>{"福祉", "環境"});
  CHECK_FALSE(f.fields[3].IsGroup());  // a checkbox without options is one tick box
  CHECK(f.fields[4].name == "field5");
  CHECK(f.fields[4].type == FieldType::kPostal);
  CHECK(f.fields[5].pattern == "https?://.+");
  CHECK_FALSE(f.has_file_field());
}

TEST_CASE("LoadForm: a download titled 「こちら」 is pointed at, since the title is the link's text") {
  Loaded l = LoadText("title: 協働提案\ndownloads:\n  - {title: こちら, src: ../assets/teian.pdf}\n");
  CHECK(Problems(l.diags) ==
        "3:13: warning: リンクの文字「こちら」だけではリンク先がわかりません（ヒント: title: にリンク先の内容がわかる文字を書いてください"
        "（例: title: 協働提案制度の募集要項））\n");
}

TEST_CASE("LoadForm: downloads written but in error are reported once, not also as missing") {
  Loaded l = LoadText("title: 協働提案\ndownloads:\n  - {title: \"\", src: ../assets/teian.pdf}\n");
  CHECK(Problems(l.diags) == "3:13: error: 「title」の値が空です（ヒント: title: の後に書いてください）\n");
  Loaded none = LoadText("title: 協働提案\nfields: []\n");
  CHECK(Problems(none.diags) ==
        "1:1: error: 入力項目（fields）も様式ファイル（downloads）もありません（ヒント: fields: に入力項目を書くか、"
        "downloads: に様式ファイルを書いてください）\n");
}

TEST_CASE("LoadForm reports unknown keys with the nearest known one") {
  Loaded l = LoadText("titel: x\nfields:\n  - {lable: 氏名, reqired: true}\n");
  CHECK(Problems(l.diags) ==
        "1:1: error: 不明なキー「titel」（ヒント: 「title」の誤りではありませんか）\n"
        "3:6: error: 不明なキー「lable」（ヒント: 「label」の誤りではありませんか）\n"
        "3:17: error: 不明なキー「reqired」（ヒント: 「required」の誤りではありませんか）\n");
}

TEST_CASE("LoadForm: field names are ASCII and unique, derived names included") {
  Loaded l = LoadText(R"(title: t
fields:
  - {name: field2, label: A}
  - {label: B}
  - {name: 団体名, label: C}
  - {name: _charset_, label: D}
)");
  CHECK(Problems(l.diags) ==
        "4:5: error: 項目名（name）「field2」が 3 行目の項目と重なります（ヒント: 送信される値が混ざらないよう、別の name: を付けてください）\n"
        "5:12: error: name「団体名」は送信する項目名に使えません（ヒント: 半角英字で始まる英数字・_・- だけで書いてください（例: group_name））\n"
        "6:12: error: name「_charset_」は送信する項目名に使えません（ヒント: 半角英字で始まる英数字・_・- だけで書いてください（例: charset））\n");
}

TEST_CASE("LoadForm: a name that another field's element ids take is an error (a label would point elsewhere)") {
  Loaded l = LoadText(R"(title: t
fields:
  - {name: kind, type: radio, label: 種別, options: [個人, 団体]}
  - {name: kind-1, label: 種別の補足}
  - {name: memo, label: 備考, help: 自由に}
  - {name: memo-hint, label: 備考の補足}
  - {name: tel-group, label: 区分}
)");
  CHECK(Problems(l.diags) ==
        "4:5: error: 項目名（name）「kind-1」は、3 行目の「kind」がページに付ける id と重なります（ヒント: ラベルが別の入力欄を指してしまうため、「kind-1」とは違う形の name: にしてください（例: kind_note））\n"
        "6:5: error: 項目名（name）「memo-hint」は、5 行目の「memo」がページに付ける id と重なります（ヒント: ラベルが別の入力欄を指してしまうため、「memo-hint」とは違う形の name: にしてください（例: memo_note））\n");
}

// A misspelt type (emial, radion) is one error: the options of the type meant are no
// second one (「type: text には options を書けません」 for what the clerk wrote as radio).
TEST_CASE("LoadForm: types, options and limits must fit together") {
  Loaded l = LoadText(R"(title: t
fields:
  - {type: emial, label: A, options: [x, y]}
  - {type: select, label: B}
  - {type: text, label: C, options: [x]}
  - {type: radio, label: D, options: [x, x, " "]}
  - {type: date, label: E, max_length: 10}
  - {type: postal, label: F, pattern: "\\d+"}
  - {label: G, pattern: "[0-9-]+"}
  - {label: H, max_length: 0}
  - {type: tel, label: I, autocomplete: email}
  - {type: checkbox, label: J, required: true, options: []}
  - type: checkbox
    label: K
    options:
  - {type: radio, label: L, options: 任意団体、NPO法人}
  - {type: select, label: M, options: "中込, 野沢"}
  - {type: radio, label: N, options: 同意する}
)");
  CHECK(Problems(l.diags) ==
        "3:12: error: type「emial」は使えません（ヒント: 「email」ではありませんか。使える type: text, textarea, email, tel, postal, "
        "date, number, select, radio, checkbox, file）\n"
        "4:5: error: 「B」（type: select）に選択肢（options）がありません（ヒント: options: [選択肢1, 選択肢2] のように書いてください）\n"
        "5:37: error: type: text には options を書けません（ヒント: 選択肢を選ばせるときは type: select・radio・checkbox にしてください）\n"
        "6:42: error: 選択肢「x」が2回書かれています（ヒント: どちらか一方を消してください）\n"
        "6:45: error: 空の選択肢があります\n"
        "7:28: error: type: date には max_length を書けません（ヒント: max_length は text・textarea・email・tel で使えます）\n"
        "8:30: error: type: postal には pattern を書けません（ヒント: 郵便番号（postal）は 123-4567 の形を自動で確かめます）\n"
        "9:25: error: pattern「[0-9-]+」を使えません: [ ] の中で文字としてのハイフンは \\- と書いてください（例: [0-9\\-]）"
        "（ヒント: ブラウザーは使えない pattern を黙って無視し、入力を確かめなくなります）\n"
        "10:28: error: max_length は 1 以上の整数で書いてください\n"
        "11:41: error: autocomplete「email」は type: tel の項目には使えません（ヒント: type: email にしてください）\n"
        "12:48: error: 「J」（type: checkbox）の options に選択肢がありません（ヒント: 複数から選んでもらうときは options: [選択肢1, 選択肢2] "
        "のように書き、同意などの1つのチェックにするときは options: の行を消してください）\n"
        "15:5: error: 「K」（type: checkbox）の options に選択肢がありません（ヒント: 複数から選んでもらうときは options: [選択肢1, 選択肢2] "
        "のように書き、同意などの1つのチェックにするときは options: の行を消してください）\n"
        "16:38: error: 「L」の options「任意団体、NPO法人」が1つの選択肢になっています（ヒント: 選択肢を分けるときは options: [任意団体, NPO法人] "
        "のように [ ] で囲み、半角の「,」で区切ってください。1つの選択肢なら options: [\"任意団体、NPO法人\"] と書いてください）\n"
        "17:39: error: 「M」の options「中込, 野沢」が1つの選択肢になっています（ヒント: 選択肢を分けるときは options: [中込, 野沢] "
        "のように [ ] で囲み、半角の「,」で区切ってください。1つの選択肢なら options: [\"中込, 野沢\"] と書いてください）\n");
}

// A negative 会員数 was accepted: a number field had no range. min: / max: give one,
// on a number field only, and a range written backwards is one error at max:.
TEST_CASE("LoadForm: min and max bound a number field") {
  Loaded l = LoadText(R"(title: t
fields:
  - {type: number, label: 会員数, min: 0, max: 9999}
  - {type: number, label: 人数, min: -5}
  - {type: text, label: A, min: 1}
  - {type: number, label: B, min: 10, max: 1}
  - {type: number, label: C, max: 1.5}
  - {type: number, label: D, max: 9999999999}
)");
  CHECK(Problems(l.diags) ==
        "5:28: error: type: text には min を書けません（ヒント: min・max（入力できる数の範囲）は type: number で使えます）\n"
        "6:44: error: max: 1 が min: 10 より小さくなっています（ヒント: 入力できる数の範囲は min（いちばん小さい数）から max"
        "（いちばん大きい数）までです。2つを入れ替えてください）\n"
        "7:35: error: 「max」は整数で書いてください（ヒント: 半角の数字だけで書いてください（例: max: 3））\n"
        "8:35: error: 「max: 9999999999」は大きすぎます（ヒント: 9桁までの数で書いてください）\n");
  REQUIRE(l.form);
  CHECK(l.form->fields[0].min == 0);
  CHECK(l.form->fields[0].max == 9999);
  CHECK(l.form->fields[1].min == -5);
  CHECK_FALSE(l.form->fields[1].max);
  CHECK_FALSE(l.form->fields[2].min);
  CHECK_FALSE(l.form->fields[3].min);  // neither end of a backwards range is used
  CHECK(RangeText(l.form->fields[0]) == "0以上9999以下");
  CHECK(RangeMessage(l.form->fields[1]) == "「人数」は-5以上の数で入力してください");
  CHECK(RangeMessage(l.form->fields[4]) == "");
}

TEST_CASE("LoadForm: actions are https, a mail address, or none") {
  auto problems = [](const std::string& action) {
    return Problems(LoadText("title: t\nfields: [{label: A}]\naction: " + action + "\n").diags);
  };
  CHECK(problems("https://logoform.jp/f/abc") == "");
  CHECK(problems("mailto:kikaku@city.suwa.nagano.jp") == "");
  CHECK(problems("http://example.jp/post") ==
        "3:9: error: action「http://example.jp/post」は暗号化されない http:// です（ヒント: 個人情報を送るため、https:// で始まる受付先にしてください）\n");
  CHECK(problems("http://127.0.0.1:8080/submit") ==
        "3:9: warning: action「http://127.0.0.1:8080/submit」は試験用のこのコンピューター内の受付先です"
        "（ヒント: 公開する前に、市町村の受付システムの https:// の URL に書き換えてください）\n");
  CHECK(problems("https:///x") == "3:9: error: action「https:///x」の URL にホスト名がありません\n");
  CHECK(problems("\"https://logoform.jp/f/abc 協働提案\"") ==
        "3:9: error: URL「https://logoform.jp/f/abc 協働提案」に空白があります（ヒント: URL の後ろに説明を続けて書いていませんか。"
        "URL だけを書いてください（空白を含むアドレスは空白を %20 と書きます））\n");
  CHECK(problems("\"https://logoform.jp/f/a|b\"") ==
        "3:9: error: URL「https://logoform.jp/f/a|b」に URL では使えない文字「|」があります"
        "（ヒント: ブラウザーのアドレス欄から URL をコピーし直してください（この文字は %7C と書きます））\n");
  CHECK(problems("mailto:kikaku") ==
        "3:9: error: action「mailto:kikaku」のメールアドレスが正しくありません（ヒント: mailto:kyodo@city.example.lg.jp のように1つのアドレスを書いてください）\n");
  CHECK(problems("/submit") ==
        "3:9: error: action「/submit」は受付先として使えません（ヒント: 電子申請サービスなどの https:// の URL か、mailto:メールアドレス を書いてください。"
        "受付先がなければ action: を消すと、印刷して提出する様式になります）\n");
  CHECK(problems("mailto:kikaku@city.suwa.nagano.jp?subject=%E5%8D%94%E5%83%8D") == "");
  CHECK(problems("mailto:kikaku@city.suwa.nagano.jp?subject=協働の相談") == "");
  CHECK(problems("mailto:a@b.jp?subject=x&Body=y") ==
        "3:9: error: action「mailto:a@b.jp?subject=x&Body=y」に「Body=y」があります。ブラウザーは入力内容を body= として後ろに付けるため、"
        "メールソフトによっては入力内容がメールの本文に入りません（ヒント: body= を消し、mailto:kyodo@city.example.lg.jp?subject=件名 "
        "のように受付先のアドレスと件名だけを書いてください。本文に添えたい案内は help: や steps: に書けます）\n");
  const std::string extra_hint =
      "（ヒント: mailto:kyodo@city.example.lg.jp または mailto:kyodo@city.example.lg.jp?subject=件名 のように、"
      "受付先のアドレスだけを書いてください）\n";
  CHECK(problems("mailto:kikaku@city.suwa.nagano.jp?subject=x&bcc=other@example.com") ==
        "3:9: error: action「mailto:kikaku@city.suwa.nagano.jp?subject=x&bcc=other@example.com」に「bcc=other@example.com」があります。"
        "回答（氏名・住所など）が、ページに書いていない宛先にも送られます" + extra_hint);
  CHECK(problems("mailto:a@b.jp?CC=c@d.jp") ==
        "3:9: error: action「mailto:a@b.jp?CC=c@d.jp」に「CC=c@d.jp」があります。回答（氏名・住所など）が、ページに書いていない宛先にも送られます" +
            extra_hint);
  CHECK(problems("mailto:a@b.jp?subject=相談&提案") ==
        "3:9: error: action「mailto:a@b.jp?subject=相談&提案」の件名の「&」より後ろ（「提案」）は、件名に入りません"
        "（ヒント: 件名の中の & は %26 と書くか、「・」などの別の文字にしてください）\n");
  CHECK(problems("mailto:a@b.jp?subject=相談%26提案") == "");
  CHECK(problems("mailto:a@b.jp?to=c@d.jp") ==
        "3:9: error: action「mailto:a@b.jp?to=c@d.jp」に「to=c@d.jp」があります。回答（氏名・住所など）が、ページに書いていない宛先にも送られます" +
            extra_hint);
  CHECK(problems("mailto:kikaku＠city.suwa.nagano.jp") ==
        "3:9: error: URL「mailto:kikaku＠city.suwa.nagano.jp」に全角の文字があります（ヒント: 半角で「mailto:kikaku@city.suwa.nagano.jp」と書いてください）\n");
  Loaded mail = LoadText("title: t\naction: mailto:a@b.jp\nfields:\n  - {type: file, label: 資料}\n");
  CHECK(Problems(mail.diags) ==
        "4:5: error: メール（mailto:）で送る様式では、ファイル（「資料」）を送れません（ヒント: ファイルは別にメールで送るよう help: に書き、この項目を消してください）\n");
  CHECK(LoadText("title: t\nfields: [{label: A}]\n").form->action_kind() == FormAction::kPrint);
  CHECK(LoadText("title: t\nfields: [{label: A}]\naction: mailto:a@b.jp\n").form->action_kind() == FormAction::kMailto);
}

TEST_CASE("LoadForm: a number typed before a step is dropped with a warning, as the page numbers steps") {
  Loaded l = LoadText("title: t\nfields: [{label: A}]\nsteps:\n  - 1. 記入します\n  - ３．様式（第1号）を出します\n  - （２）提出します\n  - 2025年度に始めます\n  - 3人で相談します\n  - 1.5倍に広げます\n  - 10:00に集まります\n");
  CHECK(l.form->steps == std::vector<std::string>{"記入します", "様式（第1号）を出します", "提出します", "2025年度に始めます", "3人で相談します",
                                                 "1.5倍に広げます", "10:00に集まります"});
  CHECK(Problems(l.diags) ==
        "4:5: warning: 手続きの流れ（steps）の「1. 記入します」の番号は、ページで自動で付きます（ヒント: 番号を消して「記入します」と書いてください（番号を消して表示します））\n"
        "5:5: warning: 手続きの流れ（steps）の「３．様式（第1号）を出します」の番号は、ページで自動で付きます（ヒント: 番号を消して「様式（第1号）を出します」と書いてください（番号を消して表示します））\n"
        "6:5: warning: 手続きの流れ（steps）の「（２）提出します」の番号は、ページで自動で付きます（ヒント: 番号を消して「提出します」と書いてください（番号を消して表示します））\n");
}

TEST_CASE("LoadForm: whole-file problems") {
  CHECK(Problems(LoadText("title: t\n").diags) ==
        "1:1: error: 入力項目（fields）も様式ファイル（downloads）もありません（ヒント: fields: に入力項目を書くか、downloads: に様式ファイルを書いてください）\n");
  CHECK(Problems(LoadText("title: t\ndeadline: 平成32年4月1日\nfields: [{label: A}]\n").diags) ==
        "2:11: error: 平成32年4月1日はありません（平成は31年（2019年）4月30日まで）（ヒント: 令和2年4月1日と書いてください）\n");
  Loaded bad_name = LoadText("title: t\nfields: [{label: A}]\n", "content/saku/forms/協働提案.yaml");
  CHECK(Problems(bad_name.diags) ==
        "0:0: error: ファイル名「協働提案.yaml」は URL に使えません（ヒント: ファイル名を半角英小文字・数字・- にしてください（例: teian.yaml））\n");
  Diagnostics d;
  CHECK_FALSE(LoadForm(kPath, "title: [", &d));
  CHECK_FALSE(LoadForm(kPath, "- a\n- b\n", &d));
}

TEST_CASE("DeadlinePassed: the deadline's whole day, month, year or 年度 is still open") {
  const Date day{2026, 3, 31, DatePrecision::kDay};
  CHECK_FALSE(DeadlinePassed(day, {2026, 3, 31, DatePrecision::kDay}));
  CHECK(DeadlinePassed(day, {2026, 4, 1, DatePrecision::kDay}));
  const Date month{2026, 3, 0, DatePrecision::kMonth};
  CHECK_FALSE(DeadlinePassed(month, {2026, 3, 31, DatePrecision::kDay}));
  CHECK(DeadlinePassed(month, {2026, 4, 1, DatePrecision::kDay}));
  const Date year{2026, 0, 0, DatePrecision::kYear};
  CHECK_FALSE(DeadlinePassed(year, {2026, 12, 31, DatePrecision::kDay}));
  CHECK(DeadlinePassed(year, {2027, 1, 1, DatePrecision::kDay}));
  const Date fiscal{2025, 0, 0, DatePrecision::kFiscalYear};  // 令和7年度
  CHECK_FALSE(DeadlinePassed(fiscal, {2026, 3, 31, DatePrecision::kDay}));
  CHECK(DeadlinePassed(fiscal, {2026, 4, 1, DatePrecision::kDay}));
}

TEST_CASE("ActionTarget names where the answers go") {
  CHECK(ActionTarget("https://logoform.jp/f/abc?x=1") == "logoform.jp");
  CHECK(ActionTarget("https://user:pw@apply.example.jp:8443/x") == "apply.example.jp:8443");
  CHECK(ActionTarget("http://127.0.0.1:5000") == "127.0.0.1:5000");
  CHECK(ActionTarget("mailto:kikaku@city.suwa.nagano.jp?subject=x") == "kikaku@city.suwa.nagano.jp");
  CHECK(ActionTarget("") == "");
}

TEST_CASE("error messages say what to do, quoting the label") {
  FormField f;
  f.label = "団体名";
  CHECK(MissingMessage(f) == "「団体名」を入力してください");
  CHECK(FormatMessage(f) == "");
  CHECK(TooLongMessage(f) == "");
  f.max_length = 100;
  CHECK(TooLongMessage(f) == "「団体名」は100文字以内で入力してください");
  f.pattern = "https?://.+";
  f.help = "https:// で始まるアドレス";
  CHECK(FormatMessage(f) == "「団体名」は決められた形で入力してください（https:// で始まるアドレス）");
  f = FormField{};
  f.label = "郵便番号";
  f.type = FieldType::kPostal;
  CHECK(FormatMessage(f) == "「郵便番号」は 123-4567 のように7桁の数字で入力してください");
  f.type = FieldType::kNumber;  // 12.5 is refused by the browser (step 1), not only 十二
  CHECK(FormatMessage(f) == "「郵便番号」は 12 のように小数点のない数で入力してください");
  f.type = FieldType::kRadio;
  CHECK(MissingMessage(f) == "「郵便番号」を選んでください");
  f.type = FieldType::kCheckbox;
  CHECK(MissingMessage(f) == "「郵便番号」にチェックを入れてください");
  f.options = {"a", "b"};
  CHECK(MissingMessage(f) == "「郵便番号」を1つ以上選んでください");
  f.type = FieldType::kFile;
  CHECK(MissingMessage(f) == "「郵便番号」のファイルを選んでください");
  f.type = FieldType::kEmail;
  CHECK(FormatMessage(f) == "「郵便番号」は name@example.jp のような形で入力してください");
}

}  // namespace
}  // namespace kyodo
