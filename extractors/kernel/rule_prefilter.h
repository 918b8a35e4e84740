// RulePrefilter: which of many patterns can match a text, from the literal words each
// pattern requires (required_atoms.h), so most patterns never run over most sentences.
// RulePrefilterBuilder compiles the patterns, once each, and reads what they require.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/kernel/regex.h"
#include "pipeline/status.h"

namespace newsfacts {

// Immutable after RulePrefilterBuilder::Build; thread-safe.
class RulePrefilter {
 public:
  ~RulePrefilter();

  // Sets `candidates` to the indices, ascending, of the patterns that may match `text`; a
  // pattern left out cannot match it. Patterns that require no literal are always included;
  // with no patterns, there are none. A caller that keeps `candidates` from one text to the
  // next allocates nothing (issue 16: a vector per sentence, grown a push at a time).
  void Candidates(std::string_view text, std::vector<int>* candidates) const;
  // The same indices in a vector of their own, for a caller without one to reuse.
  std::vector<int> Candidates(std::string_view text) const;

  // Candidates in two steps, for a caller that asks about atoms no text holds: FindAtoms sets
  // `found` to the indices, each once, of the atoms that occur in `text` (what Candidates walks
  // the text for); CandidatesOf sets `candidates` as Candidates does, for a text holding the
  // atoms `found` (an atom may be given twice).
  void FindAtoms(std::string_view text, std::vector<int>* found) const;
  void CandidatesOf(std::span<const int> found, std::vector<int>* candidates) const;
  // The indices, ascending, of the atoms for which `test` holds.
  std::vector<int> AtomsWhere(const std::function<bool(std::string_view atom)>& test) const;
  // The prefilter of `patterns` alone (indices of this one, which it keeps), as if the atoms
  // `present` occurred in every text: for any atoms found, CandidatesOf gives the patterns of
  // `patterns` this prefilter's CandidatesOf gives for them and `present` together. It shares
  // this prefilter's atoms and may outlive it.
  std::unique_ptr<RulePrefilter> Restricted(std::span<const int> patterns,
                                            std::span<const int> present) const;

 private:
  friend class RulePrefilterBuilder;
  struct Impl;
  explicit RulePrefilter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Gathers the patterns of one RulePrefilter. Each pattern is compiled once, for matching; the
// prefilter reads the words it requires from its text (issue 16: compiling every claim rule a
// second time for the prefilter was two fifths of start-up). The Regex objects stay valid
// after the builder and the prefilter are gone. Not thread-safe.
class RulePrefilterBuilder {
 public:
  RulePrefilterBuilder();
  ~RulePrefilterBuilder();

  // Compiles `pattern` as Regex::Compile does, with the same errors, and makes it the
  // prefilter's next pattern: the first one added is index 0.
  StatusOr<std::unique_ptr<Regex>> Add(const std::string& pattern, Regex::Options options);
  // Reads the words each pattern requires with the memo of `other` (RequiredAtomsMemo), which
  // then holds the groups of both builders' patterns: builders filled on several threads, one
  // each, read a macro's group once between them. A builder has a memo of its own until then.
  void ShareMemoOf(const RulePrefilterBuilder& other);
  // Makes the patterns of `other`, in its order, the next patterns of this builder, as if
  // they had been added here; `other` is empty after. Builders filled on several threads, one
  // each, are joined so.
  void Append(RulePrefilterBuilder&& other);

  // The prefilter over every pattern added, in the order added; the builder is empty again
  // after. InvalidArgument when RE2 cannot compile the set of literal atoms.
  StatusOr<std::unique_ptr<RulePrefilter>> Build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
