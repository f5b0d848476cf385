// Mustache templates (kainjow) with theme overlay: a file in
// themes/<theme>/templates/ replaces the file of the same name in templates/.
// Partials ({{> name}} → partials/name.mustache) are inlined once at load time, so
// a page renders from one compiled template (compiled_template.h; kainjow checks
// every template first and reports its errors); a missing partial is reported
// with the template file and line.
#ifndef KYODO_TEMPLATES_H_
#define KYODO_TEMPLATES_H_

#include <kainjow/mustache.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "compiled_template.h"
#include "disk.h"
#include "error.h"

namespace kyodo {

namespace mustache = kainjow::mustache;

class Templates {
 public:
  /// Loads every page template (templates/*.mustache, overlaid by the theme's).
  /// `theme_templates` may be "" (no overrides). Returns false after reporting
  /// errors (unreadable file, missing partial, unclosed section…).
  bool Load(const Disk& disk, const std::string& base_dir, const std::string& theme_templates, Diagnostics* diags);

  /// Warns at each {{{name}}} or {{& name}} whose value is not HTML that kyodo made
  /// (`is_html` says which are): such a tag writes a clerk's text unescaped, so a
  /// 「<」 breaks the page or a pasted <script> runs. Not an error: the page still builds.
  void WarnUnescaped(const std::function<bool(const std::string&)>& is_html, Diagnostics* diags) const;

  /// Warns at each tag in a theme's own template whose name no template of kyodo's
  /// uses and `also_known` does not hold (the values kyodo gives that its templates
  /// do not show): a misspelt {{titel}} would render nothing without a word.
  void WarnUnknownNames(const std::set<std::string>& also_known, Diagnostics* diags) const;

  bool Has(const std::string& name) const { return pages_.count(name) > 0; }
  /// Renders page template `name` (without .mustache). Safe to call from several
  /// threads at once: templates are validated at load, so rendering cannot fail
  /// and only reads the compiled steps.
  std::string Render(const std::string& name, const mustache::data& data) const;

  /// Every file that went into this set (for rebuilds after a template edit).
  const std::set<std::string>& files() const { return files_; }

 private:
  struct Source {
    std::string path;
    std::string text;
    bool from_theme = false;
  };
  /// Finds `rel` in the theme, then in the base folder.
  const Source* Find(const std::string& rel) const;
  /// Warns about the theme's page templates that no page kind uses and its
  /// partials that no template includes (a misspelt override changes nothing).
  void WarnUnused(const Disk& disk, const std::string& base_dir, const std::string& theme_templates,
                  Diagnostics* diags) const;
  void WarnUnusedPartial(const Disk& disk, const std::string& base_dir, const std::string& path,
                         const std::string& name, Diagnostics* diags) const;
  /// The hint for a partial that is not there: the nearest existing name, if any.
  std::string PartialHint(const std::string& name) const;
  /// Replaces {{> name}} tags with partial text, recursively.
  bool Inline(const Source& src, int depth, std::string* out, Diagnostics* diags);

  std::map<std::string, Source> sources_;  ///< relative path → chosen file
  std::map<std::string, CompiledTemplate> pages_;
  std::set<std::string> files_;
  std::set<std::string> kyodo_names_;  ///< every value name kyodo's own templates use
};

}  // namespace kyodo

#endif  // KYODO_TEMPLATES_H_
