// RuleSources: the rule and data files the extractors compile, built in or from --rules DIR.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

// One rule file. `kind` says which stage reads it: the top-level "kind" of a .json file
// ("amounts", "entity_patterns", "claims", ...), or "gazetteer" for a .jsonl file.
struct RuleSource {
  std::string path;  // "builtin:amounts.json" or the path under --rules DIR
  std::string kind;
  std::string contents;
  // Compiled into the binary, so the test suite has loaded it whole: a stage may leave what
  // can only fail when it is wrong to first use (the claim and amount rules' programs,
  // Regex::Options).
  bool builtin = false;

  // "path:line: rule ID", the line being the first that holds the quoted id (1 when none
  // does): where every error about one rule points.
  std::string Where(std::string_view rule_id) const;
};

// The set of rule files for one run. Immutable once built; safe to share between threads.
class RuleSources {
 public:
  // The files compiled into the binary from extractors/rules/; an error means a built-in
  // file is malformed (the test suite loads them, so a release never has one).
  static StatusOr<RuleSources> Builtin();

  // Adds every .json and .jsonl file under `dir`, recursively. Errors name the file (and
  // line for JSON syntax errors): NotFound for a missing folder, InvalidArgument for a file
  // that is not valid JSON or has no "kind".
  Status AddDirectory(const std::filesystem::path& dir);

  // Adds one file's contents (tests and AddDirectory use it). Same errors as AddDirectory.
  Status Add(std::string path, std::string contents);

  // The files of one kind, in the order added (built-in first).
  std::vector<const RuleSource*> OfKind(std::string_view kind) const;

  // Hex digest of every file's path and bytes: changes whenever any rule changes.
  std::string Fingerprint() const;

  const std::vector<RuleSource>& files() const { return files_; }

 private:
  // Adds one file; of a `builtin` one, a JSON file is read only up to its top-level "kind" and a
  // JSONL file not at all: the stages that compile it parse it whole.
  Status Add(std::string path, std::string contents, bool builtin);

  std::vector<RuleSource> files_;
};

}  // namespace newsfacts
