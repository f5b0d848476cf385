#include "jp_codes.h"

namespace kyodo {

namespace {
bool AllDigits(const std::string& s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}
}  // namespace

int LocalGovCheckDigit(const std::string& base5) {
  if (!AllDigits(base5, 5)) return -1;
  int sum = 0;
  for (int i = 0; i < 5; ++i) sum += (base5[static_cast<size_t>(i)] - '0') * (6 - i);
  return (11 - sum % 11) % 10;
}

int CorporateNumberCheckDigit(const std::string& base12) {
  if (!AllDigits(base12, 12)) return -1;
  int sum = 0;
  for (int n = 1; n <= 12; ++n) {
    int digit = base12[static_cast<size_t>(12 - n)] - '0';
    sum += digit * (n % 2 == 1 ? 1 : 2);
  }
  return 9 - sum % 9;
}

}  // namespace kyodo
