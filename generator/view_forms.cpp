// Views of forms (協働提案・相談・団体登録・支援金申請): one page per form with its
// purpose, deadline, steps, fields, where the answers go and its 様式 downloads,
// and the lists of forms per city and across the portal.
#include "links.h"
#include "text.h"
#include "city_names.h"
#include "views.h"

namespace kyodo {

namespace {

// The rest of a line that starts with a list mark (「・市内で活動している」, "- 一つ目"), or
// nullopt for a line of running text.
std::optional<std::string> BulletItem(std::string_view line) {
  static constexpr std::string_view kMarks[] = {"・", "•", "●", "○", "◯", "■", "□", "◆", "◇", "- ", "* "};
  const size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::nullopt;
  line.remove_prefix(start);
  for (std::string_view mark : kMarks) {
    if (line.substr(0, mark.size()) == mark) return std::string(line.substr(mark.size()));
  }
  return std::nullopt;
}

// One blank-line-separated block: running text, then the items of a list written
// with marks one a line (対象 conditions often are). A line without a mark after an
// item continues that item.
void AddBlock(const std::string& block, Items* out) {
  std::string para;
  std::vector<std::string> bullets;
  size_t start = 0;
  while (start <= block.size()) {
    size_t end = std::min(block.find('\n', start), block.size());
    std::string line = block.substr(start, end - start);
    if (auto item = BulletItem(line)) {
      bullets.push_back(*item);
    } else if (!bullets.empty()) {
      bullets.back() += "\n" + line;
    } else {
      para += line + "\n";
    }
    start = end + 1;
  }
  if (std::string p = JoinLines(para); !p.empty()) {  // 「…の⏎協働」 is one run of text
    mustache::data d;
    d.set("para", p);
    out->push_back(std::move(d));
  }
  if (bullets.empty()) return;
  Items items;
  for (const std::string& b : bullets) items.push_back(mustache::data(JoinLines(b)));
  mustache::data d;
  SetList(&d, "bullets", std::move(items));
  out->push_back(std::move(d));
}

// Free text written over several lines: one paragraph (and list) per blank-line-separated block.
Items Paragraphs(const std::string& text) {
  Items out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    AddBlock(text.substr(start, end - start), &out);
    start = end + 2;
  }
  return out;
}

// The hint under a label: the author's help plus what the browser will check.
std::string HintOf(const FormField& f) {
  std::string hint = f.help;
  if (f.type == FieldType::kPostal && hint.empty()) hint = "7桁の数字で入力してください（ハイフンはあってもなくてもかまいません）。";
  if (f.max_length) {
    std::string limit = std::to_string(*f.max_length) + "文字以内";
    hint = hint.empty() ? limit + "で入力してください。" : hint + "（" + limit + "）";
  }
  if (const std::string range = RangeText(f); !range.empty()) {
    hint = hint.empty() ? range + "の数で入力してください。" : hint + "（" + range + "）";
  }
  return hint;
}

const char* InputType(FieldType t) {
  switch (t) {
    case FieldType::kEmail:
      return "email";
    case FieldType::kTel:
      return "tel";
    case FieldType::kDate:
      return "date";
    case FieldType::kNumber:
      return "number";
    case FieldType::kFile:
      return "file";
    default:
      return "text";  // text, and postal (a number type would drop leading zeros and the hyphen)
  }
}

mustache::data FieldData(const FormField& f, bool print) {
  mustache::data d;
  std::string id = "f-" + f.name;
  bool group = f.IsGroup();
  d.set("id", id);
  d.set("name", f.name);
  d.set("label", f.label);
  d.set("required", Flag(f.required));
  std::string hint = HintOf(f);
  if (!hint.empty()) {
    d.set("hint", hint);
    d.set("hint_id", id + "-hint");
  }
  d.set("is_group", Flag(group));
  d.set("is_consent", Flag(f.type == FieldType::kCheckbox && !group));
  d.set("is_textarea", Flag(f.type == FieldType::kTextarea));
  d.set("is_select", Flag(f.type == FieldType::kSelect));
  bool file_note = print && f.type == FieldType::kFile;  // a printed 様式 cannot carry a file
  d.set("is_file_print", Flag(file_note));
  d.set("is_input", Flag(!group && !file_note && f.type != FieldType::kTextarea && f.type != FieldType::kSelect &&
                         f.type != FieldType::kCheckbox));
  d.set("input_type", InputType(f.type));
  // On paper a date box shows the browser's mm/dd/yyyy and a calendar icon, and leaves
  // no room for 令和…年: a printed 様式 gets a 「年 月 日」 line to write on instead.
  d.set("is_date_print", Flag(print && f.type == FieldType::kDate));
  if (f.type == FieldType::kPostal) {
    d.set("inputmode", "numeric");
    d.set("pattern", kPostalPattern);
    d.set("maxlength", "8");
  }
  if (!f.pattern.empty()) d.set("pattern", f.pattern);
  if (f.max_length) d.set("maxlength", std::to_string(*f.max_length));
  if (!f.autocomplete.empty()) d.set("autocomplete", f.autocomplete);
  d.set("rows", f.max_length && *f.max_length <= 200 ? "4" : "8");
  d.set("msg_missing", MissingMessage(f));
  if (!FormatMessage(f).empty()) d.set("msg_format", FormatMessage(f));
  if (f.max_length) d.set("msg_long", TooLongMessage(f));
  if (f.min) d.set("min", std::to_string(*f.min));
  if (f.max) d.set("max", std::to_string(*f.max));
  if (f.min || f.max) d.set("msg_range", RangeMessage(f));
  // HTML cannot require "at least one" of a checkbox group; forms.js and the schema do.
  d.set("required_group", Flag(f.required && f.type == FieldType::kCheckbox && group));
  Items options;
  int n = 0;
  for (const std::string& o : f.options) {
    mustache::data od;
    od.set("option_id", id + "-" + std::to_string(++n));
    od.set("option_type", f.type == FieldType::kRadio ? "radio" : "checkbox");
    od.set("option_required", Flag(f.required && f.type == FieldType::kRadio));
    od.set("name", f.name);
    od.set("value", o);
    options.push_back(std::move(od));
  }
  SetList(&d, "options", std::move(options));
  if (f.type == FieldType::kCheckbox && !group) d.set("value", kCheckedValue);
  return d;
}

// What a form does with the answers, in words a resident reads on a card.
const char* ModeLabel(const Form& form) {
  switch (form.action_kind()) {
    case FormAction::kPost:
      return "オンラインで送信";
    case FormAction::kMailto:
      return "メールで送信";
    case FormAction::kPrint:
      return "印刷して提出";
  }
  return "";
}

std::string ContactName(const City& city, const Org* org) { return org ? city.OrgFullName(*org) : city.site.name; }

void StatusKeys(PageView& view, const ViewContext& ctx, const Form& form, mustache::data* d) {
  if (!form.deadline) return;
  bool closed = DeadlinePassed(*form.deadline, ctx.build_date);
  mustache::data status;
  // 「令和7年5月30日（金）まで」: a resident plans a deadline by its weekday, as notices print it.
  // Beside <time>, not in it: a <time> does not wrap, and with the weekday in it the
  // line was wider than a 320 px screen at 200 % text.
  status.set("deadline", view.DateText(*form.deadline));
  status.set("deadline_weekday", WeekdayText(*form.deadline));
  status.set("deadline_iso", IsoLast(*form.deadline));  // 令和7年度 runs to 2026-03
  status.set("closed", Flag(closed));
  d->set("form_status", status);
  d->set("form_closed", Flag(closed));
}

void Downloads(PageView& view, const ViewContext& ctx, const Form& form) {
  Items items;
  for (const FormDownload& dl : form.downloads) {
    LinkTarget target = ResolveLink(ctx.content, ctx.index, form.source, dl.src);
    mustache::data d;
    d.set("title", dl.title);
    d.set("href", target.kind == LinkTarget::Kind::kAsset ? view.Href(target.site_path) : dl.src);
    if (target.asset) d.set("label", FileLabel(target.asset->rel, target.asset->size));
    if (!target.asset && !ExternalFileType(dl.src).empty()) d.set("label", ExternalFileType(dl.src));  // 「（DOCX）」
    items.push_back(std::move(d));
  }
  view.SetList("downloads", std::move(items));
}

mustache::data FormCard(const PageView& view, const ViewContext& ctx, int city, const Form& form) {
  const City& c = CityOf(ctx, city);
  mustache::data d;
  d.set("title", form.title);
  d.set("href", view.Href(FormPath(c, form)));
  if (!form.summary.empty()) d.set("summary", form.summary);
  d.set("mode", ModeLabel(form));
  if (form.deadline) {
    bool closed = DeadlinePassed(*form.deadline, ctx.build_date);
    d.set("closed", Flag(closed));
    d.set("deadline", FormatDate(*form.deadline, c.site.date_style));
    d.set("deadline_weekday", WeekdayText(*form.deadline));
    d.set("deadline_iso", IsoLast(*form.deadline));
  }
  return d;
}

}  // namespace

std::string FormPath(const City& city, const Form& form) { return city.site.slug + "/forms/" + form.id + "/"; }

std::string FormListPath(const ViewContext& ctx, int city) {
  return city >= 0 ? CityOf(ctx, city).site.slug + "/forms/" : "forms/";
}

bool HasForms(const ViewContext& ctx, int city) {
  if (city >= 0) return !CityOf(ctx, city).forms.empty();
  for (const City& c : ctx.content.cities) {
    if (!c.forms.empty()) return true;
  }
  return false;
}

mustache::data FormPageView(const ViewContext& ctx, int city, int index) {
  const City& c = CityOf(ctx, city);
  const Form& form = c.forms[static_cast<size_t>(index)];
  std::string path = FormPath(c, form);
  PageView view(ctx, path, city);
  view.Title(form.title);
  view.Section("forms");
  view.Crumb("手続き・様式", FormListPath(ctx, city));
  view.Description(form.summary);
  view.Meta(PageIdOf(path), form.date, form.updated);
  const Org* org = c.ContactOrg(form.contact.value);
  view.Contact(org);
  view.UseScript("forms.js");
  mustache::data& d = view.data();
  if (!form.summary.empty()) d.set("form_summary", form.summary);
  StatusKeys(view, ctx, form, &d);
  view.SetList("purpose", Paragraphs(form.purpose));
  view.SetList("eligibility", Paragraphs(form.eligibility));
  Items steps;
  for (const std::string& s : form.steps) steps.push_back(mustache::data(s));
  view.SetList("steps", std::move(steps));

  FormAction mode = form.action_kind();
  bool print = mode == FormAction::kPrint;
  d.set("is_print", Flag(print));
  d.set("is_post", Flag(mode == FormAction::kPost));
  d.set("is_mailto", Flag(mode == FormAction::kMailto));
  d.set("submit_label", mode == FormAction::kMailto ? "メールソフトで送信する" : "送信する");
  if (!print) {
    d.set("form_action", form.action);
    d.set("form_target", ActionTarget(form.action));
    // mailto: bodies are plain text; files need multipart; everything else is urlencoded.
    if (mode == FormAction::kMailto) d.set("form_enctype", "text/plain");
    if (mode == FormAction::kPost && form.has_file_field()) d.set("form_enctype", "multipart/form-data");
  }
  d.set("submit_to", ContactName(c, org));
  if (!c.site.privacy_url.empty()) d.set("privacy_href", c.site.privacy_url);
  Items fields;
  bool any_required = false;
  for (const FormField& f : form.fields) {
    fields.push_back(FieldData(f, print));
    any_required = any_required || f.required;
  }
  view.SetList("fields", std::move(fields));
  d.set("has_required", Flag(any_required));
  Downloads(view, ctx, form);
  d.set("schema_href", view.Href(path + "schema.json"));
  return view.Finish();
}

std::string FormSchemaUrl(const ViewContext& ctx, int city, int index) {
  const City& c = CityOf(ctx, city);
  return ctx.urls.Absolute(FormPath(c, c.forms[static_cast<size_t>(index)]) + "schema.json");
}

mustache::data FormListView(const ViewContext& ctx, int city) {
  PageView view(ctx, FormListPath(ctx, city), city);
  view.Title(city >= 0 ? "手続き・様式" : "手続き・様式（全" + ctx.members_word + "）");
  view.Section("forms");
  if (city >= 0) {
    view.Contact(nullptr);
    view.SetList("forms", FormLinks(view, ctx, city));
    view.Set("card_level", "2");
    return view.Finish();
  }
  Items groups;
  for (size_t c = 0; c < ctx.content.cities.size(); ++c) {
    const City& city_c = ctx.content.cities[c];
    if (city_c.forms.empty()) continue;
    mustache::data g;
    g.set("name", ctx.city_names[c]);
    g.set("id", "forms-" + city_c.site.slug);
    g.set("href", view.Href(FormListPath(ctx, static_cast<int>(c))));
    SetList(&g, "forms", FormLinks(view, ctx, static_cast<int>(c)));
    groups.push_back(std::move(g));
  }
  view.SetList("city_groups", std::move(groups));
  return view.Finish();
}

Items FormLinks(const PageView& view, const ViewContext& ctx, int city) {
  Items items;
  for (const Form& f : CityOf(ctx, city).forms) items.push_back(FormCard(view, ctx, city, f));
  return items;
}

}  // namespace kyodo
