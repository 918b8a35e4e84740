// Names typed by the claim slot they fill (issue 12), end to end through the standard
// pipeline: unknown buyers and targets become organizations with the claim's rule as
// provenance, and the guards keep places, described assets, funding rounds and list tails
// untyped. The names are invented, so no gazetteer knows them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/standard_pipeline.h"

namespace newsfacts {
namespace {

Document Extract(const std::string& text) {
  static const StatusOr<StandardPipeline>* const pipeline =
      new StatusOr<StandardPipeline>(LoadStandardPipeline({}));
  EXPECT_TRUE(pipeline->ok());
  Document doc = Document::FromRaw(ArticleMeta{.path = "test.txt"}, text);
  if (pipeline->ok()) {
    EXPECT_TRUE((*pipeline)->pipeline.Run(doc).ok());
  }
  return doc;
}

// "text rule" for every mention.
std::vector<std::string> Mentions(const Document& doc) {
  std::vector<std::string> out;
  for (const Mention& m : doc.mentions())
    out.push_back(std::string(doc.Text(m.span)) + " " + m.rule.str());
  return out;
}

// "predicate subject -> object" for every claim ("-" for a side with no entity).
std::vector<std::string> Claims(const Document& doc) {
  std::vector<std::string> out;
  for (const Claim& c : doc.claims()) {
    auto name = [&](const std::optional<size_t>& e) {
      return e ? doc.entities()[*e].name : std::string("-");
    };
    out.push_back(c.predicate + " " + name(c.subject) + " -> " + name(c.object));
  }
  return out;
}

TEST(NameCandidateTypingTest, TheClaimSlotTypesAnUnknownBuyer) {
  const Document doc =
      Extract("Korvex acquired Brantel to widen its range. Korvex declined to comment.");
  EXPECT_EQ(Claims(doc), (std::vector<std::string>{"acquired Korvex -> Brantel"}));
  EXPECT_EQ(Mentions(doc), (std::vector<std::string>{"Korvex claim:acquired.active",
                                                     "Brantel org.acquisition_object",
                                                     "Korvex propagate.same_name"}));
  ASSERT_FALSE(doc.entities().empty());
  EXPECT_EQ(doc.entities()[doc.mentions()[0].entity].key, "korvex");
  EXPECT_EQ(doc.entities()[doc.mentions()[0].entity].type, EntityType::kOrg);
}

TEST(NameCandidateTypingTest, PassiveAndFundingSlotsTypeTheirNames) {
  EXPECT_EQ(Claims(Extract("Our customer Quorra recently agreed to be acquired by Vantix.")),
            (std::vector<std::string>{"acquired Vantix -> Quorra"}));
  EXPECT_EQ(Claims(Extract("USEC sold NAC to a unit of a Japanese group for $42 million.")),
            (std::vector<std::string>{"sold USEC -> NAC"}));
}

// A wire headline in capitals, or a headline all in lowercase: its verbs and deal words end
// the names whatever their case, and the claim slots type the names between them.
TEST(NameCandidateTypingTest, AllCapsHeadlinesTypeTheirParties) {
  EXPECT_EQ(Claims(Extract("KORVEX ACQUIRES BRANTEL, A MAKER OF FARM DRONES\n\nThe deal closed "
                           "on Monday.")),
            (std::vector<std::string>{"acquired KORVEX -> BRANTEL"}));
  EXPECT_EQ(Claims(Extract("IBM TO BUY TALLOWAY FOR $160 MLN\n\nThe price was in cash.")),
            (std::vector<std::string>{"acquired IBM -> TALLOWAY"}));
  const Document raised = Extract(
      "QUILLARA RAISES $20 MLN IN SERIES B ROUND\n\nInvestors "
      "were pleased.");
  EXPECT_EQ(Claims(raised), (std::vector<std::string>{"raised QUILLARA -> -"}));
  EXPECT_EQ(Mentions(raised), (std::vector<std::string>{"QUILLARA org.funding_recipient"}));
  // A designator name keeps its own span; the run before it stops at the deal verb.
  EXPECT_EQ(Claims(Extract("QUELLMARK CORP TO ACQUIRE STRAVEN SOFTWARE INC\n\nThe deal is "
                           "friendly.")),
            (std::vector<std::string>{"acquired QUELLMARK -> STRAVEN SOFTWARE"}));
  EXPECT_EQ(Claims(Extract("tallyhop buys brindle, a community for independent musicians")),
            (std::vector<std::string>{"acquired tallyhop -> brindle"}));
  EXPECT_EQ(Claims(Extract("ibm to buy talloway for $160 mln\n\nThe price was in cash.")),
            (std::vector<std::string>{"acquired IBM -> talloway"}));
}

TEST(NameCandidateTypingTest, RelationsThatDoNotLicenseTypingLeaveNamesUntyped) {
  const Document doc = Extract("Pellwick competes with Dorrance in most markets.");
  EXPECT_TRUE(Mentions(doc).empty());
  EXPECT_TRUE(Claims(doc).empty());
}

TEST(NameCandidateTypingTest, ADescribedAssetKeepsItsModifierUntyped) {
  const Document doc = Extract(
      "Dunmore Foods Inc said it agreed to sell its Hawaiian dairy operations to Corbel Inc.");
  for (const std::string& mention : Mentions(doc))
    EXPECT_EQ(mention.find("Hawaiian"), std::string::npos);
  EXPECT_EQ(Claims(doc),
            (std::vector<std::string>{"sold Dunmore Foods -> -", "acquired Corbel -> -"}));
}

TEST(NameCandidateTypingTest, APlaceBeforeItsRegionIsNoParty) {
  EXPECT_EQ(
      Claims(Extract("Dunmore Foods Inc sold its Tarrow flour mill to Harrowgate last year.")),
      (std::vector<std::string>{"sold Dunmore Foods -> -", "acquired Harrowgate -> -"}));
  EXPECT_EQ(
      Claims(Extract(
          "Dunmore Foods Inc sold its Tarrow flour mill to Harrowgate, California, last year.")),
      (std::vector<std::string>{"sold Dunmore Foods -> -"}));
}

TEST(NameCandidateTypingTest, ARuleWhoseClaimIsDroppedTypesNothing) {
  // "its mill" is no described object, so the rule that read Harrowgate as buyer made no claim.
  const Document doc = Extract("Dunmore Foods Inc sold its mill to Harrowgate last year.");
  EXPECT_TRUE(Claims(doc).empty());
  EXPECT_EQ(Mentions(doc), (std::vector<std::string>{"Dunmore Foods Inc org.designator"}));
  EXPECT_EQ(doc.entities().size(), 1u);
}

TEST(NameCandidateTypingTest, AListMemberAfterACommaStaysUntyped) {
  const Document doc = Extract("Corbel Inc agreed to acquire Tamsin, Wexley for cash.");
  for (const std::string& mention : Mentions(doc)) {
    EXPECT_EQ(mention.find("Wexley"), std::string::npos) << mention;
  }
}

TEST(NameCandidateTypingTest, AShortFormInParenthesesIsNoNewParty) {
  EXPECT_EQ(Claims(Extract("Tarrow Fields Ltd. (TFX) said it rejected a takeover bid by Harlow "
                           "Mining Co. on Monday.")),
            (std::vector<std::string>{"acquired Harlow Mining -> Tarrow Fields"}));
}

TEST(NameCandidateTypingTest, APlaceBeforeTheTargetIsWhereItIsFrom) {
  EXPECT_EQ(Claims(Extract("Brindle buys US Quorvane, shares surge")),
            (std::vector<std::string>{"acquired Brindle -> Quorvane"}));
}

TEST(NameCandidateTypingTest, TheSourceOfAReportIsNoBuyer) {
  EXPECT_EQ(
      Claims(Extract(
          "An era ends when Korvex sells off its printer business, according to Tallmark Daily.")),
      (std::vector<std::string>{"sold Korvex -> -"}));
}

TEST(NameCandidateTypingTest, AFundingRoundIsNoName) {
  const Document doc = Extract("The round, a Series E, valued Quillara at $6 billion.");
  for (const std::string& mention : Mentions(doc)) {
    EXPECT_EQ(mention.find("Series"), std::string::npos) << mention;
  }
}

}  // namespace
}  // namespace newsfacts
