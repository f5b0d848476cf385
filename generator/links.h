// What a link written in content points at. Authors link pages by their source
// path (../cases/balloon.md) and files by their place under assets/; kyodo turns
// both into output URLs and reports links that point nowhere.
#ifndef KYODO_LINKS_H_
#define KYODO_LINKS_H_

#include <functional>
#include <string>

#include "content.h"
#include "error.h"
#include "site_index.h"

namespace kyodo {

struct LinkTarget {
  enum class Kind {
    kExternal,  ///< http(s):, mailto:, tel: or an in-page #anchor: left as written
    kPage,      ///< another content page
    kAsset,     ///< a file under <city>/assets/
    kMissing,   ///< internal, but nothing is there
    kInvalid,   ///< a root-relative or otherwise unusable internal link
  };
  Kind kind = Kind::kExternal;
  std::string site_path;  ///< kPage/kAsset: where it is published, with any #fragment
  const Asset* asset = nullptr;
  std::string resolved;  ///< kMissing, kPage: the content path that was looked for
  std::string meant;     ///< kMissing: the link as likely meant (a near file name, one ../ more or less), or ""
};

/// Resolves `url` written in the content file `from_source`.
LinkTarget ResolveLink(const Content& content, const SiteIndex& index, const std::string& from_source,
                       const std::string& url);

/// Reports, at `loc`, an address a Windows PC hands the clerk that no reader can
/// follow: a file on the clerk's own disk or file server (C:\…, file:///…, \\server\…),
/// a relative path written with \ (..\assets\a.pdf), or a URL typed with 全角 letters.
/// Returns true when it reported one.
bool ReportUnusableAddress(const std::string& url, const SourceLoc& loc, Diagnostics* diags);

/// Checks a file named in front matter (an image, an attachment, a 様式 download):
/// it must be a file under a city's assets/ or an http(s) URL. `what` names it
/// in the message (「画像」). Returns whether it may be linked.
bool CheckFileReference(const Content& content, const SiteIndex& index, const std::string& from_source,
                        const std::string& src, const SourceLoc& loc, const std::string& what, Diagnostics* diags);

/// Calls `visit` for every file named in front matter: a case's images and
/// attachments, a form's 様式 downloads. `what` names the kind (「画像」). The page
/// or form need not be in `city` yet (kyodo serve checks an edit before taking it).
using FileReferenceVisitor = std::function<void(const City& city, const std::string& from_source, const std::string& src,
                                                const SourceLoc& loc, const char* what)>;
void ForEachFileReference(const City& city, const Page& page, const FileReferenceVisitor& visit);
void ForEachFileReference(const City& city, const Form& form, const FileReferenceVisitor& visit);
/// Every page and form of every city.
void ForEachFileReference(const Content& content, const FileReferenceVisitor& visit);

/// The visitor a build checks file references with: CheckFileReference on each.
FileReferenceVisitor FileReferenceChecker(const Content& content, const SiteIndex& index, Diagnostics* diags);

/// Reports a link (or image) written at `loc` that points at no file; `resolved`
/// is the content path that was looked for.
void ReportMissingLink(const SourceLoc& loc, bool image, const std::string& url, const std::string& resolved,
                       Diagnostics* diags, const std::string& meant = "");
/// Reports a link from a published page to `resolved`, a draft this build does not publish.
void ReportDraftLink(const SourceLoc& loc, const std::string& url, const std::string& resolved, Diagnostics* diags);

/// Where a content file is published going by its name alone, for a build that has
/// not loaded the city it belongs to (a sharded build): "minami/cases/yuki/" for
/// <root>/minami/cases/yuki.md (any page kind folder), "minami/assets/a/b.pdf" for
/// <root>/minami/assets/a/b.pdf; "" for anything else. (A page whose front matter
/// sets `slug:` is published elsewhere: the portal step checks.)
std::string PathByName(const std::string& content_root, const std::string& resolved);

/// Site path of a city asset: "saku/assets/yoshiki/teian.docx".
std::string AssetPath(const City& city, const Asset& asset);

/// 「PDF 123KB」: the file type (extension in capitals) and size as Japanese
/// municipal sites label attachments (KB rounded up below 1 MB, MB to 1 decimal).
std::string FileLabel(const std::string& path, uint64_t size);
/// CheckLinkFileNote (file_note.h) for a body link to `file`: warns when the link's text
/// gives a size the file does not have.
/// `labelled`: kyodo appends the file's type and size to this link (own-city files).
void CheckAssetLinkNote(const std::string& text, const Asset& file, const SourceLoc& loc, Diagnostics* diags,
                        bool labelled = false);

/// 「PDF」 for an http(s) link to a document file on another site (PDF, Word,
/// Excel, PowerPoint, CSV, ZIP: the types municipal sites label); "" for anything
/// else. Its size is unknown to the build, so the type alone.
std::string ExternalFileType(const std::string& url);

}  // namespace kyodo

#endif  // KYODO_LINKS_H_
