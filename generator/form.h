// Forms (協働提案・相談・団体登録・支援金申請) from content/<city>/forms/<slug>.yaml:
// the model, reading and checking one file, and the pure facts the views and
// the JSON Schema share (input types, deadlines, the wording of error messages).
#ifndef KYODO_FORM_H_
#define KYODO_FORM_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "error.h"
#include "yaml_reader.h"

namespace kyodo {

struct Content;
class SiteIndex;

enum class FieldType { kText, kTextarea, kEmail, kTel, kPostal, kDate, kNumber, kSelect, kRadio, kCheckbox, kFile };

/// One input of a form.
struct FormField {
  std::string name;  ///< the submitted key, ASCII; field1, field2… when not written
  FieldType type = FieldType::kText;
  std::string label, help;
  bool required = false;
  std::vector<std::string> options;
  std::optional<int> max_length;
  std::string pattern;       ///< ECMAScript, matched against the whole value (as HTML does)
  std::string autocomplete;  ///< an HTML autofill token list ("" = none)
  std::optional<int> min, max;  ///< the range of a number field (both ends allowed)
  SourceLoc loc;

  /// Radios and checkboxes with options: a fieldset with a legend.
  bool IsGroup() const;
};

/// A 様式 file offered for download (a file under the city's assets/ or an https URL).
struct FormDownload {
  std::string title, src;
  SourceLoc loc;
};

enum class FormAction {
  kPrint,   ///< no action: a printable 様式 handed in on paper
  kPost,    ///< an https endpoint (e-application service or the city's own)
  kMailto,  ///< the resident's mail program opens with the answers
};

struct Form {
  std::string id;      ///< the file stem; the URL is <city>/forms/<id>/
  std::string source;  ///< path of the .yaml file
  std::string title, summary, purpose, eligibility;
  std::optional<Date> deadline, date, updated;
  std::vector<std::string> steps;
  Located contact;  ///< org id; empty = the city's default
  std::vector<FormField> fields;
  std::string action;  ///< as written ("" for a printable 様式)
  std::vector<FormDownload> downloads;
  int weight = 0;
  bool draft = false;

  FormAction action_kind() const;
  bool has_file_field() const;
};

/// Reads one form file (text already checked by PrepareSource). Returns nullopt
/// only when the file cannot be used at all (bad YAML, not a mapping); every other
/// problem is reported and the form is still returned so one run finds them all.
std::optional<Form> LoadForm(const std::string& path, const std::string& text, Diagnostics* diags);


/// The `type:` word of a field type ("postal").
const char* FieldTypeName(FieldType type);

/// True when the form no longer accepts answers on `today`: the deadline's last
/// day (a month, year or 年度 runs to its end) is before it.
bool DeadlinePassed(const Date& deadline, const Date& today);

/// The host of an https action ("https://logoform.jp/f/abc" → "logoform.jp") or the
/// address of a mailto: action; "" for a printable form.
std::string ActionTarget(const std::string& action);

/// The value a ticked single checkbox (a consent) sends.
inline constexpr const char* kCheckedValue = "yes";

/// The built-in pattern of a 郵便番号 field (HTML pattern syntax). [0-9], not \\d: the
/// schema carries it too, and a validator using Python's re (jsonschema) reads \\d as
/// any Unicode digit, passing the ３８５-００１１ the page itself refuses.
inline constexpr const char* kPostalPattern = "[0-9]{3}-?[0-9]{4}";

/// Error messages, worded as GOV.UK advises (say what to do), the same in the
/// error summary and beside the field.
std::string MissingMessage(const FormField& field);
/// For a value of the wrong form (email, 郵便番号, pattern, number, date); "" when the type has none.
std::string FormatMessage(const FormField& field);
std::string TooLongMessage(const FormField& field);
/// 「0以上100以下」 for a number field with min: / max:, "" without.
std::string RangeText(const FormField& field);
/// For a number outside min: / max:; "" when the field has no range.
std::string RangeMessage(const FormField& field);

}  // namespace kyodo

#endif  // KYODO_FORM_H_
