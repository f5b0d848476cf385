#include "file_note.h"

#include <doctest/doctest.h>

namespace kyodo {

TEST_CASE("a type-and-size note written after a file's title is taken off") {
  auto rest = [](const std::string& title) {
    std::string note;
    const std::string r = TitleWithoutFileNote(title, &note);
    return r + "|" + note;
  };
  CHECK(rest("報告書（PDF：1.2MB）") == "報告書|（PDF：1.2MB）");
  CHECK(rest("報告書 (PDF 127KB)") == "報告書|(PDF 127KB)");
  CHECK(rest("名簿 [Excel：20KB]") == "名簿|[Excel：20KB]");
  CHECK(rest("名簿【エクセル/20ＫＢ】") == "名簿|【エクセル/20ＫＢ】");
  CHECK(rest("様式（Word形式）") == "様式|（Word形式）");
  CHECK(rest("様式（ワードファイル、35KB）") == "様式|（ワードファイル、35KB）");
  CHECK(rest("概要版（PDF）") == "概要版|（PDF）");
  CHECK(rest("概要版（1.2MB）") == "概要版|（1.2MB）");
  CHECK(rest("概要版（PDF1.2MB）") == "概要版|（PDF1.2MB）");
  // Brackets that are part of the title stay.
  CHECK(rest("協働基本指針（概要版）") == "協働基本指針（概要版）|");
  CHECK(rest("報告書（令和5年度）") == "報告書（令和5年度）|");
  CHECK(rest("報告書（第2版）") == "報告書（第2版）|");
  CHECK(rest("（PDF）") == "（PDF）|");  // nothing would be left
  CHECK(rest("PDF版の報告書") == "PDF版の報告書|");
}

TEST_CASE("the note is taken off with a warning for a file in assets/, and kept for a file on another site") {
  Diagnostics d;
  const SourceLoc at{"content/saku/cases/a.md", 5, 13};
  CHECK(DropWrittenFileNote("報告書（PDF：1.2MB）", "../assets/houkoku.pdf", at, &d) == "報告書");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::kWarning);
  CHECK(d.items()[0].loc.line == 5);
  CHECK(d.items()[0].message == "題名の「（PDF：1.2MB）」は kyodo が付けます");
  CHECK(d.items()[0].hint ==
        "題名は「報告書」だけにしてください。種類と大きさはファイルから計算して自動で付けます（書いたままだと二重になり、大きさが古くなることがあります）");
  CHECK(DropWrittenFileNote("報告書（PDF：1.2MB）", "https://www.example.lg.jp/houkoku.pdf", at, &d) == "報告書（PDF：1.2MB）");
  CHECK(DropWrittenFileNote("報告書", "../assets/houkoku.pdf", at, &d) == "報告書");
  CHECK(d.items().size() == 1);
}

TEST_CASE("a body link's written size is checked against the file's") {
  CHECK(NoteSize("（PDF：1.2MB）") == uint64_t{1258291});
  CHECK(NoteSize("（127ＫＢ）") == uint64_t{130048});
  CHECK(NoteSize("（1,024バイト）") == uint64_t{1024});
  CHECK(NoteSize("（PDF）") == std::nullopt);
  const SourceLoc at{"content/saku/cases/a.md", 9, 4};
  Diagnostics d;
  CheckLinkFileNote("報告書（PDF：1.2MB）", 1200, "PDF 2KB", at, &d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "リンクの文字の「（PDF：1.2MB）」は、ファイル（PDF 2KB）と大きさが違います");
  CHECK(d.items()[0].hint == "「（PDF 2KB）」に直すか、資料は attachments:（様式は downloads:）に書くと、種類と大きさを自動で付けます");
  // Rounded as sites round sizes: no warning.
  CheckLinkFileNote("報告書（PDF：1.2MB）", 1300000, "PDF 1.2MB", at, &d);
  CheckLinkFileNote("報告書（PDF 127KB）", 129000, "PDF 126KB", at, &d);
  CheckLinkFileNote("報告書（PDF）", 5000000, "PDF 4.8MB", at, &d);
  CheckLinkFileNote("報告書", 5000000, "PDF 4.8MB", at, &d);
  CHECK(d.items().size() == 1);
}

TEST_CASE("a type written after a link kyodo labels is pointed at: the reader would see it twice") {
  const SourceLoc at{"content/saku/news/boshu.md", 7, 10};
  Diagnostics d;
  CheckLinkFileNote("募集要項（PDF）", 1100, "PDF 2KB", at, &d, true);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].loc.line == 7);
  CHECK(d.items()[0].message == "リンクの文字の「（PDF）」は kyodo が付けます（このままでは「募集要項（PDF）（PDF 2KB）」と二重に出ます）");
  CHECK(d.items()[0].hint == "リンクの文字は「募集要項」だけにしてください。種類と大きさはファイルから計算して自動で付けます");
  // A right size in another spelling is doubled as well.
  CheckLinkFileNote("報告書（PDF：127KB）", 129000, "PDF 126KB", at, &d, true);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[1].message == "リンクの文字の「（PDF：127KB）」は kyodo が付けます（このままでは「報告書（PDF：127KB）（PDF 126KB）」と二重に出ます）");
  // kyodo's own label written out is not appended again; a link kyodo does not label keeps its note.
  CheckLinkFileNote("報告書（PDF 126KB）", 129000, "PDF 126KB", at, &d, true);
  CheckLinkFileNote("報告書（PDF）", 129000, "PDF 126KB", at, &d, false);
  CheckLinkFileNote("報告書", 129000, "PDF 126KB", at, &d, true);
  CHECK(d.items().size() == 2);
}

}  // namespace kyodo

