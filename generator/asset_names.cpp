#include "asset_names.h"

#include <algorithm>
#include <map>

#include "text.h"

namespace kyodo {

std::string AssetKey(std::string_view path) {
  const bool ascii = std::all_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? std::string(path) : Nfc(path);
}

void CheckAssetNames(const std::vector<Asset>& assets, Diagnostics* diags) {
  std::map<std::string, const Asset*> by_name, by_folded;  // published name; and lower-cased
  for (const Asset& asset : assets) {
    if (!by_name.emplace(asset.rel, &asset).second) {
      diags->Error({asset.source, 0, 0},
                   "ファイル「" + asset.rel + "」が2つあります（見た目は同じで、濁点・半濁点の文字の作り方だけが違う名前です）",
                   "Mac で作った名前と Windows で作った名前が混ざっています。どちらか一方を消すか、名前を変えてください");
      continue;
    }
    auto [other, first] = by_folded.emplace(AsciiLower(asset.rel), &asset);
    if (!first) {
      diags->Warning({asset.source, 0, 0},
                     "ファイル名「" + asset.rel + "」と「" + other->second->rel + "」は大文字・小文字だけが違います",
                     "Windows のサーバー（IIS）では同じファイルになり、一方が見えなくなります。どちらかの名前を変えてください");
    }
  }
}

}  // namespace kyodo
