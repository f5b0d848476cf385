#include "compiled_template.h"

#include <string_view>

namespace kyodo {

namespace {

using Data = kainjow::mustache::data;

// kainjow's trim (std::isspace in the "C" locale).
std::string Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(kSpace) - first + 1));
}

// kainjow's split(name, '.') (std::getline: no empty item after a final dot).
std::vector<std::string> SplitName(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < name.size()) {
    const size_t dot = name.find('.', start);
    if (dot == std::string::npos) {
      parts.push_back(name.substr(start));
      break;
    }
    parts.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

// kainjow's parse_set_delimiter_tag: "=<% %>=" → "<%", "%>".
bool ReadDelimiters(const std::string& tag, std::string* begin, std::string* end) {
  if (tag.size() < 5 || tag.back() != '=') return false;
  const std::string inner = Trim(std::string_view(tag).substr(1, tag.size() - 2));
  const size_t space = inner.find(' ');
  if (space == std::string::npos) return false;
  const size_t next = inner.find_first_not_of(' ', space + 1);
  if (next == std::string::npos) return false;
  std::string b = inner.substr(0, space), e = inner.substr(next);
  for (const std::string* d : {&b, &e}) {
    if (d->find_first_of("= \t\n\v\f\r") != std::string::npos) return false;
  }
  *begin = std::move(b);
  *end = std::move(e);
  return true;
}

}  // namespace

std::optional<CompiledTemplate> CompiledTemplate::Compile(const std::string& input, std::string* error) {
  std::string ignored;
  if (!error) error = &ignored;
  if (kainjow::mustache::mustache reference(input); !reference.is_valid()) {
    *error = reference.error_message();
    return std::nullopt;
  }
  CompiledTemplate t;
  std::vector<Step>& steps = t.steps_;
  std::vector<size_t> open;  // sections not yet closed
  std::string begin = "{{", end = "}}";
  bool braces = true;
  bool merge = false;  // the last step is text that the next characters may join
  auto text = [&](std::string_view chars, Op op) {
    if (op == Op::kText && merge) {
      steps.back().text += chars;
      return;
    }
    steps.push_back({op, std::string(chars), {}, 0});
    merge = op == Op::kText;
  };
  const size_t n = input.size();
  for (size_t pos = 0; pos != n;) {
    if (input.compare(pos, begin.size(), begin) != 0) {
      // Lines end at \r\n, \n or \r, as kainjow splits them.
      const size_t newline = input.compare(pos, 2, "\r\n") == 0 ? 2 : (input[pos] == '\n' || input[pos] == '\r');
      text(std::string_view(input).substr(pos, newline ? newline : 1), newline ? Op::kNewline : Op::kText);
      pos += newline ? newline : 1;
      continue;
    }
    merge = false;
    size_t contents = pos + begin.size();
    const bool triple = braces && pos != n - 2 && input.at(contents) == begin[0];  // {{{name}}}
    const std::string close = triple ? "}}}" : end;
    if (triple) ++contents;
    const size_t close_at = input.find(close, contents);
    if (close_at == std::string::npos) return std::nullopt;  // kainjow rejected it above
    const std::string tag = Trim(std::string_view(input).substr(contents, close_at - contents));
    pos = close_at + close.size();
    if (!tag.empty() && tag[0] == '=') {
      if (!ReadDelimiters(tag, &begin, &end)) return std::nullopt;
      braces = begin == "{{" && end == "}}";
      continue;
    }
    Step step{triple ? Op::kRaw : Op::kVariable, tag, {}, 0};
    const char kind = triple || tag.empty() ? '\0' : tag[0];
    if (kind == '#' || kind == '^' || kind == '/' || kind == '>' || kind == '&' || kind == '!') {
      step.text = Trim(std::string_view(tag).substr(1));
    }
    if (kind == '>') {
      *error = kPartialLeft;
      return std::nullopt;
    }
    if (kind == '!') continue;
    if (kind == '/') {
      if (open.empty() || steps[open.back()].text != step.text) return std::nullopt;
      steps[open.back()].end = steps.size();
      open.pop_back();
      continue;
    }
    if (kind == '#' || kind == '^') {
      step.op = kind == '#' ? Op::kSection : Op::kInverted;
      open.push_back(steps.size());
    } else if (kind == '&') {
      step.op = Op::kRaw;
    }
    if (step.text != "." && step.text.find('.') != std::string::npos) step.parts = SplitName(step.text);
    steps.push_back(std::move(step));
  }
  if (!open.empty()) return std::nullopt;
  return t;
}

struct CompiledTemplate::State {
  std::vector<const Data*> stack;  // innermost last
  Escape escape;
  std::string* out;
  size_t line_start = 0;
  bool section_on_line = false;

  // kainjow's context::get.
  const Data* Find(const Step& step) const {
    if (step.text == ".") return stack.back();
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if (step.parts.empty()) {
        if (const Data* v = (*it)->get(step.text)) return v;
        continue;
      }
      const Data* v = *it;
      for (const std::string& part : step.parts) {
        if (!(v = v->get(part))) break;
      }
      if (v) return v;
    }
    return nullptr;
  }

  // kainjow's render_current_line: a line that held a section tag and is
  // otherwise blank (spaces and tabs) is left out with its line break.
  void EndLine(const std::string* newline) {
    const bool blank = out->find_first_not_of(" \t", line_start) == std::string::npos;
    if (section_on_line && blank) {
      out->resize(line_start);
    } else if (newline) {
      *out += *newline;
    }
    line_start = out->size();
    section_on_line = false;
  }
};

void CompiledTemplate::Render(const Data& data, Escape escape, std::string* out) const {
  State state{{&data}, escape, out, out->size(), false};
  RenderRange(0, steps_.size(), &state);
  state.EndLine(nullptr);
}

void CompiledTemplate::RenderRange(size_t begin, size_t end, State* state) const {
  for (size_t i = begin; i < end;) {
    const Step& step = steps_[i];
    switch (step.op) {
      case Op::kText:
        *state->out += step.text;
        ++i;
        continue;
      case Op::kNewline:
        state->EndLine(&step.text);
        ++i;
        continue;
      case Op::kVariable:
      case Op::kRaw: {
        const Data* v = state->Find(step);
        if (v && v->is_string()) {
          if (step.op == Op::kRaw) {
            *state->out += v->string_value();
          } else {
            state->escape(v->string_value(), state->out);
          }
        }
        ++i;
        continue;
      }
      case Op::kSection:
      case Op::kInverted:
        break;
    }
    const Data* v = state->Find(step);
    const bool shown = v && !v->is_false() && !v->is_empty_list();
    if (shown == (step.op == Op::kSection)) {
      // kainjow's render_section: each item (or the value itself) becomes the
      // innermost context, and the tags' lines count as holding a section tag.
      auto body = [&](const Data* context) {
        state->section_on_line = true;
        if (context) state->stack.push_back(context);
        RenderRange(i + 1, step.end, state);
        if (context) state->stack.pop_back();
        state->section_on_line = true;
      };
      if (v && v->is_non_empty_list()) {
        for (const Data& item : v->list_value()) body(&item);
      } else {
        body(v);
      }
    }
    i = step.end;
  }
}

}  // namespace kyodo
