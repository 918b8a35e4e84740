// When and which part (issue 14), end to end through the standard pipeline: amount roles,
// a tranche and a total from one sentence, deal stages, event dates resolved against the
// published date, quote venues; and ResolveDate around month and year ends.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/claims/claim_dates.h"
#include "extractors/standard_pipeline.h"

namespace newsfacts {
namespace {

// "invested_in $1.5 billion tranche unspecified 2025-03-04" for every claim with an amount.
std::vector<std::string> Describe(const std::string& text, const std::string& published) {
  static const StatusOr<StandardPipeline>* const pipeline =
      new StatusOr<StandardPipeline>(LoadStandardPipeline({}));
  EXPECT_TRUE(pipeline->ok());
  if (!pipeline->ok()) return {};
  ArticleMeta meta;
  meta.path = "test.txt";
  meta.published = published;
  Document doc = Document::FromRaw(meta, text);
  EXPECT_TRUE((*pipeline)->pipeline.Run(doc).ok());
  std::vector<std::string> out;
  for (const Claim& claim : doc.claims()) {
    if (!claim.amount) continue;
    out.push_back(claim.predicate + " " + std::string(doc.Text(doc.amounts()[*claim.amount].span)) +
                  " " + claim.amount_role + " " + claim.stage + " " + claim.event_date);
  }
  return out;
}

struct ShapeCase {
  std::string text;
  std::string published;
  std::vector<std::string> expected;
};

TEST(ClaimTimelineTest, TheShapesOfIssue14) {
  const std::vector<ShapeCase> cases = {
      {"Microsoft completed its $1.2 billion acquisition of Nuance on Friday.",
       "2022-03-07",
       {"acquired $1.2 billion unspecified completed 2022-03-04"}},
      {"Amazon has now invested a total of $2 billion in Anthropic, after adding $1.5 billion "
       "on Tuesday.",
       "2025-03-06",
       {"invested_in $2 billion total unspecified ",
        "invested_in $1.5 billion tranche unspecified 2025-03-04"}},
      {"Google put a further $1.5 billion into Anthropic this week, bringing its total "
       "investment to $2 billion.",
       "2025-03-06",
       {"invested_in $1.5 billion tranche unspecified 2025-03",
        "invested_in $2 billion total unspecified "}},
      {"Google's total investment in Anthropic now stands at $2.6 billion, according to people "
       "familiar with the matter.",
       "2025-03-07",
       {"invested_in $2.6 billion total rumoured "}},
      {"Microsoft invested $500 million in OpenAI in 2022, its first stake in the start-up.",
       "2024-01-01",
       {"invested_in $500 million unspecified unspecified 2022"}},
      {"Microsoft first invested $1 billion in OpenAI in 2019.",
       "2024-01-01",
       {"invested_in $1 billion tranche unspecified 2019"}},
      {"Amazon has agreed to put a further $4bn into Anthropic, lifting its total commitment to "
       "$8bn.",
       "2024-03-28",
       {"invested_in $4bn tranche agreed ", "invested_in $8bn total agreed "}},
      {"Cisco agreed to buy Splunk for $157 a share, a deal that values it at about $28 "
       "billion.",
       "2023-09-21",
       {"acquired about $28 billion total agreed ", "valued_at about $28 billion valuation  ",
        "acquired $157 per_unit agreed "}},
      {"Arlon Corp to buy Pindle Inc for $2.1 billion",
       "",
       {"acquired $2.1 billion unspecified agreed "}},
      {"Oracle plans to buy Cerner for $28 billion.",
       "",
       {"acquired $28 billion unspecified unspecified "}},
      {"OpenAI raised $6.6 billion, and Microsoft contributed about $750 million of it.",
       "",
       {"raised $6.6 billion unspecified unspecified "}},
      {"Broadcom called off its $61 billion purchase of VMware.",
       "2023-01-01",
       {"acquired $61 billion unspecified abandoned "}},
      {"Amazon Web Services has invested billions in Anthropic - including a $4 billion "
       "pledge tied to its chips.",
       "",
       {"invested_in billions total unspecified ", "invested_in $4 billion part unspecified "}},
  };
  for (const ShapeCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Describe(c.text, c.published), c.expected);
  }
}

TEST(ClaimTimelineTest, AStakeIsNotATakeover) {
  for (const Claim& claim : [] {
         StatusOr<StandardPipeline> pipeline = LoadStandardPipeline({});
         Document doc =
             Document::FromRaw(ArticleMeta{},
                               "Salesforce took its first stake in Anthropic in 2022, investing "
                               "$500 million.");
         EXPECT_TRUE(pipeline.ok() && pipeline->pipeline.Run(doc).ok());
         return doc.claims();
       }()) {
    EXPECT_NE(claim.predicate, "acquired");
  }
}

TEST(ClaimTimelineTest, AQuoteCarriesItsVenue) {
  StatusOr<StandardPipeline> pipeline = LoadStandardPipeline({});
  ASSERT_TRUE(pipeline.ok());
  Document doc =
      Document::FromRaw(ArticleMeta{},
                        "AWS chief executive Matt Garman spoke this week. \"Working beside "
                        "rivals is normal for us,\" Garman told TechCrunch on Monday. "
                        "\"Customers pick what suits them,\" Garman said.");
  ASSERT_TRUE(pipeline->pipeline.Run(doc).ok());
  ASSERT_EQ(doc.quotes().size(), 2u);
  EXPECT_EQ(doc.quotes()[0].speaker, "Matt Garman");
  EXPECT_EQ(doc.quotes()[0].venue, "TechCrunch");
  EXPECT_EQ(doc.quotes()[1].speaker, "Matt Garman");
  EXPECT_EQ(doc.quotes()[1].venue, "");
}

struct DateCase {
  std::string resolve;
  int offset;
  DateParts parts;
  std::string published;
  std::string expected;
};

TEST(ClaimTimelineTest, ResolveDateAroundMonthAndYearEnds) {
  const std::vector<DateCase> cases = {
      {"weekday", 0, {.weekday = "2"}, "2025-01-02", "2024-12-31"},  // Tuesday before Thursday
      {"weekday", 0, {.weekday = "5"}, "2025-03-01", "2025-02-28"},
      {"weekday", 0, {.weekday = "1"}, "2025-03-03", "2025-03-03"},  // the same day
      {"weekday", 0, {.weekday = "4"}, "2024-03-01T10:00:00Z", "2024-02-29"},
      {"days", -1, {}, "2025-01-01", "2024-12-31"},
      {"days", -1, {}, "2023-03-01", "2023-02-28"},
      {"weeks", 0, {}, "2025-03-06", "2025-03"},
      {"weeks", 0, {}, "2025-04-02", "2025"},  // Monday 31 March
      {"weeks", 0, {}, "2025-01-02", ""},      // Monday 30 December 2024
      {"weeks", -1, {}, "2025-03-12", "2025-03"},
      {"months", -1, {}, "2025-01-31", "2024-12"},
      {"months", -1, {}, "2024-03-31", "2024-02"},
      {"years", -1, {}, "2025-01-01", "2024"},
      {"years", 0, {}, "2024-12-31", "2024"},
      {"calendar", 0, {.month = "12", .day = "30"}, "2025-01-02", "2024-12-30"},
      {"calendar", 0, {.month = "1", .day = "3"}, "2024-12-28", "2025-01-03"},
      {"calendar", 0, {.month = "12"}, "2025-01-10", "2024-12"},
      {"calendar", 0, {.year = "2024", .month = "2", .day = "29"}, "", "2024-02-29"},
      {"calendar", 0, {.year = "2025", .month = "2", .day = "29"}, "", ""},
      {"calendar", 0, {.year = "2019"}, "", "2019"},
      {"years", -1, {}, "", ""},  // relative with no published date: unknown
      {"weekday", 0, {.weekday = "2"}, "2025-01", ""},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.resolve + " published " + c.published);
    EXPECT_EQ(ResolveDate(c.resolve, c.offset, c.parts, c.published), c.expected);
  }
}

}  // namespace
}  // namespace newsfacts
