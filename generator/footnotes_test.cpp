#include "footnotes.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("a note nobody cites and a mark with no note are found where they are written") {
  const std::string md =
      "協働の定義※1は指針による[^Teigi]。改訂[^2]。\n"
      "\n"
      "```\n[^code]: コードの中は読まない\n```\n"
      "`[^inline]` の書き方と \\[^escaped] は印ではない。\n"
      "\n"
      "[^teigi]: 大文字と小文字は区別しない。\n"
      "[^1]: 指針の第2章による。\n";
  std::vector<FootnoteProblem> found = CheckFootnotes(md);
  REQUIRE(found.size() == 2);
  CHECK(found[0].offset == md.find("[^2]"));
  CHECK(found[0].message == "脚注「[^2]」の説明がないため、「[^2]」がそのまま表示されます");
  CHECK(found[0].hint == "本文の後に「[^2]: 注の文」と書いてください");
  CHECK(found[1].offset == md.find("[^1]:"));
  CHECK(found[1].message == "脚注「[^1]」は本文のどこからも使われていないため、ページに出ません");
  CHECK(found[1].hint == "注を付ける語の後に [^1] と書いてください（※1 などと書いた印は [^1] に置き換えます）");
}

TEST_CASE("notes cited from other notes or from indented lines are fine") {
  CHECK(CheckFootnotes("本文[^a]\n\n[^a]: 詳しくは[^b]\n\n  - 項目[^c]\n\n[^b]: 別の注\n[^c]: 三つ目\n").empty());
  CHECK(CheckFootnotes("").empty());
  CHECK(CheckFootnotes("[^]: 空のラベルは脚注ではない\n").empty());
}

}  // namespace kyodo
