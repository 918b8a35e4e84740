// Tests for RulePrefilter: patterns whose required words are absent are left out, patterns that
// need no literal always run, no pattern that matches is ever left out (over every built-in
// claim rule's examples, as the claim stage reads them, in any case), and the builder's
// patterns are usable on their own.
#include "extractors/kernel/rule_prefilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/entities/entity_stage.h"
#include "extractors/kernel/example_runner.h"
#include "pipeline/segmenter.h"
#include "tests/extractors/claims/claim_test_util.h"

namespace newsfacts {
namespace {

// Adds `regexes` to `builder`, case-insensitive; the compiled patterns, in order.
std::vector<std::unique_ptr<Regex>> AddAll(RulePrefilterBuilder* builder,
                                           const std::vector<std::string>& regexes) {
  std::vector<std::unique_ptr<Regex>> out;
  for (const std::string& regex : regexes) {
    StatusOr<std::unique_ptr<Regex>> compiled = builder->Add(regex, {.case_sensitive = false});
    EXPECT_TRUE(compiled.ok()) << regex;
    if (compiled.ok()) out.push_back(std::move(*compiled));
  }
  return out;
}

TEST(RulePrefilterTest, LeavesOutPatternsWhoseWordsAreAbsent) {
  RulePrefilterBuilder builder;
  const auto patterns = AddAll(&builder, {"(?P<subject>\\w+) acquired (?P<object>\\w+)",
                                          "\\w+ (?:sold|divested) \\w+", "\\w+ \\w+"});
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_EQ((*filter)->Candidates("Cisco ACQUIRED Splunk"), (std::vector<int>{0, 2}));
  EXPECT_EQ((*filter)->Candidates("Intel divested Altera"), (std::vector<int>{1, 2}));
  EXPECT_EQ((*filter)->Candidates("nothing here"), (std::vector<int>{2}));
}

// A buffer kept from one text to the next holds only the next text's candidates, whatever it
// held before (issue 16: the claim stage reuses one buffer for every sentence).
TEST(RulePrefilterTest, AReusedBufferHoldsOnlyTheNextTextsCandidates) {
  RulePrefilterBuilder builder;
  const auto patterns = AddAll(&builder, {"(?P<subject>\\w+) acquired (?P<object>\\w+)",
                                          "\\w+ (?:sold|divested) \\w+", "\\w+ \\w+"});
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  std::vector<int> candidates = {7, 1, 0, 9};
  for (const std::string text : {"Intel divested Altera", "Cisco ACQUIRED Splunk", "nothing here",
                                 "Acme sold Brantel and acquired Korvex"}) {
    SCOPED_TRACE(text);
    (*filter)->Candidates(text, &candidates);
    EXPECT_EQ(candidates, (*filter)->Candidates(text));
  }
  EXPECT_EQ(candidates, (std::vector<int>{0, 1, 2}));
}

// A pattern needs a word of each required part, not just one part's words: a business noun
// alone ("the unit") does not make a buying pattern a candidate (issue 16: RE2's FilteredRE2
// read the verb alternation as needing nothing and ran such rules on half of all sentences).
TEST(RulePrefilterTest, APatternNeedsAWordOfEachRequiredPart) {
  RulePrefilterBuilder builder;
  const auto patterns =
      AddAll(&builder, {"\\w+ (?:buys?|bought|acquir(?:e|es|ed)) (?:the )?(?:unit|company)",
                        "\\w+ sold \\w+|\\w+ divested \\w+"});
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_TRUE((*filter)->Candidates("the unit grew, the company said").empty());
  EXPECT_EQ((*filter)->Candidates("Acme bought the unit"), (std::vector<int>{0}));
  EXPECT_EQ((*filter)->Candidates("Acme divested Brantel"), (std::vector<int>{1}));
  EXPECT_EQ((*filter)->Candidates("Acme SOLD Brantel and acquired the company"),
            (std::vector<int>{0, 1}));
}

// The claim stage builds a prefilter over the rules that need no mention, which a user's rule
// set may not have (issue 16).
TEST(RulePrefilterTest, NoPatternsGiveNoCandidates) {
  StatusOr<std::unique_ptr<RulePrefilter>> filter = RulePrefilterBuilder().Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_TRUE((*filter)->Candidates("Cisco acquired Splunk").empty());
}

// The patterns Add returns are compiled once (issue 16) and stand on their own: they
// keep matching, with their groups and case, after the builder and the prefilter are gone.
TEST(RulePrefilterTest, AddedPatternsOutliveBuilderAndPrefilter) {
  std::vector<std::unique_ptr<Regex>> patterns;
  {
    RulePrefilterBuilder builder;
    patterns = AddAll(&builder, {"(?P<buyer>\\w+) bought"});
    StatusOr<std::unique_ptr<Regex>> exact = builder.Add("Exact Case", {.case_sensitive = true});
    ASSERT_TRUE(exact.ok()) << exact.status().message();
    patterns.push_back(std::move(*exact));
    StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
    ASSERT_TRUE(filter.ok()) << filter.status().message();
    EXPECT_EQ((*filter)->Candidates("Acme BOUGHT it"), (std::vector<int>{0}));
  }
  ASSERT_EQ(patterns.size(), 2u);
  std::vector<std::string_view> groups;
  ASSERT_TRUE(patterns[0]->Find("Acme BOUGHT it", 0, 14, &groups));
  EXPECT_EQ(groups[1], "Acme");
  EXPECT_EQ(patterns[0]->NamedGroups().at("buyer"), 1);
  EXPECT_FALSE(patterns[0]->case_sensitive());
  EXPECT_TRUE(patterns[1]->case_sensitive());
  EXPECT_TRUE(patterns[1]->Contains("an Exact Case here"));
  EXPECT_FALSE(patterns[1]->Contains("an exact case here"));
}

// A pattern RE2 rejects gets Regex::Compile's message, and takes no index: the next pattern
// added is still the next index.
TEST(RulePrefilterTest, RejectedPatternSaysWhyAndTakesNoIndex) {
  RulePrefilterBuilder builder;
  StatusOr<std::unique_ptr<Regex>> bad = builder.Add("(unclosed", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), Regex::Compile("(unclosed", {}).status().message());
  const auto patterns = AddAll(&builder, {"merger"});
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_EQ((*filter)->Candidates("a merger"), (std::vector<int>{0}));
}

// Candidates in two steps: the atoms a text holds, then the patterns they let through; atoms a
// caller adds (which no text holds) let more through.
TEST(RulePrefilterTest, CandidatesFollowFromTheAtomsFound) {
  RulePrefilterBuilder builder;
  AddAll(&builder, {"acquired .* stake", "merger", "\\w+"});
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  for (const std::string text :
       {"It acquired a stake.", "A MERGER, and a STAKE acquired", "None"}) {
    SCOPED_TRACE(text);
    std::vector<int> atoms;
    (*filter)->FindAtoms(text, &atoms);
    std::vector<int> candidates;
    (*filter)->CandidatesOf(atoms, &candidates);
    EXPECT_EQ(candidates, (*filter)->Candidates(text));
  }
  const std::vector<int> stake = (*filter)->AtomsWhere(
      [](std::string_view atom) { return atom.find("stake") != std::string_view::npos; });
  ASSERT_EQ(stake.size(), 1u);
  std::vector<int> atoms;
  (*filter)->FindAtoms("It acquired a car.", &atoms);
  std::vector<int> candidates;
  (*filter)->CandidatesOf(atoms, &candidates);
  EXPECT_EQ(candidates, (std::vector<int>{2}));
  atoms.push_back(stake.front());
  (*filter)->CandidatesOf(atoms, &candidates);
  EXPECT_EQ(candidates, (std::vector<int>{0, 2}));
  EXPECT_TRUE((*filter)->AtomsWhere([](std::string_view) { return false; }).empty());
}

// A prefilter restricted to some patterns, with some atoms taken as present, gives for any
// atoms found the candidates among those patterns that the whole prefilter gives for the atoms
// found and the present ones together: over the built-in claim rules, any half of them and the
// atoms of a placeholder, on sentences as the claim stage reads them.
TEST(RulePrefilterTest, ARestrictedPrefilterTakesItsPresentAtomsAsFound) {
  RulePrefilterBuilder builder;
  const std::vector<ClaimRule> rules = claim_testing::BuiltinClaimRules(&builder);
  ASSERT_FALSE(rules.empty());
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  const std::vector<int> present = (*filter)->AtomsWhere([](std::string_view atom) {
    return atom.find("\u27E8org:") != std::string_view::npos || atom == "\u27E9";
  });
  ASSERT_FALSE(present.empty());
  const std::vector<std::string> texts = {
      "\u27E8ORG:1\u27E9 acquired \u27E8ORG:2\u27E9 for \u27E8MONEY:1\u27E9.",
      "Korvex acquired Brantel, the company said.",
      "It was founded by \u27E8PERSON:1\u27E9, who invested \u27E8MONEY:1\u27E9 in it.",
      "\u27E8ORG:1\u27E9 said it sold its stake in the unit to \u27E8ORG:2\u27E9.",
      "The startup raised \u27E8MONEY:1\u27E9 from investors led by Acme.",
      "Nothing here."};
  for (const int parity : {0, 1}) {
    std::vector<int> half;
    for (size_t rule = 0; rule < rules.size(); ++rule) {
      if (static_cast<int>(rule % 2) == parity) half.push_back(static_cast<int>(rule));
    }
    const std::unique_ptr<RulePrefilter> restricted = (*filter)->Restricted(half, present);
    size_t found_any = 0;
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      std::vector<int> atoms;
      (*filter)->FindAtoms(text, &atoms);
      std::vector<int> got;
      restricted->CandidatesOf(atoms, &got);
      atoms.insert(atoms.end(), present.begin(), present.end());
      std::vector<int> all;
      (*filter)->CandidatesOf(atoms, &all);
      std::vector<int> expected;
      std::copy_if(all.begin(), all.end(), std::back_inserter(expected),
                   [&](int p) { return static_cast<int>(p % 2) == parity; });
      EXPECT_EQ(got, expected);
      found_any += got.empty() ? 0 : 1;
    }
    EXPECT_GE(found_any, 3u);
  }
}

// Patterns appended from other builders (filled one per thread) follow in the order appended,
// each keeping its place: as if every pattern had been added to one builder.
TEST(RulePrefilterTest, AppendedBuildersKeepTheirPatternsOrder) {
  RulePrefilterBuilder builder;
  AddAll(&builder, {"merger"});
  RulePrefilterBuilder second;
  AddAll(&second, {"takeover", "buyout"});
  RulePrefilterBuilder third;
  AddAll(&third, {"stake"});
  builder.Append(std::move(second));
  builder.Append(std::move(third));
  builder.Append(std::move(second));  // emptied by the first Append: adds nothing
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_EQ((*filter)->Candidates("a takeover"), (std::vector<int>{1}));
  EXPECT_EQ((*filter)->Candidates("a buyout, a merger"), (std::vector<int>{0, 2}));
  EXPECT_EQ((*filter)->Candidates("a stake"), (std::vector<int>{3}));
}

// One prefilter over two pattern sets, one after the other, gives for any text the candidates
// of each set's own prefilter, the second's shifted by the first's size (issue 16: the claim
// stage walks a sentence once for its claim and its attribution rules). The sets share atoms,
// hold atoms inside or at the end of the other's, and a pattern that requires nothing; the
// texts hold them in any case, overlapping, across UTF-8, and with characters only Unicode
// case folding makes an atom's (KELVIN SIGN, LONG S), which the prefilter leaves to RE2.
TEST(RulePrefilterTest, OnePrefilterOverTwoSetsGivesEachSetsCandidates) {
  const std::vector<std::string> first = {"\\w+ acquired \\w+", "(?:said|says) \\w+",
                                          "\\bkelvin \\w+", "\\w+ told (?:the )?\\w+ (?:that|how)",
                                          "report(?:ed|s)? by"};
  const std::vector<std::string> second = {"(?:\"|,) said (?P<speaker>\\w+)",
                                           "\\baid\\b",
                                           "according to (?P<speaker>\\w+)",
                                           "\\w+",
                                           "told",
                                           "\\w+ (?:first )?reported"};
  RulePrefilterBuilder first_builder;
  RulePrefilterBuilder second_builder;
  RulePrefilterBuilder both_builder;
  const auto first_patterns = AddAll(&first_builder, first);
  const auto second_patterns = AddAll(&second_builder, second);
  auto both_patterns = AddAll(&both_builder, first);
  for (auto& pattern : AddAll(&both_builder, second)) both_patterns.push_back(std::move(pattern));
  StatusOr<std::unique_ptr<RulePrefilter>> first_filter = first_builder.Build();
  StatusOr<std::unique_ptr<RulePrefilter>> second_filter = second_builder.Build();
  StatusOr<std::unique_ptr<RulePrefilter>> both_filter = both_builder.Build();
  ASSERT_TRUE(first_filter.ok() && second_filter.ok() && both_filter.ok());
  const std::vector<std::string> texts = {
      "",
      "said",
      "Acme, said Bob",
      "ACME ACQUIRED BRANTEL, SAYS BOB",
      "he told the paper that aid said",
      "it was first reported by Reuters, according to Bob",
      "saidsaid toldtold acquiredacquired",
      "\u212Aelvin said \u017Fomething",  // KELVIN SIGN, LONG S: left to RE2
      "caf\u00E9 \u27E8ORG:1\u27E9 told \u27E8ORG:2\u27E9 how",
      "reportedly by the aid of kelvin"};
  std::vector<int> reused = {5, 1};
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    std::vector<int> expected = (*first_filter)->Candidates(text);
    for (const int index : (*second_filter)->Candidates(text)) {
      expected.push_back(index + static_cast<int>(first.size()));
    }
    EXPECT_EQ((*both_filter)->Candidates(text), expected);
    (*both_filter)->Candidates(text, &reused);
    EXPECT_EQ(reused, expected);
  }
}

TEST(RulePrefilterTest, NeverLeavesOutAMatchingBuiltInRule) {
  RulePrefilterBuilder builder;
  const std::vector<ClaimRule> loaded = claim_testing::BuiltinClaimRules(&builder);
  ASSERT_FALSE(loaded.empty());
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  const std::vector<std::string> sentences = {
      "\u27E8ORG:1\u27E9 said it agreed to acquire \u27E8ORG:2\u27E9 for \u27E8MONEY:1\u27E9.",
      "\u27E8ORG:1\u27E9 SOLD ITS PAPER MILL TO \u27E8ORG:2\u27E9",
      "The company said its proposed acquisition of \u27E8ORG:1\u27E9 was terminated.",
      "\u27E8PERSON:1\u27E9, chief executive of \u27E8ORG:1\u27E9, said \u27E8ORG:2\u27E9 uses "
      "\u27E8ORG:3\u27E9.",
      "Nothing relates anything here."};
  for (const std::string& sentence : sentences) {
    SCOPED_TRACE(sentence);
    const std::vector<int> candidates = (*filter)->Candidates(sentence);
    for (size_t r = 0; r < loaded.size(); ++r) {
      if (loaded[r].compiled->FindAll(sentence).empty()) continue;
      EXPECT_NE(std::find(candidates.begin(), candidates.end(), static_cast<int>(r)),
                candidates.end())
          << "rule " << loaded[r].id << " matches but was left out";
    }
  }
}

// Every example (and counter-example) of the built-in claim rules, through the upstream stages
// and abstracted as the claim stage reads it, as written and in upper and lower case: each rule
// that matches a sentence is among its candidates (issue 16: the atoms are found by
// AtomMatcher, not RE2, and a missed atom would silently drop claims).
TEST(RulePrefilterTest, NeverLeavesOutAMatchingRuleOverTheRuleExamples) {
  RulePrefilterBuilder builder;
  const std::vector<ClaimRule> loaded = claim_testing::BuiltinClaimRules(&builder);
  ASSERT_FALSE(loaded.empty());
  StatusOr<std::unique_ptr<RulePrefilter>> filter = builder.Build();
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok());
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  StatusOr<std::unique_ptr<EntityStage>> entities = EntityStage::Create(*rules);
  StatusOr<std::unique_ptr<AmountStage>> amounts = AmountStage::Create(*rules);
  ASSERT_TRUE(segmenter.ok() && entities.ok() && amounts.ok());
  const ExampleRunner runner({segmenter->get(), entities->get()});
  std::vector<std::string> texts;
  for (const ClaimRule& rule : loaded) {
    for (const ClaimExample& example : rule.match) texts.push_back(example.text);
    texts.insert(texts.end(), rule.no_match.begin(), rule.no_match.end());
  }
  size_t matched = 0;
  for (const std::string& text : texts) {
    StatusOr<Document> doc = runner.Run(**amounts, text);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    for (const AbstractSentence& sentence : AbstractSentence::BuildAll(*doc)) {
      std::string upper = sentence.text();
      std::string lower = sentence.text();
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const std::string& variant : {sentence.text(), upper, lower}) {
        const std::vector<int> candidates = (*filter)->Candidates(variant);
        for (size_t r = 0; r < loaded.size(); ++r) {
          if (loaded[r].compiled->FindAll(variant).empty()) continue;
          ++matched;
          EXPECT_TRUE(std::binary_search(candidates.begin(), candidates.end(), static_cast<int>(r)))
              << "rule " << loaded[r].id << " matches but was left out: " << variant;
        }
      }
    }
  }
  EXPECT_GT(matched, texts.size());  // the examples do exercise the rules
}

}  // namespace
}  // namespace newsfacts
