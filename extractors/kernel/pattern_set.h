// PatternSet: which of several compiled patterns match somewhere in a text, told by one pass
// over it (an RE2::Set), so a caller searches for groups only with the patterns that match
// (issue 16: the amount rules that need a number ran one search each over every sentence with
// a currency, though one or two of the eleven match there).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractors/kernel/regex.h"
#include "pipeline/status.h"

namespace re2 {
class RE2;
}

namespace newsfacts {

// Immutable after Compile; thread-safe.
class PatternSet {
 public:
  // The set of `patterns` (not null), index i being patterns[i], each matching as it does
  // alone (its own case sensitivity). InvalidArgument when RE2 cannot compile the set.
  static StatusOr<std::unique_ptr<PatternSet>> Compile(const std::vector<const Regex*>& patterns);
  ~PatternSet();

  // Sets `matching` to the indices, ascending, of the patterns that match somewhere in `text`
  // (Regex::Contains). Returns false, with `matching` unspecified, when the set cannot tell
  // (its automaton outgrew RE2's memory budget): any pattern may match then.
  bool Matching(std::string_view text, std::vector<int>* matching) const;

 private:
  struct Impl;
  explicit PatternSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
