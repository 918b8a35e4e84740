// Tests for AtomMatcher: atoms found in either ASCII case, overlapping and nested atoms each
// once, also across the middle of a long text, characters equal to an atom's only by Unicode case
// folding left to RE2, and the same atoms as RE2 finds (each atom quoted, ignoring case) over
// generated texts, with 16-bit and 32-bit transitions.
#include "extractors/kernel/atom_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extractors/kernel/regex.h"

namespace newsfacts {
namespace {

// The atoms found, ascending (Find keeps no order).
std::vector<int> Found(const AtomMatcher& matcher, std::string_view text) {
  std::vector<int> found;
  EXPECT_TRUE(matcher.Find(text, &found)) << text;
  std::sort(found.begin(), found.end());
  return found;
}

TEST(AtomMatcherTest, FindsAtomsInEitherCaseEachOnce) {
  const AtomMatcher matcher({"acquire", "buy", "\u27E8org:", "the "});
  EXPECT_EQ(Found(matcher, "\u27E8ORG:1\u27E9 will ACQUIRE the rest, then acquire more"),
            (std::vector<int>{0, 2, 3}));
  EXPECT_EQ(Found(matcher, "Buyers buy"), (std::vector<int>{1}));
  EXPECT_TRUE(Found(matcher, "nothing here").empty());
  EXPECT_TRUE(Found(matcher, "").empty());
}

// Atoms inside other atoms and atoms that share a suffix are all found (failure links).
TEST(AtomMatcherTest, FindsNestedAndOverlappingAtoms) {
  const AtomMatcher matcher({"he", "she", "his", "hers", "ushe"});
  EXPECT_EQ(Found(matcher, "USHERS"), (std::vector<int>{0, 1, 3, 4}));
  EXPECT_EQ(Found(matcher, "ahishe"), (std::vector<int>{0, 1, 2}));
}

// A long text is walked as two halves, the first going on into the second while it may be
// inside an atom, so an atom that spans the middle is found wherever it lies.
TEST(AtomMatcherTest, FindsAtomsAcrossTheMiddleOfALongText) {
  const AtomMatcher matcher({"acquisition of", "x"});
  for (size_t at = 0; at <= 60; ++at) {
    std::string text(60, '.');
    text.insert(at, "ACQUISITION OF");
    EXPECT_EQ(Found(matcher, text), (std::vector<int>{0})) << text;
  }
}

// RE2 takes KELVIN SIGN for 'k', LONG S for 's' and 'É' for 'é' when ignoring case; the
// matcher does not follow them and says so, instead of missing the atom.
TEST(AtomMatcherTest, LeavesUnicodeCasePartnersToRe2) {
  const AtomMatcher matcher({"stake", "caf\u00E9"});
  std::vector<int> found;
  EXPECT_FALSE(matcher.Find("a \u017Ftake", &found));
  EXPECT_FALSE(matcher.Find("a sta\u212Ae", &found));
  EXPECT_FALSE(matcher.Find("CAF\u00C9", &found));
  EXPECT_EQ(Found(matcher, "A STAKE in the caf\u00E9"), (std::vector<int>{0, 1}));
  // A character no atom needs is no reason to ask RE2.
  EXPECT_EQ(Found(AtomMatcher({"deal"}), "\u017F \u212A \u00C9 deal"), (std::vector<int>{0}));
}

// Over random texts from an alphabet of atom letters in both cases, Unicode case partners and
// other characters, the matcher finds what RE2 finds, or leaves the text to RE2 only when it
// holds a partner.
TEST(AtomMatcherTest, FindsWhatRe2FindsIgnoringCase) {
  const std::vector<std::string> atoms = {"sk", "ask ",      "\u27E9 ", "\u27E8org:", "k",
                                          "ss", "caf\u00E9", "e, ",     "said",       "sai"};
  const AtomMatcher matcher(atoms);
  std::vector<std::unique_ptr<Regex>> quoted;
  for (const std::string& atom : atoms) {
    StatusOr<std::unique_ptr<Regex>> regex =
        Regex::Compile(Regex::Quote(atom), {.case_sensitive = false});
    ASSERT_TRUE(regex.ok());
    quoted.push_back(std::move(*regex));
  }
  const std::vector<std::string> alphabet = {
      "s",      "S", "k", "K", "a",      "A",      "i",      "d",     "D",
      " ",      ",", "e", "E", "\u27E8", "\u27E9", "ORG:",   "org:",  "\u00E9",
      "\u00C9", "c", "f", "F", "x",      "\u212A", "\u017F", "\u00E8"};
  const std::vector<std::string> partners = {"\u212A", "\u017F", "\u00C9"};
  std::mt19937 random(16);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t length = random() % 24;
    for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    SCOPED_TRACE(text);
    std::vector<int> expected;
    for (size_t a = 0; a < atoms.size(); ++a) {
      if (quoted[a]->Contains(text)) expected.push_back(static_cast<int>(a));
    }
    std::vector<int> found;
    if (matcher.Find(text, &found)) {
      std::sort(found.begin(), found.end());
      EXPECT_EQ(found, expected);
    } else {
      EXPECT_TRUE(std::any_of(partners.begin(), partners.end(), [&](const std::string& partner) {
        return text.find(partner) != std::string::npos;
      }));
    }
  }
}

// Atoms enough for more states than 16-bit transitions can name take the 32-bit table; both
// find what a plain search finds.
TEST(AtomMatcherTest, FindsAtomsWithNarrowAndWideTransitions) {
  std::mt19937 random(16);
  const auto random_word = [&](size_t length) {
    std::string word;
    for (size_t i = 0; i < length; ++i) word += static_cast<char>('a' + random() % 26);
    return word;
  };
  for (const size_t atom_count : {size_t{50}, size_t{16000}}) {
    std::set<std::string> distinct;
    while (distinct.size() < atom_count) distinct.insert(random_word(6 + random() % 6));
    const std::vector<std::string> atoms(distinct.begin(), distinct.end());
    const AtomMatcher matcher(atoms);
    EXPECT_EQ(matcher.narrow(), atom_count == 50);
    for (int round = 0; round < 200; ++round) {
      std::string text = random_word(random() % 300);
      for (int pick = 0; pick < 4; ++pick) {
        text.insert(random() % (text.size() + 1), atoms[random() % atoms.size()]);
      }
      std::vector<int> expected;
      for (size_t a = 0; a < atoms.size(); ++a) {
        if (text.find(atoms[a]) != std::string::npos) expected.push_back(static_cast<int>(a));
      }
      const std::vector<int> found = Found(matcher, text);
      EXPECT_EQ(found, expected) << text;
    }
  }
}

}  // namespace
}  // namespace newsfacts
