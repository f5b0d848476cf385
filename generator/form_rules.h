// The HTML rules a form field's attributes must follow, checked at build time so
// a clerk hears about a mistake instead of a browser silently ignoring it: a
// `pattern` that does not compile is dropped by browsers (nothing is validated),
// and an autocomplete token that does not fit the control is invalid HTML.
#ifndef KYODO_FORM_RULES_H_
#define KYODO_FORM_RULES_H_

#include <string>
#include <string_view>

#include "form.h"

namespace kyodo {

/// Whether `value` is a valid HTML autocomplete attribute value for a control of
/// `type` (the autofill grammar: [section-*] [shipping|billing] [home|work|mobile|fax|pager]
/// field [webauthn], or on/off; the field must suit the control as the HTML standard's
/// control groups say). On failure `why` says what is wrong and `hint` how to fix it.
bool CheckAutocomplete(std::string_view value, FieldType type, std::string* why, std::string* hint);

/// Whether `pattern` is usable as an HTML pattern attribute: it must compile as an
/// ECMAScript regular expression under the `v` flag browsers apply to it. std::regex
/// (ECMAScript grammar) checks the expression; the stricter `v`-flag escapes and
/// character-class syntax are checked here, because std::regex accepts them and a
/// browser would then silently drop the pattern. `why` explains a failure.
bool CheckPattern(const std::string& pattern, std::string* why);

}  // namespace kyodo

#endif  // KYODO_FORM_RULES_H_
