#include "color.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

Color C(const char* hex) {
  std::string err;
  auto c = ParseColor(hex, &err);
  REQUIRE_MESSAGE(c.has_value(), err);
  return *c;
}

TEST_CASE("ParseColor reads #rgb and #rrggbb in either case") {
  CHECK(C("#fff") == Color{255, 255, 255});
  CHECK(C("#0031D8") == Color{0, 0x31, 0xd8});
  CHECK(C("#a1B") == Color{0xaa, 0x11, 0xbb});
  CHECK(ToHex(C("#A1B")) == "#aa11bb");
}

TEST_CASE("ParseColor rejects every other form with a Japanese reason") {
  std::string err;
  CHECK_FALSE(ParseColor("red", &err));
  CHECK(err == "色「red」は #1a2b3c のように # と16進数で書いてください");
  CHECK_FALSE(ParseColor("#12345678", &err));
  CHECK(err == "色「#12345678」は #rgb か #rrggbb（16進数3桁か6桁）で書いてください");
  CHECK_FALSE(ParseColor("#12g", &err));
  CHECK(err == "色「#12g」に16進数（0〜9, a〜f）でない文字があります");
  CHECK_FALSE(ParseColor("rgb(0,0,0)", &err));
  CHECK_FALSE(ParseColor("", &err));
  CHECK_FALSE(ParseColor("#", &err));
}

TEST_CASE("ContrastRatio matches the WCAG figures") {
  CHECK(ContrastRatio(C("#000"), C("#fff")) == doctest::Approx(21.0));
  CHECK(ContrastRatio(C("#fff"), C("#fff")) == doctest::Approx(1.0));
  // The two classic greys either side of the 4.5:1 line.
  CHECK(ContrastRatio(C("#767676"), C("#ffffff")) == doctest::Approx(4.5422).epsilon(1e-4));
  CHECK(ContrastRatio(C("#777777"), C("#ffffff")) == doctest::Approx(4.4781).epsilon(1e-4));
  CHECK(ContrastRatio(C("#999999"), C("#ffffff")) == doctest::Approx(2.8490).epsilon(1e-4));
  // Order does not matter.
  CHECK(ContrastRatio(C("#fff"), C("#0031d8")) == ContrastRatio(C("#0031d8"), C("#fff")));
  CHECK(RelativeLuminance(C("#ffffff")) == doctest::Approx(1.0));
  CHECK(RelativeLuminance(C("#000000")) == doctest::Approx(0.0));
}

TEST_CASE("FormatRatio cuts instead of rounding so a failing ratio never shows as passing") {
  CHECK(FormatRatio(4.4999) == "4.49");
  CHECK(FormatRatio(4.5) == "4.50");
  CHECK(FormatRatio(2.849) == "2.84");
  CHECK(FormatRatio(21.0) == "21.00");
}

TEST_CASE("NearestPassing darkens on light backgrounds and lightens on dark ones") {
  auto dark = NearestPassing(C("#999999"), C("#ffffff"), 4.5);
  REQUIRE(dark);
  CHECK(ContrastRatio(*dark, C("#ffffff")) >= 4.5);
  CHECK(ContrastRatio(*dark, C("#ffffff")) < 4.6);  // as little change as needed
  CHECK(ToHex(*dark) == "#767676");
  auto light = NearestPassing(C("#444444"), C("#000000"), 4.5);
  REQUIRE(light);
  CHECK(ContrastRatio(*light, C("#000000")) >= 4.5);
  CHECK(RelativeLuminance(*light) > RelativeLuminance(C("#444444")));
  // Already passing: unchanged.
  CHECK(NearestPassing(C("#000"), C("#fff"), 4.5) == C("#000"));
  // Against mid grey #777777 even black reaches only 4.69:1, so 7:1 is impossible.
  CHECK_FALSE(NearestPassing(C("#777777"), C("#777777"), 7.0));
}

}  // namespace
}  // namespace kyodo
