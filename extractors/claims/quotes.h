// Quotes and the attribution of sentences: the quoted passages of an article with their
// speakers, from the attribution of the sentences around them, found only when asked for.
#pragma once

#include <optional>
#include <vector>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_cues.h"
#include "extractors/claims/sentence_rules.h"
#include "pipeline/document.h"

namespace newsfacts {

// The attribution of each sentence of a document, found when first asked for: only the
// sentences with a claim or beside a quote need one, and finding one runs the attribution
// patterns the prefilter lets through, a fifth of the claim stage when done for every sentence
// (issue 16).
// Not thread-safe: one Process call owns it.
class Attributions {
 public:
  // `rules` says which attribution rules may match each sentence of `abstracts`.
  Attributions(const Document& doc, const std::vector<AbstractSentence>& abstracts,
               const ClaimCues& cues, SentenceRules& rules)
      : doc_(doc), abstracts_(abstracts), cues_(cues), rules_(rules), found_(abstracts.size()) {}

  size_t size() const { return found_.size(); }
  // The attribution of sentence `s` (< size()).
  const Attribution& Of(size_t s) {
    if (!found_[s].has_value()) {
      found_[s] = cues_.Attribute(doc_, abstracts_[s], rules_.Attributions(s));
    }
    return *found_[s];
  }

 private:
  const Document& doc_;
  const std::vector<AbstractSentence>& abstracts_;
  const ClaimCues& cues_;
  SentenceRules& rules_;
  std::vector<std::optional<Attribution>> found_;
};

// Quoted passages of `doc` (pairs of quotation marks inside one paragraph) of at least
// `min_words` words, with the speaker of the sentence that closes, opens or follows them.
std::vector<Quote> FindQuotes(const Document& doc, Attributions& attributions, size_t min_words);

}  // namespace newsfacts
