// Names typed by the claim slot they fill (issue 12), end to end through the standard
// pipeline: unknown buyers and targets become organizations with the claim's rule as
// provenance, and the guards keep places, described assets, funding rounds and list tails
// untyped. The names are invented, so no gazetteer knows them.
#include "extractors/claims/name_candidate_typing.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/standard_pipeline.h"
#include "tests/extractors/claims/claim_test_util.h"
#include "tests/sample_files.h"

namespace newsfacts {
namespace {

const StatusOr<StandardPipeline>& Standard() {
  static const StatusOr<StandardPipeline>* const pipeline =
      new StatusOr<StandardPipeline>(LoadStandardPipeline({}));
  return *pipeline;
}

Document Extract(const std::string& text) {
  const StatusOr<StandardPipeline>* const pipeline = &Standard();
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

// The claim stage's rules as TypeNameCandidates reads them: the claim rules, then the attribution
// rules, in one prefilter.
struct TypingRules {
  TypingRules() {
    RulePrefilterBuilder builder;
    rules = claim_testing::BuiltinClaimRules(&builder);
    StatusOr<RuleSources> sources = RuleSources::Builtin();
    EXPECT_TRUE(sources.ok());
    StatusOr<MacroTable> macros = LoadClaimMacros(*sources);
    EXPECT_TRUE(macros.ok());
    StatusOr<std::unique_ptr<ClaimCues>> loaded = ClaimCues::Create(*sources, *macros, &builder);
    EXPECT_TRUE(loaded.ok());
    cues = std::move(*loaded);
    StatusOr<std::unique_ptr<RulePrefilter>> built = builder.Build();
    EXPECT_TRUE(built.ok());
    prefilter = std::move(*built);
    licensed = LicensedGroupsByRule(rules, *cues);
    licensed_prefilter = LicensedRulePrefilter(*prefilter, licensed);
  }

  // True when a licensed rule the prefilter lets through may match `view` (as the typing runs
  // them: with enough entity placeholders).
  bool MayMatch(const AbstractSentence& view) const {
    const size_t entities = static_cast<size_t>(
        std::count_if(view.slots().begin(), view.slots().end(),
                      [](const auto& slot) { return slot.kind != AbstractSlot::Kind::kAmount; }));
    for (const int index : prefilter->Candidates(view.text())) {
      if (static_cast<size_t>(index) >= rules.size()) break;
      if (!licensed[index].empty() && entities >= rules[index].min_mentions) return true;
    }
    return false;
  }

  std::vector<ClaimRule> rules;
  std::unique_ptr<ClaimCues> cues;
  std::unique_ptr<RulePrefilter> prefilter;
  std::vector<LicensedGroups> licensed;
  std::unique_ptr<RulePrefilter> licensed_prefilter;
};

// `text` through every standard stage before the claim stage.
Document BeforeClaims(const std::string& text) {
  Document doc = Document::FromRaw(ArticleMeta{.path = "test.txt"}, text);
  EXPECT_TRUE(Standard().ok());
  if (!Standard().ok()) return doc;
  for (const auto& stage : Standard()->pipeline.stages()) {
    if (stage->name() == "claims") break;
    EXPECT_TRUE(stage->Process(doc).ok());
  }
  return doc;
}

// SentencesToView for `doc`, and, per sentence, whether its view with candidates exists and a
// licensed rule may match it.
struct Wanted {
  std::vector<bool> wanted;
  std::vector<bool> may_match;
};
Wanted WantedViews(const TypingRules& typing, const Document& doc) {
  const std::vector<AbstractSentence> plain = AbstractSentence::BuildAll(doc);
  SentenceRules plain_rules(*typing.prefilter, typing.rules.size(), plain);
  Wanted out{SentencesToView(typing.rules, *typing.licensed_prefilter, typing.licensed, plain,
                             plain_rules, doc),
             std::vector<bool>(doc.sentences().size(), false)};
  const std::vector<bool> every(doc.sentences().size(), true);
  for (const AbstractSentence& view : AbstractSentence::BuildWithNameCandidates(doc, every)) {
    out.may_match[view.sentence()] = typing.MayMatch(view);
  }
  return out;
}

TEST(NameCandidateTypingTest, ViewsAreBuiltWhereALicensedRuleMayMatch) {
  const TypingRules typing;
  const Document doc = BeforeClaims(
      "Korvex acquired Brantel to widen its range. Korvex declined to comment. Brantel, which "
      "Quorra had backed, sold its Ostrava unit to Vantix for $5 million.");
  ASSERT_EQ(doc.sentences().size(), 3u);
  ASSERT_FALSE(doc.name_candidates().empty());
  const Wanted found = WantedViews(typing, doc);
  EXPECT_EQ(found.wanted, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(found.may_match, (std::vector<bool>{true, false, true}));
}

// A candidate that overlaps a mention makes a view that is no copy of the view without
// candidates: here it frees "acquired", which the mention hid, so only the view tells.
TEST(NameCandidateTypingTest, AViewACandidateReshapesIsBuilt) {
  const TypingRules typing;
  Document doc =
      claim_testing::AnnotatedDocument("Big Korvex acquired Brantel. Big Korvex acquired Brantel.",
                                       {{"Korvex acquired", "ORG"}, {"Brantel", "ORG"}});
  ASSERT_EQ(doc.sentences().size(), 2u);
  doc.mutable_name_candidates().push_back({{0, 10}, {0, 10}, 0});
  doc.mutable_name_candidates().push_back({{29, 32}, {29, 32}, 1});  // "Big": overlaps none
  const Wanted found = WantedViews(typing, doc);
  EXPECT_EQ(found.may_match, (std::vector<bool>{true, false}));
  EXPECT_EQ(found.wanted, (std::vector<bool>{true, false}));
}

// Wherever a licensed rule may match a view with candidates, the view is built: over every
// sample article, read as plain text.
TEST(NameCandidateTypingTest, NoViewALicensedRuleMayMatchIsLeftOut) {
  const TypingRules typing;
  size_t may_match = 0;
  size_t with_candidates = 0;
  size_t wanted = 0;
  testing::ForEachSourceFile("corpus/samples", [&](const std::string& bytes) {
    const Document doc = BeforeClaims(bytes);
    const Wanted found = WantedViews(typing, doc);
    std::vector<bool> holds_candidate(doc.sentences().size(), false);
    for (const NameCandidate& candidate : doc.name_candidates()) {
      if (candidate.sentence < holds_candidate.size()) holds_candidate[candidate.sentence] = true;
    }
    for (size_t s = 0; s < doc.sentences().size(); ++s) {
      if (found.may_match[s]) {
        EXPECT_TRUE(found.wanted[s]) << doc.Text(doc.sentences()[s].span);
      }
      may_match += found.may_match[s] ? 1 : 0;
      with_candidates += holds_candidate[s] ? 1 : 0;
      wanted += found.wanted[s] ? 1 : 0;
    }
  });
  EXPECT_GT(may_match, 20u);
  EXPECT_LT(wanted, with_candidates / 2);  // most sentences with a candidate need no view
}

}  // namespace
}  // namespace newsfacts
