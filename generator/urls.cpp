#include "urls.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "text.h"

namespace kyodo {

std::string UrlPathEscape(std::string_view path) {
  static constexpr std::string_view kSafe = "-_.+!*'(),%@=;:/&$~";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || kSafe.find(ch) != kSafe.npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool IsEmailAddress(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = s.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.find("..") != std::string_view::npos) {
    return false;
  }
  for (unsigned char c : s) {
    if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"' || c >= 0x80) return false;
  }
  return true;
}

bool IsWebUrl(std::string_view s) { return s.starts_with("https://") || s.starts_with("http://"); }

std::string HalfWidthUrl(std::string_view s) {
  // 全角 ASCII is U+FF01–U+FF5E (UTF-8 EF BC 81 – EF BD 9E); the 全角 space is U+3000.
  bool wide = s.find("\xE3\x80\x80") != std::string_view::npos;
  for (size_t i = 0; !wide && i + 2 < s.size(); ++i) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    wide = static_cast<unsigned char>(s[i]) == 0xEF && ((b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E));
  }
  if (!wide) return "";
  std::string meant = CollapseWhitespace(Nfkc(s));
  return IsWebUrl(meant) || meant.starts_with("mailto:") ? meant : "";
}

void ReportFullWidthUrl(const SourceLoc& loc, const std::string& written, const std::string& meant, Diagnostics* diags) {
  diags->Error(loc, "URL「" + written + "」に全角の文字があります", "半角で「" + meant + "」と書いてください");
}

namespace {

// What follows "https://" or "http://" (the host, then the path); nullopt for other text.
std::optional<std::string_view> AfterScheme(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (url.starts_with(scheme)) return url.substr(scheme.size());
  }
  return std::nullopt;
}

}  // namespace

std::string BaseUrlProblem(std::string_view url, bool path_ok) {
  const std::optional<std::string_view> rest = AfterScheme(url);
  if (!rest && url.starts_with("//")) return "// で始まる URL はホスト名と読まれます。https:// から書いてください";
  if (!rest && !(url.starts_with("/") && path_ok)) {
    return path_ok ? "https:// か http:// で始まる URL か、/kyodo/ のように / で始まるパスを書いてください"
                   : "https:// か http:// で始まる URL を書いてください";
  }
  if (url.find_first_of("?#") != std::string_view::npos) {
    return "? や # 以降はリンクの先頭に付けられません。公開するフォルダの URL だけを書いてください";
  }
  if (rest) {
    const std::string_view host = rest->substr(0, rest->find('/'));
    if (host.empty()) return "ホスト名がありません（https://www.example.lg.jp/kyodo/ の www.example.lg.jp）";
    for (char c : host) {
      const auto u = static_cast<unsigned char>(c);
      if (!std::isalnum(u) && c != '.' && c != '-' && c != ':') {
        return "ホスト名「" + std::string(host) + "」に使えない文字があります（日本語のドメインは xn-- で始まる形で書いてください）";
      }
    }
  }
  return "";
}

std::string EscapedBaseUrl(std::string_view url) { return UrlPathEscape(url); }

bool ReportMalformedWebUrl(std::string_view url, const SourceLoc& loc, Diagnostics* diags) {
  // As the message shows it: a line break would split the message's one line.
  std::string written;
  for (char c : url) written += c == '\n' ? std::string("（改行）") : c == '\r' ? std::string() : std::string(1, c);
  const std::optional<std::string_view> rest = AfterScheme(url);
  if (!rest || rest->empty() || std::string_view("/?#").find(rest->front()) != std::string_view::npos) {
    diags->Error(loc, "URL「" + written + "」にホスト名（www.city.example.lg.jp など）がありません",
                 "https://www.city.example.lg.jp/… のように、ブラウザーのアドレス欄の URL をそのまま書いてください");
    return true;
  }
  const size_t space = url.find_first_of(" \r\n");  // a line break: a copy that took two lines
  if (space != std::string_view::npos) {
    diags->Error(loc, "URL「" + written + "」に空白があります",
                 "URL の後ろに説明を続けて書いていませんか。URL だけを書いてください（空白を含むアドレスは空白を %20 と書きます）");
    return true;
  }
  const size_t bad = url.find_first_of("\"<>\\{}|^`\t");
  if (bad != std::string_view::npos) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto c = static_cast<unsigned char>(url[bad]);
    const std::string sign = c == '\t' ? "タブ" : std::string(1, url[bad]);
    diags->Error(loc, "URL「" + written + "」に URL では使えない文字「" + sign + "」があります",
                 std::string("ブラウザーのアドレス欄から URL をコピーし直してください（この文字は %") + kHex[c >> 4] +
                     kHex[c & 0xF] + " と書きます）");
    return true;
  }
  return false;
}

std::string UrlPath(std::string_view url) {
  const std::optional<std::string_view> rest = AfterScheme(url);
  if (!rest) return "";
  const size_t slash = rest->find('/');
  return WithTrailingSlash(slash == std::string_view::npos ? "/" : std::string(rest->substr(slash)));
}

void CheckBaseFolders(const std::string& link_base, const std::string& canonical, const std::string& portal_file,
                      Diagnostics* diags) {
  if (link_base.empty() || canonical.empty() || WithTrailingSlash(link_base) == UrlPath(canonical)) return;
  diags->Warning({portal_file, 0, 0},
                 "--base-url のフォルダ「" + WithTrailingSlash(link_base) + "」と、base_url「" + canonical + "」のフォルダ「" +
                     UrlPath(canonical) + "」が違います。正規 URL（canonical）・サイトマップ・フィードが、ページのない URL を指します",
                 "base_url を公開先の URL（" + WithTrailingSlash(link_base) + " のページが見える https://…）にしてください");
}

std::string WithTrailingSlash(std::string url) {
  if (!url.empty() && url.back() != '/') url += '/';
  return url;
}

Urls::Urls(std::string base_url, std::string canonical_base)
    : base_url_(WithTrailingSlash(std::move(base_url))), canonical_base_(WithTrailingSlash(std::move(canonical_base))) {}

std::string Urls::FileOf(const std::string& site_path) {
  if (site_path.empty() || site_path.back() == '/') return site_path + "index.html";
  return site_path;
}

std::string Urls::Link(const std::string& from, const std::string& to) const {
  std::string path = to, fragment;
  size_t hash = to.find('#');
  if (hash != std::string::npos) {
    path = to.substr(0, hash);
    fragment = to.substr(hash);
  }
  if (!relative()) return base_url_ + path + fragment;
  if (path == from && !fragment.empty()) return fragment;  // same page: just the anchor
  // Every page folder is one level per '/', so the way up is one "../" per '/'.
  std::string up;
  for (size_t i = 0, depth = static_cast<size_t>(std::count(from.begin(), from.end(), '/')); i < depth; ++i) up += "../";
  return up + FileOf(path) + fragment;
}

std::string Urls::Absolute(const std::string& to) const {
  if (canonical_base_.empty()) return "";
  return canonical_base_ + to;
}

std::string UrlPathUnescape(std::string_view path) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      out += path[i];
      continue;
    }
    if (i + 2 >= path.size() || hex(path[i + 1]) < 0 || hex(path[i + 2]) < 0) return std::string(path);
    out += static_cast<char>(hex(path[i + 1]) * 16 + hex(path[i + 2]));
    i += 2;
  }
  return FindInvalidUtf8(out) == std::string_view::npos ? out : std::string(path);
}

}  // namespace kyodo
