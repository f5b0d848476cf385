// Phone photos with a GPS position, formats browsers do not show, and very large files.
#include "asset_media.h"

#include <doctest/doctest.h>

namespace kyodo {
namespace {

std::string Be16(uint32_t v) { return {static_cast<char>(v >> 8 & 0xFF), static_cast<char>(v & 0xFF)}; }
std::string Be32(uint32_t v) { return Be16(v >> 16) + Be16(v & 0xFFFF); }
std::string Le16(uint32_t v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8 & 0xFF)}; }
std::string Le32(uint32_t v) { return Le16(v & 0xFFFF) + Le16(v >> 16); }

// A JPEG as a phone writes one: SOI, APP1 Exif (IFD0 with Orientation and a GPS IFD
// holding `gps_tags`), then the image data. `little` is an iPhone's byte order (II).
std::string PhoneJpeg(const std::vector<uint32_t>& gps_tags, bool little) {
  auto u16 = little ? Le16 : Be16;
  auto u32 = little ? Le32 : Be32;
  const uint32_t gps_ifd = 8 + 2 + 2 * 12 + 4;
  std::string tiff = little ? std::string("II*\0", 4) : std::string("MM\0*", 4);
  tiff += u32(8) + u16(2);
  tiff += u16(0x0112) + u16(3) + u32(1) + u16(6) + u16(0);  // Orientation: rotated
  tiff += u16(0x8825) + u16(4) + u32(1) + u32(gps_ifd);     // GPSInfo
  tiff += u32(0) + u16(static_cast<uint32_t>(gps_tags.size()));
  for (uint32_t tag : gps_tags) tiff += u16(tag) + u16(4) + u32(1) + u32(0);
  tiff += u32(0);
  const std::string app1 = std::string("Exif\0\0", 6) + tiff;
  return std::string("\xFF\xD8", 2) + "\xFF\xE1" + Be16(static_cast<uint32_t>(app1.size() + 2)) + app1 +
         "\xFF\xC0" + Be16(17) + "\x08" + Be16(3024) + Be16(4032) + std::string(10, '\0') +
         "\xFF\xDA" + Be16(2) + "image data";
}

TEST_CASE("JpegHasGpsPosition: a position in either byte order; none without latitude, EXIF or a JPEG") {
  CHECK(JpegHasGpsPosition(PhoneJpeg({0x0000, 0x0001, 0x0002, 0x0003, 0x0004}, false)));
  CHECK(JpegHasGpsPosition(PhoneJpeg({0x0001, 0x0002}, true)));
  CHECK(JpegHasGpsPosition(PhoneJpeg({0x0004}, true)));
  CHECK_FALSE(JpegHasGpsPosition(PhoneJpeg({0x0000}, false)));  // location off: version only
  CHECK_FALSE(JpegHasGpsPosition(PhoneJpeg({}, true)));
  CHECK_FALSE(JpegHasGpsPosition(std::string("\xFF\xD8\xFF\xDA", 4) + Be16(2)));
  CHECK_FALSE(JpegHasGpsPosition("\x89PNG\r\n"));
  const std::string cut = PhoneJpeg({0x0002}, false);
  CHECK_FALSE(JpegHasGpsPosition(cut.substr(0, 30)));  // truncated: no read past the end
}

TEST_CASE("CheckAssetMedia: a GPS photo is an error at the file; a file over 10MB a warning with its label") {
  MemoryDisk disk;
  disk.Add("content/saku/assets/IMG_0001.JPG", PhoneJpeg({0x0001, 0x0002, 0x0003, 0x0004}, true));
  disk.Add("content/saku/assets/ok.jpg", PhoneJpeg({0x0000}, true));
  std::vector<Asset> assets = {{"content/saku/assets/IMG_0001.JPG", "IMG_0001.JPG", 120},
                               {"content/saku/assets/ok.jpg", "ok.jpg", 90},
                               {"content/saku/assets/scan/houkoku.pdf", "scan/houkoku.pdf", 47185929},
                               {"content/saku/assets/photos.zip", "photos.zip", kLargeAssetBytes},
                               {"content/saku/assets/photos2.zip", "photos2.zip", kLargeAssetBytes + 1}};
  Diagnostics diags;
  CheckAssetMedia(disk, &assets, &diags);
  CHECK(assets[0].width == 3024);  // stored 4032×3024 with orientation 6: shown upright (PhoneJpeg)
  CHECK(assets[0].height == 4032);
  CHECK(assets[2].width == 0);
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].severity == Severity::kError);
  CHECK(diags.items()[0].loc.file == "content/saku/assets/IMG_0001.JPG");
  CHECK(diags.items()[0].message ==
        "写真「IMG_0001.JPG」に撮影した場所の位置情報（GPS）が入っています（公開すると、だれでも地図で撮影場所を調べられます。住民の自宅のこともあります）");
  CHECK(diags.items()[0].hint.starts_with("位置情報を消してから置き直してください。Windows ではファイルを右クリック→「プロパティ」"));
  CHECK(diags.items()[1].severity == Severity::kWarning);
  CHECK(diags.items()[1].message ==
        "「scan/houkoku.pdf」は PDF 45.0MB あります（スマートフォンでは開くまでに時間がかかり、通信量もかかります）");
  CHECK(diags.items()[1].hint ==
        "スキャンした PDF なら解像度を下げて（200dpi 程度、白黒）保存し直すか、章ごとに分けてください（目安は 10MB まで）");
  CHECK(diags.items()[2].message ==
        "「photos2.zip」は ZIP 10.0MB あります（スマートフォンでは開くまでに時間がかかり、通信量もかかります）");
}

TEST_CASE("ReadImageSize: PNG, GIF, WebP (lossy, lossless, extended) and JPEG headers; turned phone photos swap") {
  auto size = [](std::string_view data) {
    const ImageSize s = ReadImageSize(data);
    return std::to_string(s.width) + "x" + std::to_string(s.height);
  };
  CHECK(size(std::string("\x89PNG\r\n\x1a\n", 8) + Be32(13) + "IHDR" + Be32(1920) + Be32(1080) + "\x08\x06") == "1920x1080");
  CHECK(size(std::string("GIF89a") + Le16(320) + Le16(240)) == "320x240");
  const std::string riff = "RIFF" + Le32(100) + "WEBP";
  CHECK(size(riff + "VP8 " + Le32(80) + std::string("\x30\x01\x00\x9d\x01\x2a", 6) + Le16(4032) + Le16(3024) + "xx") == "4032x3024");
  // VP8L: 14 bits width-1, 14 bits height-1 after the 0x2f signature: 400×300.
  const uint32_t bits = (400 - 1) | (300 - 1) << 14;
  CHECK(size(riff + "VP8L" + Le32(80) + "\x2f" + Le32(bits) + "xxxxx") == "400x300");
  CHECK(size(riff + "VP8X" + Le32(10) + Le32(0) + std::string("\x9f\x0f\x00\xbf\x0b\x00", 6)) == "4000x3008");
  CHECK(size(PhoneJpeg({}, false)) == "3024x4032");
  std::string upright = PhoneJpeg({}, true);
  upright[upright.find(std::string("\x12\x01\x03\x00", 4)) + 8] = 1;  // Orientation 1 (II order)
  CHECK(size(upright) == "4032x3024");
  CHECK(size("%PDF-1.4") == "0x0");
  CHECK(size("\x89PNG\r\n\x1a\n") == "0x0");  // a cut-off file: no read past its end
  CHECK(size("RIFF") == "0x0");
}

TEST_CASE("CheckImageFormat: HEIC and TIFF are errors, BMP a warning, JPEG/PNG/WebP/GIF/SVG nothing") {
  Diagnostics diags;
  const SourceLoc loc{"content/saku/cases/a.md", 12, 1};
  for (const char* ok : {"../assets/a.jpg", "../assets/a.PNG", "../assets/a.webp", "../assets/a.gif", "../assets/a.svg",
                         "https://example.jp/a.jpg?x=.heic", "../assets/heic/a.jpg"}) {
    CheckImageFormat(ok, loc, &diags);
  }
  CHECK(diags.empty());
  CheckImageFormat("../assets/IMG_2001.HEIC", loc, &diags);
  CheckImageFormat("../assets/chirashi.tif", loc, &diags);
  CheckImageFormat("../assets/zu.bmp", loc, &diags);
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].severity == Severity::kError);
  CHECK(diags.items()[0].loc.line == 12);
  CHECK(diags.items()[0].message == "画像「../assets/IMG_2001.HEIC」は HEIC（iPhone の写真の形式）なので、Chrome や Edge では表示されません");
  CHECK(diags.items()[1].message == "画像「../assets/chirashi.tif」は TIFF なので、Chrome や Edge では表示されません");
  CHECK(diags.items()[2].severity == Severity::kWarning);
  CHECK(diags.items()[2].message == "画像「../assets/zu.bmp」は BMP（圧縮しない形式）なので、PNG の10倍ほどの大きさになります");
}

}  // namespace
}  // namespace kyodo
