#include "form.h"

#include <algorithm>
#include <map>
#include <vector>

#include "city_config.h"
#include "disk.h"
#include "form_rules.h"
#include "file_note.h"
#include "kana.h"
#include "lint.h"
#include "links.h"
#include "page_loader.h"
#include "site_index.h"
#include "text.h"
#include "urls.h"

namespace kyodo {

namespace {

constexpr FieldType kTypes[] = {FieldType::kText,   FieldType::kTextarea, FieldType::kEmail,  FieldType::kTel,
                                FieldType::kPostal, FieldType::kDate,     FieldType::kNumber, FieldType::kSelect,
                                FieldType::kRadio,  FieldType::kCheckbox, FieldType::kFile};

bool IsAsciiName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(name[0])) return false;  // not _charset_ and friends, which browsers treat specially
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

bool TakesOptions(FieldType t) {
  return t == FieldType::kSelect || t == FieldType::kRadio || t == FieldType::kCheckbox;
}

// maxlength and pattern are HTML attributes of text-like inputs only.
bool TakesMaxLength(FieldType t) {
  return t == FieldType::kText || t == FieldType::kTextarea || t == FieldType::kEmail || t == FieldType::kTel;
}
bool TakesPattern(FieldType t) { return t == FieldType::kText || t == FieldType::kEmail || t == FieldType::kTel; }

std::optional<FieldType> ReadType(const MapReader& r) {
  auto text = r.String("type");
  if (!text) return FieldType::kText;
  std::vector<std::string> names;
  std::string listed;  // the hint names every type kTypes has, so a new type cannot be left out
  for (FieldType t : kTypes) {
    if (text->value == FieldTypeName(t)) return t;
    names.push_back(FieldTypeName(t));
    listed += (listed.empty() ? "" : ", ") + names.back();
  }
  auto near = NearestMatches(text->value, names, 1);
  r.diags()->Error(text->loc, "type「" + text->value + "」は使えません",
                   (near.empty() ? std::string() : "「" + near[0] + "」ではありませんか。") + "使える type: " + listed);
  return std::nullopt;
}

// `type_known` is false after a misspelt type (radion): the field is read as text
// then, and its options are no second mistake to report.
void ReadOptions(const MapReader& r, FormField* f, bool type_known) {
  // 「options: 任意団体、NPO法人」 without [ ] is one YAML value: one choice, so the
  // resident could pick neither of the two the clerk meant.
  if (const YAML::Node written = r.Get("options"); written.IsScalar() && TakesOptions(f->type)) {
    std::vector<std::string> items = ItemsWrittenAsOne(written.Scalar());
    if (!items.empty()) {
      std::string list;
      for (const std::string& i : items) list += (list.empty() ? "" : ", ") + i;
      r.diags()->Error(r.ValueLoc("options"), "「" + f->label + "」の options「" + written.Scalar() + "」が1つの選択肢になっています",
                       "選択肢を分けるときは options: [" + list + "] のように [ ] で囲み、半角の「,」で区切ってください。"
                       "1つの選択肢なら options: [\"" + written.Scalar() + "\"] と書いてください");
      return;
    }
  }
  std::vector<Located> options = r.StringList("options");
  if (!options.empty() && !TakesOptions(f->type)) {
    if (!type_known) return;
    r.diags()->Error(r.ValueLoc("options"), std::string("type: ") + FieldTypeName(f->type) + " には options を書けません",
                     "選択肢を選ばせるときは type: select・radio・checkbox にしてください");
    return;
  }
  if (options.empty() && (f->type == FieldType::kSelect || f->type == FieldType::kRadio)) {
    r.diags()->Error(r.Has("options") ? r.ValueLoc("options") : r.where(),
                     "「" + f->label + "」（type: " + FieldTypeName(f->type) + "）に選択肢（options）がありません",
                     "options: [選択肢1, 選択肢2] のように書いてください");
    return;
  }
  // 「options:」 written with nothing under it: the clerk meant a group of choices, and
  // one tick box labelled 「活動分野」 would ask the resident something else.
  if (options.empty() && f->type == FieldType::kCheckbox && r.Get("options").IsDefined()) {
    r.diags()->Error(r.KeyLoc("options"), "「" + f->label + "」（type: checkbox）の options に選択肢がありません",
                     "複数から選んでもらうときは options: [選択肢1, 選択肢2] のように書き、"
                     "同意などの1つのチェックにするときは options: の行を消してください");
    return;
  }
  for (const Located& o : options) {
    std::string value = CollapseWhitespace(o.value);
    if (value.empty()) {
      r.diags()->Error(o.loc, "空の選択肢があります");
    } else if (std::find(f->options.begin(), f->options.end(), value) != f->options.end()) {
      r.diags()->Error(o.loc, "選択肢「" + value + "」が2回書かれています", "どちらか一方を消してください");
    } else {
      f->options.push_back(value);
    }
  }
}

// min: / max: of a number field: the browser refuses a value outside them (a
// negative 会員数), and the schema's minimum / maximum do the same on receipt.
void ReadRange(const MapReader& r, FormField* f) {
  for (const char* key : {"min", "max"}) {
    if (!r.Has(key)) continue;
    std::optional<int> value = r.Int(key);
    if (!value) continue;
    if (f->type != FieldType::kNumber) {
      r.diags()->Error(r.KeyLoc(key), std::string("type: ") + FieldTypeName(f->type) + " には " + key + " を書けません",
                       "min・max（入力できる数の範囲）は type: number で使えます");
      continue;
    }
    (std::string_view(key) == "min" ? f->min : f->max) = value;
  }
  if (f->min && f->max && *f->min > *f->max) {
    r.diags()->Error(r.ValueLoc("max"), "max: " + std::to_string(*f->max) + " が min: " + std::to_string(*f->min) + " より小さくなっています",
                     "入力できる数の範囲は min（いちばん小さい数）から max（いちばん大きい数）までです。2つを入れ替えてください");
    f->min.reset();
    f->max.reset();
  }
}

void ReadLimits(const MapReader& r, FormField* f) {
  if (r.Has("max_length")) {
    f->max_length = r.Int("max_length");
    if (f->max_length && *f->max_length < 1) {
      r.diags()->Error(r.ValueLoc("max_length"), "max_length は 1 以上の整数で書いてください");
      f->max_length.reset();
    } else if (f->max_length && !TakesMaxLength(f->type)) {
      r.diags()->Error(r.KeyLoc("max_length"),
                       std::string("type: ") + FieldTypeName(f->type) + " には max_length を書けません",
                       "max_length は text・textarea・email・tel で使えます");
      f->max_length.reset();
    }
  }
  ReadRange(r, f);
  if (auto pattern = r.String("pattern")) {
    std::string why;
    if (!TakesPattern(f->type)) {
      r.diags()->Error(r.KeyLoc("pattern"), std::string("type: ") + FieldTypeName(f->type) + " には pattern を書けません",
                       f->type == FieldType::kPostal ? "郵便番号（postal）は 123-4567 の形を自動で確かめます"
                                                     : "pattern は text・email・tel で使えます");
    } else if (!CheckPattern(pattern->value, &why)) {
      r.diags()->Error(pattern->loc, "pattern「" + pattern->value + "」を使えません: " + why,
                       "ブラウザーは使えない pattern を黙って無視し、入力を確かめなくなります");
    } else {
      f->pattern = pattern->value;
    }
  }
  if (auto ac = r.String("autocomplete")) {
    std::string why, hint;
    if (CheckAutocomplete(ac->value, f->type, &why, &hint)) {
      f->autocomplete = CollapseWhitespace(ac->value);
    } else {
      r.diags()->Error(ac->loc, why, hint);
    }
  }
}

FormField ReadField(const MapReader& r, int position) {
  r.CheckKeys({"name", "type", "label", "required", "help", "options", "max_length", "min", "max", "pattern", "autocomplete"});
  FormField f;
  f.loc = r.where();
  f.name = "field" + std::to_string(position);
  if (auto name = r.String("name")) {
    if (IsAsciiName(name->value)) {
      f.name = name->value;
    } else {
      std::string slug = RomajiSlug(name->value);
      r.diags()->Error(name->loc, "name「" + name->value + "」は送信する項目名に使えません",
                       "半角英字で始まる英数字・_・- だけで書いてください（例: " +
                           (slug.empty() || !IsAsciiName(slug) ? std::string("group_name") : slug) + "）");
    }
  }
  if (auto label = r.String("label", true)) {
    f.label = CollapseWhitespace(label->value);
    if (f.label.empty()) r.diags()->Error(label->loc, "label が空です", "画面に表示する項目名を書いてください");
  }
  auto type = ReadType(r);
  f.type = type.value_or(FieldType::kText);
  f.required = r.Bool("required").value_or(false);
  if (auto help = r.String("help")) f.help = CollapseWhitespace(help->value);
  ReadOptions(r, &f, type.has_value() || !r.Has("type"));
  ReadLimits(r, &f);
  return f;
}

// The element ids a field's HTML takes besides its own name (view_forms.cpp:
// f-NAME, f-NAME-group, f-NAME-hint, and f-NAME-1… for the choices), as names.
std::vector<std::string> DerivedIds(const FormField& f) {
  std::vector<std::string> ids = {f.name + "-group", f.name + "-hint"};
  for (size_t i = 1; i <= f.options.size(); ++i) ids.push_back(f.name + "-" + std::to_string(i));
  return ids;
}

void ReadFields(const MapReader& m, Form* form) {
  std::map<std::string, SourceLoc> seen;
  int position = 0;
  for (const MapReader& r : m.MapList("fields")) {
    FormField f = ReadField(r, ++position);
    auto [it, fresh] = seen.emplace(f.name, f.loc);
    if (!fresh) {
      m.diags()->Error(r.Has("name") ? r.ValueLoc("name") : f.loc,
                       "項目名（name）「" + f.name + "」が " + std::to_string(it->second.line) + " 行目の項目と重なります",
                       "送信される値が混ざらないよう、別の name: を付けてください");
    }
    form->fields.push_back(std::move(f));
  }
  // Two fields must not give one element id, or a label would point at the wrong input.
  std::map<std::string, const FormField*> derived;
  for (const FormField& f : form->fields) {
    for (const std::string& id : DerivedIds(f)) derived.emplace(id, &f);
  }
  for (const FormField& f : form->fields) {
    auto clash = derived.find(f.name);
    if (clash == derived.end() || clash->second == &f) continue;
    m.diags()->Error(f.loc, "項目名（name）「" + f.name + "」は、" + std::to_string(clash->second->loc.line) + " 行目の「" +
                                clash->second->name + "」がページに付ける id と重なります",
                     "ラベルが別の入力欄を指してしまうため、「" + f.name + "」とは違う形の name: にしてください（例: " +
                         clash->second->name + "_note）");
  }
}

// The key=value parts of a mailto: query ("subject=…", "bcc=…").
std::vector<std::string> MailtoQueryParts(const std::string& action) {
  std::vector<std::string> parts;
  const size_t query = action.find('?');
  if (query == std::string::npos) return parts;
  for (size_t start = query + 1; start < action.size();) {
    const size_t amp = std::min(action.find('&', start), action.size());
    if (amp > start) parts.push_back(action.substr(start, amp - start));
    start = amp + 1;
  }
  return parts;
}

std::string MailtoKey(const std::string& part) { return AsciiLower(part.substr(0, part.find('='))); }

// The first part of a mailto: query other than subject= and body= ("bcc=…", "cc=…",
// "to=…", or any header), or "". A mail program adds such headers to the message:
// cc/bcc/to send the resident's answers to addresses the page does not name.
std::string MailtoExtraHeader(const std::string& action) {
  for (const std::string& part : MailtoQueryParts(action)) {
    if (MailtoKey(part) != "subject" && MailtoKey(part) != "body") return part;
  }
  return "";
}

// The body= part of a mailto: query, or "". A form posting to mailto: appends the
// answers as another body= (HTML, "Post to mailto: URL"), and a mail program that
// reads the first body= shows the clerk's text instead of the answers.
std::string MailtoBody(const std::string& action) {
  for (const std::string& part : MailtoQueryParts(action)) {
    if (MailtoKey(part) == "body") return part;
  }
  return "";
}

// https:// endpoints only: answers carry names and addresses. A loopback http
// address is accepted with a warning, for trying a form against a local receiver.
void ReadAction(const MapReader& m, Form* form) {
  auto action = m.String("action");
  if (!action) return;
  const std::string& a = action->value;
  if (std::string meant = HalfWidthUrl(a); !meant.empty()) {  // mailto:kyodo＠…, https：//…
    ReportFullWidthUrl(action->loc, a, meant, m.diags());
    return;
  }
  if (a.rfind("mailto:", 0) == 0) {
    if (!IsEmailAddress(ActionTarget(a))) {
      m.diags()->Error(action->loc, "action「" + a + "」のメールアドレスが正しくありません",
                       "mailto:kyodo@city.example.lg.jp のように1つのアドレスを書いてください");
      return;
    }
    if (std::string body = MailtoBody(a); !body.empty()) {
      m.diags()->Error(action->loc, "action「" + a + "」に「" + body + "」があります。ブラウザーは入力内容を body= として後ろに付けるため、"
                       "メールソフトによっては入力内容がメールの本文に入りません",
                       "body= を消し、mailto:kyodo@city.example.lg.jp?subject=件名 のように受付先のアドレスと件名だけを書いてください。"
                       "本文に添えたい案内は help: や steps: に書けます");
      return;
    }
    if (std::string header = MailtoExtraHeader(a); !header.empty() && header.find('=') == std::string::npos) {
      // 「?subject=相談&提案」: the & ends the subject; 「提案」 is no header, and no address.
      m.diags()->Error(action->loc, "action「" + a + "」の件名の「&」より後ろ（「" + header + "」）は、件名に入りません",
                       "件名の中の & は %26 と書くか、「・」などの別の文字にしてください");
      return;
    } else if (!header.empty()) {
      m.diags()->Error(action->loc, "action「" + a + "」に「" + header + "」があります。回答（氏名・住所など）が、ページに書いていない宛先にも送られます",
                       "mailto:kyodo@city.example.lg.jp または mailto:kyodo@city.example.lg.jp?subject=件名 のように、受付先のアドレスだけを書いてください");
      return;
    }
    form->action = a;
    return;
  }
  bool https = a.rfind("https://", 0) == 0;
  bool http = a.rfind("http://", 0) == 0;
  std::string host = https || http ? ActionTarget(a) : "";
  std::string bare = host.substr(0, host.rfind(':') == std::string::npos || host.back() == ']' ? host.size() : host.rfind(':'));
  bool loopback = bare == "127.0.0.1" || bare == "localhost" || bare == "[::1]";
  if ((https || http) && (host.empty() || host.find_first_of(" \t") != std::string::npos)) {
    m.diags()->Error(action->loc, "action「" + a + "」の URL にホスト名がありません");
  } else if ((https || http) && ReportMalformedWebUrl(a, action->loc, m.diags())) {
    return;  // 「https://…/f/ab c」: no browser sends the answers there
  } else if (https) {
    form->action = a;
  } else if (http && loopback) {
    m.diags()->Warning(action->loc, "action「" + a + "」は試験用のこのコンピューター内の受付先です",
                       "公開する前に、市町村の受付システムの https:// の URL に書き換えてください");
    form->action = a;
  } else if (http) {
    m.diags()->Error(action->loc, "action「" + a + "」は暗号化されない http:// です",
                     "個人情報を送るため、https:// で始まる受付先にしてください");
  } else {
    m.diags()->Error(action->loc, "action「" + a + "」は受付先として使えません",
                     "電子申請サービスなどの https:// の URL か、mailto:メールアドレス を書いてください。"
                     "受付先がなければ action: を消すと、印刷して提出する様式になります");
  }
}

void ReadDownloads(const MapReader& m, Form* form) {
  for (const MapReader& d : m.MapList("downloads")) {
    d.CheckKeys({"title", "src"});
    auto title = d.String("title", true);
    auto src = d.String("src", true);
    // The download link's text, read out of context by screen readers (WCAG 2.4.4).
    if (title) WarnVagueLinkTitle(title->value, title->loc, d.diags());
    if (title && src) {
      form->downloads.push_back(
          {CollapseWhitespace(DropWrittenFileNote(title->value, src->value, title->loc, m.diags())), src->value, src->loc});
    }
  }
}

std::string Quoted(const FormField& f) { return "「" + f.label + "」"; }

// The text of a step after a number the clerk typed (「1. 記入します」「（2）提出します」),
// or "" when it has none: the page numbers steps itself, so it would read 「1. 1. …」.
std::string AfterStepNumber(const std::string& step) {
  const std::string s = Nfkc(step);  // １．→ 1.  （２）→ (2)
  size_t i = s.rfind('(', 0) == 0 ? 1 : 0;
  const size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits || i >= s.size()) return "";
  static constexpr std::string_view kCloses[] = {".", ")", "、"};
  if (s[i] == '.' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') return "";  // 1.5倍
  for (std::string_view close : kCloses) {
    if ((digits == 1) != (close == ")")) continue;  // 「(2)」 closes with ), 「2.」 does not
    if (std::string_view(s).substr(i, close.size()) != close) continue;
    // Cut the step as written, so （第1号様式） after the number keeps its 全角 brackets.
    const std::string number = s.substr(0, i + close.size());
    for (size_t end = 1; end <= step.size(); ++end) {
      if (end < step.size() && (static_cast<unsigned char>(step[end]) & 0xC0) == 0x80) continue;  // mid-character
      if (Nfkc(step.substr(0, end)) == number) return CollapseWhitespace(step.substr(end));
    }
    return "";
  }
  return "";
}

void ReadSteps(const MapReader& m, Form* form) {
  for (const Located& step : m.StringList("steps")) {
    std::string text = CollapseWhitespace(step.value);
    if (std::string rest = AfterStepNumber(text); !rest.empty()) {
      m.diags()->Warning(step.loc, "手続きの流れ（steps）の「" + text + "」の番号は、ページで自動で付きます",
                         "番号を消して「" + rest + "」と書いてください（番号を消して表示します）");
      text = rest;
    }
    form->steps.push_back(text);
  }
}

}  // namespace

bool FormField::IsGroup() const {
  return type == FieldType::kRadio || (type == FieldType::kCheckbox && !options.empty());
}

FormAction Form::action_kind() const {
  if (action.empty()) return FormAction::kPrint;
  return action.rfind("mailto:", 0) == 0 ? FormAction::kMailto : FormAction::kPost;
}

bool Form::has_file_field() const {
  return std::any_of(fields.begin(), fields.end(), [](const FormField& f) { return f.type == FieldType::kFile; });
}

const char* FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return "text";
    case FieldType::kTextarea:
      return "textarea";
    case FieldType::kEmail:
      return "email";
    case FieldType::kTel:
      return "tel";
    case FieldType::kPostal:
      return "postal";
    case FieldType::kDate:
      return "date";
    case FieldType::kNumber:
      return "number";
    case FieldType::kSelect:
      return "select";
    case FieldType::kRadio:
      return "radio";
    case FieldType::kCheckbox:
      return "checkbox";
    case FieldType::kFile:
      return "file";
  }
  return "text";
}

std::optional<Form> LoadForm(const std::string& path, const std::string& text, Diagnostics* diags) {
  YamlFile yaml(path, text);
  if (!yaml.Parse(diags)) return std::nullopt;
  MapReader m(yaml, yaml.root(), yaml.Start(), diags);
  if (!m.ok()) return std::nullopt;
  m.CheckKeys({"title", "summary", "purpose", "eligibility", "deadline", "steps", "contact", "fields", "action",
               "downloads", "date", "updated", "weight", "draft"});
  Form form;
  form.source = path;
  form.id = StemOf(path);
  if (!IsValidSlug(form.id)) {
    std::string slug = RomajiSlug(form.id);
    diags->Error({path, 0, 0}, "ファイル名「" + BaseName(path) + "」は URL に使えません",
                 "ファイル名を半角英小文字・数字・- にしてください（例: " + (slug.empty() ? "teian" : slug) + ".yaml）");
  }
  if (auto title = m.String("title", true)) {
    form.title = CollapseWhitespace(title->value);
    if (form.title.empty()) diags->Error(title->loc, "title が空です");
  }
  if (auto s = m.String("summary")) form.summary = CollapseWhitespace(s->value);
  if (auto s = m.String("purpose")) form.purpose = s->value;
  if (auto s = m.String("eligibility")) form.eligibility = s->value;
  form.deadline = ReadDate(m, "deadline", false);
  ReadPublishDates(m, false, &form.date, &form.updated);
  ReadSteps(m, &form);
  if (auto contact = m.String("contact")) form.contact = *contact;
  ReadFields(m, &form);
  ReadAction(m, &form);
  ReadDownloads(m, &form);
  form.weight = m.Int("weight").value_or(0);
  form.draft = m.Bool("draft").value_or(false);
  // Entries written but each in error (reported at the entry): not also 「…もありません」.
  auto written = [&](const char* key) {
    const YAML::Node list = m.Get(key);
    return list.IsSequence() && list.size() > 0;
  };
  if (form.fields.empty() && form.downloads.empty() && !written("fields") && !written("downloads")) {
    diags->Error(yaml.Start(), "入力項目（fields）も様式ファイル（downloads）もありません",
                 "fields: に入力項目を書くか、downloads: に様式ファイルを書いてください");
  }
  if (form.action_kind() == FormAction::kMailto) {
    for (const FormField& f : form.fields) {
      if (f.type != FieldType::kFile) continue;
      diags->Error(f.loc, "メール（mailto:）で送る様式では、ファイル（" + Quoted(f) + "）を送れません",
                   "ファイルは別にメールで送るよう help: に書き、この項目を消してください");
    }
  }
  return form;
}

bool DeadlinePassed(const Date& deadline, const Date& today) {
  switch (deadline.precision) {
    case DatePrecision::kDay:
      return today.SortKey() > deadline.SortKey();
    case DatePrecision::kMonth:
      return today.year * 100 + today.month > deadline.year * 100 + deadline.month;
    case DatePrecision::kYear:
      return today.year > deadline.year;
    case DatePrecision::kFiscalYear:
      return today.SortKey() >= (deadline.year + 1) * 10000 + 401;  // 年度 ends on March 31
  }
  return false;
}

std::string ActionTarget(const std::string& action) {
  if (action.rfind("mailto:", 0) == 0) {
    std::string address = action.substr(7);
    return address.substr(0, address.find('?'));
  }
  size_t scheme = action.find("://");
  if (scheme == std::string::npos) return "";
  std::string rest = action.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');  // user:password@host
  return at == std::string::npos ? rest : rest.substr(at + 1);
}

std::string MissingMessage(const FormField& f) {
  switch (f.type) {
    case FieldType::kSelect:
    case FieldType::kRadio:
      return Quoted(f) + "を選んでください";
    case FieldType::kCheckbox:
      return f.options.empty() ? Quoted(f) + "にチェックを入れてください" : Quoted(f) + "を1つ以上選んでください";
    case FieldType::kFile:
      return Quoted(f) + "のファイルを選んでください";
    default:
      return Quoted(f) + "を入力してください";
  }
}

std::string FormatMessage(const FormField& f) {
  if (!f.pattern.empty()) {
    return Quoted(f) + "は決められた形で入力してください" + (f.help.empty() ? "" : "（" + f.help + "）");
  }
  switch (f.type) {
    case FieldType::kEmail:
      return Quoted(f) + "は name@example.jp のような形で入力してください";
    case FieldType::kPostal:
      return Quoted(f) + "は 123-4567 のように7桁の数字で入力してください";
    case FieldType::kNumber:
      return Quoted(f) + "は 12 のように小数点のない数で入力してください";
    case FieldType::kDate:
      return Quoted(f) + "は正しい日付を入力してください";
    default:
      return "";
  }
}

std::string RangeText(const FormField& f) {
  std::string out;
  if (f.min) out += std::to_string(*f.min) + "以上";
  if (f.max) out += std::to_string(*f.max) + "以下";
  return out;
}

std::string RangeMessage(const FormField& f) {
  return f.min || f.max ? Quoted(f) + "は" + RangeText(f) + "の数で入力してください" : "";
}

std::string TooLongMessage(const FormField& f) {
  return f.max_length ? Quoted(f) + "は" + std::to_string(*f.max_length) + "文字以内で入力してください" : "";
}

}  // namespace kyodo
