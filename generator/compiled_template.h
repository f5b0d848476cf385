// A Mustache template compiled once into a flat list of operations and rendered
// straight into the page string. kainjow stays the reference: it validates every
// template at load (and reports the errors), and this renderer writes exactly
// what kainjow's render() writes for the data kyodo's views build — the same
// tokens, the same "standalone line" rule, the same lookups — at a fraction of
// the cost: kainjow walks one component per space and per line through
// std::function callbacks and copies each line through a buffer. The unit test
// and fuzz/template_fuzzer.cpp compare the two on the same templates and data.
//
// Not supported, because kyodo never needs them: lambdas in the data, and
// partial tags (templates.cpp inlines partials into the text before compiling;
// kainjow would look a partial up in the data).
#ifndef KYODO_COMPILED_TEMPLATE_H_
#define KYODO_COMPILED_TEMPLATE_H_

#include <kainjow/mustache.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyodo {

class CompiledTemplate {
 public:
  /// nullopt when `text` is not a valid template (kainjow's message in `error`)
  /// or still holds a partial tag (kPartialLeft).
  static std::optional<CompiledTemplate> Compile(const std::string& text, std::string* error = nullptr);
  static constexpr const char* kPartialLeft = "部分テンプレート {{> 名前}} は読み込み時に展開されていなければなりません";

  /// Appends `value` escaped to `out` (for {{name}}; {{{name}}} appends it as it is).
  using Escape = void (*)(std::string_view value, std::string* out);

  /// Appends the rendering of `data` to `out`.
  void Render(const kainjow::mustache::data& data, Escape escape, std::string* out) const;

 private:
  enum class Op { kText, kNewline, kVariable, kRaw, kSection, kInverted };
  struct Step {
    Op op;
    std::string text;                ///< kText/kNewline: the characters; others: the tag name
    std::vector<std::string> parts;  ///< a dotted name's parts ("a.b" → a, b); empty otherwise
    size_t end = 0;                  ///< sections: the index after their last step
  };
  struct State;

  void RenderRange(size_t begin, size_t end, State* state) const;

  std::vector<Step> steps_;
};

}  // namespace kyodo

#endif  // KYODO_COMPILED_TEMPLATE_H_
