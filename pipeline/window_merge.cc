// Appending a window's layers to its article: spans shifted, indexes rebased, entities met
// on their keys.
#include "pipeline/window_merge.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace newsfacts {
namespace {

// `span` moved by `offset`; an empty span (a claim without object) stays as it is.
Span Shifted(Span span, size_t offset) {
  if (span.empty()) return span;
  return {span.begin + offset, span.end + offset};
}

std::optional<size_t> Rebased(const std::optional<size_t>& index,
                              const std::vector<size_t>& article_index) {
  if (!index || *index >= article_index.size()) return index;
  return article_index[*index];
}

std::optional<size_t> Moved(const std::optional<size_t>& index, size_t by) {
  if (!index) return index;
  return *index + by;
}

}  // namespace

size_t WindowMerger::ArticleEntity(const Entity& entity) {
  std::vector<Entity>& entities = article_.mutable_entities();
  const auto [found, added] = entity_by_key_.try_emplace(entity.key, entities.size());
  if (added) {
    entities.push_back(entity);
    return found->second;
  }
  std::vector<std::string>& aliases = entities[found->second].aliases;
  for (const std::string& alias : entity.aliases) {
    if (std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) {
      aliases.push_back(alias);
    }
  }
  return found->second;
}

void WindowMerger::Append(const Document& window, size_t offset) {
  std::vector<Sentence>& sentences = article_.mutable_sentences();
  const size_t first_sentence = sentences.size();
  const int first_paragraph = sentences.empty() ? 0 : sentences.back().paragraph + 1;
  for (Sentence sentence : window.sentences()) {
    sentence.span = Shifted(sentence.span, offset);
    sentence.paragraph += first_paragraph;
    sentence.first_token = 0;
    sentence.token_count = 0;
    sentences.push_back(sentence);
  }

  std::vector<size_t> entity_index;
  entity_index.reserve(window.entities().size());
  for (const Entity& entity : window.entities()) entity_index.push_back(ArticleEntity(entity));

  for (Mention mention : window.mentions()) {
    mention.span = Shifted(mention.span, offset);
    if (mention.entity < entity_index.size()) mention.entity = entity_index[mention.entity];
    mention.sentence += first_sentence;
    article_.mutable_mentions().push_back(std::move(mention));
  }

  std::vector<Amount>& amounts = article_.mutable_amounts();
  const size_t first_amount = amounts.size();
  for (Amount amount : window.amounts()) {
    amount.span = Shifted(amount.span, offset);
    amount.sentence += first_sentence;
    amount.restates = Moved(amount.restates, first_amount);
    amounts.push_back(std::move(amount));
  }

  for (Claim claim : window.claims()) {
    claim.subject = Rebased(claim.subject, entity_index);
    claim.object = Rebased(claim.object, entity_index);
    claim.subject_span = Shifted(claim.subject_span, offset);
    claim.object_span = Shifted(claim.object_span, offset);
    claim.span = Shifted(claim.span, offset);
    claim.amount = Moved(claim.amount, first_amount);
    claim.sentence += first_sentence;
    article_.mutable_claims().push_back(std::move(claim));
  }

  for (Quote quote : window.quotes()) {
    quote.span = Shifted(quote.span, offset);
    quote.speaker_entity = Rebased(quote.speaker_entity, entity_index);
    quote.sentence += first_sentence;
    article_.mutable_quotes().push_back(std::move(quote));
  }
}

void WindowMerger::Finish() {
  article_.mutable_sentences().shrink_to_fit();
  article_.mutable_entities().shrink_to_fit();
  article_.mutable_mentions().shrink_to_fit();
  article_.mutable_amounts().shrink_to_fit();
  article_.mutable_claims().shrink_to_fit();
  article_.mutable_quotes().shrink_to_fit();
}

}  // namespace newsfacts
