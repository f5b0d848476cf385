#include "asset_names.h"

#include <algorithm>
#include <map>

#include "text.h"

namespace kyodo {

std::string AssetKey(std::string_view path) {
  const bool ascii = std::all_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? std::string(path) : Nfc(path);
}

namespace {

// A character of `name` a Windows server cannot store (: * ? " < > |) or IIS refuses in a
// URL by default (+ and %: its request filtering rejects "double escaping", 404.11); 0 if none.
char WindowsUnsafeChar(const std::string& name) {
  const size_t at = name.find_first_of(":*?\"<>|+%");
  return at == std::string::npos ? 0 : name[at];
}

}  // namespace

void CheckAssetNames(const std::vector<Asset>& assets, Diagnostics* diags) {
  std::map<std::string, const Asset*> by_name, by_folded;  // published name; and lower-cased
  for (const Asset& asset : assets) {
    if (const char c = WindowsUnsafeChar(asset.rel)) {
      diags->Warning({asset.source, 0, 0},
                     "ファイル名「" + asset.rel + "」の「" + std::string(1, c) +
                         "」は、Windows のサーバー（IIS）では置けないか、URL として断られる文字です",
                     "「-」か「_」に変え、リンクに書いた名前も合わせて直してください");
    }
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
