// ValidateDocument: every span and cross-layer index of a document checked before the fact
// store writes any of it.
#include "db/document_check.h"

#include "pipeline/text.h"

namespace newsfacts {
namespace {

// An item of a layer, as messages name it: "mentions[12]", "claims[3] subject". Spelled only
// for a message (issue 16: spelling it for every item was most of the check, on the writer's
// thread, which sets the pace of an ingest).
struct Item {
  std::string_view layer;
  size_t index = 0;
  std::string_view part;  // "subject", "object"; empty for the item itself

  std::string Name() const {
    std::string name = std::string(layer) + "[" + std::to_string(index) + "]";
    if (!part.empty()) name.append(" ").append(part);
    return name;
  }
};

// Returns InvalidArgument unless `span` lies inside `text` on code point boundaries.
Status CheckSpan(std::string_view text, const Span& span, const Item& item) {
  if (span.begin > span.end || span.end > text.size()) {
    return Status::InvalidArgument(item.Name() + ": span [" + std::to_string(span.begin) + ", " +
                                   std::to_string(span.end) + ") is outside the text (" +
                                   std::to_string(text.size()) + " bytes)");
  }
  if (!IsCodePointBoundary(text, span.begin) || !IsCodePointBoundary(text, span.end)) {
    return Status::InvalidArgument(item.Name() + ": span [" + std::to_string(span.begin) + ", " +
                                   std::to_string(span.end) + ") splits a UTF-8 code point");
  }
  return Status::Ok();
}

// Returns InvalidArgument unless `index` < `size`, the number of `layer` items.
Status CheckIndex(size_t index, size_t size, const Item& item, std::string_view layer) {
  if (index < size) return Status::Ok();
  return Status::InvalidArgument(item.Name() + ": " + std::string(layer) + " index " +
                                 std::to_string(index) + " is out of range (the document has " +
                                 std::to_string(size) + ")");
}

}  // namespace

Status ValidateDocument(const Document& doc) {
  const std::string_view text = doc.text();
  const size_t sentences = doc.sentences().size();
  const size_t entities = doc.entities().size();
  const size_t amounts = doc.amounts().size();
  for (size_t i = 0; i < sentences; ++i) {
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, doc.sentences()[i].span, {"sentences", i}));
  }
  for (size_t i = 0; i < entities; ++i) {
    if (doc.entities()[i].key.empty() || doc.entities()[i].name.empty()) {
      return Status::InvalidArgument(Item{"entities", i}.Name() + ": empty key or name");
    }
  }
  for (size_t i = 0; i < doc.mentions().size(); ++i) {
    const Mention& mention = doc.mentions()[i];
    const Item what{"mentions", i};
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, mention.span, what));
    NEWSFACTS_RETURN_IF_ERROR(CheckIndex(mention.entity, entities, what, "entity"));
    NEWSFACTS_RETURN_IF_ERROR(CheckIndex(mention.sentence, sentences, what, "sentence"));
  }
  for (size_t i = 0; i < amounts; ++i) {
    const Amount& amount = doc.amounts()[i];
    const Item what{"amounts", i};
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, amount.span, what));
    NEWSFACTS_RETURN_IF_ERROR(CheckIndex(amount.sentence, sentences, what, "sentence"));
    if (amount.restates.has_value()) {
      NEWSFACTS_RETURN_IF_ERROR(CheckIndex(*amount.restates, amounts, what, "amount"));
      if (*amount.restates == i) {
        return Status::InvalidArgument(what.Name() + ": an amount cannot restate itself");
      }
    }
  }
  for (size_t i = 0; i < doc.claims().size(); ++i) {
    const Claim& claim = doc.claims()[i];
    const Item what{"claims", i};
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, claim.span, what));
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, claim.subject_span, {"claims", i, "subject"}));
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, claim.object_span, {"claims", i, "object"}));
    NEWSFACTS_RETURN_IF_ERROR(CheckIndex(claim.sentence, sentences, what, "sentence"));
    if (claim.subject.has_value()) {
      NEWSFACTS_RETURN_IF_ERROR(CheckIndex(*claim.subject, entities, what, "entity"));
    }
    if (claim.object.has_value()) {
      NEWSFACTS_RETURN_IF_ERROR(CheckIndex(*claim.object, entities, what, "entity"));
    }
    if (claim.amount.has_value()) {
      NEWSFACTS_RETURN_IF_ERROR(CheckIndex(*claim.amount, amounts, what, "amount"));
    }
  }
  for (size_t i = 0; i < doc.quotes().size(); ++i) {
    const Quote& quote = doc.quotes()[i];
    const Item what{"quotes", i};
    NEWSFACTS_RETURN_IF_ERROR(CheckSpan(text, quote.span, what));
    NEWSFACTS_RETURN_IF_ERROR(CheckIndex(quote.sentence, sentences, what, "sentence"));
    if (quote.speaker_entity.has_value()) {
      NEWSFACTS_RETURN_IF_ERROR(CheckIndex(*quote.speaker_entity, entities, what, "entity"));
    }
  }
  return Status::Ok();
}

}  // namespace newsfacts
