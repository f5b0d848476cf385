// A JSON Schema (draft 2020-12) of a form's answers, published beside the form
// page, so the service that receives the answers can validate them with any
// JSON Schema library instead of re-reading the form.
#ifndef KYODO_FORM_SCHEMA_H_
#define KYODO_FORM_SCHEMA_H_

#include <string>

#include "form.h"

namespace kyodo {

/// The schema as pretty-printed UTF-8 JSON ending in a newline. `id_url` is the
/// schema's own absolute URL for "$id" ("" leaves "$id" out).
///
/// It describes the answers as a JSON object: one property per field name; a
/// multiple-choice checkbox group is an array, a number a JSON number, a consent
/// box the string "yes". Browsers also send fields left blank (as ""), so a
/// receiver drops blank values before validating; then `required` means 「必須」.
std::string FormJsonSchema(const Form& form, const std::string& id_url);

}  // namespace kyodo

#endif  // KYODO_FORM_SCHEMA_H_
