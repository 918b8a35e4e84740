// RequiredAtoms: the literal words a text must hold for an RE2 pattern to match in it, read
// from the pattern's text, as groups of which the text holds one atom each. The rule
// prefilter looks for the atoms in one pass and runs a pattern only where every group has one
// (issue 16). RE2's own FilteredRE2 gives up on alternations such as "buys?|bought", which its
// parser factors into "bu(?:ys?|ought)", so it read a buying rule as needing only a business
// noun ("unit", "company") and ran it on half of all sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/kernel/required_atoms_memo.h"

namespace newsfacts {

// One atom list per branch of a pattern's top-level alternation, each its groups of atoms.
using RequiredAtomAlternatives = std::vector<std::vector<std::vector<std::string>>>;

// Atoms shorter than this make a group too common to be worth looking for.
constexpr size_t kMinRequiredAtomLength = 3;

// What a text must hold for `pattern` to match in it: one of the returned alternatives (one
// per branch of the pattern's top-level alternation), each a list of groups of atoms of which
// the text holds at least one atom per group, ignoring case. Atoms are at least
// kMinRequiredAtomLength bytes, with ASCII letters in lower case; a shorter string of the
// pattern counts with the character the pattern puts before it, when it says which. Nothing
// when some branch requires nothing the reader can tell, or the reader cannot follow the
// pattern (`\Q`).
//
// With a `memo`, a large group that an earlier call read in the same context is not read
// again: the rules' patterns repeat their macros' groups (of the built-in claim patterns, 46
// hold the same 2.5 KB group of auxiliary verbs), and their reading was a fifth of start-up
// (issue 16). The result is the same with or without one.
RequiredAtomAlternatives RequiredAtoms(std::string_view pattern, RequiredAtomsMemo* memo = nullptr);

}  // namespace newsfacts
