#include "serve.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "output.h"
#include "text.h"
#include "watcher.h"

namespace kyodo {

// A script element rather than inline code: a theme's Content-Security-Policy that
// allows 'self' scripts still runs it.
const char kReloadScriptTag[] = "<script src=\"/_kyodo/reload.js\"></script>";

namespace {

// What runs in the page. `reload` carries the changed output files, one per line
// ("*" = all): only a page whose own file (or an image or style it may use)
// changed reloads, keeping its scroll position. `error` carries the GCC-style
// diagnostics, shown in an alert overlay until `ok`. EventSource reconnects by
// itself, so a page stays live across a server restart.
constexpr const char kReloadScript[] = R"JS(// kyodo serve: live reload and build errors. Not part of the built site.
(() => {
  'use strict';
  const KEY = 'kyodo-serve-scroll:' + location.pathname;
  // This script puts the page back where it was; the browser's own restoring on reload
  // ran as well, at its own moment, and could leave the page some pixels off.
  history.scrollRestoration = 'manual';
  const saved = sessionStorage.getItem(KEY);
  if (saved) {
    sessionStorage.removeItem(KEY);
    const [x, y] = saved.split(',').map(Number);
    const restore = () => window.scrollTo({ left: x, top: y, behavior: 'instant' }); // no smooth scroll from the theme
    if (document.readyState === 'complete') restore(); else addEventListener('load', restore);
  }
  const here = () => {
    let p = decodeURIComponent(location.pathname);
    if (p.endsWith('/')) p += 'index.html';
    return p.replace(/^\/+/, '');
  };
  const reload = () => {
    sessionStorage.setItem(KEY, Math.round(scrollX) + ',' + Math.round(scrollY));
    location.reload();
  };
  let overlay = null;
  const hide = () => { if (overlay) { overlay.remove(); overlay = null; } };
  const show = (text) => {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'kyodo-serve-error';
    overlay.setAttribute('role', 'alert');
    overlay.lang = 'ja';
    overlay.style.cssText = 'position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:80vh;overflow:auto;' +
      'box-sizing:border-box;margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;text-align:left;' +
      'border-bottom:.375rem solid #b3261e;box-shadow:0 .25rem 1rem rgba(0,0,0,.35);font:1rem/1.6 sans-serif';
    const title = document.createElement('p');
    title.textContent = 'サイトを更新できませんでした';
    title.style.cssText = 'margin:0 0 .25rem;font-size:1.25rem;font-weight:bold;color:#b3261e';
    const how = document.createElement('p');
    how.textContent = '次の問題を直して保存すると、自動で読み込み直します。';
    how.style.cssText = 'margin:0 0 .5rem';
    const pre = document.createElement('pre');
    pre.textContent = text;
    pre.style.cssText = 'margin:0 0 .75rem;padding:.75rem;background:#f3f3f3;color:#1a1a1a;' +
      'white-space:pre-wrap;overflow-wrap:anywhere;font:.9375rem/1.5 monospace';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '閉じる';
    close.style.cssText = 'min-height:44px;min-width:44px;padding:.25rem 1rem;font:inherit;' +
      'background:#fff;color:#1a1a1a;border:2px solid #1a1a1a;border-radius:.25rem;cursor:pointer';
    close.addEventListener('click', hide);
    overlay.append(title, how, pre, close);
    document.body.prepend(overlay);
  };
  const events = new EventSource('/_kyodo/events');
  events.addEventListener('reload', (e) => {
    const mine = here();
    const files = e.data.split('\n');
    if (files.some((f) => f === '*' || f === mine || /\.(css|js|png|jpe?g|gif|webp|avif|svg)$/i.test(f))) reload();
  });
  // EventSource also fires a plain 'error' Event when the connection drops; only
  // the server's own `error` event (a MessageEvent) carries diagnostics.
  events.addEventListener('error', (e) => { if (e instanceof MessageEvent) show(e.data); });
  events.addEventListener('ok', hide);
})();
)JS";

// Shown for a missing page when the site has no 404.html (e.g. the first build failed).
constexpr const char kFallbackPage[] =
    "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>ページがありません（kyodo serve）</title>\n</head>\n<body>\n<main>\n<h1>ページがありません</h1>\n"
    "<p>このアドレスのページはありません。サイトをまだ書き出せていない場合は、"
    "エラーを直して保存すると、このページが自動で読み込み直されます。</p>\n</main>\n</body>\n</html>\n";

// How many output files a reload names before it says "*" instead.
constexpr size_t kMaxNamedReloads = 2000;
// Events kept for a page whose stream fell behind; older ones become a full reload.
constexpr size_t kKeptEvents = 64;
// A comment line this often tells a dead connection from an idle one.
constexpr auto kPingInterval = std::chrono::seconds(10);

}  // namespace

std::string InjectBeforeBodyEnd(const std::string& html, const std::string& snippet) {
  static constexpr std::string_view kEnd = "</body>";
  for (size_t i = html.size() >= kEnd.size() ? html.size() - kEnd.size() + 1 : 0; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < kEnd.size() && match; ++k) match = AsciiLower(html[i + k]) == kEnd[k];
    if (match) return html.substr(0, i) + snippet + html.substr(i);
  }
  return html + snippet;
}

std::optional<std::string> SitePathFor(const std::string& url_path) {
  if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos ||
      url_path.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  std::string rel;
  size_t start = 1;
  while (start <= url_path.size()) {
    size_t slash = std::min(url_path.find('/', start), url_path.size());
    std::string segment = url_path.substr(start, slash - start);
    start = slash + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") return std::nullopt;  // never climb, not even back down into the folder
    rel += (rel.empty() ? "" : "/") + segment;
  }
  if (!rel.empty() && !IsSafeRelativePath(rel)) return std::nullopt;
  return rel;
}

bool IsLoopbackHost(const std::string& host) {
  std::string name = AsciiLower(host);
  // "[::1]:1313" keeps its brackets; a port after the name is any number.
  const size_t colon = name.rfind(':');
  if (colon != std::string::npos && name.find(']', colon) == std::string::npos) {
    const std::string port = name.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), IsAsciiDigit)) return false;
    name.resize(colon);
  }
  return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

std::string ContentTypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},        {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},     {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".xml", "application/xml; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},         {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"},                     {".png", "image/png"},
      {".jpg", "image/jpeg"},                        {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                         {".webp", "image/webp"},
      {".avif", "image/avif"},                       {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},                      {".woff", "font/woff"},
      {".pdf", "application/pdf"},                   {".wasm", "application/wasm"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  std::string base = BaseName(path);
  size_t dot = base.rfind('.');
  if (dot != std::string::npos) {
    std::string ext = AsciiLower(base.substr(dot));
    for (const auto& [e, type] : kTypes) {
      if (ext == e) return type;
    }
  }
  return "application/octet-stream";
}

std::string SseMessage(const std::string& event, const std::string& data) {
  std::string out = "event: " + event + "\n";
  size_t start = 0;
  for (;;) {
    size_t nl = data.find('\n', start);
    out += "data: " + data.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out + "\n";
}

// ---- DevServer -----------------------------------------------------------------

class DevServer::Impl {
 public:
  Impl(const Disk* disk, std::string out_dir) : disk_(disk), out_(std::move(out_dir)) {}

  bool Start(int port, std::string* err);
  void Stop();
  void Publish(std::string message, const std::string* error_state);
  int port = 0;

 private:
  void ServeFile(const httplib::Request& req, httplib::Response& res) const;
  void NotFound(httplib::Response& res) const;
  bool Inside(const std::string& path) const;
  void Events(httplib::Response& res);
  /// The messages after `*seq` (waiting up to kPingInterval); false once stopping.
  bool NextMessages(uint64_t* seq, std::string* out);

  const Disk* disk_;
  std::string out_;
  httplib::Server http_;
  std::thread thread_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<uint64_t, std::string>> events_;  ///< (sequence, SSE text), newest last
  uint64_t seq_ = 0;
  std::string error_;  ///< the diagnostics a newly opened page shows; "" when the last update built
  bool stopping_ = false;
};

bool DevServer::Impl::Start(int wanted_port, std::string* err) {
  // One worker per open page's event stream plus the requests: more than
  // httplib's default of 8, which a few open tabs would use up.
  http_.new_task_queue = [] { return new httplib::ThreadPool(32); };
  // Idle keep-alive connections hold a worker until this runs out, also on Stop().
  http_.set_keep_alive_timeout(1);
  http_.set_default_headers({{"Cache-Control", "no-store"}});
  // httplib also sets SO_REUSEPORT, which lets a second kyodo serve share the port
  // and take half the requests: only SO_REUSEADDR, so it gets a clear error instead.
  http_.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http_.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!IsLoopbackHost(req.get_header_value("Host"))) {  // see IsLoopbackHost: DNS rebinding
      res.status = 403;
      res.set_content("kyodo serve は http://127.0.0.1 のアドレスでだけ見られます\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    // httplib brotli-compresses every text response at brotli's slowest setting
    // (measured: 62 ms for a 26 KB page on a busy machine, against under 1 ms as is);
    // over loopback it only delays the reload. The request is httplib's own non-const object.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.Get("/_kyodo/reload.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReloadScript, "text/javascript; charset=utf-8");
  });
  http_.Get("/_kyodo/events", [this](const httplib::Request&, httplib::Response& res) { Events(res); });
  http_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { ServeFile(req, res); });
  // Loopback only: the preview shows drafts and unpublished edits.
  if (wanted_port == 0) {
    port = http_.bind_to_any_port("127.0.0.1");
  } else {
    port = http_.bind_to_port("127.0.0.1", wanted_port) ? wanted_port : -1;
  }
  if (port <= 0) {
    *err = "127.0.0.1:" + std::to_string(wanted_port) +
           " で待ち受けできません（使用中かもしれません。--port で別の番号を指定してください）";
    return false;
  }
  thread_ = std::thread([this] { http_.listen_after_bind(); });
  return true;
}

void DevServer::Impl::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();  // event streams end, so their workers can be joined
  http_.stop();
  if (thread_.joinable()) thread_.join();
}

void DevServer::Impl::Publish(std::string message, const std::string* error_state) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (error_state) error_ = *error_state;
    events_.emplace_back(++seq_, std::move(message));
    if (events_.size() > kKeptEvents) events_.pop_front();
  }
  cv_.notify_all();
}

bool DevServer::Impl::NextMessages(uint64_t* seq, std::string* out) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, kPingInterval, [&] { return stopping_ || seq_ > *seq; });
  if (stopping_) return false;
  if (!events_.empty() && events_.front().first > *seq + 1) {
    *out += SseMessage("reload", "*");  // this stream missed events: just reload
  }
  for (const auto& [n, message] : events_) {
    if (n > *seq) *out += message;
  }
  *seq = seq_;
  return true;
}

void DevServer::Impl::Events(httplib::Response& res) {
  std::string first = "retry: 1000\n\n";
  uint64_t seq;
  {
    std::lock_guard<std::mutex> lock(mu_);
    seq = seq_;
    if (!error_.empty()) first += SseMessage("error", error_);
  }
  res.set_chunked_content_provider(
      "text/event-stream", [this, seq, first = std::move(first)](size_t, httplib::DataSink& sink) mutable {
        std::string out = std::move(first);
        first.clear();
        if (out.empty() && !NextMessages(&seq, &out)) return false;
        if (out.empty()) out = ": ping\n\n";
        return sink.write(out.data(), out.size());  // false when the page has gone
      });
}

bool DevServer::Impl::Inside(const std::string& path) const {
  // SitePathFor keeps ".." out; this keeps a symlink in the site folder from
  // leading outside it.
  std::string root = disk_->Canonical(out_), real = disk_->Canonical(path);
  return !root.empty() && IsUnder(real, root);
}

void DevServer::Impl::ServeFile(const httplib::Request& req, httplib::Response& res) const {
  std::optional<std::string> rel = SitePathFor(req.path);
  if (!rel) {
    res.status = 400;
    res.set_content("不正なパスです\n", "text/plain; charset=utf-8");
    return;
  }
  std::string path = rel->empty() ? out_ : JoinPath(out_, *rel);
  FileKind kind = disk_->Stat(path);
  if (kind == FileKind::kDir) {
    if (req.path.back() != '/') {
      // Relative links in dir/index.html only resolve from "dir/".
      std::string target = req.target.empty() ? req.path : req.target;
      size_t query = target.find('?');
      res.set_redirect(query == std::string::npos ? target + "/" : target.substr(0, query) + "/" + target.substr(query),
                       301);
      return;
    }
    path = JoinPath(path, "index.html");
    kind = disk_->Stat(path);
  }
  std::string body, err;
  if (kind != FileKind::kFile || !Inside(path) || !disk_->ReadFile(path, &body, &err)) return NotFound(res);
  std::string type = ContentTypeFor(path);
  if (type.rfind("text/html", 0) == 0) body = InjectBeforeBodyEnd(body, kReloadScriptTag);
  res.set_content(body, type);
}

void DevServer::Impl::NotFound(httplib::Response& res) const {
  std::string page, err;
  if (!disk_->ReadFile(JoinPath(out_, "404.html"), &page, &err)) page = kFallbackPage;
  res.status = 404;
  res.set_content(InjectBeforeBodyEnd(page, kReloadScriptTag), "text/html; charset=utf-8");
}

DevServer::DevServer(const Disk* disk, std::string out_dir) : impl_(std::make_unique<Impl>(disk, std::move(out_dir))) {}
DevServer::~DevServer() { Stop(); }
bool DevServer::Start(int port, std::string* err) { return impl_->Start(port, err); }
int DevServer::port() const { return impl_->port; }
void DevServer::Stop() { impl_->Stop(); }

void DevServer::Reload(const std::vector<std::string>& changed) {
  std::string data;
  if (changed.size() > kMaxNamedReloads) {
    data = "*";
  } else {
    for (const std::string& f : changed) data += (data.empty() ? "" : "\n") + f;
  }
  impl_->Publish(SseMessage("reload", data), nullptr);
}

void DevServer::Fail(const std::string& text) {
  std::string shown = text;
  while (!shown.empty() && shown.back() == '\n') shown.pop_back();  // no empty last data: line
  impl_->Publish(SseMessage("error", shown), &shown);
}

void DevServer::Ok() {
  const std::string none;
  impl_->Publish(SseMessage("ok", ""), &none);
}

// ---- Serve -------------------------------------------------------------------------

class Serve::Impl {
 public:
  Impl(Site* site, const Disk* disk, std::string out_dir, ServeHooks hooks)
      : site_(site), disk_(disk), server_(disk, std::move(out_dir)), hooks_(std::move(hooks)) {}

  bool Listen(int port, std::string* err) {
    watcher_ = Watcher::Create(*disk_, site_->SourceFolders(), err);
    return watcher_ && server_.Start(port, err);
  }

  void Run(const std::string& initial_errors) {
    failing_ = !initial_errors.empty();
    if (failing_) server_.Fail(initial_errors);
    rebuild_ = std::thread([this] { Loop(); });
  }

  void Stop() {
    if (watcher_) watcher_->Stop();
    if (rebuild_.joinable()) rebuild_.join();
    server_.Stop();
  }

  int port() const { return server_.port(); }

 private:
  void Loop() {
    std::vector<std::string> changed;
    while (watcher_->Next(&changed)) Apply(changed);
  }

  // One batch of edits: pages reload as soon as they are on disk; errors go to
  // the terminal and the browser; the first success after errors clears them.
  void Apply(const std::vector<std::string>& changed) {
    Diagnostics diags;
    UpdateResult result;
    auto pages_written = [&](const UpdateResult& r) {
      if (failing_) server_.Ok();
      // After errors the open pages may show anything: reload them all.
      server_.Reload(failing_ ? std::vector<std::string>{"*"} : r.changed);
    };
    if (site_->Update(changed, &result, &diags, pages_written)) {
      failing_ = false;
      if (hooks_.updated) hooks_.updated(changed, result, diags);
    } else {
      failing_ = true;
      server_.Fail(hooks_.failed ? hooks_.failed(changed, diags) : "エラーがあります");
    }
  }

  Site* site_;
  const Disk* disk_;
  DevServer server_;
  ServeHooks hooks_;
  std::unique_ptr<Watcher> watcher_;
  std::thread rebuild_;
  bool failing_ = false;  ///< only the rebuild thread touches it after Start
};

Serve::Serve(Site* site, const Disk* disk, std::string out_dir, ServeHooks hooks)
    : impl_(std::make_unique<Impl>(site, disk, std::move(out_dir), std::move(hooks))) {}
Serve::~Serve() { Stop(); }
bool Serve::Listen(int port, std::string* err) { return impl_->Listen(port, err); }
void Serve::Run(const std::string& initial_errors) { impl_->Run(initial_errors); }
int Serve::port() const { return impl_->port(); }
void Serve::Stop() { impl_->Stop(); }

}  // namespace kyodo
