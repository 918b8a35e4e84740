// The licensed-rule gate: the licensed rules' required atoms, looked for in the document text
// of a sentence with one AtomMatcher pass.
#include "extractors/claims/licensed_rule_gate.h"

#include <algorithm>
#include <map>
#include <string>

#include "extractors/kernel/required_atoms.h"

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

LicensedRuleGate::LicensedRuleGate(const std::vector<ClaimRule>& rules,
                                   const std::vector<bool>& licensed) {
  std::vector<std::string> atoms;
  std::map<std::string, int> index;
  for (size_t r = 0; r < rules.size(); ++r) {
    if (!licensed[r]) continue;
    const auto required = RequiredAtoms(rules[r].compiled->regex().pattern());
    if (required.empty()) always_ = true;
    auto& indexed_alternatives = alternatives_.emplace_back();
    for (const auto& groups : required) {
      auto& indexed_groups = indexed_alternatives.emplace_back();
      for (const auto& group : groups) {
        auto& ids = indexed_groups.emplace_back();
        for (const std::string& atom : group) {
          const std::string witness = WitnessOf(atom);
          if (witness.empty()) {
            ids.push_back(kPresent);
            continue;
          }
          auto [known, added] = index.emplace(witness, static_cast<int>(atoms.size()));
          if (added) atoms.push_back(witness);
          ids.push_back(known->second);
        }
      }
    }
  }
  atom_count_ = atoms.size();
  if (!atoms.empty()) matcher_ = std::make_unique<AtomMatcher>(atoms);
}

LicensedRuleGate::~LicensedRuleGate() = default;

bool LicensedRuleGate::MayMatch(std::string_view sentence_text) const {
  if (always_) return true;
  thread_local std::vector<int> found;
  thread_local std::vector<char> present;
  found.clear();
  // A character RE2 folds into an atom's (KELVIN SIGN for 'k') leaves the answer to RE2.
  if (matcher_ != nullptr && !matcher_->Find(sentence_text, &found)) return true;
  present.assign(atom_count_, 0);
  for (const int atom : found) present[static_cast<size_t>(atom)] = 1;
  const auto holds_one = [&](const std::vector<int>& group) {
    return std::any_of(group.begin(), group.end(), [&](int atom) {
      return atom == kPresent || present[static_cast<size_t>(atom)] != 0;
    });
  };
  return std::any_of(alternatives_.begin(), alternatives_.end(), [&](const auto& alternatives) {
    return std::any_of(alternatives.begin(), alternatives.end(), [&](const auto& groups) {
      return std::all_of(groups.begin(), groups.end(), holds_one);
    });
  });
}

}  // namespace newsfacts
