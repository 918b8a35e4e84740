// Tests for the mention-abstracted view of a sentence and its exact map back to the text.
#include "extractors/claims/claim_abstraction.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "tests/extractors/claims/claim_test_util.h"

namespace newsfacts {
namespace {

using claim_testing::AnnotatedDocument;
using claim_testing::Mark;

TEST(AbstractSentenceTest, PlaceholdersWhitespaceAndTypography) {
  struct Case {
    std::string text;
    std::vector<Mark> marks;
    std::string expected;
  };
  const Case cases[] = {
      {"Cisco acquired Splunk for $28 billion.",
       {{"Cisco", "ORG"}, {"Splunk", "ORG"}, {"$28 billion", "MONEY"}},
       "⟨ORG:1⟩ acquired ⟨ORG:2⟩ for ⟨MONEY:1⟩."},
      {"Acme  Corp said it\tsold   its unit",
       {{"Acme  Corp", "ORG"}},
       "⟨ORG:1⟩ said it sold its unit"},
      {"Amazon’s “deal” – done", {{"Amazon", "ORG"}}, "⟨ORG:1⟩'s \"deal\" - done"},
      {"Matt Garman runs AWS",
       {{"Matt Garman", "PERSON"}, {"AWS", "ORG"}},
       "⟨PERSON:1⟩ runs ⟨ORG:1⟩"},
      {"Nothing here", {}, "Nothing here"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = AnnotatedDocument(c.text, c.marks);
    ASSERT_EQ(doc.sentences().size(), 1u);
    AbstractSentence sentence = AbstractSentence::Build(doc, 0);
    EXPECT_EQ(sentence.text(), c.expected);
  }
}

TEST(AbstractSentenceTest, MapsEveryRangeBackToExactDocumentBytes) {
  const std::string text = "Big  news: Microsoft’s $13 billion stake in OpenAI.";
  Document doc =
      AnnotatedDocument(text, {{"Microsoft", "ORG"}, {"OpenAI", "ORG"}, {"$13 billion", "MONEY"}});
  AbstractSentence sentence = AbstractSentence::Build(doc, 0);
  ASSERT_EQ(sentence.slots().size(), 3u);
  for (const AbstractSlot& slot : sentence.slots()) {
    SCOPED_TRACE(slot.type);
    EXPECT_EQ(sentence.ToDocument(slot.abstract_begin, slot.abstract_end), slot.doc_span);
  }
  const AbstractSlot& first = sentence.slots()[0];
  const AbstractSlot& last = sentence.slots()[2];
  EXPECT_EQ(doc.Text(sentence.ToDocument(first.abstract_begin, last.abstract_end)),
            "Microsoft’s $13 billion stake in OpenAI");
  EXPECT_EQ(doc.Text(sentence.ToDocument(0, 8)), "Big  news");
  EXPECT_EQ(sentence.SlotsIn(0, sentence.text().size()).size(), 3u);
  EXPECT_EQ(sentence.SlotsIn(first.abstract_begin, first.abstract_end).size(), 1u);
}

// Bytes copied as they are map back one to one, across multi-byte characters that are not
// folded (é, …, €) and around the ones that are (NBSP, curly quotes), which end a copied run.
TEST(AbstractSentenceTest, CopiedBytesMapBackOneToOne) {
  const std::string text = "Zoë’s café…sold Acme\u00A0Labs for €5, “ok”";
  Document doc = AnnotatedDocument(text, {{"Acme\u00A0Labs", "ORG"}});
  AbstractSentence sentence = AbstractSentence::Build(doc, 0);
  ASSERT_EQ(sentence.text(), "Zoë's café…sold ⟨ORG:1⟩ for €5, \"ok\"");
  const AbstractSlot& slot = sentence.slots().front();
  for (size_t k = 0; k < sentence.text().size(); ++k) {
    const char c = sentence.text()[k];
    if ((k >= slot.abstract_begin && k < slot.abstract_end) || c == '\'' || c == '"') continue;
    SCOPED_TRACE(k);
    EXPECT_EQ(doc.Text(sentence.ToDocument(k, k + 1)), sentence.text().substr(k, 1));
  }
  EXPECT_EQ(doc.Text(sentence.ToDocument(0, slot.abstract_begin - 1)), "Zoë’s café…sold");
  EXPECT_EQ(doc.Text(sentence.ToDocument(slot.abstract_end + 1, sentence.text().size() - 6)),
            "for €5");
}

TEST(AbstractSentenceTest, RestatedAmountIsElidedAndOverlapsKeepTheEarlierMention) {
  Document doc = AnnotatedDocument("Acme paid $9.3bn (£5bn) for Beta Labs", {{"Acme", "ORG"},
                                                                             {"Beta Labs", "ORG"},
                                                                             {"Labs", "ORG"},
                                                                             {"$9.3bn", "MONEY"},
                                                                             {"£5bn", "MONEY"}});
  doc.mutable_amounts()[1].restates = 0;
  AbstractSentence sentence = AbstractSentence::Build(doc, 0);
  EXPECT_EQ(sentence.text(), "⟨ORG:1⟩ paid ⟨MONEY:1⟩ for ⟨ORG:2⟩");
  EXPECT_EQ(doc.Text(sentence.slots().back().doc_span), "Beta Labs");
}

// A copied run ends where whitespace is folded or dropped or typography folded, wherever that
// falls in the run (runs are scanned sixteen bytes at a time where SSE2 is at hand).
TEST(AbstractSentenceTest, CopiedRunsEndAtFoldedBytesAnywhere) {
  struct Gap {
    std::string_view text;
    std::string_view folded;
  };
  const Gap gaps[] = {{"  ", " "}, {" ,", ","},     {"\t", " "},
                      {" ;", ";"}, {"\u00A0", " "}, {" \u2019s", " 's"}};
  const std::string tail = "bcdefghijklmnopqrstuvwxyz, end";
  for (size_t at = 1; at < 40; ++at) {
    for (const Gap& gap : gaps) {
      const std::string head(at, 'a');
      const std::string text = head + std::string(gap.text) + tail;
      SCOPED_TRACE(text);
      Document doc = AnnotatedDocument(text, {});
      ASSERT_EQ(doc.sentences().size(), 1u);
      const AbstractSentence sentence = AbstractSentence::Build(doc, 0);
      EXPECT_EQ(sentence.text(), head + std::string(gap.folded) + tail);
      EXPECT_EQ(doc.Text(sentence.ToDocument(0, at)), head);
      const size_t tail_begin = sentence.text().size() - tail.size();
      EXPECT_EQ(doc.Text(sentence.ToDocument(tail_begin, sentence.text().size())), tail);
    }
  }
}

// An atom overlaps a placeholder when some of its bytes may be the placeholder's, whatever its
// number, in either case: the sign before or after it, its type name, the colon, the digits.
TEST(AbstractSentenceTest, TellsWhichAtomsMayOverlapAPlaceholder) {
  for (const std::string_view atom :
       {"\u27E8org:", "\u27E9", "org", "ORG", "rg:", ":1", "12\u27E9", "\u27E9 acquired",
        "said \u27E8", "\u27E8org:104\u27E9 and \u27E8", "\xE2\x9F", "\u27E9s"}) {
    EXPECT_TRUE(AbstractSentence::MayOverlapPlaceholder(atom, "ORG")) << atom;
  }
  for (const std::string_view atom :
       {"acquired", "org ", "organ", "\u27E8person:", "ab:", "1,000", "\u212Arg", ":x", "r g"}) {
    EXPECT_FALSE(AbstractSentence::MayOverlapPlaceholder(atom, "ORG")) << atom;
  }
  EXPECT_TRUE(AbstractSentence::MayOverlapPlaceholder("\u27E8person:", "PERSON"));
}

}  // namespace
}  // namespace newsfacts
