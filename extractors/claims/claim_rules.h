// Claim rules as data: macro expansion, compiled patterns over abstracted sentences, and the
// rules of every file of kind "claims" with their embedded examples (extractors/rules/FORMAT.md).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/kernel/macro_table.h"
#include "extractors/kernel/regex.h"
#include "extractors/kernel/rule_prefilter.h"
#include "extractors/kernel/rule_sources.h"
#include "extractors/kernel/shared_loops.h"
#include "pipeline/status.h"

namespace newsfacts {

// Claim patterns use the kernel's macros plus placeholders: "{ORG:subject}" expands to a
// named group holding one placeholder of that type, "{ORG|PERSON:subject}" accepts either
// type, "{ORG+:object}" a coordinated list joined by the macro LIST_SEP, and "{MONEY}" (no
// name) an unnamed placeholder. Types are ORG, PERSON, PRODUCT, LOCATION, MONEY and ENTITY
// (any entity type). A group used twice (a macro in two alternatives) is numbered, and
// reports under its base name. InvalidArgument naming the macro or placeholder at fault.
StatusOr<std::string> ExpandClaimPattern(const MacroTable& macros, std::string_view pattern);

// Where one named group of a match lies, in bytes of the abstracted sentence. Group names
// with trailing digits ("object2") are reported under their base name ("object"), so that a
// pattern can name the same role in two alternatives.
struct GroupSpan {
  std::string name;
  size_t begin = 0;
  size_t end = 0;
};

struct PatternMatch {
  size_t begin = 0;
  size_t end = 0;
  std::vector<GroupSpan> groups;  // participating named groups, in pattern order

  // The first participating group called `name`, or nullptr.
  const GroupSpan* Group(std::string_view name) const;
};

// One compiled claim pattern. Thread-safe.
class CompiledPattern {
 public:
  // Returns the compiled pattern, or InvalidArgument carrying RE2's error text. With a
  // `prefilter`, the pattern is compiled by it, as its next pattern. With build_now = false,
  // regex().Build() says whether its program could be built (Regex::Options).
  static StatusOr<std::unique_ptr<CompiledPattern>> Compile(
      const std::string& regex, Regex::Options options, RulePrefilterBuilder* prefilter = nullptr);
  ~CompiledPattern();

  // Returns every non-overlapping match in `text`, left to right.
  std::vector<PatternMatch> FindAll(std::string_view text) const;
  // The base names of the pattern's named groups ("object2" gives "object").
  std::vector<std::string> GroupNames() const;
  // The compiled expansion (for the prefilter and error messages).
  const Regex& regex() const;

 private:
  struct Impl;
  explicit CompiledPattern(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An expected claim in a rule's embedded example; absent fields are not checked. Entity
// fields match the mention's surface text or its entity's canonical name.
struct ClaimExample {
  std::string text;
  std::optional<std::string> predicate;  // defaults to the rule's predicate
  std::optional<std::string> subject;
  std::optional<std::string> object;
  std::optional<std::string> amount;  // the amount's surface text
  std::optional<std::string> role;
  std::optional<std::string> status;
  std::optional<std::string> speaker;
  std::optional<std::string> venue;
  std::optional<std::string> amount_role;  // "total", "tranche", "part", ...
  std::optional<std::string> stage;        // "completed", "agreed", ...
  std::optional<std::string> event_date;   // "2019", "2025-03-04"; "" expects none
};

// A further claim a rule emits from two other groups of the same match, e.g. the buyer in
// "X sold Y to Z" gives acquired(Z, Y) next to sold(X, Y).
struct ExtraClaim {
  std::string predicate;
  std::string subject_group;
  std::string object_group;
};

// One relation rule. Read-only after loading.
struct ClaimRule {
  std::string file;
  std::string id;
  std::string predicate;
  std::string pattern;     // as written, with macros
  int priority = 0;        // higher wins when rules disagree on the same mention pair
  bool symmetric = false;  // partnered_with, competes_with: (A, B) is the same claim as (B, A)
  std::string role;        // constant role, used when the pattern has no "role" group
  bool object_optional = false;  // raised, valued_at, sold: a claim may have no object entity
  size_t min_mentions = 1;       // entity placeholders a sentence needs before the rule can match
  // "status_scope": "phrase" marks facts stated by a noun phrase (appositives, possessives:
  // "Cisco's chair Chuck Robbins"): they are asserted by the writer whatever the main verb of
  // the sentence says ("... said the deal would close"), and carry no speaker or venue.
  bool phrase_status = false;
  // "object_veto_after": an object mention followed by a match of this pattern (anchored
  // right after its placeholder) is not an object of the rule: "sell Splunk products" sells
  // goods, not Splunk; "..., and Splunk's tools are" starts a new clause, not a list member.
  std::unique_ptr<CompiledPattern> object_veto_after;
  std::vector<ExtraClaim> also;
  std::vector<ClaimExample> match;
  std::vector<std::string> no_match;
  std::unique_ptr<CompiledPattern> compiled;
};

// Gathers the macros of every "claims" and "claim_cues" file of `sources`.
StatusOr<MacroTable> LoadClaimMacros(const RuleSources& sources);

// Parses and compiles every rule of every "claims" file; with a `prefilter`, each rule's
// pattern is compiled by it, rule i as its pattern i (rules' vetoes are not); the programs of
// the built-in rules' patterns are built at first use (RuleSource::builtin). InvalidArgument as
// "<file>: rule <id>: <what is wrong>" for a missing or mistyped field, a duplicate id, a
// pattern RE2 rejects, a group name outside the documented set, or a predicate that needs
// an object but whose pattern has no object group. With `loops`, the rules are parsed in a
// loop of it, which other threads may help with; the first wrong rule in file order is still
// the one reported.
StatusOr<std::vector<ClaimRule>> LoadClaimRules(const RuleSources& sources,
                                                const MacroTable& macros,
                                                RulePrefilterBuilder* prefilter = nullptr,
                                                SharedLoops* loops = nullptr);

}  // namespace newsfacts
