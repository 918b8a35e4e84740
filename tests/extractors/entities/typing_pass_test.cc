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
    EXPECT_EQ(typed.typed ? std::string(EntityTypeName(typed.type)) + "|" + typed.rule : "",
              c.typed);
  }
}

TEST_F(TypingPassTest, GazetteerCandidatesAreLeftAlone) {
  WordView view = ViewOf("Its founder Tomas Lindqvist wrote it.");
  Candidate& candidate = AddCandidate(view, "Tomas Lindqvist");
  candidate.entry = 0;
  TypeRuns(Rules(), view);
  EXPECT_FALSE(view.candidates[0].typed);
}

TEST_F(TypingPassTest, PlacesBecomeSidesOnlyInSportsContexts) {
  const struct {
    std::string text;
    std::string place;
    std::string typed;  // "TYPE|rule" of the place's candidate after the pass
  } cases[] = {
      {"Leeds beat Harwick on Saturday.", "Leeds", "ORG|org.side_result_first"},
      {"The visitors lost to Leeds on Saturday.", "Leeds", "ORG|org.side_result_second"},
      {"Leeds manager Tomas Brandt resigned.", "Leeds", "ORG|org.side_role"},
      {"Leeds 2 Harwick 1", "Leeds", "ORG|org.score_first"},
      // No sports context: the place stays the gazetteer's.
      {"A factory in Leeds closed on Saturday.", "Leeds", "LOCATION|gazetteer:leeds"},
      // A nation's side keeps the country's name and type.
      {"Belgium beat Harwick on Saturday.", "Belgium", "LOCATION|gazetteer:belgium"},
      // The object of "beat" must end its clause: "beat Wall Street estimates" is no result.
      {"Quellmark beat Wall Street estimates.", "Wall Street", "LOCATION|gazetteer:wall-street"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    MatchGazetteer(Rules(), view);
    TypeRuns(Rules(), view);
    std::string found = "no candidate";
    for (const Candidate& candidate : view.candidates) {
      if (TextOf(view, candidate.begin, candidate.end) != c.place) continue;
      found = std::string(EntityTypeName(candidate.type)) + "|" + candidate.rule;
      EXPECT_EQ(candidate.side, found.rfind("ORG", 0) == 0);
      EXPECT_EQ(candidate.entry.has_value(), !candidate.side);
    }
    EXPECT_EQ(found, c.typed);
  }
}

}  // namespace
}  // namespace newsfacts
