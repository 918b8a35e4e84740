// WriteComparison: the exact report text for a conflict, an agreement with hidden facts, the
// attribution and article line of claims with a speaker, venue or title, and story steps.
#include "cli/compare_report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace newsfacts {
namespace {

ComparedClaim Stated(int64_t claim_id, std::string amount, std::string source,
                     std::string published, std::string path, std::string evidence) {
  ComparedClaim claim;
  claim.claim_id = claim_id;
  claim.amount = std::move(amount);
  claim.status = "asserted";
  claim.source = std::move(source);
  claim.published = std::move(published);
  claim.path = std::move(path);
  claim.evidence = std::move(evidence);
  return claim;
}

std::string Report(const Comparison& comparison, const CompareOptions& options) {
  std::ostringstream out;
  WriteComparison(comparison, options, out);
  return out.str();
}

TEST(CompareReportTest, ShowsAmountsArticlesEvidenceAndConflicts) {
  ComparedFact fact{"Contoso", "acquired", "Fabrikam", 3, 2, Verdict::kConflict};
  fact.claims = {Stated(1, "$4 billion", "Wire A", "2024-03-01", "a.txt",
                        "Contoso acquired Fabrikam for $4 billion."),
                 Stated(2, "$5 billion", "Wire B", "2024-03-02", "b.txt",
                        "Contoso acquired Fabrikam for $5 billion."),
                 Stated(3, "$4bn", "", "", "c.txt", "Contoso acquired Fabrikam for $4bn.")};
  fact.conflicts = {{1, 2}, {2, 3}};
  EXPECT_EQ(Report(Comparison{{fact}, 0}, CompareOptions{}),
            "Contoso acquired Fabrikam: CONFLICT, 3 articles, 2 sources\n"
            "  [1] $4 billion  asserted  Wire A, 2024-03-01, a.txt\n"
            "      > Contoso acquired Fabrikam for $4 billion.\n"
            "  [2] $5 billion  asserted  Wire B, 2024-03-02, b.txt\n"
            "      > Contoso acquired Fabrikam for $5 billion.\n"
            "  [3] $4bn  asserted  c.txt\n"
            "      > Contoso acquired Fabrikam for $4bn.\n"
            "  conflict: [1] vs [2]\n"
            "  conflict: [2] vs [3]\n"
            "\n"
            "1 fact: 0 agree, 1 conflict, 0 unconfirmed\n");

  ComparedFact agree{"Tailspin", "invested_in", "Northwind", 2, 2, Verdict::kAgree};
  agree.claims = {
      Stated(4, "$7 million", "Wire A", "2024-01-05", "d.txt",
             "Tailspin invested_in Northwind for $7 million."),
      Stated(5, "$7M", "Wire B", "2024-01-06", "e.txt", "Tailspin invested_in Northwind for $7M.")};
  EXPECT_EQ(Report(Comparison{{agree}, 3}, CompareOptions{}),
            "Tailspin invested_in Northwind: AGREE, 2 articles, 2 sources\n"
            "  [1] $7 million  asserted  Wire A, 2024-01-05, d.txt\n"
            "      > Tailspin invested_in Northwind for $7 million.\n"
            "  [2] $7M  asserted  Wire B, 2024-01-06, e.txt\n"
            "      > Tailspin invested_in Northwind for $7M.\n"
            "\n"
            "1 fact: 1 agree, 0 conflict, 0 unconfirmed; 3 more stated by fewer than 2 "
            "articles (--min-articles 1 shows them)\n");
}

TEST(CompareReportTest, AttributionAndTitleWhenKnown) {
  ComparedFact fact{"Contoso", "raised", "", 1, 0, Verdict::kUnconfirmed};
  ComparedClaim claim = Stated(7, "", "", "", "f.txt", "Contoso raised money, Ana said.");
  claim.status = "reported";
  claim.speaker = "Ana";
  claim.venue = "Wire C";
  claim.title = "Contoso raises";
  fact.claims = {claim};
  CompareOptions options;
  options.min_articles = 1;
  EXPECT_EQ(Report(Comparison{{fact}, 0}, options),
            "Contoso raised: UNCONFIRMED, 1 article, 0 sources\n"
            "  [1] (no amount)  reported by Ana to Wire C  \"Contoso raises\"\n"
            "      > Contoso raised money, Ana said.\n"
            "\n"
            "1 fact: 0 agree, 0 conflict, 1 unconfirmed\n");
}

TEST(CompareReportTest, TellsEachStepWithItsDateStageAndRole) {
  ComparedFact fact{"Contoso", "invested_in", "Fabrikam", 2, 2, Verdict::kAgree};
  ComparedClaim first = Stated(1, "$1 billion", "Wire A", "2019-07-22", "a.txt",
                               "Contoso first invested $1 billion in Fabrikam in 2019.");
  first.event_date = "2019";
  first.event_date_text = "in 2019";
  first.amount_role = "tranche";
  first.stage = "unspecified";
  ComparedClaim total = Stated(2, "$8 billion", "Wire B", "2024-11-22", "b.txt",
                               "Contoso agreed to lift its total to $8 billion.");
  total.amount_role = "total";
  total.stage = "agreed";
  fact.claims = {first, total};
  EXPECT_EQ(Report(Comparison{{fact}, 0}, CompareOptions{}),
            "Contoso invested_in Fabrikam: AGREE, 2 articles, 2 sources\n"
            "  [1] 2019 (in 2019)  $1 billion tranche  asserted  Wire A, 2019-07-22, a.txt\n"
            "      > Contoso first invested $1 billion in Fabrikam in 2019.\n"
            "  [2] agreed  $8 billion total  asserted  Wire B, 2024-11-22, b.txt\n"
            "      > Contoso agreed to lift its total to $8 billion.\n"
            "\n"
            "1 fact: 1 agree, 0 conflict, 0 unconfirmed\n");
}

}  // namespace
}  // namespace newsfacts
