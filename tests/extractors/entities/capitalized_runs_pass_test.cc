// Entity pass 2b alone: runs of capitalized words in prose sentences.
#include <algorithm>

#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class CapitalizedRunsPassTest : public PassTest {};

TEST_F(CapitalizedRunsPassTest, Runs) {
  const struct {
    std::string text;
    std::vector<std::string> candidates;
  } cases[] = {
      {"Its founder Tomas Lindqvist wrote it.", {"Tomas Lindqvist"}},
      // A sentence-initial word is a run too; TypeRuns may drop it.
      {"Demand for Kestrel Freight rose.", {"Demand", "Kestrel Freight"}},
      {"It sued Harlow & Rowe Inc on Monday.", {"Harlow & Rowe Inc"}},
      {"He joined Hewlett-Packard and K.R. Danvers.", {"Hewlett-Packard", "K.R. Danvers"}},
      {"The Competition and Markets Authority ruled.", {"Competition and Markets Authority"}},
      {"He met Kestrel and Varga there.", {"Kestrel", "Varga"}},
      {"Wagner and Brask and Tollund Industries Inc merged.",
       {"Wagner", "Brask", "Tollund Industries Inc"}},
      {"Corp said it grew.", {}},
      // A number word opens a run only before a name word (issue 12): "Two Danish ..." is a
      // count, "Two Harbors Capital" a name.
      {"Quellmark Buys Two Danish Payroll Firms", {"Quellmark", "Payroll Firms"}},
      {"He left Two Harbors Capital in May.", {"Two Harbors Capital"}},
      // Letters and digits make a name word ("Printa8"); a one-letter code only opens a name
      // ("K27 Labs"), alone it is a code ("M1").
      {"He said Printa8 bought K27 Labs as M1 rose.", {"Printa8", "K27 Labs"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    FindCapitalizedRuns(Rules(), view, 0);
    EXPECT_EQ(Describe(view), c.candidates);
  }
}

TEST_F(CapitalizedRunsPassTest, CoveredWordsArePassedOver) {
  WordView view = ViewOf("Demand for Kestrel Freight rose.");
  for (size_t k = 0; k < view.words.size(); ++k) view.covered[k] = view.words[k].text == "Kestrel";
  FindCapitalizedRuns(Rules(), view, 0);
  EXPECT_EQ(Describe(view), (std::vector<std::string>{"Demand", "Freight"}));
}

// In an ALL CAPS line the runs go around the names 2a found, and the sentence's candidates
// end in text order, runs found before those names included.
TEST_F(CapitalizedRunsPassTest, RunsAroundUpperDesignatorNamesKeepTextOrder) {
  WordView view = ViewOf("BRIGHTWAVE SAYS QUELLMARK CORP TO BUY TALLYHOP\n");
  ASSERT_EQ(view.sentences[0].mode, SentenceMode::kUpper);
  FindUpperDesignatorNames(Rules(), view, 0);
  ASSERT_EQ(Describe(view), (std::vector<std::string>{"QUELLMARK CORP"}));
  FindCapitalizedRuns(Rules(), view, 0);
  const std::vector<std::string> found = Describe(view);
  ASSERT_GE(found.size(), 3u);
  EXPECT_EQ(found.front().rfind("BRIGHTWAVE", 0), 0u);
  EXPECT_NE(std::find(found.begin(), found.end(), "QUELLMARK CORP"), found.end());
  for (size_t k = 1; k < view.candidates.size(); ++k) {
    EXPECT_LT(view.candidates[k - 1].begin, view.candidates[k].begin) << k;
  }
}

}  // namespace
}  // namespace newsfacts
