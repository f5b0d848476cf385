// Japanese public identifiers: check digits, telephone numbers.
#ifndef KYODO_JP_CODES_H_
#define KYODO_JP_CODES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyodo {

/// The check digit a 5-digit 全国地方公共団体コード base should have (weights 6..2, mod 11),
/// or -1 if `base5` is not 5 ASCII digits.
int LocalGovCheckDigit(const std::string& base5);

/// The 47 都道府県 in the order of their codes (JIS X 0401): index 0 is 北海道 (01).
const std::vector<std::string>& PrefectureNames();

/// The 都道府県 a 全国地方公共団体コード belongs to (its first two digits, JIS X 0401),
/// or "" if they are not 01–47.
std::string PrefectureOfCode(std::string_view code);

/// The check digit (the first digit) a 12-digit 法人番号 base should have
/// (国税庁: 9 − Σ(Pn×Qn) mod 9, Qn = 1 for odd n and 2 for even n counted from the right),
/// or -1 if `base12` is not 12 ASCII digits.
int CorporateNumberCheckDigit(const std::string& base12);

/// A telephone number as a page shows it, from what was written (after NFKC): the
/// digits grouped as written, joined by '-' whatever separated them (ー － ‐ −, spaces,
/// parentheses: (048) 829-1112 → 048-829-1112). nullopt
/// unless it has 10 digits starting with 0 (市外局番から), 11 (携帯・IP電話, 050/070/080/090)
/// or is a # short number such as #7119.
std::optional<std::string> PhoneNumber(std::string_view written);

}  // namespace kyodo

#endif  // KYODO_JP_CODES_H_
