#include "block_text.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("the text of a block scalar begins on its first non-blank line, after the indentation") {
  YamlFile file("c/site.yaml", "name: 南町\nintro: |\n\n    本文です。\n    [指針](a.md)\nurl: x\n", 1);
  Diagnostics d;
  REQUIRE(file.Parse(&d));
  const SourceLoc value{"c/site.yaml", 2, 8};  // the |
  const SourceLoc start = BlockTextStart(file, value);
  CHECK(start.line == 4);
  CHECK(start.col == 5);
  // A value on its own line is where it is written.
  const SourceLoc plain{"c/site.yaml", 1, 7};
  CHECK(BlockTextStart(file, plain).line == 1);
  CHECK(BlockTextStart(file, plain).col == 7);
  // Front matter starts on line 2 of its file; 全角 characters before the | count once.
  YamlFile fm("c/a.md", "タイトル: |\n  本文\n", 2);
  CHECK(BlockTextStart(fm, {"c/a.md", 2, 7}).line == 3);
  CHECK(BlockTextStart(fm, {"c/a.md", 2, 7}).col == 3);
}

}  // namespace kyodo
