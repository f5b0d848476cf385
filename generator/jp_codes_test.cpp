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

TEST_CASE("PrefectureOfCode reads the 都道府県 from a code's first two digits") {
  CHECK(PrefectureNames().size() == 47);
  CHECK(PrefectureOfCode("012262") == "北海道");   // 砂川市
  CHECK(PrefectureOfCode("131121") == "東京都");   // 世田谷区
  CHECK(PrefectureOfCode("202177") == "長野県");   // 佐久市
  CHECK(PrefectureOfCode("261009") == "京都府");   // 京都市
  CHECK(PrefectureOfCode("472018") == "沖縄県");   // 那覇市
  CHECK(PrefectureOfCode("482018") == "");
  CHECK(PrefectureOfCode("002018") == "");
  CHECK(PrefectureOfCode("2") == "");
}

TEST_CASE("法人番号 check digit") {
  // 国税庁's own example: 法人番号 7000012050002 (国税庁).
  CHECK(CorporateNumberCheckDigit("000012050002") == 7);
  CHECK(CorporateNumberCheckDigit("00001205000") == -1);
}

TEST_CASE("PhoneNumber accepts what can be dialled in Japan and shows it with hyphens") {
  CHECK(PhoneNumber("03-1234-5678") == "03-1234-5678");
  CHECK(PhoneNumber("0120-000-000") == "0120-000-000");
  CHECK(PhoneNumber("0267622111") == "0267622111");
  CHECK(PhoneNumber("048ー829ー1111") == "048-829-1111");
  CHECK(PhoneNumber("050-1234-5678") == "050-1234-5678");
  CHECK(PhoneNumber("#7119") == "#7119");
  // Parentheses and spaces are the same grouping: one style on the page and in open data.
  CHECK(PhoneNumber("(048) 829-1112") == "048-829-1112");
  CHECK(PhoneNumber("0267(62)2269") == "0267-62-2269");
  CHECK(PhoneNumber("0267 62 2111") == "0267-62-2111");
  CHECK(PhoneNumber("03 - 1234 - 5678") == "03-1234-5678");
  CHECK_FALSE(PhoneNumber("048-829-111"));    // 9 digits
  CHECK_FALSE(PhoneNumber("0267-62-21110"));  // 11 digits, not a mobile number
  CHECK_FALSE(PhoneNumber("267-62-2111"));    // no leading 0
  CHECK_FALSE(PhoneNumber("内線なし"));
  CHECK_FALSE(PhoneNumber("0267-62-2111 内線418"));
  CHECK_FALSE(PhoneNumber(""));
}

}  // namespace kyodo
