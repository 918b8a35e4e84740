// Entity pass 2b alone: runs of capitalized words in prose sentences.
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

}  // namespace
}  // namespace newsfacts
