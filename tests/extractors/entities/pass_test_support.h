// Test support for the entity passes: a document segmented from text, its word view over
// the built-in rules, and candidates placed or described by their surface text.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/entities/entity_stage.h"
#include "extractors/entities/passes/passes.h"
#include "extractors/entities/word_view.h"
#include "pipeline/segmenter.h"

namespace newsfacts {

// A fixture holding the built-in entity rules and a segmenter; each test prepares a view
// and runs one pass over it. Not thread-safe (one test at a time).
class PassTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<RuleSources> sources = RuleSources::Builtin();
    ASSERT_TRUE(sources.ok()) << sources.status().message();
    sources_ = std::move(*sources);
    StatusOr<std::unique_ptr<EntityStage>> stage = EntityStage::Create(sources_);
    ASSERT_TRUE(stage.ok()) << stage.status().message();
    stage_ = std::move(*stage);
    StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
    ASSERT_TRUE(segmenter.ok()) << segmenter.status().message();
    segmenter_ = std::move(*segmenter);
  }

  PassRules Rules() const { return PassRules::Of(stage_->gazetteer(), stage_->patterns()); }

  // Segments `text` into doc_ and returns its word view, with no candidate.
  WordView ViewOf(const std::string& text) {
    doc_ = Document::FromRaw({}, text);
    EXPECT_TRUE(segmenter_->Process(doc_).ok());
    return BuildWordView(doc_, Rules());
  }

  // The text of words [begin, end) of the view of doc_.
  std::string TextOf(const WordView& view, size_t begin, size_t end) const {
    return std::string(doc_.Text({view.words[begin].span.begin, view.words[end - 1].span.end}));
  }

  // Appends an untyped candidate over the first words of `view` whose text is `surface`
  // (trailing designator words from `name` on, when `name` is a shorter prefix).
  Candidate& AddCandidate(WordView& view, const std::string& surface, std::string name = "") {
    if (name.empty()) name = surface;
    for (size_t s = 0; s < view.sentences.size(); ++s) {
      const SentenceWords& sentence = view.sentences[s];
      for (size_t b = sentence.begin; b < sentence.end; ++b) {
        for (size_t e = b + 1; e <= sentence.end; ++e) {
          if (TextOf(view, b, e) != surface) continue;
          size_t name_end = b + 1;
          while (name_end < e && TextOf(view, b, name_end) != name) ++name_end;
          Candidate& c = view.candidates.emplace_back();
          c.sentence = s;
          c.begin = c.full_begin = b;
          c.end = e;
          c.name_end = name_end;
          return c;
        }
      }
    }
    ADD_FAILURE() << "no words \"" << surface << "\"";
    return view.candidates.emplace_back();
  }

  // Appends a candidate over `surface` typed as a rule with `type` and `priority` would.
  Candidate& AddTyped(WordView& view, const std::string& surface, EntityType type,
                      int priority = 10, std::string_view rule = "test.rule") {
    Candidate& c = AddCandidate(view, surface);
    c.typed = true;
    c.type = type;
    c.priority = priority;
    c.rule = rule;  // a literal: candidates view their rule ids
    return c;
  }

  // "text" of each candidate, then "|TYPE|rule" when typed, in candidate order.
  std::vector<std::string> Describe(const WordView& view) const {
    std::vector<std::string> out;
    for (const Candidate& c : view.candidates) {
      std::string line = TextOf(view, c.begin, c.end);
      if (c.typed) {
        // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "|" + std::string(...).
        line.append("|").append(EntityTypeName(c.type)).append("|").append(c.rule);
      }
      out.push_back(line);
    }
    return out;
  }

  RuleSources sources_;
  std::unique_ptr<EntityStage> stage_;
  std::unique_ptr<SegmenterStage> segmenter_;
  Document doc_ = Document::FromRaw({}, "");
};

}  // namespace newsfacts
