// Check digits of Japanese public identifiers.
#ifndef KYODO_JP_CODES_H_
#define KYODO_JP_CODES_H_

#include <string>

namespace kyodo {

/// The check digit a 5-digit 全国地方公共団体コード base should have (weights 6..2, mod 11),
/// or -1 if `base5` is not 5 ASCII digits.
int LocalGovCheckDigit(const std::string& base5);

/// The check digit (the first digit) a 12-digit 法人番号 base should have
/// (国税庁: 9 − Σ(Pn×Qn) mod 9, Qn = 1 for odd n and 2 for even n counted from the right),
/// or -1 if `base12` is not 12 ASCII digits.
int CorporateNumberCheckDigit(const std::string& base12);

}  // namespace kyodo

#endif  // KYODO_JP_CODES_H_
