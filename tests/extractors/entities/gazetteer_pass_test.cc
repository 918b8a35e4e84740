// Entity pass 1 alone: gazetteer candidates over a fresh view.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class GazetteerPassTest : public PassTest {};

TEST_F(GazetteerPassTest, Candidates) {
  const struct {
    std::string text;
    std::vector<std::string> candidates;
  } cases[] = {
      {"Amazon Web Services signed the deal.",
       {"Amazon Web Services|ORG|gazetteer:amazon-web-services"}},
      {"Engineers at Microsoft Corp. wrote it.", {"Microsoft Corp.|ORG|gazetteer:microsoft"}},
      {"MICROSOFT BUYS SMALL GAMING STUDIO", {"MICROSOFT|ORG|gazetteer:microsoft"}},
      {"The meta description was missing.", {}},
      // A place glued to a currency sign is a currency prefix.
      {"It raised US$42m.", {}},
      // A written-out place opening an institution name is part of it.
      {"The Hong Kong Tramway Licensing Authority said so.", {}},
      // An ambiguous place beside another name word is left to the runs.
      {"Fans of Cambridge United cheered.", {}},
      {"She met Helena Brask there.", {}},
      {"She met Elia Kazan there.", {}},
      // An ambiguous word after a first name is that person's surname.
      {"She met Maria Apple there.", {}},
      {"The startup left Cambridge for Boston.",
       {"Cambridge|LOCATION|gazetteer:cambridge", "Boston|LOCATION|gazetteer:boston"}},
      // A wire dateline in capitals opening a prose sentence names a place; capitals
      // elsewhere in prose, or a place that is a common word, do not.
      {"NEW YORK (Reuters) - Shares of Kestrel rose.",
       {"NEW YORK|LOCATION|gazetteer:new-york-city", "Reuters|ORG|gazetteer:reuters"}},
      {"OTTAWA 1996-08-22", {"OTTAWA|LOCATION|gazetteer:ottawa"}},
      {"Shares rose in NEW YORK trading.", {}},
      {"READING 1996-08-22", {}},
      {"DETROIT 4 Toronto 2", {"Toronto|LOCATION|gazetteer:toronto"}},
      {"JAKARTA POST editors met on Monday.", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    MatchGazetteer(Rules(), view);
    EXPECT_EQ(Describe(view), c.candidates);
    for (const Candidate& candidate : view.candidates) {
      for (size_t k = candidate.begin; k < candidate.end; ++k) EXPECT_TRUE(view.covered[k]);
    }
  }
}

TEST_F(GazetteerPassTest, AmbiguousOneWordMatchIsProvisional) {
  WordView view = ViewOf("Apple said it would sell more phones.");
  MatchGazetteer(Rules(), view);
  ASSERT_EQ(view.candidates.size(), 1u);
  EXPECT_TRUE(view.candidates[0].provisional);
  EXPECT_TRUE(view.candidates[0].entry.has_value());
}

}  // namespace
}  // namespace newsfacts
