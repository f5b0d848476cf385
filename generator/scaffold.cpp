#include "scaffold.h"

#include <sstream>

#include "page_loader.h"

namespace kyodo {

namespace {

std::string JoinNames(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

// "# 使える値: 共催、後援、…" for one vocabulary.
std::string TermsComment(const ScaffoldContext& ctx, const std::string& key) {
  int v = ctx.vocab ? ctx.vocab->IndexOf(key) : -1;
  if (v < 0) return "";
  std::vector<std::string> names;
  for (const Term& t : ctx.vocab->at(v).terms) names.push_back(t.name);
  return "#   使える値: " + JoinNames(names, "、") + "\n";
}

std::string IdsComment(const char* what, const std::vector<std::string>& ids) {
  if (ids.empty()) return "";
  return std::string("#   ") + what + ": " + JoinNames(ids, ", ") + "\n";
}

std::string Today(const ScaffoldContext& ctx) { return ctx.today.year ? ctx.today.Iso() : "2026-04-01"; }

// The keys every page kind has. A group's contact: is its own {tel, email}, not an
// office (ScaffoldPage writes that one); weight orders only policies and pages —
// cases and news go by date, groups by reading — so the others do not offer it.
std::string Shared(const ScaffoldContext& ctx, PageKind kind) {
  const bool date_required = kind == PageKind::kCase || kind == PageKind::kNews;
  const bool weighted = kind == PageKind::kPolicy || kind == PageKind::kPage;
  std::ostringstream s;
  s << "# 題名（必須）。ページの見出しになります。\n"
    << "title:\n"
    << "# 掲載日" << (date_required ? "（必須）" : "") << "。2026-04-01、令和8年4月1日、R8.4.1 のように書けます。\n"
    << (date_required ? "date: " + Today(ctx) + "\n" : "# date: " + Today(ctx) + "\n")
    << "# 更新日。内容を直したときに書きます。\n"
    << "# updated: " << Today(ctx) << "\n"
    << "# 一覧や検索に出る短い説明（120字まで）。書かなければ本文の最初から作ります。\n"
    << "# summary:\n";
  if (kind != PageKind::kGroup) {
    s << "# 問い合わせ先。orgs.yaml の ID を書きます。書かなければ site.yaml の contact（市町村の既定の問い合わせ先）です。\n"
      << IdsComment("使える ID", ctx.orgs) << "# contact:\n";
  }
  s << "# true にすると公開しません（kyodo build --drafts では表示）。\n"
    << "draft: true\n";
  if (weighted) s << "# 一覧での並び順（小さい順）。\n# weight: 10\n";
  return s.str();
}

}  // namespace

std::string ScaffoldPage(PageKind kind, const ScaffoldContext& ctx) {
  std::ostringstream s;
  s << "---\n";
  switch (kind) {
    case PageKind::kCase:
      s << "# 協働事例。# で始まる行は説明です。書き終えたら draft: true の行を消してください。\n"
        << Shared(ctx, kind) << "# 協働の形態（いくつでも）。\n"
        << TermsComment(ctx, "modes") << "modes: []\n"
        << "# 分野（いくつでも）。\n"
        << TermsComment(ctx, "fields") << "fields: []\n"
        << "# 主体。\n"
        << TermsComment(ctx, "actors") << "actors: []\n"
        << "# 協働の型。\n"
        << TermsComment(ctx, "partnership") << "# partnership:\n"
        << "# 関わった市民活動団体（groups/ のファイル名）。\n"
        << IdsComment("使える ID", ctx.groups) << "groups: []\n"
        << "# 期間。昭和47年〜、令和4年度〜令和8年度 のように書きます。\n"
        << "# period:\n"
        << "# 場所。\n"
        << "# place:\n"
        << "# 写真。alt には写真の内容を文章で書きます（必須）。ファイルは assets/ に置きます。\n"
        << "# images:\n#   - {src: ../assets/photo.jpg, alt: 国道沿いに咲くコスモス}\n"
        << "# 関連リンク。\n"
        << "# links:\n#   - {title: 関連ページの題名, url: \"https://\"}\n"
        << "# 資料（様式・報告書）。種類と大きさは自動で表示されます。\n"
        << "# attachments:\n#   - {title: 活動報告書, src: ../assets/houkoku.pdf}\n";
      break;
    case PageKind::kGroup:
      s << "# 市民活動団体。題名には法人格も含めた団体名を書きます（例: 特定非営利活動法人 ○○）。\n"
        << Shared(ctx, kind) << "# 読み（法人格を除いた団体名をひらがなで）。五十音順の並びに使います。\n"
        << "kana:\n"
        << "# 活動の分野。\n"
        << TermsComment(ctx, "fields") << "fields: []\n"
        << "# 主な活動地域を1つ（例: 中込地区）。地域ごとの絞り込みページができます。ほかの地域は本文に書きます。\n"
        << "# area:\n"
        << "# 設立年月（例: 平成22年4月）。\n"
        << "# established:\n"
        << "# 会員数（例: 約30人）。\n"
        << "# members:\n"
        << "# 法人番号（13桁、NPO法人など）。\n"
        << "# corporate_number: \"\"\n"
        << "# 団体が公開に同意した連絡先（orgs.yaml の ID ではありません。tel・email・url が書けます）。代表者個人の電話やメールは、同意がなければ書きません。\n"
        << "# contact: {tel: \"\", email: \"\"}\n"
        << "# ウェブサイト。\n"
        << "# url: \"https://\"\n";
      break;
    case PageKind::kPolicy:
      s << "# 基本指針・方針・計画。\n"
        << Shared(ctx, kind) << "# 種類: 指針、方針、計画、行動計画 のどれか。\n"
        << "kind:\n"
        << "# 期間（計画期間）。令和4年度〜令和8年度、R4–R8 のように書きます。\n"
        << "# period:\n"
        << "# 基本方針（題名だけでも、{title, summary, measures} でも書けます）。\n"
        << "basic_policies:\n  -\n"
        << "# 施策の進み具合（計画で管理している場合。例: {measure: 講座の開催, status: 実施中, percent: 40}）。\n"
        << "# progress:\n#   - {measure: \"\", status: \"\", percent: }\n"
        << "# 上位の指針・方針（policies/ のファイル名）。\n"
        << "# parent:\n";
      break;
    case PageKind::kNews:
      s << "# お知らせ。\n" << Shared(ctx, kind);
      break;
    case PageKind::kPage:
      s << "# ページ（協働とは、など）。\n" << Shared(ctx, kind);
      break;
  }
  s << "---\n\n"
    << kScaffoldBodyHint << "\n"
    << "ほかのページへのリンクは `[協働基本指針](../policies/shishin.md)` のようにファイルで書きます。\n";
  return s.str();
}

std::string ScaffoldForm(const ScaffoldContext& ctx) {
  std::ostringstream s;
  s << "# 協働提案・相談・団体登録などの様式。# で始まる行は説明です。\n"
    << "# 書き終えたら draft: true の行を消してください。\n"
    << "# 題名（必須）。\n"
    << "title:\n"
    << "draft: true\n"
    << "# この様式で何ができるか。\n"
    << "purpose:\n"
    << "# 対象となる人・団体。\n"
    << "# eligibility:\n"
    << "# 締切。過ぎると「受付終了」と表示されます。\n"
    << "# deadline: " << Today(ctx) << "\n"
    << "# 手続きの流れ。\n"
    << "# steps:\n#   - 様式に記入します\n#   - 担当課へ提出します\n"
    << "# 問い合わせ先（orgs.yaml の ID）。\n"
    << IdsComment("使える ID", ctx.orgs) << "# contact:\n"
    << "# 送信先（電子申請サービスの URL か mailto:）。書かなければ印刷して提出する様式になります。\n"
    << "# action: https://\n"
    << "# 入力項目。type: text, textarea, email, tel, postal, date, number, select, radio, checkbox, file\n"
    << "fields:\n"
    << "  - {name: group_name, type: text, label: 団体名, required: true, autocomplete: organization}\n"
    << "  - {name: email, type: email, label: メールアドレス, required: true, autocomplete: email}\n"
    << "# 様式ファイル（assets/ に置きます）。種類と大きさは自動で表示されます。\n"
    << "# downloads:\n#   - {title: 提案書（様式第1号）, src: ../assets/teian.docx}\n";
  return s.str();
}

std::string ScaffoldSiteYaml(const std::string& slug) {
  std::ostringstream s;
  s << "# 市町村の設定。# で始まる行は説明です。空の項目を埋めると kyodo check が通ります。\n"
    << "# 市町村名（必須。例: 佐久市、東川町、世田谷区、北アルプス広域連合。郡名と都道府県名は入れません。\n"
    << "# 正式名称が都道府県名で始まる広域連合・一部事務組合は、長野県後期高齢者医療広域連合のようにそのまま書きます）。\n"
    << "name:\n"
    << "# 読み（必須。ひらがなで。例: さくし）。\n"
    << "kana:\n"
    << "# 都道府県（必須。例: 長野県）。\n"
    << "prefecture:\n"
    << "# 全国地方公共団体コード（必須。6桁を \"\" で囲む。例: \"202177\"）。\n"
    << "code:\n"
    << "# 日付の書き方: seireki（2026年4月1日）か wareki（令和8年4月1日）。\n"
    << "date_style: wareki\n"
    << "# 既定の問い合わせ先（orgs.yaml の ID）。\n"
    << "contact: kyodo\n"
    << "# テーマ（themes/ のフォルダ名）。\n"
    << "theme: default\n"
    << "# 市町村のトップ（site/" << slug << "/）に出す紹介文（Markdown）。intro: | の次の行から字下げして書きます。\n"
    << "# intro: |\n"
    << "# 公式ウェブサイト。\n"
    << "# url: https://\n"
    << "# 個人情報の取扱い（プライバシーポリシー）のページ。\n"
    << "# privacy_url: https://\n"
    << "# オープンデータの利用条件（市町村が定めたもの。例: CC BY 4.0）と、その説明のページ。\n"
    << "# license:\n"
    << "# license_url: https://\n"
    << "# 緊急情報を全ページに出すとき（例: text: 大雨警報が出ています）。\n"
    << "# banner: {level: emergency, text: \"\", url: \"https://\"}\n";
  return s.str();
}

// The optional keys are offered with empty values and their form in a comment, not
// with a real office's facts: 佐久市's address and number, uncommented and not yet
// edited, were published as the new municipality's. An empty value publishes nothing.
std::string ScaffoldOrgsYaml() {
  return "# 庁内組織（問い合わせ先）。ID: {name, …} の形で書きます。資料にない項目は書かないでください。\n"
         "kyodo:\n"
         "  # 課・係の名前（必須。例: 企画部 協働推進課 協働推進係）。\n"
         "  name:\n"
         "  # 資料にある項目だけ、行頭の # を消して \"\" の中に書きます。\n"
         "  # parent: \"\"        # 上の組織: このファイルのほかの ID（区役所の課ならその区役所の ID）か、名前\n"
         "  # postal_code: \"\"   # 郵便番号（3桁-4桁）\n"
         "  # address: \"\"       # 住所\n"
         "  # tel: \"\"           # 電話番号（市外局番から、- で区切る）\n"
         "  # extension: \"\"     # 内線番号\n"
         "  # fax: \"\"           # FAX 番号\n"
         "  # email: \"\"         # メールアドレス\n"
         "  # form_url: \"\"      # 問い合わせフォームの https:// で始まる URL\n"
         "  # hours: \"\"         # 受付時間（例: 平日の何時から何時まで）\n";
}

namespace {

std::string AddCityToLfPortal(const std::string& portal_yaml, const std::string& slug) {
  size_t key = portal_yaml.find("\ncities:");
  if (portal_yaml.rfind("cities:", 0) == 0) key = 0;
  else if (key != std::string::npos) ++key;
  if (key == std::string::npos) return portal_yaml;
  size_t line_end = portal_yaml.find('\n', key);
  std::string line = portal_yaml.substr(key, line_end == std::string::npos ? std::string::npos : line_end - key);
  // Flow list: add ", slug" after the last item. A long list wraps onto more lines
  // (「cities: [saku, suwa,⏎  azumino]」): looking for ] on the first line only took it
  // for a block list and wrote 「  - slug」 inside the brackets, which broke the YAML.
  const size_t open = line.find('[');
  const size_t close = open == std::string::npos ? std::string::npos : portal_yaml.find(']', key + open);
  if (close != std::string::npos) {
    const std::string inner = portal_yaml.substr(key + open + 1, close - key - open - 1);
    std::istringstream items(inner);
    for (std::string item; std::getline(items, item, ',');) {
      size_t b = item.find_first_not_of(" \n"), e = item.find_last_not_of(" \n");
      if (b != std::string::npos && item.substr(b, e - b + 1) == slug) return portal_yaml;
    }
    const size_t last = portal_yaml.find_last_not_of(" \n", close - 1);  // at least the [
    const char before = portal_yaml[last];
    const std::string add = before == '[' ? slug : before == ',' ? " " + slug + "," : ", " + slug;
    return portal_yaml.substr(0, last + 1) + add + portal_yaml.substr(last + 1);
  }
  // Block list: add "  - slug" after the last item. Comment lines among the items
  // (「  # 北海道」 heading a prefecture's towns) are passed over: stopping at the first
  // one put the new town at the top of the portal's list.
  size_t pos = line_end == std::string::npos ? portal_yaml.size() : line_end + 1;
  std::string indent = "  ";
  for (size_t line = pos; line < portal_yaml.size();) {
    size_t next = portal_yaml.find('\n', line);
    std::string item = portal_yaml.substr(line, next == std::string::npos ? std::string::npos : next - line);
    line = next == std::string::npos ? portal_yaml.size() : next + 1;
    size_t dash = item.find_first_not_of(" ");
    if (dash != std::string::npos && item[dash] == '#') continue;
    if (dash == std::string::npos || item[dash] != '-') break;
    indent = item.substr(0, dash);
    std::string value = item.substr(dash + 1);
    size_t b = value.find_first_not_of(" ");
    if (b != std::string::npos && value.substr(b) == slug) return portal_yaml;
    pos = line;
  }
  std::string insert = indent + "- " + slug + "\n";
  if (pos > 0 && portal_yaml[pos - 1] != '\n') insert = "\n" + insert;
  return portal_yaml.substr(0, pos) + insert + portal_yaml.substr(pos);
}

}  // namespace

// _portal.yaml as Notepad saves it (a BOM, CRLF) is edited as LF text and written back
// as it came: the BOM hid a first line 「cities:」 (the city was not added, without a
// word) and the added line had LF among CRLF.
std::string AddCityToPortal(const std::string& portal_yaml, const std::string& slug) {
  const std::string_view bom = "\xEF\xBB\xBF";
  const bool has_bom = portal_yaml.starts_with(bom);
  const bool crlf = portal_yaml.find("\r\n") != std::string::npos;
  std::string lf;
  for (size_t i = has_bom ? bom.size() : 0; i < portal_yaml.size(); ++i) {
    if (!(crlf && portal_yaml[i] == '\r' && i + 1 < portal_yaml.size() && portal_yaml[i + 1] == '\n')) lf += portal_yaml[i];
  }
  const std::string updated = AddCityToLfPortal(lf, slug);
  if (updated == lf) return portal_yaml;
  std::string out = has_bom ? std::string(bom) : "";
  for (char c : updated) out += c == '\n' && crlf ? std::string("\r\n") : std::string(1, c);
  return out;
}

}  // namespace kyodo
