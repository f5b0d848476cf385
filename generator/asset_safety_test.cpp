// The assets/ guard: HTML and script files by name, SVGs by what they hold, and
// nothing for a city that set unsafe_html: true.
#include "asset_safety.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

std::string What(std::string_view svg) { return FindSvgScript(svg).what; }

TEST_CASE("FindSvgScript: a drawing is fine; each way an SVG can run script is found") {
  const std::string plain =
      "<?xml version=\"1.0\"?>\n<!-- Illustrator onload=\"x\" <script> -->\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"
      "<style><![CDATA[ .a{fill:#1e6b3a} <script> ]]></style><title>R&amp;D センター</title>"
      "<a href=\"https://www.city.saku.nagano.jp/?a=1&amp;b=javascript:\"><circle class=\"a\" r=\"5\"/></a>"
      "<stop offset=\"0\"/><image xlink:href=\"data:image/png;base64,iVBORw0KGgo=\"/></svg>\n";
  CHECK(FindSvgScript(plain).offset == std::string_view::npos);
  CHECK(What("<svg><script>alert(1)</script></svg>") == "<script>");
  CHECK(FindSvgScript("<svg>\n<script>").offset == 6);
  CHECK(What("<svg><svg:SCRIPT>alert(1)</svg:SCRIPT></svg>") == "<svg:SCRIPT>");
  CHECK(What("<svg onload=\"alert(1)\"/>") == "onload=");
  CHECK(What("<svg><circle r='5' ONMOUSEOVER='alert(1)'/></svg>") == "ONMOUSEOVER=");
  CHECK(What("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>") == "xlink:href=\"javascript:…\"");
  CHECK(What("<svg><a href=\" JaVa&#x09;Script:alert(1)\">x</a></svg>") == "href=\"javascript:…\"");
  CHECK(What("<svg><a href=\"&#106;avascript&#58;alert(1)\">x</a></svg>") == "href=\"javascript:…\"");
  CHECK(What("<svg><a><set attributeName=\"href\" to=\"vbscript:msgbox\"/></a></svg>") == "to=\"vbscript:…\"");
  CHECK(What("<svg><foreignObject><p>x</p></foreignObject></svg>") == "<foreignObject>");
  CHECK(What("<svg><iframe src=\"https://example.jp/\"/></svg>") == "<iframe>");
  CHECK(What("<!DOCTYPE svg [<!ENTITY js \"javascript:alert(1)\">]><svg><a href=\"&js;\">x</a></svg>") == "<!ENTITY>");
  CHECK(What("<?xml-stylesheet type=\"text/xsl\" href=\"a.xsl\"?><svg/>") == "<?xml-stylesheet?>");
}

TEST_CASE("CheckActiveAssets: HTML and script files and SVGs with script, at the file or the script's line") {
  MemoryDisk disk;
  disk.Add("content/saku/assets/logo.svg", "<svg><circle r=\"5\"/></svg>");
  disk.Add("content/saku/assets/group/logo.svg",
           "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"5\" onclick=\"alert(1)\"/>\n</svg>\n");
  disk.Add("content/saku/assets/houkoku.PDF", "%PDF");
  std::vector<Asset> assets = {{"content/saku/assets/logo.svg", "logo.svg", 26},
                               {"content/saku/assets/group/logo.svg", "group/logo.svg", 80},
                               {"content/saku/assets/houkoku.PDF", "houkoku.PDF", 4},
                               {"content/saku/assets/chirashi.HTML", "chirashi.HTML", 10},
                               {"content/saku/assets/js/app.js", "js/app.js", 10}};
  Diagnostics diags;
  CheckActiveAssets(disk, assets, false, &diags);
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].loc.file == "content/saku/assets/group/logo.svg");
  CHECK(diags.items()[0].loc.line == 2);
  CHECK(diags.items()[0].loc.col == 17);
  CHECK(diags.items()[0].message ==
        "SVG「group/logo.svg」にスクリプト（onclick=）があります（画像を開くと、市町村のサイトとして動くため公開できません）");
  CHECK(diags.items()[0].hint ==
        "スクリプトのない SVG に書き出し直すか、PNG にしてください（どうしても必要なら、市町村の site.yaml で unsafe_html: true にすると公開します）");
  CHECK(diags.items()[1].loc.file == "content/saku/assets/chirashi.HTML");
  CHECK(diags.items()[1].loc.line == 0);
  CHECK(diags.items()[1].message ==
        "assets/ の「chirashi.HTML」は HTML のファイルなので公開できません（開くと、市町村のサイトとしてスクリプトが動くため）");
  CHECK(diags.items()[2].message ==
        "assets/ の「js/app.js」は JavaScript のファイルなので公開できません（開くと、市町村のサイトとしてスクリプトが動くため）");

  Diagnostics allowed;
  CheckActiveAssets(disk, assets, true, &allowed);
  CHECK(allowed.empty());
}

}  // namespace
}  // namespace kyodo
