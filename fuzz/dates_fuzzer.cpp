// Bytes → ParseDate/ParsePeriod. Every date that parses must format in both
// styles and parse back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "dates.h"

using namespace kyodo;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  DateError err;
  if (auto date = ParseDate(text, &err)) {
    for (DateStyle style : {DateStyle::kSeireki, DateStyle::kWareki}) {
      std::string shown = FormatDate(*date, style);
      DateError again_err;
      auto again = ParseDate(shown, &again_err);
      // 「2019年」 cannot say whether it was 令和元年 or 平成31年: 西暦 drops later_era.
      Date expected = *date;
      if (style == DateStyle::kSeireki) expected.later_era = false;
      if (!again || !(*again == expected)) std::abort();
    }
    if (date->Iso().empty()) std::abort();
  } else if (err.message.empty()) {
    std::abort();  // a rejection must say why
  }
  for (bool fiscal : {false, true}) {
    DateError perr;
    if (auto period = ParsePeriod(text, fiscal, &perr)) {
      if (period->since && period->until && period->until->SortKey() < period->since->SortKey() &&
          period->until->precision == period->since->precision) {
        std::abort();
      }
      FormatPeriod(*period, DateStyle::kWareki);
    }
  }
  return 0;
}
