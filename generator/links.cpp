#include "links.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "asset_media.h"
#include "disk.h"
#include "file_note.h"
#include "text.h"
#include "urls.h"

namespace kyodo {

std::string AssetPath(const City& city, const Asset& asset) { return city.site.slug + "/assets/" + asset.rel; }

namespace {

// The file beside `resolved` its name was likely meant to be (souji.PNG → souji.png,
// kodmo.md → kodomo.md): the same extension, the nearest stem; "" when none is near.
std::string NearestFile(const Content& content, const std::string& resolved) {
  const std::string dir = DirName(resolved), name = BaseName(resolved);
  const size_t dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : AsciiLower(name.substr(dot));
  std::vector<std::string> stems, names;
  auto consider = [&](const std::string& path) {
    if (DirName(path) != dir) return;
    const std::string n = BaseName(path);
    const size_t d = n.rfind('.');
    if ((d == std::string::npos ? "" : AsciiLower(n.substr(d))) != ext) return;
    stems.push_back(n.substr(0, d)), names.push_back(n);
  };
  for (const City& city : content.cities) {
    for (const Page& page : city.pages) consider(page.bulk ? city.dir + "/groups/" + page.id + ".md" : page.source);
    for (const Asset& asset : city.assets) consider(asset.source);
    for (const Form& form : city.forms) consider(form.source);
  }
  auto near = NearestMatches(name.substr(0, dot), stems, 1);
  if (near.empty()) return "";
  return names[static_cast<size_t>(std::find(stems.begin(), stems.end(), near[0]) - stems.begin())];
}

// `path` written in `from_source`, as a file under the content root spelled as the
// loader spells sources (root + "/" + …), or "" when it climbs above the root. Joining
// and normalising the whole path lost the spelling of a root given as ./content, . or
// ../content (NormalizePath drops ./ and gives up on a leading ..), so no link matched.
std::string ResolveUnder(const std::string& root, const std::string& from_source, const std::string& path) {
  if (root.empty() || !IsUnder(from_source, root)) return NormalizePath(JoinPath(DirName(from_source), path));
  const std::string rel = NormalizePath(JoinPath(DirName(from_source.substr(root.size() + 1)), path));
  return rel.empty() ? "" : JoinPath(root, rel);
}

// The extension of the file `path` ends in, in capitals (「report.pdf」 → 「PDF」), as
// municipal sites name a file's type; "" when its last segment has none.
std::string ExtensionInCapitals(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return "";
  std::string ext;
  for (char ch : path.substr(dot + 1)) ext += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return ext;
}

// The list page a link to a city's folder names: ../news/ is the お知らせ list, ../cases/
// the case list, ../ the city's top. A notice ends 「これまでのお知らせは一覧へ」, and the
// folder is where the clerk keeps what the list shows; "" when this build writes no
// list for it (a city without news has no news list).
std::string FolderListPath(const Content& content, const SiteIndex& index, const std::string& resolved) {
  for (size_t c = 0; c < content.cities.size(); ++c) {
    const City& city = content.cities[c];
    if (resolved == city.dir) return city.site.slug + "/";
    if (!IsUnder(resolved, city.dir)) continue;
    const std::string dir = resolved.substr(city.dir.size() + 1);
    const CityIndex& ix = index.city(static_cast<int>(c));
    const bool listed = dir == "cases" || (dir == "news" && !ix.news.empty()) ||
                        (dir == "policies" && !ix.policies.empty()) || (dir == "groups" && !ix.groups.empty()) ||
                        (dir == "forms" && !city.forms.empty());
    return listed ? city.site.slug + "/" + dir + "/" : "";  // as CaseListPath, FormListPath… (views.h)
  }
  return "";
}

}  // namespace

LinkTarget ResolveLink(const Content& content, const SiteIndex& index, const std::string& from_source,
                       const std::string& url) {
  LinkTarget out;
  if (url.empty() || url[0] == '#') return out;
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) return out;  // has a scheme
  if (url.rfind("//", 0) == 0) return out;                                                      // protocol-relative
  if (url[0] == '/') {
    out.kind = LinkTarget::Kind::kInvalid;
    return out;
  }
  std::string path = url, fragment;
  size_t hash = url.find('#');
  if (hash != std::string::npos) {
    path = url.substr(0, hash);
    fragment = url.substr(hash);
  }
  size_t query = path.find('?');
  if (query != std::string::npos) path = path.substr(0, query);
  std::string resolved = ResolveUnder(content.root, from_source, path);
  if (resolved.empty()) {
    out.kind = LinkTarget::Kind::kInvalid;
    return out;
  }
  // A link is a URL: ../assets/様式%201.pdf (as a browser's address bar or Word writes
  // it) names the file 「様式 1.pdf」. A name that really holds a % is looked up as written first.
  if (int city = -1; path.find('%') != std::string::npos && !index.FindBySource(resolved) &&
                     !index.FindAsset(content, resolved, &city)) {
    std::string decoded = ResolveUnder(content.root, from_source, UrlPathUnescape(path));
    if (!decoded.empty() && (index.FindBySource(decoded) || index.FindAsset(content, decoded, &city))) resolved = decoded;
  }
  if (const PageRef* ref = index.FindBySource(resolved)) {
    out.kind = LinkTarget::Kind::kPage;
    out.resolved = resolved;
    out.site_path = index.PathOf(content, *ref) + fragment;
    return out;
  }
  int asset_city = -1;
  if (const Asset* asset = index.FindAsset(content, resolved, &asset_city)) {
    out.kind = LinkTarget::Kind::kAsset;
    // File names may hold spaces and kana; the href is escaped as cmark escapes a body link's.
    out.site_path = UrlPathEscape(AssetPath(content.cities[static_cast<size_t>(asset_city)], *asset)) + fragment;
    out.asset = asset;
    return out;
  }
  // A 様式 page (../forms/kyodo-teian.yaml): 「申込みは様式のページで」 is a usual link.
  for (const City& city : content.cities) {
    for (const Form& form : city.forms) {
      if (form.source != resolved) continue;
      out.kind = LinkTarget::Kind::kPage;
      out.resolved = resolved;
      out.site_path = city.site.slug + "/forms/" + form.id + "/" + fragment;  // as FormPath (views.h)
      return out;
    }
  }
  if (std::string list = FolderListPath(content, index, resolved); !list.empty()) {
    out.kind = LinkTarget::Kind::kPage;
    out.resolved = resolved;
    out.site_path = list + fragment;
    return out;
  }
  out.kind = LinkTarget::Kind::kMissing;
  out.resolved = resolved;
  if (std::string nearest = NearestFile(content, resolved); !nearest.empty()) {
    out.meant = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1) + nearest + fragment;
    return out;
  }
  // policies/a.md written from cases/ (or ../../ for ../): one ../ too few or too many.
  for (const std::string& other : {"../" + path, path.starts_with("../") ? path.substr(3) : std::string()}) {
    const std::string there = other.empty() ? "" : ResolveUnder(content.root, from_source, other);
    int city = -1;
    if (there.empty() || (!index.FindBySource(there) && !index.FindAsset(content, there, &city))) continue;
    out.meant = other + fragment;
    break;
  }
  return out;
}

bool ReportUnusableAddress(const std::string& url, const SourceLoc& loc, Diagnostics* diags) {
  if (std::string meant = HalfWidthUrl(url); !meant.empty()) {
    ReportFullWidthUrl(loc, url, meant, diags);
    return true;
  }
  const std::string lower = AsciiLower(url.substr(0, 5));
  const bool drive = url.size() >= 3 && std::isalpha(static_cast<unsigned char>(url[0])) && url[1] == ':' &&
                     (url[2] == '\\' || url[2] == '/');
  // \\server\share is a file server; Markdown reads \\ as one \, and \Users\… is a drive's root.
  if (drive || lower == "file:" || url.starts_with('\\')) {
    diags->Error(loc, "パソコンやファイルサーバーの中のファイル「" + url + "」にはリンクできません",
                 "ファイルを市町村のフォルダの assets/ に置き、../assets/ファイル名 のように書いてください（公開されるのは assets/ の中のファイルです）");
    return true;
  }
  if (url.find('\\') != std::string::npos && url.find("://") == std::string::npos) {
    std::string slashed = url;
    std::replace(slashed.begin(), slashed.end(), '\\', '/');
    diags->Error(loc, "「" + url + "」の区切りが「\\」（¥）です", "フォルダの区切りは「/」で「" + slashed + "」と書いてください");
    return true;
  }
  return false;
}
bool CheckFileReference(const Content& content, const SiteIndex& index, const std::string& from_source,
                        const std::string& src, const SourceLoc& loc, const std::string& what, Diagnostics* diags) {
  if (ReportUnusableAddress(src, loc, diags)) return false;
  LinkTarget target = ResolveLink(content, index, from_source, src);
  bool web = IsWebUrl(src);
  if (web && ReportMalformedWebUrl(src, loc, diags)) return false;
  std::string assets = DirName(DirName(from_source)) + "/assets/";
  if (target.kind == LinkTarget::Kind::kExternal && web && src.rfind("https://", 0) != 0) {
    diags->Error(loc, what + "「" + src + "」は暗号化されない http:// です",
                 "https:// の URL にするか、ファイルを " + assets + " に置いて ../assets/ファイル名 と書いてください");
    return false;
  }
  const bool usable = target.kind == LinkTarget::Kind::kAsset || (target.kind == LinkTarget::Kind::kExternal && web);
  if (usable && what == "画像" && CheckImageFormat(src, loc, diags)) return false;  // a チラシ PDF, an iPhone's HEIC
  if (usable) return true;
  if (target.kind == LinkTarget::Kind::kMissing && !target.meant.empty()) {
    diags->Error(loc, what + "「" + src + "」が見つかりません",
                 "「" + target.meant + "」ではありませんか（「" + target.resolved + "」というファイルはありません）");
  } else if (target.kind == LinkTarget::Kind::kMissing) {
    diags->Error(loc, what + "「" + src + "」が見つかりません",
                 "「" + target.resolved + "」というファイルはありません。" + assets + " に置き、../assets/ファイル名 と書いてください");
  } else {
    // Anything else (javascript:, data:, a page, a root-relative path) must not become an href.
    diags->Error(loc, what + "「" + src + "」は指定できません",
                 "ファイルは " + assets + " に置いて ../assets/ファイル名 と書くか、https:// の URL を書いてください");
  }
  return false;
}

void ForEachFileReference(const City& city, const Page& page, const FileReferenceVisitor& visit) {
  for (const Image& img : page.case_info.images) visit(city, page.source, img.src, img.loc, "画像");
  for (const Attachment& a : page.case_info.attachments) visit(city, page.source, a.src, a.loc, "資料");
}

void ForEachFileReference(const City& city, const Form& form, const FileReferenceVisitor& visit) {
  for (const FormDownload& d : form.downloads) visit(city, form.source, d.src, d.loc, "様式ファイル");
}

void ForEachFileReference(const Content& content, const FileReferenceVisitor& visit) {
  for (const City& city : content.cities) {
    for (const Page& page : city.pages) ForEachFileReference(city, page, visit);
    for (const Form& form : city.forms) ForEachFileReference(city, form, visit);
  }
}

FileReferenceVisitor FileReferenceChecker(const Content& content, const SiteIndex& index, Diagnostics* diags) {
  return [&content, &index, diags](const City&, const std::string& from, const std::string& src, const SourceLoc& loc,
                                   const char* what) { CheckFileReference(content, index, from, src, loc, what, diags); };
}

void ReportMissingLink(const SourceLoc& loc, bool image, const std::string& url, const std::string& resolved,
                       Diagnostics* diags, const std::string& meant) {
  diags->Error(loc, std::string(image ? "画像" : "リンク先") + "「" + url + "」が見つかりません",
               meant.empty() ? "「" + resolved + "」というファイルはありません。ファイル名と ../ の数を確かめてください"
                               : "「" + meant + "」ではありませんか（「" + resolved + "」というファイルはありません）");
}

void ReportDraftLink(const SourceLoc& loc, const std::string& url, const std::string& resolved, Diagnostics* diags) {
  diags->Error(loc, "リンク先「" + url + "」は下書き（draft: true）なので公開されません",
               "公開するなら " + resolved + " の draft: true の行を消してください。下書きのままなら、リンクを外してください");
}

std::string PathByName(const std::string& content_root, const std::string& resolved) {
  std::string prefix = content_root.empty() ? "" : content_root + "/";
  if (resolved.rfind(prefix, 0) != 0) return "";
  std::string rel = resolved.substr(prefix.size());  // minami/cases/yuki.md
  size_t city_end = rel.find('/');
  if (city_end == std::string::npos || city_end == 0 || rel[0] == '_' || rel[0] == '.') return "";
  size_t dir_end = rel.find('/', city_end + 1);
  if (dir_end == std::string::npos) return "";
  std::string city = rel.substr(0, city_end), dir = rel.substr(city_end + 1, dir_end - city_end - 1);
  std::string file = rel.substr(dir_end + 1);
  if (dir == "assets") return file.empty() ? "" : rel;
  if (dir == "forms") {
    bool yaml = file.size() > 5 && file.ends_with(".yaml") && file.find('/') == std::string::npos;
    return yaml ? city + "/forms/" + file.substr(0, file.size() - 5) + "/" : "";
  }
  for (PageKind kind : {PageKind::kPolicy, PageKind::kCase, PageKind::kGroup, PageKind::kNews, PageKind::kPage}) {
    if (dir != KindDir(kind)) continue;
    bool md = file.size() > 3 && file.compare(file.size() - 3, 3, ".md") == 0 && file.find('/') == std::string::npos;
    return md ? city + "/" + dir + "/" + file.substr(0, file.size() - 3) + "/" : "";
  }
  return "";
}

void CheckAssetLinkNote(const std::string& text, const Asset& file, const SourceLoc& loc, Diagnostics* diags,
                        bool labelled) {
  CheckLinkFileNote(text, file.size, FileLabel(file.rel, file.size), loc, diags, labelled);
}

std::string FileLabel(const std::string& path, uint64_t size) {
  const std::string ext = ExtensionInCapitals(path);
  char size_text[32];
  // Whole KB rounded up, so a size just under 1MB rounds to 1024KB: that is 1.0MB, as
  // 1,048,576 bytes says, not a KB figure larger than any other KB label.
  const uint64_t kb = (size + 1023) / 1024;
  if (kb < 1024) {
    std::snprintf(size_text, sizeof size_text, "%lluKB", static_cast<unsigned long long>(kb));
  } else {
    std::snprintf(size_text, sizeof size_text, "%.1fMB", static_cast<double>(size) / (1024.0 * 1024.0));
  }
  return ext.empty() ? std::string(size_text) : ext + " " + size_text;
}

std::string ExternalFileType(const std::string& url) {
  const std::string lower = AsciiLower(url);
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) return "";
  const std::string path = lower.substr(0, lower.find_first_of("?#"));
  if (path.find('/', 8) == std::string::npos) return "";  // a host name (https://example.pdf), not a file
  static const std::set<std::string> kDocuments = {"PDF", "DOC", "DOCX", "XLS", "XLSX", "PPT", "PPTX", "CSV", "ZIP", "ODT", "ODS"};
  const std::string type = ExtensionInCapitals(path);
  return kDocuments.count(type) ? type : "";
}

}  // namespace kyodo
