// AtomMatcher: which of many literal atoms (a RulePrefilter's required words) occur in a text,
// ignoring case, with an Aho-Corasick automaton (issue 16: RE2::Set collecting every atom was
// about a fifth of the claim stage). A long text is walked as two halves side by
// side, so that each byte's wait on its transition's load overlaps the other half's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {

// Finds atoms as RE2 does when each atom, quoted, is matched case-insensitively: ASCII letters
// in either case. A character that equals an atom's character only by Unicode case folding
// (KELVIN SIGN U+212A for 'k', LONG S U+017F for 's', 'É' for 'é') is not followed: Find says
// so and the caller asks RE2. Immutable after construction; thread-safe.
class AtomMatcher {
 public:
  // The most states whose transitions fit in 16 bits; an automaton with more (tens of
  // thousands of atom bytes) has 32-bit transitions.
  static constexpr size_t kMaxNarrowStates = size_t{1} << 16;

  explicit AtomMatcher(const std::vector<std::string>& atoms);

  // Sets `found` to the indices, each once and in no particular order (the callers need none,
  // and sorting was a tenth of the call), of the atoms that occur in `text`. Returns false,
  // with `found` unspecified, when `text` holds a character that matches an atom's character
  // only by Unicode case folding.
  bool Find(std::string_view text, std::vector<int>* found) const;

  // Whether the transitions take 16 bits each (at most kMaxNarrowStates states).
  bool narrow() const { return wide_next_.empty(); }

 private:
  // Adds the bytes of `atom` (ASCII folded to lower case) as a path from the root; returns
  // the state where it ends.
  uint32_t AddPath(std::string_view atom);
  // Turns the trie into a complete automaton (failure links resolved into transitions) and
  // gathers each state's outputs, its own and those of its failure chain.
  void Complete(const std::vector<std::vector<int>>& ends);

  uint8_t byte_class_[256] = {};  // 0: a byte no atom holds
  uint32_t classes_ = 1;
  std::vector<uint32_t> next_;  // while building: states x classes_, the target states
  // The transitions, class major (issue 16: each byte of a text waited on a load from a table
  // larger than the cache): a byte's column starts at column_[byte], and the entry of state s
  // is column_[byte] + s. An entry is its target state: 16 bits while the states number at
  // most kMaxNarrowStates, else 32 bits.
  uint32_t column_[256] = {};
  std::vector<uint16_t> narrow_next_;
  std::vector<uint32_t> wide_next_;  // only when narrow_next_ cannot hold every state
  // The atoms ending at each state: outputs_[output_begin_[s], output_begin_[s + 1]); an
  // index of atom_count_ or more is a character Find leaves to RE2.
  std::vector<uint32_t> output_begin_;
  std::vector<int> outputs_;
  uint32_t first_output_ = 0;  // the states from here on end an atom, those before none
  int atom_count_ = 0;
  size_t longest_path_ = 0;      // in bytes
  std::vector<uint32_t> depth_;  // per state, its bytes from the root
  size_t path_count_ = 0;  // the atoms and the case partners after them: what outputs_ indexes
};

}  // namespace newsfacts
