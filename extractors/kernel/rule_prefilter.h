// RulePrefilter: which of many patterns can match a text, from the literal words each
// pattern requires (RE2's FilteredRE2), so most patterns never run over most sentences.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractors/kernel/regex.h"
#include "pipeline/status.h"

namespace newsfacts {

// Immutable after Create; thread-safe.
class RulePrefilter {
 public:
  // Analyses `patterns` (not owned; only read during Create). InvalidArgument when RE2
  // rejects one, which cannot happen for patterns that compiled.
  static StatusOr<std::unique_ptr<RulePrefilter>> Create(const std::vector<const Regex*>& patterns);
  ~RulePrefilter();

  // The indices, ascending, of the patterns that may match `text`; a pattern left out
  // cannot match it. Patterns that require no literal are always included; with no patterns,
  // there are none.
  std::vector<int> Candidates(std::string_view text) const;

 private:
  struct Impl;
  explicit RulePrefilter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
