// Entity pass 6b with the passes before it: places and runs named as sports sides.
#include <algorithm>

#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class SidesPassTest : public PassTest {
 protected:
  // Runs the passes up to and including NameSides over `text`, made a sports report by a last
  // sentence holding a `sports_words` word unless `report` is false; returns Describe of its
  // typed candidates in text order.
  std::vector<std::string> SidesOf(const std::string& text, bool report = true) {
    WordView view = ViewOf(report ? text + "\n\nIt was a league match." : text);
    const PassRules rules = Rules();
    MatchGazetteer(rules, view);
    for (size_t s = 0; s < view.sentences.size(); ++s) {
      if (view.sentences[s].mode == SentenceMode::kNormal) FindCapitalizedRuns(rules, view, s);
    }
    TypeRuns(rules, view);
    PropagateNames(rules, view);
    NameSides(rules, view);
    std::sort(view.candidates.begin(), view.candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<std::string> typed;
    for (const std::string& line : Describe(view)) {
      if (line.find('|') != std::string::npos) typed.push_back(line);
    }
    return typed;
  }
};

TEST_F(SidesPassTest, PlacesBecomeSidesOnlyInSportsContexts) {
  const struct {
    std::string text;
    std::vector<std::string> typed;
  } cases[] = {
      {"Leeds beat Harwick on Saturday.",
       {"Leeds|ORG|org.side_result_first", "Harwick|ORG|org.side_result_second"}},
      {"The visitors lost to Leeds on Saturday.", {"Leeds|ORG|org.side_result_second"}},
      {"Leeds manager Tomas Brandt resigned.",
       {"Leeds|ORG|org.side_role", "Tomas Brandt|PERSON|person.role_before"}},
      {"Leeds 2 Harwick 1", {"Leeds|ORG|org.score_first", "Harwick|ORG|org.score_second"}},
      // No sports context: the place stays the gazetteer's.
      {"A factory in Leeds closed on Saturday.", {"Leeds|LOCATION|gazetteer:leeds"}},
      // A nation's side keeps the country's name and type.
      {"Belgium beat Harwick on Saturday.",
       {"Belgium|LOCATION|gazetteer:belgium", "Harwick|ORG|org.side_result_second"}},
      // The object of "beat" must end its clause: "beat Wall Street estimates" is no result.
      {"Quellmark beat Wall Street estimates.",
       {"Quellmark|ORG|org.side_result_first", "Wall Street|LOCATION|gazetteer:wall-street"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(SidesOf(c.text), c.typed);
  }
}

// In an article with no word of a sports report, the same contexts name no side: a game's
// sequel number is no score ("Quorvane 2 for the console"), nor is a share price.
TEST_F(SidesPassTest, OutsideASportsReportNoContextNamesASide) {
  EXPECT_EQ(SidesOf("Leeds 2 Harwick 1", false),
            (std::vector<std::string>{"Leeds|LOCATION|gazetteer:leeds"}));
  EXPECT_EQ(SidesOf("Gamers queued for Quorvane 2 for the console.", false),
            std::vector<std::string>{});
  EXPECT_EQ(SidesOf("Gamers queued for Quorvane 2 for the console."),
            (std::vector<std::string>{"Quorvane|ORG|org.side_innings"}));
}

TEST_F(SidesPassTest, APlaceNamedAsASideIsThatSideThroughoutTheArticle) {
  EXPECT_EQ(SidesOf("Leeds 2 Harwick 1. Leeds were relegated. Belgium 1 Leeds 0. Belgium won."),
            (std::vector<std::string>{
                "Leeds|ORG|org.score_first", "Harwick|ORG|org.score_second",
                "Leeds|ORG|propagate.side", "Belgium|LOCATION|gazetteer:belgium",
                "Leeds|ORG|org.score_second", "Belgium|LOCATION|gazetteer:belgium"}));
}

TEST_F(SidesPassTest, NamesListedBesideASideAreSides) {
  EXPECT_EQ(SidesOf("Rivals Dunmore, Tarrowby and Leeds closed in. Harwick v Dunmore or Leeds."),
            (std::vector<std::string>{
                "Dunmore|ORG|propagate.same_name", "Tarrowby|ORG|propagate.listed_side",
                "Leeds|ORG|propagate.listed_side", "Harwick|ORG|org.versus",
                "Dunmore|ORG|org.versus_second", "Leeds|ORG|propagate.listed_side"}));
}

TEST_F(SidesPassTest, InASportsArticleAPlaceGluedToANameIsAClub) {
  EXPECT_EQ(SidesOf("Harwick 2 Dunmore 1. Fans of Dynamo Moscow and Leeds Tarrowbies waited."),
            (std::vector<std::string>{"Harwick|ORG|org.score_first", "Dunmore|ORG|org.score_second",
                                      "Dynamo Moscow|ORG|propagate.side_place_name",
                                      "Leeds Tarrowbies|ORG|propagate.side_place_name"}));
  // Outside a sports article the place stays a place.
  EXPECT_EQ(SidesOf("Fans of Dynamo Moscow waited."),
            (std::vector<std::string>{"Moscow|LOCATION|gazetteer:moscow"}));
}

TEST_F(SidesPassTest, AWireDatelineStaysAPlace) {
  EXPECT_EQ(SidesOf("LEEDS 1996-08-30\nLeeds 2 Harwick 1."),
            (std::vector<std::string>{"LEEDS|LOCATION|gazetteer:leeds", "Leeds|ORG|org.score_first",
                                      "Harwick|ORG|org.score_second"}));
}

}  // namespace
}  // namespace newsfacts
