// Long-form matching of the propagation pass: which fuller name a short form stands for.
#include "extractors/entities/passes/long_forms.h"

#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class LongFormsTest : public PassTest {};

TEST_F(LongFormsTest, Table) {
  const struct {
    std::string text;
    std::string long_form;
    EntityType type;
    std::string short_form;
    bool found;
  } cases[] = {
      {"Matt Garman spoke. Garman left.", "Matt Garman", EntityType::kPerson, "Garman", true},
      {"Harlow Freight Systems grew. HFS hired.", "Harlow Freight Systems", EntityType::kOrg, "HFS",
       true},
      {"Kowloon Tong Holdings grew. Kowloon Tong hired.", "Kowloon Tong Holdings", EntityType::kOrg,
       "Kowloon Tong", true},
      {"Kestrel Freight grew. Kestrel hired.", "Kestrel Freight", EntityType::kOrg, "Kestrel",
       true},
      // A person's surname is no short form of a company, nor a company's first word of one.
      {"Matt Garman spoke. Matt left.", "Matt Garman", EntityType::kPerson, "Matt", false},
      // A first name is no short form of the company it opens.
      {"Claude Industries grew. Claude hired.", "Claude Industries", EntityType::kOrg, "Claude",
       false},
      // The first two words or more of a company name stand for it (issue 12: a headline's
      // "Menlo Worldwide" of the body's "Menlo Worldwide Forwarding"); one word alone does
      // not, nor do words that do not open it.
      {"Harwick Mills Forwarding grew. Harwick Mills hired.", "Harwick Mills Forwarding",
       EntityType::kOrg, "Harwick Mills", true},
      {"Harwick Mills Forwarding grew. Mills Forwarding hired.", "Harwick Mills Forwarding",
       EntityType::kOrg, "Mills Forwarding", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    AddTyped(view, c.long_form, c.type);
    const Candidate short_form = AddCandidate(view, c.short_form);
    const LongForms long_forms(Rules(), view);
    EXPECT_EQ(long_forms.Find(short_form, std::nullopt).has_value(), c.found);
    EXPECT_FALSE(long_forms.Find(short_form, EntityType::kProduct).has_value());
  }
}

TEST_F(LongFormsTest, ANameWithItsOwnDesignatorIsNoShortForm) {
  WordView view = ViewOf("Gelco Express Ltd was sold. Gelco Corp sold it.");
  AddTyped(view, "Gelco Express Ltd", EntityType::kOrg).name_end -= 1;
  Candidate short_form = AddCandidate(view, "Gelco Corp", "Gelco");
  EXPECT_FALSE(LongForms(Rules(), view).Find(short_form, std::nullopt).has_value());
}

TEST_F(LongFormsTest, EarliestLongFormWinsAndLinkedOnesAreSkipped) {
  WordView view = ViewOf("Kestrel Freight grew. Kestrel Bay grew. Kestrel hired.");
  AddTyped(view, "Kestrel Bay", EntityType::kOrg);
  AddTyped(view, "Kestrel Freight", EntityType::kOrg);
  const Candidate short_form = AddCandidate(view, "Kestrel");
  EXPECT_EQ(LongForms(Rules(), view).Find(short_form, std::nullopt), std::optional<size_t>(1));
  view.candidates[1].link = 0;
  EXPECT_EQ(LongForms(Rules(), view).Find(short_form, std::nullopt), std::optional<size_t>(0));
}

TEST_F(LongFormsTest, RemoveAndAddKeepTheIndexInStep) {
  WordView view = ViewOf("Kestrel Freight grew. Kestrel Bay grew. Kestrel hired.");
  AddTyped(view, "Kestrel Bay", EntityType::kOrg);
  AddTyped(view, "Kestrel Freight", EntityType::kOrg);
  const Candidate short_form = AddCandidate(view, "Kestrel");
  LongForms long_forms(Rules(), view);
  long_forms.Remove(1);
  view.candidates[1].type = EntityType::kPerson;  // no ORG long form now, nor a person's
  long_forms.Add(1);
  EXPECT_EQ(long_forms.Find(short_form, std::nullopt), std::optional<size_t>(0));
  long_forms.Remove(0);
  EXPECT_FALSE(long_forms.Find(short_form, EntityType::kOrg).has_value());
  long_forms.Add(0);
  EXPECT_EQ(long_forms.Find(short_form, EntityType::kOrg), std::optional<size_t>(0));
}

TEST_F(LongFormsTest, ACandidateIsNoLongFormOfItself) {
  // "A B" is all caps with initials "AB": its own acronym.
  WordView view = ViewOf("Then A B grew and A B hired.");
  AddTyped(view, "A B", EntityType::kOrg);
  const LongForms long_forms(Rules(), view);
  EXPECT_FALSE(long_forms.Find(view.candidates[0], std::nullopt).has_value());
  const Candidate copy = view.candidates[0];  // a copy is another candidate
  EXPECT_EQ(long_forms.Find(copy, std::nullopt), std::optional<size_t>(0));
}

}  // namespace
}  // namespace newsfacts
