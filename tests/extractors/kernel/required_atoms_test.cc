// Tests for RequiredAtoms: what it reads from each construct (literals multiplied out,
// optional and repeated pieces, classes, escapes, groups, alternations inside a concatenation
// and at the top level), what it gives up on, and that it is sound: over thousands of
// generated patterns and texts, every text in which RE2 finds a match holds the atoms of one
// alternative; and that a memo of groups changes no result.
#include "extractors/kernel/required_atoms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "extractors/kernel/regex.h"

namespace newsfacts {
namespace {

using Groups = std::vector<std::vector<std::string>>;
using Alternatives = std::vector<Groups>;

// True when `text` (ASCII, compared ignoring case) holds an atom of each group of one of
// `alternatives`, or there are none.
bool Satisfies(const Alternatives& alternatives, std::string text) {
  if (alternatives.empty()) return true;
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(alternatives.begin(), alternatives.end(), [&](const Groups& groups) {
    return std::all_of(groups.begin(), groups.end(), [&](const std::vector<std::string>& group) {
      return std::any_of(group.begin(), group.end(), [&](const std::string& atom) {
        return text.find(atom) != std::string::npos;
      });
    });
  });
}

TEST(RequiredAtomsTest, MultipliesOutAdjacentLiteralsAndShortAlternations) {
  EXPECT_EQ(RequiredAtoms("acquir(?:e|es|ed)"), (Alternatives{{{"acquire"}}}));
  EXPECT_EQ(RequiredAtoms("Sold To"), (Alternatives{{{"sold to"}}}));
  EXPECT_EQ(RequiredAtoms("[Bb]uy"), (Alternatives{{{"buy"}}}));
  EXPECT_EQ(RequiredAtoms("\\x{27E8}ORG:"), (Alternatives{{{"\u27E8org:"}}}));
  EXPECT_EQ(RequiredAtoms("a\\.b\\.c"), (Alternatives{{{"a.b.c"}}}));
}

// RE2's FilteredRE2 reads "buys?|bought" as requiring nothing (its parser factors out "bu");
// the buying rules then ran on half of all sentences.
TEST(RequiredAtomsTest, AnOptionalEndingKeepsTheWordRequired) {
  EXPECT_EQ(RequiredAtoms("(?:buys?|bought) \\w+"), (Alternatives{{{"bought ", "buy ", "buys "}}}));
  EXPECT_EQ(RequiredAtoms("\\w+ (?:buys?|bought)"), (Alternatives{{{" bought", " buy"}}}));
}

TEST(RequiredAtomsTest, PiecesThatMayBeAbsentOrRepeatedEndARun) {
  EXPECT_EQ(RequiredAtoms("shares (?:of )?stock"),
            (Alternatives{{{"shares of stock", "shares stock"}}}));
  EXPECT_EQ(RequiredAtoms("rival(?:[\\w-]+ )*firm"), (Alternatives{{{"rival"}, {"firm"}}}));
  // The rarer group (more letters) comes first.
  EXPECT_EQ(RequiredAtoms("led (?:\\w+ ){0,3}round"), (Alternatives{{{"round"}, {"led "}}}));
  EXPECT_EQ(RequiredAtoms("bid(?:der)+s"), (Alternatives{{{"bid"}, {"der"}}}));
}

TEST(RequiredAtomsTest, AlternationOfUnequalBranchesOffersAGroupPerCombination) {
  // Either "led by" and a round word, or "round" after "led": both need "led" and "round".
  const Alternatives atoms =
      RequiredAtoms("x(?:led by \\w+ (?:round|financing)|(?:round|raise) \\w+ led)y");
  ASSERT_EQ(atoms.size(), 1u);
  EXPECT_TRUE(Satisfies(atoms, "xled by acme roundy"));
  EXPECT_FALSE(Satisfies(atoms, "xround acme y"));
  EXPECT_FALSE(Satisfies(atoms, "led by acme"));
}

TEST(RequiredAtomsTest, TopLevelBranchesAreAlternatives) {
  EXPECT_EQ(RequiredAtoms("(?P<a>\\w+) acquired \\w+|\\w+ merged with \\w+"),
            (Alternatives{{{" acquired "}}, {{" merged with "}}}));
  // A group spanning the whole pattern is looked through.
  EXPECT_EQ(RequiredAtoms("(?:\\w+ sold \\w+|\\w+ divested \\w+)"),
            (Alternatives{{{" sold "}}, {{" divested "}}}));
}

TEST(RequiredAtomsTest, NothingWhenSomeBranchNeedsNoAtom) {
  EXPECT_TRUE(RequiredAtoms("\\w+ acquired|\\w+").empty());
  EXPECT_TRUE(RequiredAtoms("(?:[a-z]+ )+").empty());
  EXPECT_TRUE(RequiredAtoms("a|bc").empty());  // atoms under three bytes are not looked for
  EXPECT_TRUE(RequiredAtoms("\\Qacquired\\E").empty());
  EXPECT_TRUE(RequiredAtoms("").empty());
}

TEST(RequiredAtomsTest, FlagsAnchorsAndNamedGroupsAddNothing) {
  EXPECT_EQ(RequiredAtoms("(?i)^\\bacquire(?P<tail>d|s)\\b$"),
            (Alternatives{{{"acquired", "acquires"}}}));
  EXPECT_EQ(RequiredAtoms("(?i:take) over"), (Alternatives{{{"take over"}}}));
}

// "(?:w01x|...|wNNx)": an alternation of `count` exact branches, and its strings.
std::string Branches(int count, std::vector<std::string>* strings) {
  std::string pattern = "(?:";
  for (int i = 1; i <= count; ++i) {
    strings->push_back("w" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "x");
    pattern += (i > 1 ? "|" : "") + strings->back();
  }
  return pattern + ")";
}

// Characters after an exact piece extend each of its strings while they number at most 16;
// after a wider piece they start a run of their own.
TEST(RequiredAtomsTest, CharactersExtendARunOfAtMostSixteenStrings) {
  std::vector<std::string> sixteen;
  std::vector<std::string> extended;
  const std::string narrow = Branches(16, &sixteen);
  for (const std::string& s : sixteen) extended.push_back(s + "yzq");
  EXPECT_EQ(RequiredAtoms(narrow + "YZQ"), (Alternatives{{extended}}));
  std::vector<std::string> twenty;
  const std::string wide = Branches(20, &twenty);
  EXPECT_EQ(RequiredAtoms(wide + "YZQ"), (Alternatives{{{"yzq"}, twenty}}));
  EXPECT_EQ(RequiredAtoms(wide + "y?zq"), (Alternatives{{twenty}}));  // "zq" is too short
}

// A string too short to look for is lengthened by the characters right before it, when the
// pattern says which: a role word among many, after "named " or "named senior ", is " vp".
TEST(RequiredAtomsTest, AShortStringTakesTheCharactersBeforeIt) {
  std::vector<std::string> twenty;
  const std::string wide = Branches(20, &twenty);
  const std::string roles = wide.substr(0, wide.size() - 1) + "|VP)";
  std::vector<std::string> lengthened = {" vp"};
  for (const std::string& word : twenty) lengthened.push_back(" " + word);
  EXPECT_EQ(RequiredAtoms("named (?:senior |deputy )?" + roles),
            (Alternatives{{{"named "}, lengthened}}));
  // What comes before a group counts inside it: "-" after "co", " " after "named".
  lengthened = twenty;
  lengthened.insert(lengthened.begin(), {" vp", "-vp"});
  EXPECT_EQ(RequiredAtoms("(?:named |co-)(?:(?:senior )?" + roles + ")"),
            (Alternatives{{{"co-", "named "}, lengthened}}));
  // A character of several bytes comes whole.
  lengthened = twenty;
  lengthened.push_back("\u27E9s");
  EXPECT_EQ(RequiredAtoms("\\x{27E9}" + wide.substr(0, wide.size() - 1) + "|s)"),
            (Alternatives{{lengthened, {"\u27E9"}}}));
}

// A word that only ever follows a space is looked for with it: " put" is not in "computer".
TEST(RequiredAtomsTest, AWordAfterASpaceKeepsTheSpace) {
  std::vector<std::string> twenty;
  const std::string wide = Branches(20, &twenty);
  std::vector<std::string> spaced;
  for (const std::string& word : twenty) spaced.push_back(" " + word);
  EXPECT_EQ(RequiredAtoms("\\w+ " + wide), (Alternatives{{spaced}}));
  EXPECT_EQ(RequiredAtoms("\\w+ (?:a|an|the )?" + wide), (Alternatives{{twenty}}));
  EXPECT_EQ(RequiredAtoms("\\w+[ -]" + wide), (Alternatives{{twenty}}));
}

// Nothing is known before a piece that is not exact, and more than four characters are too
// many to tell apart: the short string then stays too short, and its group is dropped. So is a
// group of which more than a quarter of the strings are short: it is common anyway.
TEST(RequiredAtomsTest, AShortStringAfterUnknownCharactersRequiresNothing) {
  std::vector<std::string> twenty;
  const std::string wide = Branches(20, &twenty);
  const std::string roles = wide.substr(0, wide.size() - 1) + "|VP)";
  EXPECT_TRUE(RequiredAtoms("\\w" + roles).empty());
  EXPECT_TRUE(RequiredAtoms("(?:a|b|c|d|e)" + roles).empty());
  EXPECT_EQ(RequiredAtoms("(?:a|b|c|d)" + roles).size(), 1u);
  EXPECT_EQ(RequiredAtoms(wide + "(?:is|was)"), (Alternatives{{twenty}}));
  EXPECT_EQ(RequiredAtoms(wide + "(?:is|was|were|been|being)"),
            (Alternatives{{{"been", "being", "was", "were", "xis"}, twenty}}));
}

// A pattern that is one group is read as its body: its branches are alternatives. The group
// ends at the parenthesis that closes the first, not at one escaped or inside a class.
TEST(RequiredAtomsTest, AWholeGroupIsReadAsItsBody) {
  EXPECT_EQ(RequiredAtoms("(?:abcd|efgh)"), (Alternatives{{{"abcd"}}, {{"efgh"}}}));
  EXPECT_EQ(RequiredAtoms("(([)]xy|abcd))"), (Alternatives{{{")xy"}}, {{"abcd"}}}));
  EXPECT_EQ(RequiredAtoms("(ab\\)c|defg)"), (Alternatives{{{"ab)c"}}, {{"defg"}}}));
  EXPECT_EQ(RequiredAtoms("(abc)(def)"), (Alternatives{{{"abcdef"}}}));
  EXPECT_EQ(RequiredAtoms("(abcd)|(efgh)"), (Alternatives{{{"abcd"}}, {{"efgh"}}}));
  EXPECT_TRUE(RequiredAtoms("(abcd").empty());  // unbalanced: the reader gives up
}

// A random pattern over a few words and constructs, and a way to spell a text it matches.
class PatternMaker {
 public:
  explicit PatternMaker(unsigned seed) : random_(seed) {}

  // A pattern of nesting at most `depth`, with `spell` one text it matches (up to \b).
  void Make(int depth, std::string* pattern, std::string* spell) {
    const int kind = Pick(depth > 0 ? 10 : 5);
    switch (kind) {
      case 0:
      case 1: {
        static const char* kWords[] = {"buy", "bought", "s", "ing", "co", "unit", " ", "the "};
        const std::string word = kWords[Pick(8)];
        *pattern += word;
        *spell += word;
        return;
      }
      case 2:
        *pattern += Pick(2) ? "[Bb]" : "[a-c]";
        *spell += Pick(2) ? "b" : "a";
        return;
      case 3:
        *pattern += Pick(2) ? "\\w" : ".";
        *spell += "q";
        return;
      case 4: {  // four to eight words, one of them spelled: exact, and many once multiplied
        static const char* kListWords[] = {"buy",     "bought", "unit",  "the ", "ing",
                                           "company", "shares", "stake", "s",    "co"};
        const int branches = 4 + Pick(5);
        const int chosen = Pick(branches);
        *pattern += "(?:";
        for (int i = 0; i < branches; ++i) {
          const std::string word = kListWords[Pick(10)];
          *pattern += (i > 0 ? "|" : "") + word;
          if (i == chosen) *spell += word;
        }
        *pattern += ")";
        return;
      }
      case 5:
      case 6: {  // concatenation
        const int parts = 2 + Pick(3);
        for (int i = 0; i < parts; ++i) Make(depth - 1, pattern, spell);
        return;
      }
      case 7: {  // alternation
        const int branches = 2 + Pick(2);
        const int chosen = Pick(branches);
        *pattern += Pick(2) ? "(?:" : "(?P<g" + std::to_string(group_++) + ">";
        for (int i = 0; i < branches; ++i) {
          if (i > 0) *pattern += "|";
          std::string ignored;
          Make(depth - 1, pattern, i == chosen ? spell : &ignored);
        }
        *pattern += ")";
        return;
      }
      default: {  // repetition
        static const char* kRepeats[] = {"?", "*", "+", "{0,2}", "{1,2}", "{2}", "??", "+?"};
        static const int kCounts[] = {1, 2, 1, 0, 2, 2, 0, 3};
        const int repeat = Pick(8);
        std::string inner_pattern;
        std::string inner_spell;
        Make(depth - 1, &inner_pattern, &inner_spell);
        *pattern += "(?:" + inner_pattern + ")" + kRepeats[repeat];
        for (int i = 0; i < kCounts[repeat]; ++i) *spell += inner_spell;
        return;
      }
    }
  }

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

 private:
  std::mt19937 random_;
  int group_ = 0;
};

// A group read once is looked up by its text and what may come before it: here the role words'
// short "vp" takes a "-" after "co-", a space after a space, and nothing after ".*", which
// leaves the group out. Each pattern gives with the memo what it gives read afresh.
TEST(RequiredAtomsTest, AMemoOfGroupsChangesNoResult) {
  const std::string roles =
      "(?:vp|chair|chief executive|director|founder|president|treasurer|[a-z]+ officer)";
  const std::vector<std::string> patterns = {
      "named co-" + roles + " of acme", "named " + roles + " of acme",
      "named.*" + roles + " of acme",   "co-" + roles + " or " + roles,
      "named co-" + roles + " of acme", "(?P<role>" + roles + ")"};
  RequiredAtomsMemo memo;
  for (const std::string& pattern : patterns) {
    SCOPED_TRACE(pattern);
    EXPECT_EQ(RequiredAtoms(pattern, &memo), RequiredAtoms(pattern));
  }
  const auto groups_of = [](const std::string& pattern) { return RequiredAtoms(pattern)[0]; };
  EXPECT_NE(groups_of(patterns[0]), groups_of(patterns[1]));
  EXPECT_NE(groups_of(patterns[1]), groups_of(patterns[2]));
}

// Soundness: RE2 never matches a text that lacks the atoms of every alternative.
TEST(RequiredAtomsTest, EveryTextRe2MatchesHoldsTheRequiredAtoms) {
  PatternMaker maker(20261203);
  int matched = 0;
  int constrained = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string pattern;
    std::string spell;
    maker.Make(4, &pattern, &spell);
    if (maker.Pick(3) == 0) pattern = pattern + "|" + pattern.substr(0, pattern.size() / 2);
    const bool case_sensitive = maker.Pick(2) == 0;
    StatusOr<std::unique_ptr<Regex>> regex = Regex::Compile(pattern, {case_sensitive});
    if (!regex.ok()) continue;  // a cut alternation may not compile
    const Alternatives atoms = RequiredAtoms(pattern);
    if (!atoms.empty()) ++constrained;
    std::string shouted = spell;
    for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& text : {spell, "x " + spell + " y", shouted, std::string("the co")}) {
      if (!(*regex)->Contains(text)) continue;
      ++matched;
      EXPECT_TRUE(Satisfies(atoms, text))
          << "pattern " << pattern << " matches \"" << text << "\" without its required atoms";
    }
  }
  EXPECT_GT(matched, 3000);     // the spelled texts do match
  EXPECT_GT(constrained, 500);  // and many patterns do require atoms
}

}  // namespace
}  // namespace newsfacts
