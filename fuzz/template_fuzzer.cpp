// Bytes → a template (up to the first NUL) and data chosen by the bytes after it.
// The compiled renderer must accept exactly the templates kainjow accepts (less
// those with partial tags, which kyodo inlines first) and write exactly what
// kainjow writes for them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compiled_template.h"
#include "text.h"

using namespace kyodo;
namespace mustache = kainjow::mustache;

namespace {

std::string Escape(const std::string& s) { return HtmlEscape(s, "&apos;"); }
void AppendEscaped(std::string_view s, std::string* out) { AppendHtmlEscaped(s, "&apos;", out); }

struct Bytes {
  const std::string& s;
  size_t at = 0;
  uint8_t Next() { return at < s.size() ? static_cast<uint8_t>(s[at++]) : 0; }
};

// An object with the names a short template is likely to use; each name is
// missing, a string, true, false, a list or an object, as the bytes say.
mustache::data MakeObject(Bytes* b, int depth) {
  static const char* const kNames[] = {"a", "b", "c", "list", "name", "."};
  static const char* const kStrings[] = {"", " ", "x", "<&>\"'", "\n", "協働\t", "{{a}}"};
  mustache::data obj = mustache::data::type::object;
  for (const char* name : kNames) {
    const uint8_t pick = b->Next();
    switch (pick % 6) {
      case 0:
        break;
      case 1:
        obj.set(name, kStrings[(pick / 6) % 7]);
        break;
      case 2:
        obj.set(name, true);
        break;
      case 3:
        obj.set(name, false);
        break;
      case 4: {
        mustache::data list = mustache::data::type::list;
        for (int i = 0, n = (pick / 6) % 4; i < n && depth < 3; ++i) {
          list.push_back(i % 2 ? mustache::data(kStrings[i]) : MakeObject(b, depth + 1));
        }
        obj.set(name, list);
        break;
      }
      default:
        if (depth < 3) obj.set(name, MakeObject(b, depth + 1));
        break;
    }
  }
  return obj;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  const std::string tmpl = input.substr(0, nul);
  const std::string seed = nul == std::string::npos ? "" : input.substr(nul + 1);
  mustache::mustache reference(tmpl);
  std::string error;
  auto compiled = CompiledTemplate::Compile(tmpl, &error);
  if (compiled && !reference.is_valid()) std::abort();
  if (!compiled && reference.is_valid() && error != CompiledTemplate::kPartialLeft) std::abort();
  if (!compiled) return 0;
  Bytes bytes{seed};
  const mustache::data d = MakeObject(&bytes, 0);
  reference.set_custom_escape(Escape);
  const std::string expected = reference.render(d);
  std::string got;
  compiled->Render(d, AppendEscaped, &got);
  if (got != expected) std::abort();
  return 0;
}
