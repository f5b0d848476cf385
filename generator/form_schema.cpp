#include "form_schema.h"

#include <nlohmann/json.hpp>

namespace kyodo {

namespace {

using OrderedJson = nlohmann::ordered_json;  // keys in the order written: $schema first, as people expect

OrderedJson FieldSchema(const FormField& f) {
  OrderedJson p;
  p["title"] = f.label;
  if (!f.help.empty()) p["description"] = f.help;
  switch (f.type) {
    case FieldType::kNumber:
      // <input type="number"> without step= accepts whole numbers only (step 1), so
      // 12.5 that the page refuses must not pass the schema either.
      p["type"] = "integer";
      if (f.min) p["minimum"] = *f.min;
      if (f.max) p["maximum"] = *f.max;
      break;
    case FieldType::kSelect:
    case FieldType::kRadio:
      p["type"] = "string";
      p["enum"] = f.options;
      break;
    case FieldType::kCheckbox:
      if (f.options.empty()) {
        p["const"] = kCheckedValue;
      } else {
        p["type"] = "array";
        p["items"] = OrderedJson{{"enum", f.options}};
        p["uniqueItems"] = true;
        if (f.required) p["minItems"] = 1;
      }
      break;
    default:
      p["type"] = "string";
      if (f.required) p["minLength"] = 1;
      if (f.max_length) p["maxLength"] = *f.max_length;
      break;
  }
  if (f.type == FieldType::kEmail) p["format"] = "email";
  if (f.type == FieldType::kDate) p["format"] = "date";
  // HTML matches a pattern against the whole value; JSON Schema patterns are not anchored.
  std::string pattern = f.type == FieldType::kPostal ? kPostalPattern : f.pattern;
  if (!pattern.empty()) p["pattern"] = "^(?:" + pattern + ")$";
  if (f.type == FieldType::kFile) p["contentMediaType"] = "application/octet-stream";
  p["x-kyodo-type"] = FieldTypeName(f.type);
  return p;
}

}  // namespace

std::string FormJsonSchema(const Form& form, const std::string& id_url) {
  OrderedJson schema;
  schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  if (!id_url.empty()) schema["$id"] = id_url;
  schema["title"] = form.title;
  if (!form.summary.empty()) schema["description"] = form.summary;
  schema["$comment"] =
      "kyodo がフォームの定義から作った、回答を検証するためのスキーマです。送信は UTF-8 で、"
      "ファイルがあれば multipart/form-data、なければ application/x-www-form-urlencoded です。"
      "空欄の項目も空文字として送られるため、空文字の項目を除いてから検証してください。"
      "複数選択のチェックボックスは配列、数値は number に直します。";
  schema["type"] = "object";
  OrderedJson properties = OrderedJson::object();
  OrderedJson required = OrderedJson::array();
  for (const FormField& f : form.fields) {
    properties[f.name] = FieldSchema(f);
    if (f.required) required.push_back(f.name);
  }
  schema["properties"] = properties;
  schema["required"] = required;
  schema["additionalProperties"] = false;
  return schema.dump(2) + "\n";
}

}  // namespace kyodo
