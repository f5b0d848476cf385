#include "asset_media.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

#include "links.h"
#include "text.h"

namespace kyodo {

namespace {

// Reads a TIFF-ordered 16- or 32-bit value; false past the end.
struct TiffReader {
  std::string_view tiff;
  bool little = false;

  bool U16(size_t at, uint32_t* out) const {
    if (at > tiff.size() || tiff.size() - at < 2) return false;
    const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(tiff[at + i])); };
    *out = little ? b(0) | b(1) << 8 : b(0) << 8 | b(1);
    return true;
  }
  bool U32(size_t at, uint32_t* out) const {
    uint32_t hi = 0, lo = 0;
    if (!U16(at, little ? &lo : &hi) || !U16(at + 2, little ? &hi : &lo)) return false;
    *out = hi << 16 | lo;
    return true;
  }
  // Where the entry of `tag` in the IFD at `ifd` starts, or false when absent.
  bool FindEntry(size_t ifd, uint32_t tag, size_t* entry) const {
    uint32_t count = 0;
    if (!U16(ifd, &count)) return false;
    for (uint32_t i = 0; i < count; ++i) {
      const size_t at = ifd + 2 + static_cast<size_t>(i) * 12;
      uint32_t t = 0;
      if (!U16(at, &t)) return false;
      if (t == tag) {
        *entry = at;
        return true;
      }
    }
    return false;
  }
  // The value of `tag` in the IFD at `ifd` (a LONG or an offset), or false when absent.
  bool Find(size_t ifd, uint32_t tag, uint32_t* value) const {
    size_t entry = 0;
    return FindEntry(ifd, tag, &entry) && U32(entry + 8, value);
  }
};

// What kyodo reads from a JPEG's EXIF block (TIFF-ordered): whether it holds a
// position, and the Orientation (1 upright … 8; 0 when not given).
struct ExifFacts {
  bool gps = false;
  uint32_t orientation = 0;
};

ExifFacts ReadExif(std::string_view tiff) {
  ExifFacts out;
  if (tiff.size() < 8) return out;
  TiffReader r{tiff, tiff.substr(0, 2) == "II"};
  if (!r.little && tiff.substr(0, 2) != "MM") return out;
  uint32_t ifd0 = 0, gps = 0, unused = 0, value = 0;
  size_t entry = 0;
  if (!r.U32(4, &ifd0)) return out;
  // Orientation is a SHORT: the first two bytes of the value.
  if (r.FindEntry(ifd0, 0x0112, &entry) && r.U16(entry + 8, &value) && value <= 8) out.orientation = value;
  out.gps = r.Find(ifd0, 0x8825, &gps) &&                               // GPSInfo IFD pointer
            (r.Find(gps, 0x0002, &unused) || r.Find(gps, 0x0004, &unused));  // GPSLatitude, GPSLongitude
  return out;
}

struct JpegInfo {
  bool gps = false;
  uint32_t orientation = 0;
  ImageSize size;
};

}  // namespace

static JpegInfo ReadJpegInfo(std::string_view jpeg) {
  JpegInfo info;
  if (jpeg.size() < 4 || static_cast<unsigned char>(jpeg[0]) != 0xFF || static_cast<unsigned char>(jpeg[1]) != 0xD8) {
    return info;
  }
  size_t at = 2;
  // Walk the marker segments up to the image data (SOS): EXIF is an APP1 among them, the size a SOFn.
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    const unsigned char marker = static_cast<unsigned char>(jpeg[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) break;  // image data or end
    const size_t len = static_cast<size_t>(static_cast<unsigned char>(jpeg[at + 2])) << 8 |
                       static_cast<unsigned char>(jpeg[at + 3]);
    if (len < 2 || at + 2 + len > jpeg.size()) break;
    const std::string_view body = jpeg.substr(at + 4, len - 2);
    if (marker == 0xE1 && body.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
      const ExifFacts exif = ReadExif(body.substr(6));
      info.gps = info.gps || exif.gps;
      info.orientation = exif.orientation;
    }
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && body.size() >= 5) {
      const TiffReader r{body, false};
      uint32_t h = 0, w = 0;
      r.U16(1, &h);
      r.U16(3, &w);
      info.size = {w, h};
    }
    at += 2 + len;
  }
  // Orientations 5–8 turn the picture a quarter: browsers show it with width and height swapped.
  if (info.orientation >= 5 && info.orientation <= 8) std::swap(info.size.width, info.size.height);
  return info;
}

bool JpegHasGpsPosition(std::string_view jpeg) { return ReadJpegInfo(jpeg).gps; }

namespace {

// The size of a PNG, GIF or WebP from its header; nullopt for anything else (a JPEG's
// size is in a segment of its own, found by ReadJpegInfo).
std::optional<ImageSize> NonJpegSize(std::string_view data) {
  const TiffReader be{data, false}, le{data, true};
  uint32_t w = 0, h = 0;
  if (data.size() >= 24 && data.starts_with("\x89PNG\r\n\x1a\n") && data.substr(12, 4) == "IHDR" && be.U32(16, &w) && be.U32(20, &h)) {
    return ImageSize{w, h};
  }
  if ((data.starts_with("GIF87a") || data.starts_with("GIF89a")) && le.U16(6, &w) && le.U16(8, &h)) return ImageSize{w, h};
  if (data.size() >= 30 && data.starts_with("RIFF") && data.substr(8, 4) == "WEBP") {
    const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(data[i])); };
    const std::string_view chunk = data.substr(12, 4);
    if (chunk == "VP8 ") return ImageSize{(b(26) | b(27) << 8) & 0x3FFF, (b(28) | b(29) << 8) & 0x3FFF};
    if (chunk == "VP8L") return ImageSize{1 + (b(21) | (b(22) & 0x3F) << 8), 1 + (b(22) >> 6 | b(23) << 2 | (b(24) & 0x0F) << 10)};
    if (chunk == "VP8X") return ImageSize{1 + (b(24) | b(25) << 8 | b(26) << 16), 1 + (b(27) | b(28) << 8 | b(29) << 16)};
    return ImageSize{};
  }
  return std::nullopt;
}

}  // namespace

ImageSize ReadImageSize(std::string_view data) { return NonJpegSize(data).value_or(ReadJpegInfo(data).size); }

void CheckAssetMedia(const Disk& disk, std::vector<Asset>* assets, Diagnostics* diags) {
  for (Asset& asset : *assets) {
    const std::string ext = LowerExtension(asset.rel);
    const bool jpeg = ext == ".jpg" || ext == ".jpeg" || ext == ".jpe";
    std::string data, err;
    if ((jpeg || ext == ".png" || ext == ".gif" || ext == ".webp") && disk.ReadFile(asset.source, &data, &err)) {
      // One walk over a JPEG's segments gives both its size and its EXIF position.
      const JpegInfo info = ReadJpegInfo(data);
      const ImageSize size = NonJpegSize(data).value_or(info.size);
      asset.width = size.width;
      asset.height = size.height;
      if (jpeg && info.gps) {
        diags->Error({asset.source, 0, 0},
                     "写真「" + asset.rel + "」に撮影した場所の位置情報（GPS）が入っています（公開すると、だれでも地図で撮影場所を調べられます。住民の自宅のこともあります）",
                     "位置情報を消してから置き直してください。Windows ではファイルを右クリック→「プロパティ」→「詳細」→「プロパティや個人情報を削除」。"
                     "スマートフォンでは、共有するときに「位置情報」を外すか、カメラの位置情報の記録を切ります");
      }
    }
    if (asset.size > kLargeAssetBytes) {
      const bool pdf = ext == ".pdf";
      diags->Warning({asset.source, 0, 0},
                     "「" + asset.rel + "」は " + FileLabel(asset.rel, asset.size) +
                         " あります（スマートフォンでは開くまでに時間がかかり、通信量もかかります）",
                     pdf ? std::string("スキャンした PDF なら解像度を下げて（200dpi 程度、白黒）保存し直すか、章ごとに分けてください（目安は 10MB まで）")
                         : std::string("小さくして保存し直すか、いくつかに分けてください（目安は 10MB まで）"));
    }
  }
}

bool CheckImageFormat(const std::string& src, const SourceLoc& loc, Diagnostics* diags) {
  const std::string ext = LowerExtension(src);
  if (ext == ".heic" || ext == ".heif") {
    diags->Error(loc, "画像「" + src + "」は HEIC（iPhone の写真の形式）なので、Chrome や Edge では表示されません",
                 "JPEG で保存し直して、.jpg のファイルを書いてください（iPhone は「設定」→「カメラ」→「フォーマット」→「互換性優先」で JPEG で撮れます）");
    return true;
  }
  if (ext == ".tif" || ext == ".tiff") {
    diags->Error(loc, "画像「" + src + "」は TIFF なので、Chrome や Edge では表示されません",
                 "写真なら JPEG（.jpg）、図や画面なら PNG（.png）で保存し直して、そのファイルを書いてください");
    return true;
  }
  if (ext == ".bmp") {
    diags->Warning(loc, "画像「" + src + "」は BMP（圧縮しない形式）なので、PNG の10倍ほどの大きさになります",
                   "写真なら JPEG（.jpg）、図や画面なら PNG（.png）で保存し直してください（ペイントの「名前を付けて保存」で選べます）");
    return false;
  }
  // What every browser in use shows in <img>; a name without an extension is left alone.
  static const std::set<std::string> kShown = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".ico"};
  if (ext.empty() || kShown.count(ext)) return false;
  std::string type = ext.substr(1);
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  diags->Error(loc, "画像「" + src + "」は " + type + " のファイルで、ブラウザーは画像として表示できません",
               "資料なら ! を付けずに [講座のチラシ](" + src + ") とリンクにしてください（種類と大きさが自動で付きます）。"
               "画像として見せるなら JPEG か PNG にして assets/ に置いてください");
  return true;
}

}  // namespace kyodo
