#include "jp_codes.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("全国地方公共団体コード check digits of real municipalities") {
  CHECK(LocalGovCheckDigit("20217") == 7);  // 佐久市 202177
  CHECK(LocalGovCheckDigit("20206") == 1);  // 諏訪市 202061
  CHECK(LocalGovCheckDigit("20220") == 7);  // 安曇野市 202207
  CHECK(LocalGovCheckDigit("01226") == 2);  // 砂川市 012262
  CHECK(LocalGovCheckDigit("13101") == 6);  // 千代田区 131016
  CHECK(LocalGovCheckDigit("2021") == -1);
  CHECK(LocalGovCheckDigit("2021a") == -1);
}

TEST_CASE("法人番号 check digit") {
  // 国税庁's own example: 法人番号 7000012050002 (国税庁).
  CHECK(CorporateNumberCheckDigit("000012050002") == 7);
  CHECK(CorporateNumberCheckDigit("00001205000") == -1);
}

}  // namespace kyodo
