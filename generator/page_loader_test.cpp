#include "page_loader.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

TEST_CASE("CorporateFormOf and StripCorporateForm") {
  CHECK(CorporateFormOf("特定非営利活動法人 子育てサロン") == "特定非営利活動法人");
  CHECK(CorporateFormOf("NPO法人すわ") == "特定非営利活動法人");
  CHECK(CorporateFormOf("ＮＰＯ法人 すわ") == "特定非営利活動法人");
  CHECK(CorporateFormOf("認定NPO法人 さく") == "認定特定非営利活動法人");
  CHECK(CorporateFormOf("（特非）あづみの") == "特定非営利活動法人");
  CHECK(CorporateFormOf("一般社団法人 すながわ") == "一般社団法人");
  CHECK(CorporateFormOf("さくら株式会社") == "株式会社");
  CHECK(CorporateFormOf("まちづくり市民協議会") == "");
  CHECK(StripCorporateForm("認定NPO法人 さく") == "さく");
  CHECK(StripCorporateForm("（特非）あづみの") == "あづみの");
  CHECK(StripCorporateForm("さくら株式会社") == "さくら");
}

}  // namespace
}  // namespace kyodo
