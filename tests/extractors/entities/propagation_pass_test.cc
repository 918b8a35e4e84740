// Entity pass 6 alone: in-document propagation over candidates placed by hand.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class PropagationPassTest : public PassTest {};

TEST_F(PropagationPassTest, SurnameTakesThePersonType) {
  WordView view = ViewOf("Chuck Robbins spoke. Robbins announced a deal.");
  AddTyped(view, "Chuck Robbins", EntityType::kPerson, 85, "person.title");
  AddTyped(view, "Robbins", EntityType::kOrg, 50, "org.verb");
  PropagateNames(Rules(), view);
  EXPECT_EQ(Describe(view), (std::vector<std::string>{"Chuck Robbins|PERSON|person.title",
                                                      "Robbins|PERSON|propagate.surname"}));
  EXPECT_EQ(view.candidates[1].link, std::optional<size_t>(0));
}

TEST_F(PropagationPassTest, UntypedRunAdoptsTheSameName) {
  WordView view = ViewOf("Shares of Somerset rose. Somerset hired staff.");
  AddTyped(view, "Somerset", EntityType::kOrg, 65, "org.shares_of");
  Candidate& untyped = view.candidates.emplace_back(view.candidates[0]);
  untyped.typed = false;
  untyped.sentence = 1;
  untyped.begin = untyped.full_begin = view.sentences[1].begin;
  untyped.end = untyped.name_end = untyped.begin + 1;
  PropagateNames(Rules(), view);
  EXPECT_EQ(Describe(view), (std::vector<std::string>{"Somerset|ORG|org.shares_of",
                                                      "Somerset|ORG|propagate.same_name"}));
}

TEST_F(PropagationPassTest, KnownNamesAreFoundInAllCapsLines) {
  WordView view = ViewOf("KESTREL FREIGHT POSTS PROFIT\n\nKestrel Freight acquired a rival.");
  AddTyped(view, "Kestrel Freight", EntityType::kOrg, 80, "org.name_word");
  PropagateNames(Rules(), view);
  EXPECT_EQ(Describe(view), (std::vector<std::string>{"Kestrel Freight|ORG|org.name_word",
                                                      "KESTREL FREIGHT|ORG|propagate.same_name"}));
  EXPECT_TRUE(view.covered[0]);
}

}  // namespace
}  // namespace newsfacts
