// Where each page lives in the output and how one page links to another. Pages
// are folders ("saku/cases/balloon/" → saku/cases/balloon/index.html); links are
// relative by default, so the site works from any subpath and opened from disk,
// or absolute under --base-url.
#ifndef KYODO_URLS_H_
#define KYODO_URLS_H_

#include <string>
#include <string_view>

#include "error.h"

namespace kyodo {

class Urls {
 public:
  /// `base_url` empty → relative links ending in index.html (work from disk);
  /// otherwise absolute links under it ("https://example.org/kyodo/" or "/kyodo/").
  /// `canonical_base` is the absolute URL used for canonical links, feeds and the
  /// sitemap (may be empty: then those are left out or relative).
  Urls(std::string base_url, std::string canonical_base);

  /// The href from page `from` (a site path such as "saku/cases/x/" or "404.html")
  /// to the site path `to` ("saku/", "assets/style.css", "saku/cases/x/#frag").
  std::string Link(const std::string& from, const std::string& to) const;
  /// The absolute URL of `to` under the canonical base ("" when there is none).
  std::string Absolute(const std::string& to) const;
  bool relative() const { return base_url_.empty(); }
  const std::string& canonical_base() const { return canonical_base_; }

  /// The output file of a site path: "saku/" → "saku/index.html", "" → "index.html".
  static std::string FileOf(const std::string& site_path);

 private:
  std::string base_url_;
  std::string canonical_base_;
};

/// A file path made safe for an href the way cmark writes link destinations: bytes
/// outside A–Z a–z 0–9 -_.+!*'(),%@=;:/&$~ become %XX ("様式 1.pdf" → "%E6%A7%98%E5%BC%8F%201.pdf").
/// Unlike cmark, # and ? are escaped too: in a file name they are not a fragment or query.
std::string UrlPathEscape(std::string_view path);
/// The inverse for an address copied from a browser: every %XX decoded
/// ("%E4%BA%8B%E4%BE%8B/" → "事例/"). `path` itself when a % is not followed by two hex
/// digits or the bytes decoded are not UTF-8 (then it was not an escaped path).
std::string UrlPathUnescape(std::string_view path);

/// One e-mail address: a local part, one @, a domain with a dot, and no spaces or
/// list separators (「kyodo@@city,saitama.lg.jp」 is not one).
bool IsEmailAddress(std::string_view s);

/// An http:// or https:// address (what a page may link or point a feed at).
bool IsWebUrl(std::string_view s);

/// The web or mail address meant when one was typed with 全角 letters or signs
/// (「https：//…」, 「ｈｔｔｐｓ://…」, 「https://…/ｋｙｏｄｏ/」, 「mailto:kyodo＠…」, as an IME
/// left on writes them): the half-width address; "" when `s` is not one. A browser
/// goes nowhere with such a link, and without a scheme it reads as a file name.
std::string HalfWidthUrl(std::string_view s);
/// The error for such an address, at `loc`: what is 全角 and the address to write.
void ReportFullWidthUrl(const SourceLoc& loc, const std::string& written, const std::string& meant, Diagnostics* diags);

/// What is wrong with the address a site is published under (--base-url, _portal.yaml's
/// base_url), in words for a message; "" when it is one: http(s)://host[:port]/path, or,
/// when `path_ok`, a path from the host's root (/kyodo/). Every link starts with it, so
/// a typo (https:/host), no host, a query or a fragment broke every link of the site.
std::string BaseUrlProblem(std::string_view url, bool path_ok);
/// A base address as links write it: spaces and non-ASCII in its path %-escaped
/// ("https://x.jp/協働 サイト/" → "https://x.jp/%E5%8D%94%E5%83%8D%20%E3%82%B5%E3%82%A4%E3%83%88/").
std::string EscapedBaseUrl(std::string_view url);
/// Reports (at `loc`) an http(s):// address no browser can follow as written: no host
/// (「https://」, 「https:///x」), a space (「https://…/ 佐久市のページ」: a description
/// typed after the URL) or a sign URLs cannot hold (" < > \\ { } | ^ `, a tab). Such
/// an href goes nowhere and fails HTML validation. True when it reported.
bool ReportMalformedWebUrl(std::string_view url, const SourceLoc& loc, Diagnostics* diags);

/// The path of a web address, with a trailing '/' ("https://x.jp/kyodo" → "/kyodo/",
/// "https://x.jp" → "/"); "" when `url` is no http(s) address.
std::string UrlPath(std::string_view url);

/// Warns (at `portal_file`) when links go under the path `link_base` (--base-url /kyodo/)
/// but canonical URLs, the sitemap and feeds under `canonical`'s other folder, where no
/// page is. Nothing when either is empty.
void CheckBaseFolders(const std::string& link_base, const std::string& canonical, const std::string& portal_file,
                      Diagnostics* diags);

/// Ensures a trailing '/' ("https://x.jp/kyodo" → "https://x.jp/kyodo/"); "" stays "".
std::string WithTrailingSlash(std::string url);

}  // namespace kyodo

#endif  // KYODO_URLS_H_
