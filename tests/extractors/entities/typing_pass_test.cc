// Entity pass 3 alone: context rules type candidates placed by hand.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class TypingPassTest : public PassTest {};

TEST_F(TypingPassTest, RulesTypeRuns) {
  const struct {
    std::string text;
    std::string run;
    std::string typed;  // "TYPE|rule", or "" when no rule types the run
  } cases[] = {
      {"Its founder Tomas Lindqvist wrote it.", "Tomas Lindqvist", "PERSON|person.role_before"},
      {"It bought Dunmore Plastics Corp last year.", "Dunmore Plastics Corp", "ORG|org.designator"},
      // A single sentence-initial word needs a sentence_initial rule.
      {"Investors bought shares.", "Investors", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    Candidate& candidate = AddCandidate(view, c.run);
    if (c.run == "Dunmore Plastics Corp") candidate.name_end = candidate.end - 1;
    TypeRuns(Rules(), view);
    const Candidate& typed = view.candidates[0];
    EXPECT_EQ(
        typed.typed ? std::string(EntityTypeName(typed.type)) + "|" + std::string(typed.rule) : "",
        c.typed);
  }
}

// The rule mask the typing pass skips rules by is every rule's one-word context tests at once.
TEST_F(TypingPassTest, RulesMayMatchAroundIsEveryRulesOneWordTests) {
  const WordView view = ViewOf(
      "Its founder Tomas Lindqvist said on Monday that Harwick 3 Dunmore 1 was the score. "
      "Shares of Quellmark Corp rose, and Brandt's chief executive Ilse Marwood, 45, left "
      "after Zillow Acquires SignLoop (Reuters) - by Ada Quint v Leeds.");
  const EntityPatterns& patterns = *Rules().patterns;
  const std::vector<EntityRule>& rules = patterns.rules();
  ASSERT_GT(rules.size(), 30u);
  size_t ruled_out = 0;
  for (const SentenceWords& sentence : view.sentences) {
    for (size_t begin = sentence.begin; begin < sentence.end; ++begin) {
      for (size_t end = begin + 1; end <= sentence.end && end <= begin + 3; ++end) {
        const uint64_t may =
            patterns.RulesMayMatchAround(view.words, begin, end, sentence.begin, sentence.end);
        for (size_t r = 0; r < rules.size() && r < EntityPatterns::kMaskedRules; ++r) {
          const bool expected =
              EntityPatterns::MayMatchBefore(rules[r].before, view.words, begin, sentence.begin) &&
              EntityPatterns::MayMatchAfter(rules[r].after, view.words, end, sentence.end);
          EXPECT_EQ((may >> r) & 1, expected ? 1u : 0u) << rules[r].id << " at " << begin;
          ruled_out += expected ? 0 : 1;
        }
      }
    }
  }
  EXPECT_GT(ruled_out, 0u);
}

TEST_F(TypingPassTest, RunsTypedByNamesSidesRulesAreMarkedSides) {
  WordView view =
      ViewOf("Harwick beat Dunmore in the league. Its founder Tomas Lindqvist left the club.");
  AddCandidate(view, "Harwick");
  AddCandidate(view, "Tomas Lindqvist");
  TypeRuns(Rules(), view);
  EXPECT_EQ(view.candidates[0].rule, "org.side_result_first");
  EXPECT_TRUE(view.candidates[0].side);
  EXPECT_FALSE(view.candidates[1].side);
}

TEST_F(TypingPassTest, GazetteerCandidatesAreLeftAlone) {
  WordView view = ViewOf("Its founder Tomas Lindqvist wrote it.");
  Candidate& candidate = AddCandidate(view, "Tomas Lindqvist");
  candidate.entry = 0;
  TypeRuns(Rules(), view);
  EXPECT_FALSE(view.candidates[0].typed);
}

// MayMatchBefore and MayMatchAfter, the one-word tests that spare most rules their
// contexts, never reject a context that matches, and do reject some.
TEST_F(TypingPassTest, OneWordContextTestsRejectOnlyWhatCannotMatch) {
  const WordView view = ViewOf(
      "Shares of Kestrel Freight rose after its chief executive Ada Quint said Varga, a "
      "Danish maker, bought 5 stakes in Tollund Inc.");
  const SentenceWords& sentence = view.sentences[0];
  size_t rejected = 0;
  size_t matched = 0;
  for (const EntityRule& rule : stage_->patterns().rules()) {
    for (size_t at = sentence.begin; at <= sentence.end; ++at) {
      SCOPED_TRACE(rule.id + " at word " + std::to_string(at));
      const bool may_before =
          EntityPatterns::MayMatchBefore(rule.before, view.words, at, sentence.begin);
      const bool may_after =
          EntityPatterns::MayMatchAfter(rule.after, view.words, at, sentence.end);
      if (EntityPatterns::MatchBefore(rule.before, view.words, at, sentence.begin)) {
        EXPECT_TRUE(may_before);
        ++matched;
      }
      if (EntityPatterns::MatchAfter(rule.after, view.words, at, sentence.end)) {
        EXPECT_TRUE(may_after);
        ++matched;
      }
      rejected += (may_before ? 0 : 1) + (may_after ? 0 : 1);
    }
  }
  EXPECT_GT(matched, 0U);
  EXPECT_GT(rejected, 0U);
}

}  // namespace
}  // namespace newsfacts
