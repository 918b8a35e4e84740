// The pieces RequiredAtoms reads a pattern into: the atoms of one pattern (AtomTable), what a
// piece of it requires (Info), the readers of the elements that hold no other (escapes and
// classes), and the conversion of a group's reading to and from the form RequiredAtomsMemo keeps.
// Internal to required_atoms.cc.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/kernel/required_atoms_memo.h"

namespace newsfacts::required_atoms {

// A class of up to this many characters is an exact piece ("[Ss]", "[-/]").
constexpr size_t kMaxClassCharacters = 4;

using Strings = std::vector<std::string>;
// A group of atoms, by their indices in an AtomTable, ascending.
using Group = std::vector<int>;

// The atoms of one pattern, numbered as they are first met, so that groups compare as numbers.
class AtomTable {
 public:
  // The number of `atom`, given it now if it has none.
  int Id(const std::string& atom);
  const std::string& Atom(int id) const { return atoms_[static_cast<size_t>(id)]; }
  size_t Letters(int id) const { return letters_[static_cast<size_t>(id)]; }

 private:
  std::map<std::string, int> ids_;
  Strings atoms_;
  std::vector<size_t> letters_;
};

// What a piece of a pattern requires of the text it matches.
struct Info {
  bool exact = false;
  Strings strings;            // exact: the piece matches exactly one of these
  std::vector<Group> groups;  // otherwise: the text holds an atom of each group
};

// `strings`, sorted and each once, as an exact piece.
Info Exact(Strings strings);
// A piece that requires nothing the reader can tell.
Info Anything();

// The escape at `pos` (a backslash): its end, and its text as an exact piece, or nullopt
// (with `*end` unchanged) for \Q, which the reader does not follow.
std::optional<Info> ReadEscape(std::string_view p, size_t pos, size_t* end);
// The class opening at `pos` ("["): its end, and an exact piece when it lists a few plain
// characters.
std::optional<Info> ReadClass(std::string_view p, size_t pos, size_t* end);

// `info` with its atoms spelled out, as the memo keeps it.
std::shared_ptr<const RequiredAtomsMemo::Reading> Remembered(const Info& info,
                                                             const AtomTable& atoms);
// The Info of a remembered reading, its atoms numbered in `atoms`. Only which atoms are alike
// counts, not their numbers' order, so the result is the reading's own.
Info Recalled(const RequiredAtomsMemo::Reading& reading, AtomTable& atoms);

}  // namespace newsfacts::required_atoms
