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

const std::vector<std::string>& PrefectureNames() {
  static const std::vector<std::string> names = {
      "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
      "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
      "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
      "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
      "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};
  return names;
}

std::string PrefectureOfCode(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return "";
  const int n = (code[0] - '0') * 10 + (code[1] - '0');
  if (n < 1 || n > 47) return "";
  return PrefectureNames()[static_cast<size_t>(n - 1)];
}

std::optional<std::string> PhoneNumber(std::string_view written) {
  std::string out, digits;
  bool between = false;  // a separator since the last digit
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c >= '0' && c <= '9') {
      // One style on every page and in open data (its 電話番号 are hyphenated):
      // (048) 829-1112 and 0267 62 2111 are 048-829-1112 and 0267-62-2111.
      if (between && !digits.empty()) out += '-';
      between = false;
      digits += c;
      out += c;
    } else if (c == '#' && i == 0) {
      out += c;
    } else if (c == '-' || c == ' ' || c == '(' || c == ')') {
      between = true;
    } else {
      bool dash = false;  // ー U+30FC, ‐ U+2010, − U+2212 (NFKC keeps them)
      for (std::string_view d : {"\xE3\x83\xBC", "\xE2\x80\x90", "\xE2\x88\x92"}) {
        if (written.substr(i, d.size()) == d) dash = true, i += d.size() - 1;
      }
      if (!dash) return std::nullopt;
      between = true;
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
