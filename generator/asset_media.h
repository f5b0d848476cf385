// Photos and documents a clerk puts in a city's assets/ straight from a smartphone or
// a scanner. Three things go wrong there without anyone seeing it on their own PC:
// a phone photo carries the place it was taken (EXIF GPS, often a resident's home),
// an iPhone's HEIC or a scanner's TIFF shows in Safari but as a broken image in Chrome
// and Edge, and a 45MB scanned PDF costs a resident on a phone minutes and their data.
#ifndef KYODO_ASSET_MEDIA_H_
#define KYODO_ASSET_MEDIA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content.h"
#include "disk.h"
#include "error.h"

namespace kyodo {

/// A file larger than this is warned about: a scanned PDF of this size takes about a
/// minute on a slow mobile line, and most city sites ask for files to be split below it.
constexpr uint64_t kLargeAssetBytes = 10ull * 1024 * 1024;

/// Whether a JPEG's EXIF (APP1 「Exif」) holds a GPS position: a GPS IFD with a
/// latitude or longitude. A GPS IFD with only its version (a phone with location
/// off writes one) is not a position. Malformed or truncated EXIF is no position.
bool JpegHasGpsPosition(std::string_view jpeg);

/// An image's size in CSS pixels as a browser shows it; 0×0 when not known.
struct ImageSize {
  uint32_t width = 0, height = 0;
};

/// The size of a PNG, GIF, WebP or JPEG from its header (a JPEG's EXIF orientation
/// 5–8, a phone held upright, swaps the two as browsers do); 0×0 for anything else.
ImageSize ReadImageSize(std::string_view data);

/// Reads the size of each image among `assets` (for <img width height>: the page does
/// not jump as photos load) and reports each that would publish more than the clerk
/// meant: a JPEG with a GPS position (an error: where the photo was taken, often
/// someone's home), and a file over kLargeAssetBytes (a warning with what to do).
void CheckAssetMedia(const Disk& disk, std::vector<Asset>* assets, Diagnostics* diags);

/// Reports an image `src` (a body ![…](…) or a case's images:) in a format browsers do
/// not show as an <img>: HEIC/HEIF (iPhone) and TIFF (scanners) with how to save a JPEG,
/// any other file (a チラシ PDF written as ![講座のチラシ](../assets/chirashi.pdf)) with
/// how to link it instead; all errors. BMP is a warning (it shows, but uncompressed: ten
/// times a PNG). Returns true when it reported an error.
bool CheckImageFormat(const std::string& src, const SourceLoc& loc, Diagnostics* diags);

}  // namespace kyodo

#endif  // KYODO_ASSET_MEDIA_H_
