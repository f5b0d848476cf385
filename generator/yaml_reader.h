// Reading YAML with positions: yaml-cpp marks turned into file:line:col, and typed
// field readers that report wrong types, unknown keys (with the nearest known key)
// and duplicate keys instead of throwing.
#ifndef KYODO_YAML_READER_H_
#define KYODO_YAML_READER_H_

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace kyodo {

/// A string value and where it was written.
struct Located {
  std::string value;
  SourceLoc loc;
};

/// One YAML text and the file (and first line) it came from.
class YamlFile {
 public:
  /// `first_line` is the 1-based line of the text's first line in `path`
  /// (2 for front matter after the opening ---).
  YamlFile(std::string path, std::string text, int first_line = 1);

  /// Parses the text; a syntax error is reported with its position.
  bool Parse(Diagnostics* diags);

  const YAML::Node& root() const { return root_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  int first_line() const { return first_line_; }
  /// Line `row` of the text (0-based, without its line break); "" past the end.
  std::string_view Line(size_t row) const;
  /// How many lines the text has.
  size_t lines() const { return line_starts_.size(); }
  /// Position of a node, column in code points.
  SourceLoc Loc(const YAML::Node& node) const;
  /// Position of the start of the text (for problems with the document as a whole).
  SourceLoc Start() const { return {path_, first_line_, 1}; }
  /// What YAML dropped from a plain one-line value as a comment or a tag, when it
  /// looks like part of the text (「見沼田んぼ #1 の保全」, 「!重要 見沼…」); "" otherwise.
  std::string DroppedFromScalar(const YAML::Node& node) const;

 private:
  SourceLoc LocOfByte(size_t pos) const;

  std::string path_;
  std::string text_;
  int first_line_;
  std::vector<size_t> line_starts_;  ///< byte offset of each line
  YAML::Node root_;
};

/// The hint for a value YAML read as nothing: 「color_primary: #2b5d8a」 is a key
/// followed by a comment, so colours must be quoted.
inline constexpr const char* kQuoteColorHint = "色は \"#2b5d8a\" のように \" \" で囲んでください（# から後ろは YAML のコメントになります）";

/// Typed access to one YAML mapping (a file's top level, or an item of a list).
/// Every reader reports problems into `diags` and returns nullopt/empty.
class MapReader {
 public:
  /// `what` names the mapping in messages, e.g. 「フロントマター」「画像」.
  MapReader(const YamlFile& file, YAML::Node map, SourceLoc where, Diagnostics* diags);

  /// False (after an error) when the node is not a mapping.
  bool ok() const { return ok_; }
  /// Reports keys not in `allowed` (suggesting the nearest) and keys written twice.
  void CheckKeys(std::initializer_list<std::string_view> allowed) const;
  void CheckKeys(const std::vector<std::string_view>& allowed) const;

  bool Has(const char* key) const;
  YAML::Node Get(const char* key) const;
  SourceLoc KeyLoc(const char* key) const;
  SourceLoc ValueLoc(const char* key) const;
  SourceLoc where() const { return where_; }
  const YamlFile& file() const { return file_; }
  Diagnostics* diags() const { return diags_; }

  /// A scalar as text (numbers and dates arrive as their text).
  std::optional<Located> String(const char* key, bool required = false) const;
  /// A list of scalars; a single scalar counts as a one-item list.
  std::vector<Located> StringList(const char* key) const;
  /// A web address: must start with http:// or https:// (so no javascript: can
  /// reach an href).
  std::optional<Located> Url(const char* key, bool required = false) const;
  std::optional<bool> Bool(const char* key) const;
  std::optional<int> Int(const char* key) const;
  /// Each item of a list of mappings (reports items that are not mappings).
  std::vector<MapReader> MapList(const char* key) const;
  /// A nested mapping.
  std::optional<MapReader> Map(const char* key) const;

 private:
  /// The value written for `key` (the first, if written twice).
  std::optional<YAML::Node> Find(const char* key) const;

  const YamlFile& file_;
  YAML::Node map_;
  SourceLoc where_;
  Diagnostics* diags_;
  bool ok_ = true;
  /// The keys CheckKeys suggested for unknown keys (「titel」 → 「title」).
  mutable std::vector<std::string> misspelled_;
};

/// The text of a scalar node, or nullopt if it is not a scalar.
std::optional<std::string> ScalarText(const YAML::Node& node);

}  // namespace kyodo

#endif  // KYODO_YAML_READER_H_
