#include "era_calendar.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

TEST_CASE("day numbers count from 1970-01-01 and convert back") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2019, 5, 1) - DaysFromCivil(2019, 4, 30) == 1);
  for (int day : {-36500, -1, 0, 18017, 73000}) {
    const Ymd ymd = CivilFromDays(day);
    CHECK(DaysFromCivil(ymd.y, ymd.m, ymd.d) == day);
  }
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(1900, 2) == 28);
  CHECK(DaysInMonth(2000, 2) == 29);
  CHECK(DaysInMonth(2024, 13) == 31);
}

TEST_CASE("the eras come from ICU with their first days and letters") {
  const auto& eras = Eras();
  REQUIRE(eras.size() >= 5);
  CHECK(eras[0].name == "明治");
  CHECK(eras[1].letter == 'T');
  CHECK(eras[3].name == "平成");
  CHECK(eras[3].start_ymd.y == 1989);
  CHECK(eras[3].start_ymd.m == 1);
  CHECK(eras[3].start_ymd.d == 8);
  CHECK(eras[4].name == "令和");
  CHECK(eras[4].letter == 'R');
  CHECK(EraAt(DaysFromCivil(2019, 4, 30)) == 3);
  CHECK(EraAt(DaysFromCivil(2019, 5, 1)) == 4);
  CHECK(EraAt(DaysFromCivil(1800, 1, 1)) == -1);
  CHECK(EraEnd(3) == DaysFromCivil(2019, 4, 30));
}

}  // namespace
}  // namespace kyodo
