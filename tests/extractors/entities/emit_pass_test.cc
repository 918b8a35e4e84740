// Entity pass 7 alone: the overlap policy, mention spans and entities from hand-placed
// candidates.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class EmitPassTest : public PassTest {
 protected:
  // "text|TYPE|key|rule" of every mention of doc_.
  std::vector<std::string> Mentions() const {
    std::vector<std::string> out;
    for (const Mention& mention : doc_.mentions()) {
      out.push_back(std::string(doc_.Text(mention.span)) + "|" +
                    std::string(EntityTypeName(mention.type)) + "|" +
                    doc_.entities()[mention.entity].key + "|" + mention.rule.str());
    }
    return out;
  }
};

TEST_F(EmitPassTest, LongestThenPriorityThenRuleOrder) {
  WordView view = ViewOf("Tarrow Savings Bank grew and Kestrel rose.");
  AddTyped(view, "Tarrow Savings", EntityType::kPerson, 90, "short");
  AddTyped(view, "Tarrow Savings Bank", EntityType::kOrg, 10, "long");
  AddTyped(view, "Kestrel", EntityType::kPerson, 40, "weak");
  AddTyped(view, "Kestrel", EntityType::kOrg, 60, "strong");
  AddCandidate(view, "rose");  // untyped: never a mention
  EmitMentions(Rules(), view, doc_);
  EXPECT_EQ(Mentions(),
            (std::vector<std::string>{"Tarrow Savings Bank|ORG|tarrow-savings-bank|long",
                                      "Kestrel|ORG|kestrel|strong"}));
}

TEST_F(EmitPassTest, SentenceFinalDesignatorPeriodIsLeftOut) {
  WordView view = ViewOf("They agreed to buy Dunmore Plastics Corp.");
  Candidate& c = AddTyped(view, "Dunmore Plastics Corp.", EntityType::kOrg, 90, "org.designator");
  c.name_end = c.begin + 2;  // "Dunmore Plastics", then the designator
  EmitMentions(Rules(), view, doc_);
  EXPECT_EQ(
      Mentions(),
      (std::vector<std::string>{"Dunmore Plastics Corp|ORG|dunmore-plastics|org.designator"}));
  EXPECT_EQ(doc_.entities()[0].name, "Dunmore Plastics");
}

TEST_F(EmitPassTest, LinkedShortFormSharesItsLongFormsEntity) {
  WordView view = ViewOf("Harlow Freight Systems grew. HFS hired.");
  AddTyped(view, "Harlow Freight Systems", EntityType::kOrg, 80, "org.name_word");
  AddTyped(view, "HFS", EntityType::kOrg, 80, "propagate.short_form").link = 0;
  EmitMentions(Rules(), view, doc_);
  ASSERT_EQ(doc_.entities().size(), 1u);
  EXPECT_EQ(doc_.entities()[0].key, "harlow-freight-systems");
  EXPECT_EQ(doc_.entities()[0].aliases, (std::vector<std::string>{"HFS"}));
}

}  // namespace
}  // namespace newsfacts
