#include "dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <utility>
#include <vector>

#include "era_calendar.h"
#include "text.h"

namespace kyodo {
namespace {

// The first and last day a date covers.
std::pair<int, int> Span(const Date& d) {
  const int y = d.year, m = d.month;
  switch (d.precision) {
    case DatePrecision::kYear: return {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31)};
    case DatePrecision::kMonth: return {DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m))};
    case DatePrecision::kDay: return {DaysFromCivil(y, m, d.day), DaysFromCivil(y, m, d.day)};
    case DatePrecision::kFiscalYear: return {DaysFromCivil(y, 4, 1), DaysFromCivil(y + 1, 3, 31)};
  }
  return {0, 0};
}

// A fiscal year takes the era in force on its 31 December: a new era that began
// in April–December names the whole 年度 (2019年度 is 令和元年度), while one that
// began in January–March does not (1988年度 is 昭和63年度, not 平成0年度).
int EraForFormat(const Date& d) {
  if (d.year < kMinYear || d.year > kMaxYear) return -1;  // also keeps day arithmetic from overflowing
  if (d.precision == DatePrecision::kFiscalYear) return EraAt(DaysFromCivil(d.year, 12, 31));
  const auto [first, last] = Span(d);
  if (d.later_era) return EraAt(last);
  const int era = EraAt(first);
  // 1868年 begins before ICU's 明治 but is still 明治元年.
  if (era < 0 && !Eras().empty() && last >= Eras()[0].start) return 0;
  return era;
}

std::string EraYear(int era_year) { return era_year == 1 ? "元" : std::to_string(era_year); }

// What the author wrote, before it is checked against the calendar.
struct Written {
  int era = -1;  // index into Eras(); -1 for 西暦
  bool era_letter = false;
  int year = 0;  // the era's year when era >= 0
  int month = 0;
  int day = 0;
  int weekday = -1;  // 0 = 日 … 6 = 土 when a day was followed by （月）
  DatePrecision precision = DatePrecision::kDay;
};

// Messages quote the date rebuilt from its parts, so R1.5.1 and 令和1年5月1日 read alike.
std::string Describe(const Written& w, DatePrecision precision) {
  std::string s = w.era >= 0 ? Eras()[w.era].name + (w.year == 0 ? "0" : EraYear(w.year)) : std::to_string(w.year);
  s += precision == DatePrecision::kFiscalYear ? "年度" : "年";
  if (precision == DatePrecision::kMonth || precision == DatePrecision::kDay) s += std::to_string(w.month) + "月";
  if (precision == DatePrecision::kDay) s += std::to_string(w.day) + "日";
  return s;
}

bool Eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}


std::optional<int> EatAsciiNumber(std::string_view& s, size_t max_len) {
  size_t n = 0;
  while (n < s.size() && IsAsciiDigit(s[n])) ++n;
  if (n == 0 || n > max_len) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < n; ++i) value = value * 10 + (s[i] - '0');
  s.remove_prefix(n);
  return value;
}

// 〇..九 → 0..9, 十 → 10, else -1.
int EatKanjiDigit(std::string_view& s) {
  static constexpr std::array<std::string_view, 11> kKanji = {"〇", "一", "二", "三", "四", "五",
                                                              "六", "七", "八", "九", "十"};
  for (size_t i = 0; i < kKanji.size(); ++i)
    if (Eat(s, kKanji[i])) return static_cast<int>(i);
  return -1;
}

// Kanji numerals are either positional (二〇一〇) or one 十 compound (十, 二十, 三十一).
std::optional<int> EatKanjiNumber(std::string_view& s) {
  std::vector<int> ds;
  for (int d; ds.size() < 6 && (d = EatKanjiDigit(s)) >= 0;) ds.push_back(d);
  const auto ten = std::find(ds.begin(), ds.end(), 10);
  if (ds.empty() || std::count(ds.begin(), ds.end(), 10) > 1) return std::nullopt;
  if (ten == ds.end()) {
    int value = 0;
    for (int d : ds) value = value * 10 + d;
    return value;
  }
  const size_t at = ten - ds.begin(), after = ds.size() - at - 1;
  if (at > 1 || after > 1 || (at == 1 && ds[0] == 0) || (after == 1 && ds.back() == 0)) return std::nullopt;
  return (at == 1 ? ds[0] : 1) * 10 + (after == 1 ? ds.back() : 0);
}

std::optional<int> EatNumber(std::string_view& s) {
  return !s.empty() && IsAsciiDigit(s[0]) ? EatAsciiNumber(s, 6) : EatKanjiNumber(s);
}

bool EatEra(std::string_view& s, Written& w) {
  const auto& eras = Eras();
  for (size_t i = 0; i < eras.size(); ++i) {
    const char c = eras[i].letter;
    const bool letter = c != 0 && !s.empty() && (s[0] == c || s[0] == c - 'A' + 'a');
    if (letter || s.starts_with(eras[i].name)) {
      s.remove_prefix(letter ? 1 : eras[i].name.size());
      // 「H.22.3.1」: a dot after the era letter, as some forms print it.
      if (letter && s.size() > 1 && s[0] == '.' && IsAsciiDigit(s[1])) s.remove_prefix(1);
      w.era = static_cast<int>(i);
      w.era_letter = letter;
      return true;
    }
  }
  return false;
}

constexpr std::string_view kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};

// 0 = 日 … 6 = 土.
int WeekdayOf(int year, int month, int day) {
  return ((DaysFromCivil(year, month, day) % 7) + 11) % 7;  // 1970-01-01 was a 木曜日
}

// "(月)" after a day (NFKC has turned （月） into (月)), as notices write dates.
bool EatWeekday(std::string_view& s, Written& w) {
  if (s.empty()) return true;
  if (w.precision != DatePrecision::kDay || !Eat(s, "(")) return false;
  for (int i = 0; i < 7; ++i) {
    if (Eat(s, kWeekdays[i])) {
      w.weekday = i;
      Eat(s, "曜日") || Eat(s, "曜");
      return Eat(s, ")") && s.empty();
    }
  }
  return false;
}

// "-3-1" of 2010-3-1, ".5.1" of R1.5.1: month, then an optional day, 1–2 ASCII digits each.
bool EatSeparated(std::string_view& s, char sep, Written& w) {
  auto part = [&](int& out) {
    std::optional<int> n;
    // (A separator with nothing after it, 「H22.3.」, is not taken.)
    if (s.size() < 2 || s[0] != sep) return false;
    s.remove_prefix(1);
    return (n = EatAsciiNumber(s, 2)) && (out = *n, true);
  };
  if (!part(w.month)) return false;
  w.precision = part(w.day) ? DatePrecision::kDay : DatePrecision::kMonth;
  return EatWeekday(s, w);
}

// 年 [度 | M月 [D日]] after the year.
bool EatKanjiSuffix(std::string_view& s, Written& w) {
  if (!Eat(s, "年")) return false;
  w.precision = Eat(s, "度") ? DatePrecision::kFiscalYear : DatePrecision::kYear;
  if (s.empty()) return true;
  if (w.precision == DatePrecision::kFiscalYear) return false;
  std::optional<int> n = EatNumber(s);
  if (!n || !Eat(s, "月")) return false;
  w.month = *n, w.precision = DatePrecision::kMonth;
  if (s.empty()) return true;
  n = EatNumber(s);
  if (!n || !Eat(s, "日")) return false;
  w.day = *n, w.precision = DatePrecision::kDay;
  return EatWeekday(s, w);
}

std::optional<Written> ParseWritten(std::string_view s) {
  Written w;
  const bool has_era = EatEra(s, w);
  const std::string_view year_text = s;
  const std::optional<int> year = has_era && Eat(s, "元") ? std::optional<int>(1) : EatNumber(s);
  if (!year) return std::nullopt;
  w.year = *year;
  const std::string_view year_digits = year_text.substr(0, year_text.size() - s.size());
  const bool four_ascii = year_digits.size() == 4 && std::all_of(year_digits.begin(), year_digits.end(), IsAsciiDigit);
  bool ok = false;
  if (s.empty()) {  // S47, 2010
    w.precision = DatePrecision::kYear;
    ok = has_era ? w.era_letter : four_ascii;
  } else if (!has_era && (s[0] == '-' || s[0] == '/' || s[0] == '.')) {  // 2010-3-1, 2010/3/1, 2010.3.1
    ok = four_ascii && EatSeparated(s, s[0], w);
  } else if (s[0] == '.' || s[0] == '/') {  // R1.5.1, R1/5/1, 令和6.4.1
    ok = EatSeparated(s, s[0], w);
  } else {
    ok = EatKanjiSuffix(s, w);
  }
  return ok ? std::optional<Written>(w) : std::nullopt;
}

template <class T>
std::optional<T> Fail(DateError* error, std::string message, std::string hint = {}) {
  if (error) *error = {std::move(message), std::move(hint)};
  return std::nullopt;
}

// A date written in an era must fall inside it; otherwise name the era's bounds and
// suggest the same date in the era that was in force.
std::optional<Date> CheckEra(const Written& w, const Date& d, DateError* error) {
  const Era& era = Eras()[w.era];
  const int start = era.start, end = EraEnd(w.era);
  const auto [first, last] = Span(d);
  bool ok = first <= end && last >= start;  // 年 and 月 need only one day in the era
  if (d.precision == DatePrecision::kFiscalYear) {
    // April 1 in the era, or the era began during the 年度 (令和 on 2019-05-01: 令和元年度).
    ok = (first >= start && first <= end) || (start >= first && start <= last);
  }
  if (ok) {
    // 令和元年 is also 平成31年: keep the era the author chose for showing it.
    Date kept = d;
    // (1868 begins before ICU's 明治 and is 明治元年 anyway: EraForFormat.)
    const int era_at_first = EraAt(first);
    kept.later_era = d.precision != DatePrecision::kFiscalYear && era_at_first >= 0 && era_at_first != w.era;
    return kept;
  }
  std::string bound;
  if (first > end) {
    const Ymd e = CivilFromDays(end);
    bound = EraYear(e.y - era.start_ymd.y + 1) + "年（" + std::to_string(e.y) + "年）" + std::to_string(e.m) + "月" +
            std::to_string(e.d) + "日まで";
  } else {
    const Ymd s = era.start_ymd;
    bound = "元年（" + std::to_string(s.y) + "年）" + std::to_string(s.m) + "月" + std::to_string(s.d) + "日から";
  }
  return Fail<Date>(error, Describe(w, d.precision) + "はありません（" + era.name + "は" + bound + "）",
                    FormatDate(d, DateStyle::kWareki) + "と書いてください");
}

std::optional<Date> Resolve(const Written& w, DateError* error) {
  const std::string described = Describe(w, w.precision);
  if (w.era >= 0 && w.year == 0) {
    const std::string& name = Eras()[w.era].name;
    return Fail<Date>(error, described + "はありません",
                      "元年は「" + name + "元年」（または" + name + "1年）と書きます");
  }
  Date d{w.year, w.month, w.day, w.precision};
  if (w.era >= 0) d.year = Eras()[w.era].start_ymd.y + w.year - 1;
  if (d.year < kMinYear || d.year > kMaxYear)
    return Fail<Date>(error, described + "は扱えません（" + std::to_string(kMinYear) + "年から" +
                                 std::to_string(kMaxYear) + "年まで）");
  const bool has_month = d.precision == DatePrecision::kMonth || d.precision == DatePrecision::kDay;
  if (has_month && (d.month < 1 || d.month > 12)) {
    return Fail<Date>(error, described + "は存在しません（月は1から12まで）");
  }
  if (d.precision == DatePrecision::kDay && (d.day < 1 || d.day > DaysInMonth(d.year, d.month))) {
    return Fail<Date>(error, described + "は存在しません（" + Describe(w, DatePrecision::kMonth) + "は" +
                                 std::to_string(DaysInMonth(d.year, d.month)) + "日まで）");
  }
  if (w.weekday >= 0) {
    const int actual = WeekdayOf(d.year, d.month, d.day);
    if (actual != w.weekday) {
      // 「（火曜日と書かれています）」: the (火) NFKC made of （火） read 「（(火)と…）」, half-width
      // brackets inside 全角 ones.
      return Fail<Date>(error, described + "は" + std::string(kWeekdays[actual]) + "曜日です（" +
                                   std::string(kWeekdays[w.weekday]) + "曜日と書かれています）",
                        "日付か曜日を直してください");
    }
  }
  return w.era >= 0 ? CheckEra(w, d, error) : d;
}

// Official documents pad one-digit numbers to line dates up (「令和　６年　４月　１日」)
// and clerks put a space before the weekday (「2024年4月1日 (月)」): a space next to a
// Japanese character is no part of a date. One between ASCII characters is kept
// (「2010 3」 is not 2010年3月, and 「2024-04-01 - 2025-03-31」 keeps its separator).
std::string DropSpacesBesideJapanese(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != ' ' && s[i] != '\t') {
      out += s[i++];
      continue;
    }
    size_t end = i;
    while (end < s.size() && (s[end] == ' ' || s[end] == '\t')) ++end;
    const bool japanese_before = !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80;
    const bool japanese_after = end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80;
    if (!japanese_before && !japanese_after) out.append(s, i, end - i);
    i = end;
  }
  return out;
}

// NFKC turns 全角 digits and letters, ～ and ㍻ into what the grammar expects.
std::string Normalize(std::string_view text) {
  std::string s = DropSpacesBesideJapanese(Nfkc(text));
  const size_t b = s.find_first_not_of(" \t\r\n\f\v");
  return b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1);
}

// The day at the start of 「令和8年3月31日17時まで」 or 「…(火)必着」, as a 受付期限 is
// written on paper, or "": the words after it cannot be part of a date field.
std::string DayBeforeWords(const std::string& s) {
  static constexpr std::string_view kWords[] = {"時", "まで", "迄", "必着", "締切", "締め切り", "消印", "午前", "午後", "正午"};
  if (s.size() > 200) return "";  // a pasted paragraph: no prefix search over it
  for (size_t end = s.size(); end-- > 1;) {
    if ((static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
    const std::string_view rest = std::string_view(s).substr(end);
    // 「2010-03-01-」「…(月」 are typos in the date, not words after it.
    if (std::none_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) { return rest.find(w) != rest.npos; })) continue;
    std::optional<Written> w = ParseWritten(s.substr(0, end));
    if (w && w->precision == DatePrecision::kDay) return s.substr(0, end);
  }
  return "";
}

// The day an Excel serial number stands for (「45383」 → "2024-04-01"), or "". A date
// cell whose format became 標準 or 数値 is saved into a CSV as the days since Excel's
// day 0 (1899-12-30, as Excel counts 1900 as a leap year). Only five digits count:
// four are a year, and five cover 1927–2173, the days a register holds.
std::string ExcelSerialDay(const std::string& s) {
  if (s.size() != 5 || s[0] == '0' || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  const Ymd ymd = CivilFromDays(DaysFromCivil(1899, 12, 30) + std::stoi(s));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.y, ymd.m, ymd.d);
  return buf;
}

std::optional<Date> ParseNormalized(const std::string& s, bool years_are_fiscal, DateError* error,
                                    Written* written = nullptr) {
  std::optional<Written> w = ParseWritten(s);
  for (std::string_view about : {"頃", "ごろ", "前後"}) {  // 「2005年3月頃」 in a register: the date is the fix
    if (!w && s.ends_with(about) && ParseWritten(s.substr(0, s.size() - about.size()))) {
      return Fail<Date>(error, "日付として読めません: 「" + s + "」", "「" + std::string(about) + "」を付けずに「" +
                                                                      s.substr(0, s.size() - about.size()) + "」と書いてください");
    }
  }
  if (!w) {
    // 「4/1/2024」: Excel with English date settings writes month/day/year, which
    // cannot be told from day/month/year; the year goes first.
    static const std::regex kYearLast(R"(^[0-9]{1,2}([/.-])[0-9]{1,2}\1([0-9]{4})$)");
    std::smatch m;
    if (std::regex_match(s, m, kYearLast)) {
      return Fail<Date>(error, "日付として読めません: 「" + s + "」（年が最後にあります）",
                        "年・月・日の順に " + m[2].str() + "/4/1 のように書いてください");
    }
    if (std::string day = ExcelSerialDay(s); !day.empty()) {
      return Fail<Date>(error, "日付として読めません: 「" + s + "」（Excel が日付を数値で保存した形です）",
                        "「" + day + "」のことなら、その列の書式を「文字列」にして " + day +
                            " のように入れ直してください（Excel は日付のセルを 1900年1月1日からの日数で書き出すことがあります）");
    }
    if (std::string date = DayBeforeWords(s); !date.empty()) {
      return Fail<Date>(error, "日付として読めません: 「" + s + "」（日付の後ろに「" + s.substr(date.size()) + "」があります）",
                        "「" + date + "」だけを書いてください。時刻や「まで」「必着」などは本文や説明に書きます");
    }
    return Fail<Date>(error, "日付として読めません: 「" + s + "」",
                      "2010-03-01、平成22年3月、令和4年度 のように書いてください");
  }
  if (years_are_fiscal && w->precision == DatePrecision::kYear) w->precision = DatePrecision::kFiscalYear;
  if (written) *written = *w;
  return Resolve(*w, error);
}

std::optional<Period> FailPeriod(const std::string& s, DateError* error) {
  return Fail<Period>(error, "期間として読めません: 「" + s + "」",
                      "令和4年度〜令和8年度、昭和47年〜 のように書いてください");
}

// 令和6年4月1日〜5月31日, R6.4.1〜5.31, 2024/4/1〜5/31: a notice leaves out the year the
// end shares with the start (FormatPeriod writes it so). The end with the start's year
// put before it, or "" when the end is no month or day without a year. The end was
// read alone or after the era only: 「日付として読めません: 「令和5月31日」」, and R6.4.1〜5.12
// was 令和5年12月.
std::string InSameYear(const Written& start, const std::string& end) {
  if ((start.precision != DatePrecision::kDay && start.precision != DatePrecision::kMonth) ||
      end.find("年") != std::string::npos) {
    return "";
  }
  std::string year = std::to_string(start.year);
  if (start.era >= 0) year = start.era_letter ? Eras()[start.era].letter + year : Eras()[start.era].name + EraYear(start.year);
  if (end.find("月") != std::string::npos) return year + "年" + end;
  static const std::regex kMonthDay(R"(^[0-9]{1,2}([./])[0-9]{1,2}$)");
  std::smatch m;
  if (start.precision == DatePrecision::kDay && std::regex_match(end, m, kMonthDay)) return year + m[1].str() + end;
  return "";
}

// One side may be empty (an open end). The right side may leave out the era the left
// side named (R4–8, 令和4年度〜8年度), or the year (InSameYear).
std::optional<Period> SplitPeriod(const std::string& s, size_t at, size_t len, bool fiscal, DateError* error) {
  const std::string left = Normalize(s.substr(0, at)), right = Normalize(s.substr(at + len));
  if (left.empty() && right.empty()) return FailPeriod(s, error);
  Period p;
  Written lw, rw;
  if (!left.empty() && !(p.since = ParseNormalized(left, fiscal, error, &lw))) return std::nullopt;
  if (!right.empty()) {
    std::string_view rest = right;
    const bool inherit = lw.era >= 0 && (IsAsciiDigit(right[0]) || EatKanjiDigit(rest) >= 0 || right.starts_with("元"));
    if (const std::string same_year = p.since ? InSameYear(lw, right) : ""; !same_year.empty()) {
      p.until = ParseNormalized(same_year, fiscal, error, &rw);
    } else {
      p.until = ParseNormalized(right, fiscal, inherit ? nullptr : error, &rw);
      if (!p.until && inherit) {
        const Era& era = Eras()[lw.era];
        p.until = ParseNormalized((lw.era_letter ? std::string(1, era.letter) : era.name) + right, fiscal, error, &rw);
      }
    }
    if (!p.until) return std::nullopt;
  }
  if (p.since && p.until && Span(*p.until).second < Span(*p.since).first) {
    const DateStyle style = lw.era >= 0 || rw.era >= 0 ? DateStyle::kWareki : DateStyle::kSeireki;
    const std::string since = FormatDate(*p.since, style), until = FormatDate(*p.until, style);
    return Fail<Period>(error, "期間の終わり（" + until + "）が始まり（" + since + "）より前です",
                        FormatPeriod(Period{p.until, p.since}, style) + "と書いてください");
  }
  return p;
}

}  // namespace

int Date::SortKey() const {
  switch (precision) {
    case DatePrecision::kYear: return year * 10000 + 101;
    case DatePrecision::kMonth: return year * 10000 + month * 100 + 1;
    case DatePrecision::kDay: return year * 10000 + month * 100 + day;
    case DatePrecision::kFiscalYear: return year * 10000 + 401;
  }
  return 0;
}

std::string Date::Iso() const {
  // Every card and list row carries one: digits by hand, not snprintf (%04d-%02d-%02d).
  auto append = [](std::string* out, int value, size_t width) {
    const std::string digits = std::to_string(std::abs(static_cast<long long>(value)));
    if (value < 0) *out += '-', width = width > 0 ? width - 1 : 0;
    if (digits.size() < width) out->append(width - digits.size(), '0');
    *out += digits;
  };
  std::string out;
  out.reserve(10);
  append(&out, year, 4);
  if (precision == DatePrecision::kDay || precision == DatePrecision::kMonth) {
    out += '-';
    append(&out, month, 2);
  }
  if (precision == DatePrecision::kDay) {
    out += '-';
    append(&out, day, 2);
  }
  return out;
}

std::string IsoFirst(const Date& date) {
  if (date.precision != DatePrecision::kFiscalYear) return date.Iso();
  return Date{date.year, 4, 0, DatePrecision::kMonth}.Iso();
}

std::string IsoLast(const Date& date) {
  if (date.precision != DatePrecision::kFiscalYear) return date.Iso();
  return Date{date.year + 1, 3, 0, DatePrecision::kMonth}.Iso();
}

// A day with a time after it: Excel writes a date cell that also holds a time as
// 「2024/4/1 0:00」 in a CSV, and ISO has 「2024-04-01T10:00:00」. A page's date is a day.
std::optional<std::string> DayBeforeTime(const std::string& s) {
  // libstdc++'s std::regex recurses once per character: a pasted paragraph of some
  // 30,000 characters in date: overflowed the stack and killed kyodo. The longest
  // day with a time (「令和元年12月31日（火曜日） 23:59:59」) is far under this.
  constexpr size_t kLongestDayAndTime = 120;
  if (s.size() > kLongestDayAndTime) return std::nullopt;
  static const std::regex kTime(R"(^(.*[0-9)])[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$)");
  static const std::regex kTimeAfterKanji(R"(^(.*日(\([^)]*\))?)[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$)");
  std::smatch m;
  if (std::regex_match(s, m, kTime) || std::regex_match(s, m, kTimeAfterKanji)) return m[1].str();
  return std::nullopt;
}

std::optional<Date> ParseDate(std::string_view text, DateError* error) {
  const std::string s = Normalize(text);
  if (auto day = s.find(':') == std::string::npos ? std::nullopt : DayBeforeTime(s)) {
    DateError ignored;
    if (auto d = ParseNormalized(*day, false, &ignored); d && d->precision == DatePrecision::kDay) return d;
  }
  return ParseNormalized(s, false, error);
}

std::string FormatDate(const Date& date, DateStyle style) {
  std::string s = std::to_string(date.year);
  const int era = style == DateStyle::kWareki ? EraForFormat(date) : -1;
  if (era >= 0) s = Eras()[era].name + EraYear(date.year - Eras()[era].start_ymd.y + 1);
  switch (date.precision) {
    case DatePrecision::kYear: return s + "年";
    case DatePrecision::kMonth: return s + "年" + std::to_string(date.month) + "月";
    case DatePrecision::kDay: return s + "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
    case DatePrecision::kFiscalYear: return s + "年度";
  }
  return s;
}

std::string WeekdayText(const Date& date) {
  if (date.precision != DatePrecision::kDay) return "";
  return "（" + std::string(kWeekdays[WeekdayOf(date.year, date.month, date.day)]) + "）";
}

namespace {

std::optional<Period> ParsePeriodAsWritten(std::string_view text, bool years_are_fiscal, DateError* error) {
  const std::string s = Normalize(text);
  size_t at = std::string::npos, len = 0;
  int separators = 0;
  for (std::string_view sep : {"〜", "~", "–", "—", "―"}) {
    for (size_t i = s.find(sep); i != std::string::npos; i = s.find(sep, i + sep.size())) {
      ++separators, at = i, len = sep.size();
    }
  }
  if (separators > 1 || s.empty()) return FailPeriod(s, error);
  if (separators == 1) return SplitPeriod(s, at, len, years_are_fiscal, error);
  // ASCII '-' is also inside ISO dates, so it separates only where both sides read as dates.
  DateError single_error;
  if (auto d = ParseNormalized(s, years_are_fiscal, &single_error)) return Period{d, d};
  for (size_t i = s.find('-'); i != std::string::npos; i = s.find('-', i + 1)) {
    if (auto p = SplitPeriod(s, i, 1, years_are_fiscal, nullptr)) return p;
  }
  // Report what the author most likely meant: one date (2024-02-30) or one period (H28-H32).
  if (ParseWritten(s)) return Fail<Period>(error, single_error.message, single_error.hint);
  const size_t dash = s.find('-');
  if (dash != std::string::npos && dash == s.rfind('-')) return SplitPeriod(s, dash, 1, years_are_fiscal, error);
  return FailPeriod(s, error);
}

// 「令和4年度から令和8年度まで」 and 「…令和3年度（3年間）」 as the period they say:
// から → 〜, まで and a closing note in brackets left out; "" when nothing changes.
std::string Respelled(std::string_view text) {
  std::string s(text);
  for (size_t at; (at = s.find("から")) != std::string::npos;) s.replace(at, 6, "〜");
  for (size_t at; (at = s.find("まで")) != std::string::npos;) s.erase(at, 6);
  for (const auto& [open, close] : {std::pair<std::string, std::string>{"（", "）"}, {"(", ")"}}) {
    const size_t at = s.rfind(open);
    if (at != std::string::npos && at > 0 && s.ends_with(close)) s.erase(at);
  }
  s = CollapseWhitespace(s);
  return s == CollapseWhitespace(text) ? "" : s;
}

}  // namespace

std::optional<Period> ParsePeriod(std::string_view text, bool years_are_fiscal, DateError* error) {
  std::optional<Period> p = ParsePeriodAsWritten(text, years_are_fiscal, error);
  if (p || !error) return p;
  const std::string respelled = Respelled(text);
  if (!respelled.empty() && ParsePeriodAsWritten(respelled, years_are_fiscal, nullptr)) {
    const bool words = text.find("から") != std::string_view::npos || text.find("まで") != std::string_view::npos;
    error->hint = respelled + " と書いてください（" + (words ? "「から」「まで」は 〜 で書きます）" : "期間の説明は本文に書きます）");
  }
  return p;
}

std::string FormatPeriod(const Period& period, DateStyle style) {
  if (!period.since && !period.until) return "";
  if (period.since && period.until && *period.since == *period.until) return FormatDate(*period.since, style);
  const std::string since = period.since ? FormatDate(*period.since, style) : "";
  std::string until = period.until ? FormatDate(*period.until, style) : "";
  // 「令和6年4月1日〜5月31日」: days or months of one year name it once, as notices do.
  // Years and 年度 keep both (令和4年度〜令和8年度, as plans name their period).
  auto by_month = [](const std::optional<Date>& d) {
    return d && (d->precision == DatePrecision::kDay || d->precision == DatePrecision::kMonth);
  };
  const size_t year_end = since.find("年");
  if (by_month(period.since) && by_month(period.until) && year_end != std::string::npos &&
      until.compare(0, year_end + std::string_view("年").size(), since, 0, year_end + std::string_view("年").size()) == 0) {
    until.erase(0, year_end + std::string_view("年").size());
  }
  return since + "〜" + until;
}

}  // namespace kyodo
