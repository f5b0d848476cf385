// `kyodo serve`: the built site on 127.0.0.1 with live reload. An edit is applied
// with Site::Update on one rebuild thread while the HTTP server keeps answering;
// the browser learns of it through server-sent events and reloads, or shows the
// error in an overlay instead of the server dying.
//
// The files on disk stay exactly what `kyodo build` writes: the reload script is
// added to HTML responses on their way out, never to the files.
#ifndef KYODO_SERVE_H_
#define KYODO_SERVE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "disk.h"
#include "error.h"
#include "site.h"

namespace kyodo {

// ---- pure helpers (tested one by one) -------------------------------------------

/// The element added to every HTML response; its code is served at /_kyodo/reload.js.
extern const char kReloadScriptTag[];

/// `html` with `snippet` just before its last `</body>` (any letter case), or at
/// the end when there is none.
std::string InjectBeforeBodyEnd(const std::string& html, const std::string& snippet);

/// The file inside the site folder that a decoded URL path names, relative to the
/// folder ("" for "/"), or nullopt when it would leave the folder ("..") or is not
/// a plain path (NUL, backslash, no leading "/"). "." and empty segments are dropped.
std::optional<std::string> SitePathFor(const std::string& url_path);

/// True when an HTTP Host header names this machine's loopback (127.0.0.1, localhost
/// or [::1], with or without a port). Binding to 127.0.0.1 alone does not keep other
/// sites out: a page on the internet can point its own name at 127.0.0.1 (DNS
/// rebinding) and then read the preview, drafts included; its requests carry its own
/// name in Host.
bool IsLoopbackHost(const std::string& host);

/// The Content-Type header for a file by its extension (UTF-8 for text).
std::string ContentTypeFor(const std::string& path);

/// One server-sent event: `event:` and one `data:` line per line of `data`.
std::string SseMessage(const std::string& event, const std::string& data);

// ---- the HTTP side ---------------------------------------------------------------

/// Serves a site folder through a Disk on 127.0.0.1 and pushes reload / error / ok
/// events to the open pages.
class DevServer {
 public:
  DevServer(const Disk* disk, std::string out_dir);
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  /// Binds 127.0.0.1:`port` (0: a free port) and starts answering on a thread of
  /// its own. Returns false with `err` when the port cannot be bound.
  bool Start(int port, std::string* err);
  /// The bound port (after Start).
  int port() const;
  /// Ends open event streams and the server; returns when its threads are done.
  void Stop();

  /// Pages whose files changed are reloaded: `changed` are site-relative output
  /// paths; {"*"} reloads every open page.
  void Reload(const std::vector<std::string>& changed);
  /// Every open page (and each page opened later) shows `text` until Ok().
  void Fail(const std::string& text);
  void Ok();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- the whole loop ---------------------------------------------------------------

/// How serve reports; cli fills these (only cli prints). They are called on the
/// rebuild thread.
struct ServeHooks {
  /// An edit was applied; `diags` holds its warnings.
  std::function<void(const std::vector<std::string>& sources, const UpdateResult&, const Diagnostics&)> updated;
  /// An edit failed; returns the diagnostics as text, which the browser shows.
  std::function<std::string(const std::vector<std::string>& sources, const Diagnostics&)> failed;
};

/// The dev server: a DevServer on the site's out folder, a Watcher on the site's
/// source folders and one rebuild thread applying each batch with Site::Update.
class Serve {
 public:
  Serve(Site* site, const Disk* disk, std::string out_dir, ServeHooks hooks);
  ~Serve();
  Serve(const Serve&) = delete;
  Serve& operator=(const Serve&) = delete;

  /// Before the first build: starts watching (edits made during the build are
  /// applied right after it) and binds the port (a busy port is reported before a
  /// long build, not after). Returns false with `err`.
  bool Listen(int port, std::string* err);
  /// After the first Site::Build: starts the rebuild thread. `initial_errors` is
  /// the text the browser shows until an edit builds ("" when the build succeeded).
  void Run(const std::string& initial_errors);
  int port() const;
  /// Stops watching, lets a running rebuild finish, stops the server.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kyodo

#endif  // KYODO_SERVE_H_
