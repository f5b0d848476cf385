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

std::optional<std::string> PhoneNumber(std::string_view written) {
  std::string out, digits;
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      out += c;
    } else if (c == '-' || c == ' ' || c == '(' || c == ')' || (c == '#' && i == 0)) {
      out += c;
    } else {
      bool dash = false;  // ー U+30FC, ‐ U+2010, − U+2212 (NFKC keeps them)
      for (std::string_view d : {"\xE3\x83\xBC", "\xE2\x80\x90", "\xE2\x88\x92"}) {
        if (written.substr(i, d.size()) == d) dash = true, i += d.size() - 1;
      }
      if (!dash) return std::nullopt;
      out += '-';
    }
  }
  if (written.starts_with('#')) return digits.size() >= 3 && digits.size() <= 4 ? std::optional(out) : std::nullopt;
  const bool mobile = digits.size() == 11 && (digits.starts_with("050") || digits.starts_with("070") ||
                                              digits.starts_with("080") || digits.starts_with("090"));
  if (digits.starts_with('0') && (digits.size() == 10 || mobile)) return out;
  return std::nullopt;
}

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
