// Tests for RulePrefilter: patterns whose required words are absent are left out, patterns that
// need no literal always run, and no pattern that matches is ever left out.
#include "extractors/kernel/rule_prefilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extractors/claims/claim_rules.h"
#include "tests/extractors/claims/claim_test_util.h"

namespace newsfacts {
namespace {

std::vector<std::unique_ptr<Regex>> CompileAll(const std::vector<std::string>& regexes) {
  std::vector<std::unique_ptr<Regex>> out;
  for (const std::string& regex : regexes) {
    StatusOr<std::unique_ptr<Regex>> compiled = Regex::Compile(regex, {.case_sensitive = false});
    EXPECT_TRUE(compiled.ok()) << regex;
    out.push_back(std::move(*compiled));
  }
  return out;
}

std::vector<const Regex*> Pointers(const std::vector<std::unique_ptr<Regex>>& all) {
  std::vector<const Regex*> out;
  for (const auto& pattern : all) out.push_back(pattern.get());
  return out;
}

TEST(RulePrefilterTest, LeavesOutPatternsWhoseWordsAreAbsent) {
  const auto patterns = CompileAll(
      {"(?P<subject>\\w+) acquired (?P<object>\\w+)", "\\w+ (?:sold|divested) \\w+", "\\w+ \\w+"});
  StatusOr<std::unique_ptr<RulePrefilter>> filter = RulePrefilter::Create(Pointers(patterns));
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_EQ((*filter)->Candidates("Cisco ACQUIRED Splunk"), (std::vector<int>{0, 2}));
  EXPECT_EQ((*filter)->Candidates("Intel divested Altera"), (std::vector<int>{1, 2}));
  EXPECT_EQ((*filter)->Candidates("nothing here"), (std::vector<int>{2}));
}

// The claim stage builds a prefilter over the rules that need no mention, which a user's rule
// set may not have (issue 16).
TEST(RulePrefilterTest, NoPatternsGiveNoCandidates) {
  StatusOr<std::unique_ptr<RulePrefilter>> filter = RulePrefilter::Create({});
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_TRUE((*filter)->Candidates("Cisco acquired Splunk").empty());
}

TEST(RulePrefilterTest, NeverLeavesOutAMatchingBuiltInRule) {
  const std::vector<ClaimRule> loaded = claim_testing::BuiltinClaimRules();
  ASSERT_FALSE(loaded.empty());
  std::vector<const Regex*> patterns;
  for (const ClaimRule& rule : loaded) patterns.push_back(&rule.compiled->regex());
  StatusOr<std::unique_ptr<RulePrefilter>> filter = RulePrefilter::Create(patterns);
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

}  // namespace
}  // namespace newsfacts
