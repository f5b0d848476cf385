// The Japanese era calendar that dates.cpp reads and writes 和暦 with: day numbers
// (days since 1970-01-01, proleptic Gregorian, which is what ICU uses after 1582)
// for the arithmetic, and the eras from 明治 on, taken from ICU so that a new era
// arrives with an ICU update, not a code change.
#ifndef KYODO_ERA_CALENDAR_H_
#define KYODO_ERA_CALENDAR_H_

#include <string>
#include <vector>

namespace kyodo {

/// The years kyodo reads and writes dates in.
constexpr int kMinYear = 1868;
constexpr int kMaxYear = 2200;

struct Ymd {
  int y, m, d;
};

int DaysFromCivil(int y, int m, int d);
Ymd CivilFromDays(int day);
/// 28–31; 31 for a month outside 1–12, so a bad date cannot index out of range.
int DaysInMonth(int y, int m);

struct Era {
  std::string name;  ///< 明治
  char letter = 0;   ///< 'M'
  int start = 0;     ///< day number of the first day
  Ymd start_ymd{};
};

/// 明治, 大正, 昭和, 平成, 令和 (and any later era ICU knows), in order.
const std::vector<Era>& Eras();
/// The era in force on `day`; -1 before 明治.
int EraAt(int day);
/// The last day of `era`; the current era runs past every date kyodo accepts.
int EraEnd(int era);

}  // namespace kyodo

#endif  // KYODO_ERA_CALENDAR_H_
