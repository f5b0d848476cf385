// Dates as Japanese municipal documents write them: ISO (2010-03-01), 西暦 with
// 年月日, and 和暦 (平成22年3月, 令和4年度, 昭和47年, 令和元年5月1日, R1.5.1), keeping the
// precision the author gave. The era table comes from ICU's Japanese calendar.
#ifndef KYODO_DATES_H_
#define KYODO_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace kyodo {

enum class DatePrecision { kYear, kMonth, kDay, kFiscalYear };
enum class DateStyle { kSeireki, kWareki };

/// A calendar date with the precision the author wrote. For kYear only `year` is
/// set, for kMonth `year` and `month`; kFiscalYear means the 年度 that starts on
/// April 1 of `year`.
struct Date {
  int year = 0;
  int month = 0;  ///< 1-12, 0 when not given
  int day = 0;    ///< 1-31, 0 when not given
  DatePrecision precision = DatePrecision::kDay;
  /// A year or month written in the era that began during it (令和元年, 平成元年1月): it
  /// is shown in that era, not in the one in force on its first day (平成31年).
  bool later_era = false;

  /// yyyymmdd of the first day the date covers (2005-03 → 20050301, 令和4年度 → 20220401).
  int SortKey() const;
  /// Machine-readable form for <time datetime> and open data: "2010-03-01",
  /// "2005-03", "1972", and for a fiscal year "2022" (its first calendar year).
  std::string Iso() const;
  bool operator==(const Date&) const = default;
};

/// W3C/ISO date of the first and last month a date covers, for data files and
/// sitemaps: like Iso(), but a 年度 (April to March) is given by its months —
/// 令和4年度 → "2022-04" first and "2023-03" last — since a bare "2022" would read as
/// the calendar year.
std::string IsoFirst(const Date& date);
std::string IsoLast(const Date& date);

/// Why a date did not parse, with a correction where one exists.
struct DateError {
  std::string message;  ///< e.g. 「平成32年はありません（平成は31年4月30日まで）」
  std::string hint;     ///< e.g. 「令和2年と書いてください」; may be empty
};

/// Parses one date. Accepts, after NFKC (so 全角 digits work):
///   2010-03-01, 2010-03, 2010, 2010年3月1日, 2010年3月, 2010年, 2022年度,
///   平成22年3月1日, 平成22年3月, 平成22年, 令和4年度, 令和元年5月1日 (元年 or 1年),
///   R1.5.1, H.22.3.1, H22.3, S47 (M/T/S/H/R, upper or lower case), 令和6.4.1, and kanji numerals
///   (令和四年, 平成二十二年三月).
/// Rejects impossible days (2024-02-30), era years past the era's end or before its
/// start (平成32年 → suggest 令和2年; 令和元年4月1日 → suggest 平成31年4月1日), 令和0年.
/// 年度 may use the era in force on April 1 (平成31年度 and 令和元年度 are both 2019年度).
std::optional<Date> ParseDate(std::string_view text, DateError* error);

/// 2010年3月1日 / 2005年3月 / 1972年 / 2022年度 (kSeireki);
/// 平成22年3月1日 / 平成17年3月 / 昭和47年 / 令和4年度 / 令和元年5月1日 (kWareki).
/// The era is the one in force on the date's first day, or for a 年度 on its 31 December;
/// a year or month with `later_era` takes the era in force on its last day.
std::string FormatDate(const Date& date, DateStyle style);

/// 「（月）」: the day of the week of a day, as notices write it after a deadline
/// (令和7年5月30日（金）まで); "" for a month, year or 年度, which have none.
std::string WeekdayText(const Date& date);
/// A span such as 昭和47年〜 (open end), R4–R8, H26-H30, 令和4年度〜令和8年度,
/// 2014年度～2018年度. Separators: - – — ― 〜 ～ ~. When `years_are_fiscal`, bare
/// years (R4, 2014年) are read as fiscal years (計画期間 are fiscal).
struct Period {
  std::optional<Date> since;
  std::optional<Date> until;
  bool operator==(const Period&) const = default;
};
std::optional<Period> ParsePeriod(std::string_view text, bool years_are_fiscal, DateError* error);

/// 「令和4年度〜令和8年度」「昭和47年〜」 in the given style; "" for an empty period.
std::string FormatPeriod(const Period& period, DateStyle style);

}  // namespace kyodo

#endif  // KYODO_DATES_H_
