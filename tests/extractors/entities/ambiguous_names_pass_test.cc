// Entity pass 4 alone: provisional gazetteer words stand or fall, over a view the gazetteer
// pass prepared.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class AmbiguousNamesPassTest : public PassTest {};

TEST_F(AmbiguousNamesPassTest, EvidenceDecides) {
  const struct {
    std::string text;
    std::vector<std::string> typed;  // surfaces of the typed candidates after the pass
  } cases[] = {
      {"Apple said it would sell more phones.", {"Apple"}},  // evidence word after
      {"Apple pie is popular in autumn.", {}},               // first word, no evidence
      {"Apple's new phone sold out.", {"Apple"}},            // possessive
      {"Shares of Meta rose after the results.", {"Meta"}},  // not sentence-initial
      {"Apple pie is popular. Shares of Apple fell.", {"Apple", "Apple"}},  // confirmed elsewhere
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    MatchGazetteer(Rules(), view);
    ResolveAmbiguousNames(Rules(), view);
    std::vector<std::string> typed;
    for (const Candidate& candidate : view.candidates) {
      if (candidate.typed) typed.push_back(TextOf(view, candidate.begin, candidate.end));
    }
    EXPECT_EQ(typed, c.typed);
  }
}

TEST_F(AmbiguousNamesPassTest, GluedWordFalls) {
  WordView view = ViewOf("The painter Claude Monet was born in Paris.");
  Candidate& claude = AddTyped(view, "Claude", EntityType::kProduct, kGazetteerPriority);
  claude.entry = 0;
  claude.provisional = true;
  ResolveAmbiguousNames(Rules(), view);
  EXPECT_TRUE(view.candidates[0].glued);
  EXPECT_FALSE(view.candidates[0].typed);
}

}  // namespace
}  // namespace newsfacts
