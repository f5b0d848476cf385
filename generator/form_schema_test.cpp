#include "form_schema.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

FormField Field(std::string name, FieldType type, std::string label, bool required = false) {
  FormField f;
  f.name = std::move(name);
  f.type = type;
  f.label = std::move(label);
  f.required = required;
  return f;
}

TEST_CASE("FormJsonSchema: one property per field, draft 2020-12") {
  Form form;
  form.title = "団体登録";
  FormField name = Field("group_name", FieldType::kText, "団体名", true);
  name.max_length = 100;
  name.help = "正式な名称";
  FormField kind = Field("kind", FieldType::kRadio, "区分", true);
  kind.options = {"自治会", "NPO法人"};
  FormField fields = Field("fields", FieldType::kCheckbox, "分野", true);
  fields.options = {"福祉", "環境"};
  FormField web = Field("web", FieldType::kText, "URL");
  web.pattern = "https?://.+";
  form.fields = {name,
                 kind,
                 fields,
                 Field("agree", FieldType::kCheckbox, "同意", true),
                 Field("postal", FieldType::kPostal, "郵便番号"),
                 Field("mail", FieldType::kEmail, "メール"),
                 Field("day", FieldType::kDate, "日"),
                 Field("count", FieldType::kNumber, "人数"),
                 Field("doc", FieldType::kFile, "資料"),
                 web};
  form.fields[7].min = 0;  // a number's range is the schema's too: a negative 人数 is refused on receipt
  std::string json = FormJsonSchema(form, "https://kyodo.example.jp/saku/forms/toroku/schema.json");
  std::string comment =
      "kyodo がフォームの定義から作った、回答を検証するためのスキーマです。送信は UTF-8 で、"
      "ファイルがあれば multipart/form-data、なければ application/x-www-form-urlencoded です。"
      "空欄の項目も空文字として送られるため、空文字の項目を除いてから検証してください。"
      "複数選択のチェックボックスは配列、数値は number に直します。";
  CHECK(json == R"({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://kyodo.example.jp/saku/forms/toroku/schema.json",
  "title": "団体登録",
  "$comment": ")" + comment + R"(",
  "type": "object",
  "properties": {
    "group_name": {
      "title": "団体名",
      "description": "正式な名称",
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "x-kyodo-type": "text"
    },
    "kind": {
      "title": "区分",
      "type": "string",
      "enum": [
        "自治会",
        "NPO法人"
      ],
      "x-kyodo-type": "radio"
    },
    "fields": {
      "title": "分野",
      "type": "array",
      "items": {
        "enum": [
          "福祉",
          "環境"
        ]
      },
      "uniqueItems": true,
      "minItems": 1,
      "x-kyodo-type": "checkbox"
    },
    "agree": {
      "title": "同意",
      "const": "yes",
      "x-kyodo-type": "checkbox"
    },
    "postal": {
      "title": "郵便番号",
      "type": "string",
      "pattern": "^(?:[0-9]{3}-?[0-9]{4})$",
      "x-kyodo-type": "postal"
    },
    "mail": {
      "title": "メール",
      "type": "string",
      "format": "email",
      "x-kyodo-type": "email"
    },
    "day": {
      "title": "日",
      "type": "string",
      "format": "date",
      "x-kyodo-type": "date"
    },
    "count": {
      "title": "人数",
      "type": "integer",
      "minimum": 0,
      "x-kyodo-type": "number"
    },
    "doc": {
      "title": "資料",
      "type": "string",
      "contentMediaType": "application/octet-stream",
      "x-kyodo-type": "file"
    },
    "web": {
      "title": "URL",
      "type": "string",
      "pattern": "^(?:https?://.+)$",
      "x-kyodo-type": "text"
    }
  },
  "required": [
    "group_name",
    "kind",
    "fields",
    "agree"
  ],
  "additionalProperties": false
}
)");
}

TEST_CASE("FormJsonSchema without a canonical URL leaves $id out") {
  Form form;
  form.title = "相談";
  form.summary = "相談の様式";
  std::string json = FormJsonSchema(form, "");
  CHECK(json.find("$id") == std::string::npos);
  CHECK(json.find("\"description\": \"相談の様式\"") != std::string::npos);
  CHECK(json.find("\"properties\": {}") != std::string::npos);
  CHECK(json.find("\"required\": []") != std::string::npos);
}

}  // namespace
}  // namespace kyodo
