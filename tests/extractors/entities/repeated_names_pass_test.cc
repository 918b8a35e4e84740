// Entity pass 5 alone: typed company names found again where runs split them.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class RepeatedNamesPassTest : public PassTest {};

TEST_F(RepeatedNamesPassTest, RepeatReplacesSplitRuns) {
  WordView view = ViewOf(
      "Orlen and Vask Shipping Plc bought a ship. Later Orlen and Vask Shipping said it paid.");
  Candidate& known =
      AddTyped(view, "Orlen and Vask Shipping Plc", EntityType::kOrg, 90, "org.designator");
  known.name_end = known.end - 1;
  // The runs the second sentence split into: "Vask Shipping" typed a person by a rule,
  // "Orlen" untyped.
  const size_t second = view.sentences[1].begin;
  for (const auto& [offset, length] : {std::pair<size_t, size_t>{1, 1}, {3, 2}}) {
    Candidate& split = view.candidates.emplace_back();
    split.sentence = 1;
    split.begin = split.full_begin = second + offset;
    split.end = split.name_end = second + offset + length;
    split.typed = length == 2;
    split.type = EntityType::kPerson;
  }
  FindRepeatedNames(Rules(), view);
  EXPECT_EQ(Describe(view),
            (std::vector<std::string>{"Orlen and Vask Shipping Plc|ORG|org.designator",
                                      "Orlen and Vask Shipping|ORG|propagate.same_name"}));
}

TEST_F(RepeatedNamesPassTest, OneWordAndNonOrgNamesAreNotRepeated) {
  WordView view = ViewOf("Ada Quint spoke. Later Ada Quint left. Kestrel grew. Kestrel fell.");
  AddTyped(view, "Ada Quint", EntityType::kPerson);
  AddTyped(view, "Kestrel", EntityType::kOrg);
  FindRepeatedNames(Rules(), view);
  EXPECT_EQ(view.candidates.size(), 2u);
}

}  // namespace
}  // namespace newsfacts
