// Regex: the one place newsfacts compiles RE2 patterns, so every rule kind gets the same
// options (UTF-8, no logging to stderr, one memory budget) and the same error messages.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace re2 {
class RE2;
}

namespace newsfacts {

// One compiled pattern. Immutable after Compile, but for a program built at first use;
// thread-safe.
class Regex {
 public:
  struct Options {
    bool case_sensitive = true;  // false: the whole pattern ignores case
    // false: Compile only reads the named groups from the pattern's brackets (NamedGroupsOf),
    // and the program is built at the pattern's first search (or Build), by whichever thread
    // needs it first. A run over one short text then builds only the programs it searches
    // with: the claim rules' programs were three fifths of the start-up of `newsfacts extract`,
    // and parsing them and the amount rules a tenth (issue 16). Any error is found then: Build
    // reports it, and the pattern matches nothing. So only patterns that tests build in full
    // (the built-in rules) are given false.
    bool build_now = true;
  };

  // Returns the compiled pattern, or InvalidArgument carrying RE2's error text and the
  // pattern as compiled (after macro expansion, which is where most mistakes show); with
  // build_now = false, the pattern, whose errors Build reports.
  static StatusOr<std::unique_ptr<Regex>> Compile(const std::string& pattern, Options options);
  // `literal` escaped so that it matches itself and nothing else.
  static std::string Quote(std::string_view literal);
  ~Regex();

  // Finds the leftmost match that lies within text[begin, end); the text around that range
  // still decides \b and the like. On success `groups` (when not null) holds one view per
  // capturing group, the whole match first; a group that took no part has a null data().
  // A large pattern's groups come from RE2's NFA alone (after its first matches: see
  // kMatchesBeforeNfaGroups), once its DFA has said that the text matches: the same groups,
  // found without the reversed DFA that RE2 runs back from a match's end to find its start,
  // whose states a large pattern builds anew, at great cost, on text unlike any met before
  // (issue 16).
  bool Find(std::string_view text, size_t begin, size_t end,
            std::vector<std::string_view>* groups) const;
  // The leftmost match within text[begin, end), as Find finds it, without its groups: RE2's
  // automata alone find where it starts and ends, and no pass over it extracts groups (a
  // pass that, for a pattern with groups, clears a bitmap of up to 32 KB each time).
  std::optional<std::string_view> FindMatch(std::string_view text, size_t begin, size_t end) const;
  // True when the pattern matches anywhere in `text`.
  bool Contains(std::string_view text) const { return Find(text, 0, text.size(), nullptr); }
  // Compiles now (after the program, if not built) what Find needs to report groups: the
  // reversed program that RE2 builds (it runs backwards from a match's end to find its start)
  // or, for a large pattern, the second compilation that Find then uses from the first match
  // on; so that cost is paid ahead of need (at load, or on a warm-up thread:
  // pipeline/pipeline_warm_up.h) rather than by the thread extracting the first article.
  // Thread-safe, also beside Find; later calls do nothing.
  void PrepareGroupSearch() const;
  // Compiles now the reversed program that FindMatch runs to find where a match starts, as
  // PrepareGroupSearch does for Find. Thread-safe, also beside FindMatch.
  void PrepareMatchSearch() const;
  // A large pattern's groups are found as RE2 finds any pattern's for its first this many
  // matches, unless PrepareGroupSearch ran. Its second compilation (GroupSearcher) costs about
  // as much as 50-250 matches on new text save: compiled at a first match, it added up to 9%
  // to the instructions of extracting one sample article, and none after 16 matches; two
  // passes of stage_bench over the shared data's records then take 5% fewer, not 10%.
  static constexpr int kMatchesBeforeNfaGroups = 16;
  // Whether Find now reads this pattern's groups with RE2's NFA alone: a large pattern does
  // once it has matched kMatchesBeforeNfaGroups times or PrepareGroupSearch ran.
  bool GroupsByNfaAlone() const;

  // Builds the program now unless it is built (calls beside it wait for the one build) and
  // returns how that went: OK, or, for a pattern compiled with build_now = false, the
  // InvalidArgument that Compile would have returned with build_now = true.
  Status Build() const;

  // Capturing groups, not counting the whole match; builds the program.
  int GroupCount() const;
  // Named groups and their numbers (1-based, as Find reports them).
  const std::map<std::string, int>& NamedGroups() const { return named_groups_; }
  const std::string& pattern() const { return pattern_; }
  bool case_sensitive() const { return case_sensitive_; }

 private:
  Regex(std::string pattern, bool case_sensitive, std::map<std::string, int> named_groups);
  // The program, built now if need be; null when its build failed.
  const re2::RE2* Program() const;
  // Makes `re` (compiled without error) the program.
  void Install(std::unique_ptr<const re2::RE2> re) const;
  // For a large pattern, the same pattern compiled with a memory budget too small for any DFA,
  // so that RE2 finds its matches and groups with the NFA alone; built by the first call (from
  // Find after kMatchesBeforeNfaGroups matches, or from PrepareGroupSearch). Null for a smaller
  // pattern, or when the pattern does not compile within that budget: RE2's search with its
  // DFAs then finds the groups.
  const re2::RE2* GroupSearcher() const;
  // GroupSearcher once built, or built now that the pattern has matched often enough; else
  // null.
  const re2::RE2* ReadyGroupSearcher() const;

  const std::string pattern_;
  const bool case_sensitive_;
  const std::map<std::string, int> named_groups_;
  mutable std::once_flag build_once_;
  mutable std::unique_ptr<const re2::RE2> re_;
  mutable Status build_status_;
  mutable std::atomic<const re2::RE2*> program_{nullptr};  // re_, once built
  // The program is large enough for GroupSearcher (regex.cc says how large); set by the build,
  // before program_.
  mutable bool large_ = false;
  mutable std::once_flag group_searcher_once_;
  mutable std::unique_ptr<const re2::RE2> group_searcher_;
  mutable std::atomic<bool> group_searcher_built_{false};  // set once group_searcher_ is final
  mutable std::atomic<int> matches_{0};  // Find's matches found before GroupSearcher was built
};

}  // namespace newsfacts
