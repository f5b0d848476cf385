#include "dates.h"

#include <doctest/doctest.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>
#include <ostream>
#include <string>

namespace kyodo {

// static: other test files may print Date too; ADL still finds it here.
static std::ostream& operator<<(std::ostream& os, const Date& d) {
  return os << "Date{" << d.year << "," << d.month << "," << d.day << ",p" << static_cast<int>(d.precision) << "}";
}

namespace {

constexpr auto kY = DatePrecision::kYear;
constexpr auto kM = DatePrecision::kMonth;
constexpr auto kD = DatePrecision::kDay;
constexpr auto kFY = DatePrecision::kFiscalYear;
const Date kFailed{-1, -1, -1, kD};

Date P(std::string_view text) {
  DateError error;
  const auto d = ParseDate(text, &error);
  if (!d) MESSAGE((std::string(text) + ": " + error.message));
  return d.value_or(kFailed);
}

// The error of a text that must not parse; a parse that succeeds shows up as "(parsed)".
DateError E(std::string_view text) {
  DateError error;
  if (ParseDate(text, &error)) return {"(parsed)", ""};
  return error;
}

std::string W(const Date& d) { return FormatDate(d, DateStyle::kWareki); }
std::string S(const Date& d) { return FormatDate(d, DateStyle::kSeireki); }

Period PP(std::string_view text, bool fiscal) {
  DateError error;
  const auto p = ParsePeriod(text, fiscal, &error);
  if (!p) MESSAGE((std::string(text) + ": " + error.message));
  return p.value_or(Period{kFailed, kFailed});
}

DateError PE(std::string_view text, bool fiscal) {
  DateError error;
  if (ParsePeriod(text, fiscal, &error)) return {"(parsed)", ""};
  return error;
}

}  // namespace

TEST_CASE("ParseDate: ISO and 西暦 forms") {
  CHECK(P("2010-03-01") == Date{2010, 3, 1, kD});
  CHECK(P("2010-3-1") == Date{2010, 3, 1, kD});
  CHECK(P("2010-03") == Date{2010, 3, 0, kM});
  CHECK(P("2010") == Date{2010, 0, 0, kY});
  CHECK(P("2010年3月1日") == Date{2010, 3, 1, kD});
  CHECK(P("2010年3月") == Date{2010, 3, 0, kM});
  CHECK(P("2010年") == Date{2010, 0, 0, kY});
  CHECK(P("2022年度") == Date{2022, 0, 0, kFY});
  CHECK(P("二〇一〇年三月") == Date{2010, 3, 0, kM});
  CHECK(P("２０１０年３月１日") == Date{2010, 3, 1, kD});  // 全角 digits
  CHECK(P("２０１０－０３－０１") == Date{2010, 3, 1, kD});
  CHECK(P(" \t2010年\n") == Date{2010, 0, 0, kY});
  CHECK(P("\u30002022年度\u3000") == Date{2022, 0, 0, kFY});  // 全角 space
  // As spreadsheets and notices write them.
  CHECK(P("2010/3/1") == Date{2010, 3, 1, kD});
  CHECK(P("2010/03") == Date{2010, 3, 0, kM});
  CHECK(P("2010.3.1") == Date{2010, 3, 1, kD});
  CHECK(P("２０１０／３／１") == Date{2010, 3, 1, kD});
  CHECK(P("2024年4月1日（月）") == Date{2024, 4, 1, kD});
  CHECK(P("2024年4月1日(月曜日)") == Date{2024, 4, 1, kD});
  CHECK(P("2024/4/1(月)") == Date{2024, 4, 1, kD});
  CHECK(P("令和6年4月1日（月）") == Date{2024, 4, 1, kD});
  CHECK(P("R6/4/1") == Date{2024, 4, 1, kD});
  CHECK(P("1970-01-01(木)") == Date{1970, 1, 1, kD});
  CHECK(P("1969-12-31(水)") == Date{1969, 12, 31, kD});
}

TEST_CASE("ParseDate: a weekday that does not match the day is an error") {
  const DateError e = E("2024年4月1日（火）");
  CHECK(e.message == "2024年4月1日は月曜日です（火曜日と書かれています）");
  CHECK(e.hint == "日付か曜日を直してください");
  CHECK(E("令和6年4月7日(土)").message == "令和6年4月7日は日曜日です（土曜日と書かれています）");
}

TEST_CASE("WeekdayText: the day of the week in 全角 parentheses, only for a day") {
  CHECK(WeekdayText(Date{2024, 4, 1, DatePrecision::kDay}) == "（月）");
  CHECK(WeekdayText(Date{2026, 3, 31, DatePrecision::kDay}) == "（火）");
  CHECK(WeekdayText(Date{2024, 2, 29, DatePrecision::kDay}) == "（木）");
  CHECK(WeekdayText(Date{2019, 5, 5, DatePrecision::kDay}) == "（日）");
  CHECK(WeekdayText(Date{1970, 1, 1, DatePrecision::kDay}) == "（木）");
  CHECK(WeekdayText(Date{2024, 4, 0, DatePrecision::kMonth}) == "");
  CHECK(WeekdayText(Date{2024, 0, 0, DatePrecision::kYear}) == "");
  CHECK(WeekdayText(Date{2025, 0, 0, DatePrecision::kFiscalYear}) == "");
}

TEST_CASE("ParseDate: an approximate date (〜頃, 〜ごろ) is told to drop the word") {
  CHECK(E("2005年3月頃").message == "日付として読めません: 「2005年3月頃」");
  CHECK(E("2005年3月頃").hint == "「頃」を付けずに「2005年3月」と書いてください");
  CHECK(E("平成17年ごろ").hint == "「ごろ」を付けずに「平成17年」と書いてください");
  CHECK(E("昭和60年代").hint == "2010-03-01、平成22年3月、令和4年度 のように書いてください");  // a decade: no one date
}

TEST_CASE("ParseDate: 和暦 forms") {
  CHECK(P("平成22年3月1日") == Date{2010, 3, 1, kD});
  CHECK(P("平成22年3月") == Date{2010, 3, 0, kM});
  CHECK(P("平成22年") == Date{2010, 0, 0, kY});
  CHECK(P("令和4年度") == Date{2022, 0, 0, kFY});
  CHECK(P("令和元年5月1日") == Date{2019, 5, 1, kD});
  CHECK(P("令和1年5月1日") == Date{2019, 5, 1, kD});
  CHECK(P("昭和47年") == Date{1972, 0, 0, kY});
  CHECK(P("明治45年7月29日") == Date{1912, 7, 29, kD});
  CHECK(P("大正3年") == Date{1914, 0, 0, kY});
  CHECK(P("㍻22年") == Date{2010, 0, 0, kY});  // NFKC of the square era sign
  SUBCASE("letters") {
    CHECK(P("R1.5.1") == Date{2019, 5, 1, kD});
    CHECK(P("R01.05.01") == Date{2019, 5, 1, kD});
    CHECK(P("H22.3") == Date{2010, 3, 0, kM});
    CHECK(P("S47") == Date{1972, 0, 0, kY});
    CHECK(P("T15") == Date{1926, 0, 0, kY});
    CHECK(P("M45.7.29") == Date{1912, 7, 29, kD});
    CHECK(P("r1.5.1") == Date{2019, 5, 1, kD});
    CHECK(P("h22.3") == Date{2010, 3, 0, kM});
    CHECK(P("s47") == Date{1972, 0, 0, kY});
    CHECK(P("Ｒ４") == Date{2022, 0, 0, kY});
    CHECK(P("Ｈ２２．３") == Date{2010, 3, 0, kM});
    CHECK(P("R4年度") == Date{2022, 0, 0, kFY});
    CHECK(P("H22年3月1日") == Date{2010, 3, 1, kD});
    // The era letter with a dot, and the era's name with dots or slashes, as forms
    // and 公用文 tables print them.
    CHECK(P("H.22.3.1") == Date{2010, 3, 1, kD});
    CHECK(P("Ｒ．６．４．１") == Date{2024, 4, 1, kD});
    CHECK(P("令和6.4.1") == Date{2024, 4, 1, kD});
    CHECK(P("平成22.3") == Date{2010, 3, 0, kM});
    CHECK(P("令和６/４/１") == Date{2024, 4, 1, kD});
    CHECK(E("令和6.13.1").message == "令和6年13月1日は存在しません（月は1から12まで）");
  }
  SUBCASE("kanji numerals") {
    CHECK(P("令和四年") == Date{2022, 0, 0, kY});
    CHECK(P("平成二十二年三月") == Date{2010, 3, 0, kM});
    CHECK(P("平成三十一年四月三十日") == Date{2019, 4, 30, kD});
    CHECK(P("令和元年五月一日") == Date{2019, 5, 1, kD});
    CHECK(P("平成十年十二月三十一日") == Date{1998, 12, 31, kD});
    CHECK(P("昭和四十七年") == Date{1972, 0, 0, kY});
    CHECK(P("令和四年度") == Date{2022, 0, 0, kFY});
  }
}

TEST_CASE("ParseDate: spaces that line a date up or set off its weekday are no part of it") {
  CHECK(P("令和　６年　４月　１日") == Date{2024, 4, 1, kD});  // 公用文 pads one-digit numbers
  CHECK(P("令和 6年 4月 1日") == Date{2024, 4, 1, kD});
  CHECK(P("平成２２年　３月") == Date{2010, 3, 0, kM});
  CHECK(P("2024年4月1日 (月)") == Date{2024, 4, 1, kD});
  CHECK(P("2024年4月1日　（月）") == Date{2024, 4, 1, kD});
  CHECK(E("2024年4月1日 (火)").message == "2024年4月1日は月曜日です（火曜日と書かれています）");
  // Between ASCII the space stays, and with it the error.
  CHECK(E("2010 3").message == "日付として読めません: 「2010 3」");
  CHECK(E("R 4").message == "日付として読めません: 「R 4」");
  CHECK(PP("令和 6年 4月 1日 〜 令和 7年 3月 31日", false).until == Date{2025, 3, 31, kD});
  CHECK(PP("2024-04-01 - 2025-03-31", false).until == Date{2025, 3, 31, kD});
}

TEST_CASE("ParseDate: a time after a day, as Excel writes a date cell with one into a CSV, is no part of the date") {
  CHECK(P("2024/4/1 0:00") == Date{2024, 4, 1, kD});
  CHECK(P("2024/04/01 10:30:00") == Date{2024, 4, 1, kD});
  CHECK(P("2024-04-01T10:00:00") == Date{2024, 4, 1, kD});
  CHECK(P("令和6年4月1日 10:00") == Date{2024, 4, 1, kD});
  CHECK(P("2024年4月1日（月） 10:00") == Date{2024, 4, 1, kD});
  // Only after a day: a month or year with a time is still no date.
  CHECK(E("2024/4 0:00").message == "日付として読めません: 「2024/4 0:00」");
  CHECK(E("10:00").message == "日付として読めません: 「10:00」");
  // A paragraph pasted into date: is an error, not a crash (std::regex recursed per character).
  const std::string pasted = "2024/4/1" + std::string(300000, '1') + " 10:00";
  CHECK(E(pasted).message == "日付として読めません: 「" + pasted + "」");
}

TEST_CASE("ParseDate: a date Excel saved as its serial number (45383) names the day it stands for") {
  const DateError e = E("45383");
  CHECK(e.message == "日付として読めません: 「45383」（Excel が日付を数値で保存した形です）");
  CHECK(e.hint ==
        "「2024-04-01」のことなら、その列の書式を「文字列」にして 2024-04-01 のように入れ直してください"
        "（Excel は日付のセルを 1900年1月1日からの日数で書き出すことがあります）");
  CHECK(E("３６６１７").hint.starts_with("「2000-04-01」のことなら"));  // 全角, as NFKC reads it
  CHECK(E("18264").hint.starts_with("「1950-01-01」のことなら"));
  // Four digits are a year; six digits and a leading 0 are no serial number.
  CHECK(P("2024") == Date{2024, 0, 0, kY});
  CHECK(E("453830").hint == "2010-03-01、平成22年3月、令和4年度 のように書いてください");
  CHECK(E("04538").hint == "2010-03-01、平成22年3月、令和4年度 のように書いてください");
}

TEST_CASE("ParseDate: words after a day (a 受付期限 as written on paper) are named, with the day to keep") {
  const DateError until = E("令和8年3月31日（火）17時まで");
  CHECK(until.message == "日付として読めません: 「令和8年3月31日(火)17時まで」（日付の後ろに「17時まで」があります）");
  CHECK(until.hint == "「令和8年3月31日(火)」だけを書いてください。時刻や「まで」「必着」などは本文や説明に書きます");
  CHECK(E("2026年3月31日必着").message == "日付として読めません: 「2026年3月31日必着」（日付の後ろに「必着」があります）");
  CHECK(E("令和8年3月まで").message == "日付として読めません: 「令和8年3月まで」");  // only after a day
}

TEST_CASE("ParseDate: a year written last is named, since month/day/year cannot be told from day/month/year") {
  const DateError us = E("4/1/2024");
  CHECK(us.message == "日付として読めません: 「4/1/2024」（年が最後にあります）");
  CHECK(us.hint == "年・月・日の順に 2024/4/1 のように書いてください");
  CHECK(E("01.04.2024").message == "日付として読めません: 「01.04.2024」（年が最後にあります）");
  CHECK(E("4/1-2024").message == "日付として読めません: 「4/1-2024」");
}

TEST_CASE("ParseDate: unrecognised text") {
  const DateError foo = E("foo");
  CHECK(foo.message == "日付として読めません: 「foo」");
  CHECK(foo.hint == "2010-03-01、平成22年3月、令和4年度 のように書いてください");
  CHECK(E("").message == "日付として読めません: 「」");
  for (const char* text : {"平成", "昭和47", "47", "2010/03/01/", "2010.3.1.", "令和4年度3月", "平成22/3-1", "2010-3/1",
                           "2010年3月(月)", "2010年3月1日(月", "2010年3月1日(祝)", "2010年3月1日(月)x", "元年", "R1.5.1.1",
                           "2010-003", "2010-03-01-", "平成22.3.", "H22.3.", "2010.3.", "二十二", "H..22", "H.", "R4.", "令和.4", "令和十〇年", "20100301", "R", "2010年3月1"}) {
    CAPTURE(text);
    CHECK(E(text).message == "日付として読めません: 「" + std::string(text) + "」");
  }
}

TEST_CASE("ParseDate: impossible days and years") {
  const DateError feb30 = E("2024-02-30");
  CHECK(feb30.message == "2024年2月30日は存在しません（2024年2月は29日まで）");
  CHECK(feb30.hint == "");
  CHECK(P("2024-02-29") == Date{2024, 2, 29, kD});
  CHECK(E("2023-02-29").message == "2023年2月29日は存在しません（2023年2月は28日まで）");
  CHECK(E("1900-02-29").message == "1900年2月29日は存在しません（1900年2月は28日まで）");
  CHECK(P("2000-02-29") == Date{2000, 2, 29, kD});
  CHECK(E("2010年4月31日").message == "2010年4月31日は存在しません（2010年4月は30日まで）");
  CHECK(E("2010-04-00").message == "2010年4月0日は存在しません（2010年4月は30日まで）");
  CHECK(E("平成31年2月29日").message == "平成31年2月29日は存在しません（平成31年2月は28日まで）");
  CHECK(E("2010-13").message == "2010年13月は存在しません（月は1から12まで）");
  CHECK(E("1867年").message == "1867年は扱えません（1868年から2200年まで）");
  CHECK(E("2201").message == "2201年は扱えません（1868年から2200年まで）");
  CHECK(P("2200年12月31日") == Date{2200, 12, 31, kD});
  CHECK(P("1868-01-01") == Date{1868, 1, 1, kD});
  CHECK(P("令和182年") == Date{2200, 0, 0, kY});
  CHECK(E("令和183年").message == "令和183年は扱えません（1868年から2200年まで）");
}

TEST_CASE("ParseDate: era years outside the era") {
  DateError e = E("平成32年");
  CHECK(e.message == "平成32年はありません（平成は31年（2019年）4月30日まで）");
  CHECK(e.hint == "令和2年と書いてください");
  CHECK(E("H32").message == "平成32年はありません（平成は31年（2019年）4月30日まで）");

  e = E("平成31年5月1日");
  CHECK(e.message == "平成31年5月1日はありません（平成は31年（2019年）4月30日まで）");
  CHECK(e.hint == "令和元年5月1日と書いてください");
  CHECK(E("平成31年5月").hint == "令和元年5月と書いてください");

  e = E("令和元年4月1日");
  CHECK(e.message == "令和元年4月1日はありません（令和は元年（2019年）5月1日から）");
  CHECK(e.hint == "平成31年4月1日と書いてください");
  CHECK(E("R1.4.1").hint == "平成31年4月1日と書いてください");
  CHECK(E("令和元年4月").hint == "平成31年4月と書いてください");

  e = E("令和0年");
  CHECK(e.message == "令和0年はありません");
  CHECK(e.hint == "元年は「令和元年」（または令和1年）と書きます");
  CHECK(E("R0.5.1").message == "令和0年5月1日はありません");
  CHECK(E("令和〇年").message == "令和0年はありません");

  e = E("昭和64年1月8日");
  CHECK(e.message == "昭和64年1月8日はありません（昭和は64年（1989年）1月7日まで）");
  CHECK(e.hint == "平成元年1月8日と書いてください");
  e = E("平成元年1月7日");
  CHECK(e.message == "平成元年1月7日はありません（平成は元年（1989年）1月8日から）");
  CHECK(e.hint == "昭和64年1月7日と書いてください");
  CHECK(E("昭和65年").hint == "平成2年と書いてください");
}

TEST_CASE("ParseDate: a year or month is valid when any of its days is in the era") {
  CHECK(P("平成31年") == Date{2019, 0, 0, kY});
  CHECK(P("令和元年") == Date{2019, 0, 0, kY, true});
  CHECK(P("昭和64年") == Date{1989, 0, 0, kY});
  CHECK(P("平成元年") == Date{1989, 0, 0, kY, true});
  CHECK(P("昭和64年1月") == Date{1989, 1, 0, kM});
  CHECK(P("平成元年1月") == Date{1989, 1, 0, kM, true});
  CHECK(P("平成31年4月") == Date{2019, 4, 0, kM});
  CHECK(P("令和元年5月") == Date{2019, 5, 0, kM});
  CHECK(P("明治元年") == Date{1868, 0, 0, kY});
}

TEST_CASE("a period written with から・まで or a note in brackets gets the spelling that reads") {
  DateError e;
  CHECK_FALSE(ParsePeriod("令和4年度から令和8年度まで", true, &e));
  CHECK(e.message == "期間として読めません: 「令和4年度から令和8年度まで」");
  CHECK(e.hint == "令和4年度〜令和8年度 と書いてください（「から」「まで」は 〜 で書きます）");
  CHECK_FALSE(ParsePeriod("平成31年度～令和3年度（3年間）", true, &e));
  CHECK(e.hint == "平成31年度～令和3年度 と書いてください（期間の説明は本文に書きます）");
  CHECK_FALSE(ParsePeriod("令和元年度から", true, &e));
  CHECK(e.hint == "令和元年度〜 と書いてください（「から」「まで」は 〜 で書きます）");
  CHECK_FALSE(ParsePeriod("から", true, &e));  // nothing that reads: the usual hint
  CHECK(e.hint == "令和4年度〜令和8年度、昭和47年〜 のように書いてください");
}

TEST_CASE("a year or month written in the era that began during it is shown in that era") {
  auto W = [](const char* text) { return FormatDate(*ParseDate(text, nullptr), DateStyle::kWareki); };
  CHECK(W("令和元年") == "令和元年");  // was 平成31年: the era in force on 2019-01-01
  CHECK(W("平成31年") == "平成31年");
  CHECK(W("平成元年") == "平成元年");
  CHECK(W("昭和64年") == "昭和64年");
  CHECK(W("平成元年1月") == "平成元年1月");
  CHECK(W("昭和64年1月") == "昭和64年1月");
  CHECK(W("令和元年5月") == "令和元年5月");
  CHECK(W("2019") == "平成31年");
  // Each shown date reads back as itself: 明治元年 (1868 starts before ICU's 明治) and 令和元年.
  CHECK(P(W("1868").c_str()) == P("1868"));
  CHECK(P(W("令和元年").c_str()) == P("令和元年"));
  CHECK(FormatDate(*ParseDate("令和元年", nullptr), DateStyle::kSeireki) == "2019年");
  CHECK(P("令和元年").SortKey() == P("平成31年").SortKey());
}

TEST_CASE("ParseDate: 年度 may use the era in force on April 1 or the era that began during it") {
  CHECK(P("平成31年度") == Date{2019, 0, 0, kFY});
  CHECK(P("令和元年度") == Date{2019, 0, 0, kFY});
  CHECK(P("昭和63年度") == Date{1988, 0, 0, kFY});
  CHECK(P("平成元年度") == Date{1989, 0, 0, kFY});
  DateError e = E("平成32年度");
  CHECK(e.message == "平成32年度はありません（平成は31年（2019年）4月30日まで）");
  CHECK(e.hint == "令和2年度と書いてください");
  e = E("昭和64年度");  // 1989-04-01 was already 平成
  CHECK(e.message == "昭和64年度はありません（昭和は64年（1989年）1月7日まで）");
  CHECK(e.hint == "平成元年度と書いてください");
  CHECK(E("令和0年度").message == "令和0年度はありません");
}

TEST_CASE("era boundaries") {
  CHECK(P("平成31年4月30日") == Date{2019, 4, 30, kD});
  CHECK(P("令和元年5月1日") == Date{2019, 5, 1, kD});
  CHECK(P("昭和64年1月7日") == Date{1989, 1, 7, kD});
  CHECK(P("平成元年1月8日") == Date{1989, 1, 8, kD});
  CHECK(P("大正15年12月24日") == Date{1926, 12, 24, kD});
  CHECK(P("昭和元年12月25日") == Date{1926, 12, 25, kD});
  DateError e = E("大正15年12月25日");
  CHECK(e.message == "大正15年12月25日はありません（大正は15年（1926年）12月24日まで）");
  CHECK(e.hint == "昭和元年12月25日と書いてください");
  // ICU starts 大正 on 1912-07-30, the day 明治天皇 died; "ICU agrees" below checks this.
  CHECK(P("明治45年7月29日") == Date{1912, 7, 29, kD});
  CHECK(P("大正元年7月30日") == Date{1912, 7, 30, kD});
  e = E("明治45年7月30日");
  CHECK(e.message == "明治45年7月30日はありません（明治は45年（1912年）7月29日まで）");
  CHECK(e.hint == "大正元年7月30日と書いてください");
  CHECK(E("大正元年7月29日").hint == "明治45年7月29日と書いてください");

  CHECK(W({2019, 4, 30, kD}) == "平成31年4月30日");
  CHECK(W({2019, 5, 1, kD}) == "令和元年5月1日");
  CHECK(W({1989, 1, 7, kD}) == "昭和64年1月7日");
  CHECK(W({1989, 1, 8, kD}) == "平成元年1月8日");
  CHECK(W({1926, 12, 24, kD}) == "大正15年12月24日");
  CHECK(W({1926, 12, 25, kD}) == "昭和元年12月25日");
  CHECK(W({1912, 7, 29, kD}) == "明治45年7月29日");
  CHECK(W({1912, 7, 30, kD}) == "大正元年7月30日");
}

TEST_CASE("ICU agrees on every day from 明治 to 2200") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale("ja_JP@calendar=japanese");
  icu::SimpleDateFormat icu_format(u"Gy年M月d日", u"y=jpanyear", locale, status);  // jpanyear prints 元年
  icu_format.setTimeZone(*icu::TimeZone::getGMT());
  icu::GregorianCalendar day(icu::TimeZone::getGMT()->clone(), status);
  REQUIRE(U_SUCCESS(status));
  day.clear();
  day.set(1912, UCAL_JULY, 30);
  icu::UnicodeString taisho;
  icu_format.format(day.getTime(status), taisho);
  std::string taisho_utf8;
  CHECK(taisho.toUTF8String(taisho_utf8) == "大正元年7月30日");

  int mismatches = 0, days = 0;
  day.set(1868, UCAL_DECEMBER, 31);  // 明治 according to ICU; its first day is checked in the error tests
  for (; day.get(UCAL_YEAR, status) <= 2200 && U_SUCCESS(status); day.add(UCAL_DATE, 1, status), ++days) {
    const Date d{day.get(UCAL_YEAR, status), day.get(UCAL_MONTH, status) + 1, day.get(UCAL_DATE, status), kD};
    icu::UnicodeString expected;
    icu_format.format(day.getTime(status), expected);
    std::string expected_utf8;
    expected.toUTF8String(expected_utf8);
    const std::string ours = W(d);
    if (ours != expected_utf8 || P(ours) != d) {
      if (++mismatches <= 5) CHECK(ours == expected_utf8);
    }
  }
  CHECK(mismatches == 0);
  CHECK(days == 121261);  // 1868-12-31 through 2200-12-31
}

TEST_CASE("FormatDate") {
  CHECK(S({2010, 3, 1, kD}) == "2010年3月1日");
  CHECK(S({2005, 3, 0, kM}) == "2005年3月");
  CHECK(S({1972, 0, 0, kY}) == "1972年");
  CHECK(S({2022, 0, 0, kFY}) == "2022年度");

  CHECK(W({2010, 3, 1, kD}) == "平成22年3月1日");
  CHECK(W({2005, 3, 0, kM}) == "平成17年3月");
  CHECK(W({1972, 0, 0, kY}) == "昭和47年");
  CHECK(W({2022, 0, 0, kFY}) == "令和4年度");
  CHECK(W({2019, 5, 1, kD}) == "令和元年5月1日");
  CHECK(W({2019, 5, 0, kM}) == "令和元年5月");
  CHECK(W({2019, 4, 0, kM}) == "平成31年4月");
  CHECK(W({2019, 0, 0, kY}) == "平成31年");  // the era of January 1
  CHECK(W({2020, 0, 0, kY}) == "令和2年");
  CHECK(W({1989, 0, 0, kY}) == "昭和64年");
  CHECK(W({1989, 1, 0, kM}) == "昭和64年1月");
  CHECK(W({2019, 0, 0, kFY}) == "令和元年度");  // 令和 began during 2019年度
  CHECK(W({2018, 0, 0, kFY}) == "平成30年度");
  CHECK(W({1988, 0, 0, kFY}) == "昭和63年度");  // 平成 began in 1989, not 平成0年度
  CHECK(W({1989, 0, 0, kFY}) == "平成元年度");
  CHECK(W({1926, 0, 0, kFY}) == "昭和元年度");
  CHECK(W({1868, 0, 0, kY}) == "明治元年");
  CHECK(W({1868, 1, 1, kD}) == "1868年1月1日");  // before ICU's first day of 明治
  CHECK(W({1867, 0, 0, kY}) == "1867年");
}

TEST_CASE("SortKey and Iso") {
  CHECK(Date{2010, 3, 1, kD}.SortKey() == 20100301);
  CHECK(Date{2005, 3, 0, kM}.SortKey() == 20050301);
  CHECK(Date{1972, 0, 0, kY}.SortKey() == 19720101);
  CHECK(Date{2022, 0, 0, kFY}.SortKey() == 20220401);
  CHECK(P("令和4年度").SortKey() == 20220401);
  CHECK(Date{2010, 3, 1, kD}.Iso() == "2010-03-01");
  CHECK(Date{2005, 3, 0, kM}.Iso() == "2005-03");
  CHECK(Date{1972, 0, 0, kY}.Iso() == "1972");
  CHECK(Date{2022, 0, 0, kFY}.Iso() == "2022");
  CHECK(Date{2010, 12, 31, kD}.Iso() == "2010-12-31");
  CHECK(Date{12345, 1, 2, kD}.Iso() == "12345-01-02");  // as %04d-%02d-%02d would write them
  CHECK(Date{-5, 1, 2, kD}.Iso() == "-005-01-02");
  CHECK(Date{7, 1, 2, kD}.Iso() == "0007-01-02");
  CHECK(IsoFirst({2022, 0, 0, kFY}) == "2022-04");
  CHECK(IsoLast({2022, 0, 0, kFY}) == "2023-03");
  CHECK(IsoFirst({2005, 3, 0, kM}) == "2005-03");
  CHECK(IsoLast({1972, 0, 0, kY}) == "1972");
  CHECK(IsoFirst({2010, 3, 1, kD}) == "2010-03-01");
}

TEST_CASE("ParsePeriod") {
  const Date fy2022{2022, 0, 0, kFY}, fy2026{2026, 0, 0, kFY};
  Period p = PP("R4–R8", true);
  CHECK(p.since == fy2022);
  CHECK(p.until == fy2026);
  CHECK(FormatPeriod(p, DateStyle::kWareki) == "令和4年度〜令和8年度");
  CHECK(FormatPeriod(p, DateStyle::kSeireki) == "2022年度〜2026年度");
  p = PP("R4–R8", false);
  CHECK(p.since == Date{2022, 0, 0, kY});
  CHECK(FormatPeriod(p, DateStyle::kWareki) == "令和4年〜令和8年");
  CHECK(PP("R4–8", true).until == fy2026);  // the era carries over
  CHECK(PP("R4-8", true).until == fy2026);
  CHECK(PP("令和4年度〜8年度", false).until == fy2026);

  p = PP("H26-H30", true);
  CHECK(p.since == Date{2014, 0, 0, kFY});
  CHECK(p.until == Date{2018, 0, 0, kFY});
  CHECK(FormatPeriod(p, DateStyle::kWareki) == "平成26年度〜平成30年度");

  p = PP("令和4年度〜令和8年度", false);
  CHECK(p.since == fy2022);
  CHECK(p.until == fy2026);

  p = PP("昭和47年〜", false);
  CHECK(p.since == Date{1972, 0, 0, kY});
  CHECK_FALSE(p.until.has_value());
  CHECK(FormatPeriod(p, DateStyle::kWareki) == "昭和47年〜");
  CHECK(FormatPeriod(PP("〜平成30年度", false), DateStyle::kWareki) == "〜平成30年度");

  p = PP("2014年度～2018年度", false);  // 全角 tilde
  CHECK(p.since == Date{2014, 0, 0, kFY});
  CHECK(FormatPeriod(p, DateStyle::kSeireki) == "2014年度〜2018年度");
  CHECK(FormatPeriod(p, DateStyle::kWareki) == "平成26年度〜平成30年度");
  CHECK(FormatPeriod(PP("平成26年度～平成30年度", true), DateStyle::kSeireki) == "2014年度〜2018年度");

  for (const char* text : {"2014—2018", "2014―2018", "2014~2018", "2014 〜 2018", "2014-2018"}) {
    CAPTURE(text);
    CHECK(FormatPeriod(PP(text, true), DateStyle::kSeireki) == "2014年度〜2018年度");
  }
  p = PP("2010-03-01-2010-03-31", false);  // '-' inside ISO dates is not the separator
  CHECK(p.since == Date{2010, 3, 1, kD});
  CHECK(p.until == Date{2010, 3, 31, kD});
  p = PP("2010-03-01", false);
  CHECK(p.since == Date{2010, 3, 1, kD});
  CHECK(p.until == Date{2010, 3, 1, kD});
  CHECK(FormatPeriod(p, DateStyle::kSeireki) == "2010年3月1日");
  CHECK(FormatPeriod(Period{}, DateStyle::kWareki) == "");
}

TEST_CASE("ParsePeriod/FormatPeriod: days or months of one year name the year once, as notices write them") {
  // 「令和6年4月1日～5月31日」 was 「日付として読めません: 「令和5月31日」」.
  Period p = PP("令和6年4月1日～5月31日", false);
  CHECK(p.since == Date{2024, 4, 1, kD});
  CHECK(p.until == Date{2024, 5, 31, kD});
  CHECK(FormatPeriod(p, DateStyle::kWareki) == "令和6年4月1日〜5月31日");
  CHECK(FormatPeriod(p, DateStyle::kSeireki) == "2024年4月1日〜5月31日");
  CHECK(PP("2024年4月1日（月）〜5月31日（金）", false).until == Date{2024, 5, 31, kD});
  CHECK(PP("令和元年5月1日〜12月", false).until == Date{2019, 12, 0, DatePrecision::kMonth});
  CHECK(PP("令和6年4月〜6月", false).until == Date{2024, 6, 0, DatePrecision::kMonth});
  // The short forms: 5.12 after a day is 5月12日 of its year, not 令和5年12月.
  CHECK(PP("R6.4.1〜5.12", false).until == Date{2024, 5, 12, kD});
  CHECK(PP("R6.4.1～5.31", false).until == Date{2024, 5, 31, kD});
  CHECK(PP("令和6.4.1〜5.31", false).until == Date{2024, 5, 31, kD});
  CHECK(PP("2024/4/1〜5/31", false).until == Date{2024, 5, 31, kD});
  CHECK(PP("R4–8", true).until == Date{2026, 0, 0, DatePrecision::kFiscalYear});  // years still take the era
  CHECK(FormatPeriod(PP("2010-03-01〜2010-03-31", false), DateStyle::kSeireki) == "2010年3月1日〜3月31日");
  // Another year, another era, or years and 年度 keep both.
  CHECK(FormatPeriod(PP("2024-12-01〜2025-01-31", false), DateStyle::kWareki) == "令和6年12月1日〜令和7年1月31日");
  CHECK(FormatPeriod(PP("平成31年4月1日〜令和元年5月31日", false), DateStyle::kWareki) == "平成31年4月1日〜令和元年5月31日");
  CHECK(FormatPeriod(PP("2019-04-01〜2019-05-31", false), DateStyle::kSeireki) == "2019年4月1日〜5月31日");
  CHECK(FormatPeriod(PP("令和4年度〜令和4年度", true), DateStyle::kWareki) == "令和4年度");
  CHECK(FormatPeriod(PP("2024年〜2024年3月", false), DateStyle::kWareki) == "令和6年〜令和6年3月");
  const DateError e = PE("令和6年5月31日〜4月1日", false);
  CHECK(e.message == "期間の終わり（令和6年4月1日）が始まり（令和6年5月31日）より前です");
  CHECK(e.hint == "令和6年4月1日〜5月31日と書いてください");
}

TEST_CASE("ParsePeriod errors") {
  DateError e = PE("H30-H26", true);
  CHECK(e.message == "期間の終わり（平成26年度）が始まり（平成30年度）より前です");
  CHECK(e.hint == "平成26年度〜平成30年度と書いてください");
  CHECK(PE("2018年〜2014年", false).message == "期間の終わり（2014年）が始まり（2018年）より前です");
  e = PE("H28-H32", true);
  CHECK(e.message == "平成32年度はありません（平成は31年（2019年）4月30日まで）");
  CHECK(e.hint == "令和2年度と書いてください");
  CHECK(PE("2024-02-30", false).message == "2024年2月30日は存在しません（2024年2月は29日まで）");
  e = PE("〜", false);
  CHECK(e.message == "期間として読めません: 「〜」");
  CHECK(e.hint == "令和4年度〜令和8年度、昭和47年〜 のように書いてください");
  CHECK(PE("R4〜R6〜R8", true).message == "期間として読めません: 「R4〜R6〜R8」");
  CHECK(PE("", true).message == "期間として読めません: 「」");
  CHECK(PE("令和4年度〜foo", true).message == "日付として読めません: 「foo」");
}

}  // namespace kyodo
