// Tests for the claims stage on hand-annotated documents: predicates and direction, status
// scoping, attribution, quotes, coordination, overlap resolution and the explain report.
#include "extractors/claims/claim_stage.h"

#include <gtest/gtest.h>

#include "extractors/standard_pipeline.h"
#include "tests/extractors/claims/claim_test_util.h"

namespace newsfacts {
namespace {

using claim_testing::AnnotatedDocument;
using claim_testing::Mark;

const ClaimStage& Stage() {
  static const std::unique_ptr<ClaimStage> stage = [] {
    StatusOr<RuleSources> rules = RuleSources::Builtin();
    EXPECT_TRUE(rules.ok()) << rules.status().message();
    StatusOr<std::unique_ptr<ClaimStage>> created = ClaimStage::Create(*rules);
    EXPECT_TRUE(created.ok()) << created.status().message();
    return std::move(*created);
  }();
  return *stage;
}

Document Extract(const std::string& text, const std::vector<Mark>& marks) {
  Document doc = AnnotatedDocument(text, marks);
  EXPECT_TRUE(Stage().Process(doc).ok());
  return doc;
}

// "predicate(subject -> object, amount) status" for every claim, in order.
std::vector<std::string> Summaries(const Document& doc) {
  std::vector<std::string> out;
  for (const Claim& c : doc.claims()) {
    std::string s = c.predicate + "(" + doc.entities()[*c.subject].name;
    if (c.object) {
      s += " -> " + doc.entities()[*c.object].name;
    } else if (!c.object_span.empty()) {
      s += " -> \"" + std::string(doc.Text(c.object_span)) + "\"";
    }
    if (c.amount) s += ", " + std::string(doc.Text(doc.amounts()[*c.amount].span));
    if (!c.role.empty()) s += ", " + c.role;
    s += ") " + std::string(ClaimStatusName(c.status));
    out.push_back(s);
  }
  return out;
}

const std::vector<Mark> kMarks = {
    {"Amazon Web Services", "ORG"},
    {"Amazon", "ORG"},
    {"AWS", "ORG"},
    {"Anthropic", "ORG"},
    {"OpenAI", "ORG"},
    {"Microsoft", "ORG"},
    {"Cisco", "ORG"},
    {"Splunk", "ORG"},
    {"Google", "ORG"},
    {"Netflix", "ORG"},
    {"TechCrunch", "ORG"},
    {"Bloomberg", "ORG"},
    {"Matt Garman", "PERSON"},
    {"Garman", "PERSON"},
    {"Claude", "PRODUCT"},
    {"Trainium", "PRODUCT"},
    {"$4 billion", "MONEY"},
    {"$13 billion", "MONEY"},
    {"$28 billion", "MONEY"},
    {"billions", "MONEY"},
    {"25 mln dlrs", "MONEY"},
};

TEST(ClaimStageTest, PredicatesDirectionAndAmounts) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"Cisco acquired Splunk for $28 billion.",
       {"acquired(Cisco -> Splunk, $28 billion) asserted"}},
      {"Splunk was acquired by Cisco for $28 billion.",
       {"acquired(Cisco -> Splunk, $28 billion) asserted"}},
      {"Cisco said it agreed to acquire Splunk for 25 mln dlrs.",
       {"acquired(Cisco -> Splunk, 25 mln dlrs) planned"}},
      {"Microsoft faced scrutiny for its $13 billion investment in OpenAI.",
       {"invested_in(Microsoft -> OpenAI, $13 billion) asserted"}},
      {"Amazon has invested $4 billion in Anthropic.",
       {"invested_in(Amazon -> Anthropic, $4 billion) asserted"}},
      {"Netflix runs on AWS infrastructure.", {"uses(Netflix -> AWS, infrastructure) asserted"}},
      {"Amazon Web Services CEO Matt Garman spoke.",
       {"holds_role(Matt Garman -> Amazon Web Services, CEO) asserted"}},
      {"Anthropic's Claude models are popular.", {"develops(Anthropic -> Claude) asserted"}},
      {"Cisco competes with Google in security.", {"competes_with(Cisco -> Google) asserted"}},
      {"Nothing relates Cisco to Google here.", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Summaries(Extract(c.text, kMarks)), c.expected);
  }
}

TEST(ClaimStageTest, DescribedObjectsAnaphoricSubjectsAndAmountsOfTheNextSentence) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"Cisco said it sold its paper mill to Google.",
       {"sold(Cisco -> \"paper mill\") reported", "acquired(Google -> \"paper mill\") reported"}},
      {"Cisco agreed to buy the unit.", {}},
      // A lone noun after a named owner's possessive is described with its owner (issue 12).
      {"Cisco agreed to buy Google's pipelines.",
       {"acquired(Cisco -> \"Google's pipelines\") planned",
        "sold(Google -> \"Google's pipelines\") planned"}},
      {"Cisco agreed to buy Google's cheese division.",
       {"acquired(Cisco -> \"cheese division\") planned",
        "sold(Google -> \"cheese division\") planned"}},
      {"Cisco agreed to buy its pipelines.", {}},
      // A described company that ends the phrase is the target; a name before its descriptor
      // is what it makes, not the target.
      {"Cisco agreed to buy a Finnish security software maker.",
       {"acquired(Cisco -> \"Finnish security software maker\") planned"}},
      {"Cisco agreed to buy Google search rival Netflix.", {"acquired(Cisco -> Netflix) planned"}},
      {"Cisco posted a loss. The company said it will sell its two bottling plants.",
       {"sold(Cisco -> \"two bottling plants\") planned"}},
      {"Cisco agreed to buy Splunk. The price was 25 mln dlrs.",
       {"acquired(Cisco -> Splunk, 25 mln dlrs) planned"}},
      {"Cisco agreed to buy Splunk. Revenue was 25 mln dlrs.",
       {"acquired(Cisco -> Splunk) planned"}},
      {"Cisco agreed to buy Splunk. Netflix rose. The price was 25 mln dlrs.",
       {"acquired(Cisco -> Splunk, 25 mln dlrs) planned"}},
      {"Cisco agreed to buy Splunk. Netflix rose. Google fell. The price was 25 mln dlrs.",
       {"acquired(Cisco -> Splunk) planned"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Summaries(Extract(c.text, kMarks)), c.expected);
  }
}

TEST(ClaimStageTest, CoordinationYieldsOneClaimPerConjunct) {
  Document doc = Extract(
      "Amazon Web Services CEO Matt Garman is defending the strategy of pouring billions into "
      "both Anthropic and OpenAI.",
      kMarks);
  const std::vector<std::string> summaries = Summaries(doc);
  for (const std::string expected :
       {"invested_in(Amazon Web Services -> Anthropic, billions) asserted",
        "invested_in(Amazon Web Services -> OpenAI, billions) asserted"}) {
    EXPECT_NE(std::find(summaries.begin(), summaries.end(), expected), summaries.end()) << expected;
  }
}

TEST(ClaimStageTest, StatusIsScopedToTheClauseOfTheClaim) {
  struct Case {
    std::string text;
    ClaimStatus expected;
  };
  const Case cases[] = {
      {"Cisco acquired Splunk.", ClaimStatus::kAsserted},
      {"Cisco did not acquire Splunk.", ClaimStatus::kNegated},
      {"Cisco never acquired Splunk.", ClaimStatus::kNegated},
      {"Cisco denied it would acquire Splunk.", ClaimStatus::kNegated},
      {"Cisco reportedly acquired Splunk.", ClaimStatus::kHedged},
      {"Cisco is in talks to acquire Splunk.", ClaimStatus::kHedged},
      {"Cisco may acquire Splunk.", ClaimStatus::kHedged},
      {"In May, Cisco acquired Splunk.", ClaimStatus::kAsserted},
      {"Cisco plans to acquire Splunk.", ClaimStatus::kPlanned},
      {"Cisco will acquire Splunk.", ClaimStatus::kPlanned},
      {"Cisco agreed to acquire Splunk.", ClaimStatus::kPlanned},
      {"Did Cisco acquire Splunk?", ClaimStatus::kQuestion},
      {"Does Anthropic get early use of AWS's latest Trainium chips?", ClaimStatus::kQuestion},
      {"If Cisco acquires Splunk, prices will rise.", ClaimStatus::kConditional},
      {"If Anthropic's Claude models fall behind, does AWS shift resources?",
       ClaimStatus::kConditional},
      {"Cisco acquired Splunk, the company said.", ClaimStatus::kReported},
      {"Cisco acquired Splunk, according to Bloomberg.", ClaimStatus::kReported},
      // Cues in another clause do not reach the claim.
      {"Google did not comment; Cisco acquired Splunk.", ClaimStatus::kAsserted},
      {"Google might object, but Cisco acquired Splunk.", ClaimStatus::kAsserted},
      {"Cisco acquired Splunk - would Google object?", ClaimStatus::kAsserted},
      {"Cisco acquired Splunk while Google may never recover.", ClaimStatus::kAsserted},
      // ", and <lowercase word>" opens a new clause: a later hedge stays there.
      {"Cisco acquired Splunk, and in June it reportedly courted Google.", ClaimStatus::kAsserted},
      // Appositive facts keep their own status whatever the main verb says.
      {"Matt Garman, Amazon Web Services's CEO, said prices may fall.", ClaimStatus::kAsserted},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = Extract(c.text, kMarks);
    ASSERT_FALSE(doc.claims().empty());
    EXPECT_EQ(ClaimStatusName(doc.claims()[0].status), ClaimStatusName(c.expected));
  }
}

TEST(ClaimStageTest, AttributionGivesSpeakerAndVenue) {
  struct Case {
    std::string text;
    std::string speaker;
    std::string venue;
  };
  const Case cases[] = {
      {"Garman told TechCrunch that Amazon invested billions in Anthropic.", "Garman",
       "TechCrunch"},
      {"Amazon invested billions in Anthropic, according to Bloomberg.", "", "Bloomberg"},
      {"Amazon invested billions in Anthropic, people familiar with the matter said.",
       "people familiar with the matter", ""},
      // A statement is how something was said, not an outlet.
      {"Cisco said in a statement that it acquired Splunk.", "Cisco", ""},
      {"Cisco acquired Splunk, Bloomberg reported.", "Bloomberg", "Bloomberg"},
      {"Cisco paid $28 billion for Splunk, according to an analysis of filings by Bloomberg.", "",
       "Bloomberg"},
      {"Bloomberg's estimate puts Cisco's purchase of Splunk at $28 billion.", "", "Bloomberg"},
      // A product named after "said" is not a speaker.
      {"Amazon invested billions in Anthropic, said Claude.", "", ""},
      {"In an interview with TechCrunch, Garman argues that Amazon invested billions in Anthropic.",
       "Garman", "TechCrunch"},
      {"Amazon invested billions in Anthropic.", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = Extract(c.text, kMarks);
    ASSERT_FALSE(doc.claims().empty());
    EXPECT_EQ(doc.claims()[0].speaker, c.speaker);
    EXPECT_EQ(doc.claims()[0].venue, c.venue);
    const bool attributed = !c.speaker.empty() || !c.venue.empty();
    if (doc.claims()[0].status != ClaimStatus::kHedged) {
      EXPECT_EQ(doc.claims()[0].status == ClaimStatus::kReported, attributed);
    }
  }
}

TEST(ClaimStageTest, QuotesCarryTheirSpeaker) {
  struct Case {
    std::string text;
    std::vector<std::pair<std::string, std::string>> expected;  // quote text, speaker
  };
  const Case cases[] = {
      {"\"We have a culture of handling coopetition,\" Garman told TechCrunch.",
       {{"We have a culture of handling coopetition", "Garman"}}},
      {"“Curly quotes work the same way,” said Matt Garman.",
       {{"Curly quotes work the same way", "Matt Garman"}}},
      {"He calls it \"coopetition\" and moves on.", {}},
      {"Garman said: \"We build for everyone. We partner widely.\"",
       {{"We build for everyone. We partner widely.", "Garman"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = Extract(c.text, kMarks);
    std::vector<std::pair<std::string, std::string>> got;
    for (const Quote& q : doc.quotes()) got.emplace_back(std::string(doc.Text(q.span)), q.speaker);
    EXPECT_EQ(got, c.expected);
  }
}

// Former bug: a straight quote closing a quote from the previous paragraph opens a "quote"
// whose first byte is the space between two sentences; it got sentence index
// sentences.size() and the store refused the whole article.
TEST(ClaimStageTest, QuoteOpeningBetweenSentencesBelongsToTheNextSentence) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok());
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(*rules);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  Document doc = Document::FromRaw(
      {},
      "\"The first paragraph opens a quote.\n\n"
      "It asks 'Can I choose?'.\" Matt Garman said users might be \"tricked into it\".");
  ASSERT_TRUE(pipeline->Run(doc).ok());
  ASSERT_FALSE(doc.quotes().empty());
  for (const Quote& quote : doc.quotes()) {
    ASSERT_LT(quote.sentence, doc.sentences().size()) << doc.Text(quote.span);
  }
}

TEST(ClaimStageTest, EvidenceSpansSliceTheSentence) {
  const std::string text = "Intro line.\nCisco  acquired Splunk for $28 billion, it said.";
  Document doc = Extract(text, kMarks);
  ASSERT_EQ(doc.claims().size(), 1u);
  const Claim& claim = doc.claims()[0];
  EXPECT_EQ(claim.sentence, 1u);
  EXPECT_EQ(doc.Text(claim.subject_span), "Cisco");
  EXPECT_EQ(doc.Text(claim.object_span), "Splunk");
  EXPECT_EQ(doc.Text(claim.span), "Cisco  acquired Splunk for $28 billion");
  EXPECT_TRUE(doc.sentences()[1].span.Contains(claim.span));
  EXPECT_EQ(claim.rule, "acquired.active");
}

TEST(ClaimStageTest, ExplainListsSentencesWithEntitiesAndMoneyButNoClaim) {
  Document doc = Extract(
      "Cisco and Splunk shares moved after $28 billion changed hands. Cisco acquired Splunk for "
      "$28 billion. Cisco rose.",
      kMarks);
  std::vector<UnexplainedSentence> missed = ClaimStage::Explain(doc);
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].sentence, 0u);
  EXPECT_EQ(missed[0].abstracted,
            "⟨ORG:1⟩ and ⟨ORG:2⟩ shares moved after ⟨MONEY:1⟩ changed hands.");
  EXPECT_EQ(ClaimStage::CountUnexplainedSentences(doc), 1u);
}

TEST(ClaimStageTest, AMentionNamingNoEntityIsAnInternalError) {
  Document doc = AnnotatedDocument("Cisco acquired Splunk.", kMarks);
  doc.mutable_mentions()[0].entity = 99;
  EXPECT_EQ(Stage().Process(doc).code(), StatusCode::kInternal);
}

TEST(ClaimStageTest, CreateNamesFileAndRuleOfABrokenRule) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok());
  ASSERT_TRUE(rules
                  ->Add("user/claims_extra.json",
                        R"json({"kind": "claims", "rules": [
                  {"id": "fine.one", "predicate": "acquired", "pattern": "{ORG:subject} buys {ORG:object}"},
                  {"id": "bad.one", "predicate": "acquired",
                   "pattern": "{ORG:subject} (bought {ORG:object}"}]})json")
                  .ok());
  StatusOr<std::unique_ptr<ClaimStage>> stage = ClaimStage::Create(*rules);
  ASSERT_FALSE(stage.ok());
  EXPECT_NE(stage.status().message().find("user/claims_extra.json:3: rule bad.one"),
            std::string::npos)
      << stage.status().message();
}

}  // namespace
}  // namespace newsfacts
