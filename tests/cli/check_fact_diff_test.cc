// Golden facts and their diff: serialisation round trip, parse errors, added/lost/changed,
// and precision/recall/F1 with strict and lenient span matching on hand-made fact lists.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "cli/fact_diff.h"
#include "cli/golden_facts.h"

namespace newsfacts {
namespace {

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

Fact MentionFact(const std::string& text, const std::string& type, const std::string& entity,
                 size_t begin) {
  return {FactKind::kMention,
          Span{begin, begin + text.size()},
          {{"text", Quoted(text)}, {"type", Quoted(type)}, {"entity", Quoted(entity)}}};
}

Fact AmountFact(const std::string& text, const std::string& value, size_t begin) {
  return {FactKind::kAmount,
          Span{begin, begin + text.size()},
          {{"text", Quoted(text)},
           {"value", Quoted(value)},
           {"low", Quoted(value)},
           {"high", Quoted(value)},
           {"currency", "\"USD\""},
           {"qualifier", "\"exact\""},
           {"vague", "false"},
           {"restates", "null"}}};
}

Fact ClaimFact(const std::string& predicate, const std::string& subject, const std::string& object,
               const std::string& status, Span span) {
  return {FactKind::kClaim,
          span,
          {{"predicate", Quoted(predicate)},
           {"subject", Quoted(subject)},
           {"object", Quoted(object)},
           {"amount", "null"},
           {"role", "null"},
           {"status", Quoted(status)},
           {"speaker", "null"},
           {"venue", "null"},
           {"amount_role", "null"},
           {"stage", "null"},
           {"event_date", "null"}}};
}

TEST(GoldenFactsTest, SerializeThenParseGivesTheSameFile) {
  GoldenFile golden;
  golden.article = "deal.txt";
  GoldenRecord record;
  record.record_index = 2;
  record.title = "Acme buys Globex \"at last\" — für $5m";
  record.Of(FactKind::kMention) = {MentionFact("Acme", "ORG", "Acme Corp", 0),
                                   MentionFact("Globex", "ORG", "Globex", 10)};
  record.Of(FactKind::kAmount) = {AmountFact("$5m", "5000000", 30)};
  record.Of(FactKind::kClaim) = {ClaimFact("acquired", "Acme Corp", "Globex", "asserted", {0, 33})};
  golden.records = {record};

  const std::string text = SerializeGolden(golden);
  StatusOr<GoldenFile> parsed = ParseGolden(text, "deal.txt.facts.json");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(*parsed, golden);
  // One fact per line, so a changed fact is a one-line diff.
  EXPECT_NE(
      text.find("\n        {\"text\": \"Acme\", \"type\": \"ORG\", \"entity\": \"Acme Corp\", "
                "\"start\": 0, \"end\": 4},\n"),
      std::string::npos)
      << text;
  EXPECT_EQ(SerializeGolden(*parsed), text);
}

TEST(GoldenFactsTest, ParseSortsFactsAndRecords) {
  const std::string text = R"({"article": "w.jsonl", "records": [
    {"record_index": 1, "title": "B", "mentions": [], "amounts": [], "claims": []},
    {"record_index": 0, "title": "A", "amounts": [], "claims": [], "mentions": [
      {"text": "Globex", "type": "ORG", "entity": "Globex", "start": 10, "end": 16},
      {"end": 4, "start": 0, "entity": "Acme", "type": "ORG", "text": "Acme"}]}]})";
  StatusOr<GoldenFile> parsed = ParseGolden(text, "w.jsonl.facts.json");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->records.size(), 2u);
  EXPECT_EQ(parsed->records[0].title, "A");
  ASSERT_EQ(parsed->records[0].Of(FactKind::kMention).size(), 2u);
  EXPECT_EQ(parsed->records[0].Of(FactKind::kMention)[0].span, (Span{0, 4}));
}

TEST(GoldenFactsTest, MalformedFilesAreRejectedWithTheReason) {
  const std::string kRecordHead =
      R"({"article": "a.txt", "records": [{"record_index": -1, "title": "T", )";
  struct Case {
    std::string text;
    std::string expected;  // part of the error message
  };
  const std::vector<Case> cases = {
      {"{not json", "malformed JSON"},
      {"[]", "top level must be a JSON object"},
      {R"({"records": []})", "\"article\" must be a string"},
      {R"({"article": "a.txt"})", "\"records\" must be an array"},
      {R"({"article": "a.txt", "records": [], "generated": "today"})",
       "unknown field \"generated\""},
      {kRecordHead + R"("mentions": [], "amounts": []}]})", "\"claims\" must be an array"},
      {kRecordHead + R"("mentions": [{"text": "A", "type": "ORG", "start": 0, "end": 1}],
          "amounts": [], "claims": []}]})",
       "records[0].mentions[0]: missing field \"entity\""},
      {kRecordHead + R"("mentions": [{"text": "A", "type": "ORG", "entity": "A", "colour": 1,
          "start": 0, "end": 1}], "amounts": [], "claims": []}]})",
       "unknown field \"colour\""},
      {kRecordHead + R"("mentions": [{"text": "A", "type": "ORG", "entity": "A",
          "start": -1, "end": 1}], "amounts": [], "claims": []}]})",
       "\"start\" must be a byte offset"},
      {kRecordHead + R"("mentions": [{"text": "A", "type": "ORG", "entity": "A",
          "start": 5, "end": 1}], "amounts": [], "claims": []}]})",
       "end is before start"},
      {kRecordHead + R"("mentions": [{"text": ["A"], "type": "ORG", "entity": "A",
          "start": 0, "end": 1}], "amounts": [], "claims": []}]})",
       "field \"text\" must be a string, number, bool or null"},
      {kRecordHead + R"("mentions": [], "amounts": [], "claims": [], "extra": 1}]})",
       "unknown field \"extra\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    StatusOr<GoldenFile> parsed = ParseGolden(c.text, "a.txt.facts.json");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().rfind("a.txt.facts.json: ", 0), 0u)
        << parsed.status().message();
    EXPECT_NE(parsed.status().message().find(c.expected), std::string::npos)
        << parsed.status().message();
  }
}

TEST(GoldenFactsTest, FactKindNamesRoundTrip) {
  for (FactKind kind : kFactKinds) {
    SCOPED_TRACE(FactKindName(kind));
    EXPECT_EQ(FactKindFromPlural(FactKindPlural(kind)), kind);
  }
  EXPECT_EQ(FactKindFromPlural("mention"), std::nullopt);
  EXPECT_EQ(FactKindFromPlural("quotes"), std::nullopt);
}

TEST(FactDiffTest, IdenticalListsHaveNoDiff) {
  const std::vector<Fact> facts = {MentionFact("Acme", "ORG", "Acme", 0),
                                   MentionFact("Acme", "ORG", "Acme", 20)};
  EXPECT_TRUE(DiffFacts(facts, {facts[1], facts[0]}).empty());
}

TEST(FactDiffTest, SortsDifferencesIntoAddedLostAndChanged) {
  const Fact acme = MentionFact("Acme", "ORG", "Acme", 0);
  const Fact globex = MentionFact("Globex", "ORG", "Globex", 10);
  const Fact globex_person = MentionFact("Globex", "PERSON", "Globex", 10);
  const Fact initech = MentionFact("Initech", "ORG", "Initech", 30);

  const FactDiff diff = DiffFacts({acme, globex}, {globex_person, initech});
  ASSERT_EQ(diff.lost.size(), 1u);
  EXPECT_EQ(diff.lost[0], acme);
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0], initech);
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].golden, globex);
  EXPECT_EQ(diff.changed[0].found, globex_person);
  EXPECT_EQ(DescribeChange(diff.changed[0]),
            "mention \"Globex\" [10,16): type \"ORG\" -> \"PERSON\"");
}

TEST(FactDiffTest, ClaimsWithAnotherPredicateAtTheSameSpanAreLostAndAddedNotChanged) {
  const Fact acquired = ClaimFact("acquired", "Acme", "Globex", "asserted", {0, 40});
  const Fact invested = ClaimFact("invested_in", "Acme", "Globex", "asserted", {0, 40});
  const Fact hedged = ClaimFact("acquired", "Acme", "Globex", "hedged", {0, 40});

  const FactDiff other_predicate = DiffFacts({acquired}, {invested});
  EXPECT_EQ(other_predicate.lost.size(), 1u);
  EXPECT_EQ(other_predicate.added.size(), 1u);
  EXPECT_TRUE(other_predicate.changed.empty());

  const FactDiff other_status = DiffFacts({acquired}, {hedged, invested});
  ASSERT_EQ(other_status.changed.size(), 1u);
  EXPECT_EQ(DescribeChange(other_status.changed[0]),
            "claim acquired Acme -> Globex [0,40): status \"asserted\" -> \"hedged\"");
  EXPECT_EQ(other_status.added, std::vector<Fact>{invested});
}

TEST(FactDiffTest, DescribesEachKindOnOneLine) {
  Fact range = AmountFact("$1m-$2m", "", 5);
  range.fields[1].second = "null";
  range.fields[2].second = "\"1000000\"";
  range.fields[3].second = "\"2000000\"";
  range.fields[5].second = "\"range\"";
  Fact claim = ClaimFact("invested_in", "Acme", "Globex", "reported", {0, 50});
  claim.fields[3].second = "\"$5m\"";
  claim.fields[6].second = "\"Jane Roe\"";
  struct Case {
    Fact fact;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {MentionFact("Acme", "ORG", "Acme", 0), "mention ORG \"Acme\" [0,4)"},
      {MentionFact("AWS", "ORG", "Amazon Web Services", 7),
       "mention ORG \"AWS\" (Amazon Web Services) [7,10)"},
      {AmountFact("$5m", "5000000", 12), "amount \"$5m\" = 5000000 USD [12,15)"},
      {range, "amount \"$1m-$2m\" = [1000000, 2000000) USD, range [5,12)"},
      {claim,
       "claim invested_in Acme -> Globex, amount \"$5m\", reported, speaker Jane Roe [0,50)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(DescribeFact(c.fact), c.expected);
  }
}

TEST(MatchCountsTest, PrecisionRecallAndF1Arithmetic) {
  struct Case {
    MatchCounts counts;
    std::optional<double> precision, recall, f1;
  };
  const std::vector<Case> cases = {
      {{10, 8, 6}, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35},
      {{4, 4, 4}, 1.0, 1.0, 1.0},
      {{3, 2, 0}, 0.0, 0.0, 0.0},
      {{0, 2, 0}, 0.0, std::nullopt, std::nullopt},
      {{2, 0, 0}, std::nullopt, 0.0, std::nullopt},
      {{0, 0, 0}, std::nullopt, std::nullopt, std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(c.counts.gold) + " gold, " + std::to_string(c.counts.found) +
                 " found, " + std::to_string(c.counts.matched) + " matched");
    ASSERT_EQ(c.counts.Precision().has_value(), c.precision.has_value());
    ASSERT_EQ(c.counts.Recall().has_value(), c.recall.has_value());
    ASSERT_EQ(c.counts.F1().has_value(), c.f1.has_value());
    if (c.precision) {
      EXPECT_DOUBLE_EQ(*c.counts.Precision(), *c.precision);
    }
    if (c.recall) {
      EXPECT_DOUBLE_EQ(*c.counts.Recall(), *c.recall);
    }
    if (c.f1) {
      EXPECT_DOUBLE_EQ(*c.counts.F1(), *c.f1);
    }
  }
  MatchCounts sum{1, 2, 1};
  sum += MatchCounts{3, 4, 2};
  EXPECT_EQ(sum, (MatchCounts{4, 6, 3}));
}

TEST(MatchCountsTest, StrictNeedsTheSameSpanLenientAnOverlappingOne) {
  const std::vector<Fact> golden = {
      MentionFact("Splunk Inc.", "ORG", "Splunk", 0),     // found as "Splunk": lenient only
      MentionFact("Cisco", "ORG", "Cisco", 20),           // found exactly
      MentionFact("Jane Roe", "PERSON", "Jane Roe", 40),  // found with another type: no match
      MentionFact("Acme", "ORG", "Acme", 60),             // not found
  };
  const std::vector<Fact> found = {
      MentionFact("Splunk", "ORG", "Splunk", 0), MentionFact("Cisco", "ORG", "Cisco", 20),
      MentionFact("Jane Roe", "ORG", "Jane Roe", 40),
      MentionFact("Cisco", "ORG", "Cisco", 22),  // overlaps the matched Cisco: one-to-one, no match
  };
  EXPECT_EQ(CountMatches(golden, found, SpanMatch::kStrict), (MatchCounts{4, 4, 1}));
  EXPECT_EQ(CountMatches(golden, found, SpanMatch::kLenient), (MatchCounts{4, 4, 2}));
}

TEST(MatchCountsTest, KeysIgnoreNonKeyFields) {
  // A claim whose speaker changed still counts; one whose status changed does not.
  const Fact golden = ClaimFact("acquired", "Acme", "Globex", "asserted", {0, 40});
  Fact other_speaker = golden;
  other_speaker.fields[6].second = "\"Jane Roe\"";
  const Fact other_status = ClaimFact("acquired", "Acme", "Globex", "hedged", {0, 40});
  EXPECT_EQ(CountMatches({golden}, {other_speaker}, SpanMatch::kStrict).matched, 1u);
  EXPECT_EQ(CountMatches({golden}, {other_status}, SpanMatch::kLenient).matched, 0u);
}

}  // namespace
}  // namespace newsfacts
