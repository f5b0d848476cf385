#include "era_calendar.h"

#include <unicode/calendar.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <array>
#include <memory>

namespace kyodo {

int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 31;  // FormatDate and friends must not index out of range on a bad Date
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

namespace {

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// Built from ICU so that a future era arrives with an ICU update, not a code change.
std::vector<Era> BuildEras() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale("ja_JP@calendar=japanese");
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), locale, status));
  icu::SimpleDateFormat name_fmt(u"G", locale, status);
  icu::SimpleDateFormat letter_fmt(u"GGGGG", locale, status);
  if (U_FAILURE(status) || !cal) return {};
  name_fmt.setTimeZone(*icu::TimeZone::getGMT());
  letter_fmt.setTimeZone(*icu::TimeZone::getGMT());
  auto era_at = [&](int day) {
    cal->setTime(static_cast<UDate>(day) * U_MILLIS_PER_DAY, status);
    return cal->get(UCAL_ERA, status);
  };
  const int first = DaysFromCivil(kMinYear, 1, 1);
  const int last = DaysFromCivil(kMaxYear, 12, 31);
  std::vector<Era> eras;
  // 明治 is whatever era is in force at the end of 1868; ICU numbers eras in order.
  for (int code = era_at(DaysFromCivil(kMinYear, 12, 31)); era_at(last) >= code && U_SUCCESS(status); ++code) {
    // The first day whose era is not before `code` (eras only move forward).
    int lo = first, hi = last + 1;
    while (lo < hi) {
      const int mid = lo + (hi - lo) / 2;
      if (era_at(mid) < code) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (era_at(lo) != code) continue;
    const UDate when = static_cast<UDate>(lo) * U_MILLIS_PER_DAY;
    icu::UnicodeString name, letter;
    name_fmt.format(when, name);
    letter_fmt.format(when, letter);
    const std::string l = ToUtf8(letter);
    const bool is_letter = l.size() == 1 && l[0] >= 'A' && l[0] <= 'Z';  // M T S H R
    eras.push_back({ToUtf8(name), is_letter ? l[0] : '\0', lo, CivilFromDays(lo)});
  }
  if (U_FAILURE(status)) return {};
  return eras;
}

}  // namespace

const std::vector<Era>& Eras() {
  static const std::vector<Era> eras = BuildEras();
  return eras;
}

int EraAt(int day) {
  const auto& eras = Eras();
  int found = -1;
  for (size_t i = 0; i < eras.size() && eras[i].start <= day; ++i) found = static_cast<int>(i);
  return found;
}

int EraEnd(int era) {
  const auto& eras = Eras();
  return era + 1 < static_cast<int>(eras.size()) ? eras[era + 1].start - 1 : DaysFromCivil(kMaxYear + 1, 12, 31);
}

}  // namespace kyodo
