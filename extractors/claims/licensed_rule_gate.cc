// The licensed-rule gate: the licensed rules' required atoms, looked for in the document text
// of a sentence with one AtomMatcher pass.
#include "extractors/claims/licensed_rule_gate.h"

#include <algorithm>
#include <map>
#include <string>

namespace newsfacts {
namespace {

// The type names placeholders write, folded to lower case as atoms are.
constexpr std::string_view kTypeNames[] = {"org", "person", "product", "location", "money"};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What the document text of a sentence holds wherever a view of it holds `atom`: the longest
// run of ASCII letters in the atom (a letter run of a view lies in one stretch of copied
// bytes or in a placeholder's type name), lower case; empty when that proves nothing: a run
// shorter than kMinRequiredAtomLength, or one a type name holds.
std::string WitnessOf(std::string_view atom) {
  std::string_view longest;
  for (size_t begin = 0; begin < atom.size();) {
    size_t end = begin;
    while (end < atom.size() && IsAsciiLetter(atom[end])) ++end;
    if (end - begin > longest.size()) longest = atom.substr(begin, end - begin);
    begin = end + 1;
  }
  std::string witness(longest);
  std::transform(witness.begin(), witness.end(), witness.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  const bool typed =
      std::any_of(std::begin(kTypeNames), std::end(kTypeNames),
                  [&](std::string_view name) { return name.find(witness) != name.npos; });
  if (witness.size() < kMinRequiredAtomLength || typed) witness.clear();
  return witness;
}

}  // namespace

LicensedRuleGate::LicensedRuleGate(
    const std::vector<const RequiredAtomAlternatives*>& licensed_rules) {
  std::vector<std::string> atoms;
  std::map<std::string, int> index;
  for (const RequiredAtomAlternatives* required : licensed_rules) {
    if (required->empty()) always_ = true;
    for (const auto& groups : *required) {
      std::vector<std::vector<int>> indexed;
      for (const auto& group : groups) {
        std::vector<int> ids;
        bool present = false;  // an atom of the group counts as present: the group holds
        for (const std::string& atom : group) {
          const std::string witness = WitnessOf(atom);
          present = present || witness.empty();
          if (present) break;
          auto [known, added] = index.emplace(witness, static_cast<int>(atoms.size()));
          if (added) atoms.push_back(witness);
          ids.push_back(known->second);
        }
        if (!present) indexed.push_back(std::move(ids));
      }
      if (indexed.empty()) always_ = true;
      if (!indexed.empty()) alternatives_.push_back(std::move(indexed));
    }
  }
  first_group_of_.resize(atoms.size());
  for (size_t a = 0; a < alternatives_.size(); ++a) {
    for (const int atom : alternatives_[a].front()) {
      first_group_of_[static_cast<size_t>(atom)].push_back(a);
    }
  }
  if (!atoms.empty()) matcher_ = std::make_unique<AtomMatcher>(atoms);
}

LicensedRuleGate::~LicensedRuleGate() = default;

bool LicensedRuleGate::MayMatch(std::string_view sentence_text) const {
  if (always_) return true;
  if (matcher_ == nullptr) return false;
  thread_local std::vector<int> found;
  thread_local std::vector<char> present;
  // A character RE2 folds into an atom's (KELVIN SIGN for 'k') leaves the answer to RE2.
  if (!matcher_->Find(sentence_text, &found)) return true;
  present.resize(first_group_of_.size());
  for (const int atom : found) present[static_cast<size_t>(atom)] = 1;
  const auto holds_one = [&](const std::vector<int>& group) {
    return std::any_of(group.begin(), group.end(),
                       [&](int atom) { return present[static_cast<size_t>(atom)] != 0; });
  };
  // Only the alternatives whose first group holds an atom found need a look.
  bool may_match = false;
  for (const int atom : found) {
    for (const size_t a : first_group_of_[static_cast<size_t>(atom)]) {
      const std::vector<std::vector<int>>& groups = alternatives_[a];
      may_match = may_match || std::all_of(groups.begin() + 1, groups.end(), holds_one);
    }
  }
  for (const int atom : found) present[static_cast<size_t>(atom)] = 0;
  return may_match;
}

}  // namespace newsfacts
