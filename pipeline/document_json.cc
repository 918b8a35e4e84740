// Serialises a Document to the JSON contract described in README.md ("extract").
#include "pipeline/document_json.h"

#include <nlohmann/json.hpp>

namespace newsfacts {
namespace {

using nlohmann::json;

json OptionalString(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json EntityName(const Document& doc, const std::optional<size_t>& index) {
  return index ? json(doc.entities()[*index].name) : json(nullptr);
}

json AmountJson(const Document& doc, const Amount& amount) {
  return {{"text", std::string(doc.Text(amount.span))},
          {"value", OptionalString(amount.value)},
          {"low", OptionalString(amount.low)},
          {"high", OptionalString(amount.high)},
          {"currency", OptionalString(amount.currency)},
          {"currency_evidence", amount.currency_evidence},
          {"qualifier", amount.qualifier},
          {"vague", amount.vague},
          {"restates", amount.restates ? json(*amount.restates) : json(nullptr)},
          {"sentence", amount.sentence},
          {"start", amount.span.begin},
          {"end", amount.span.end},
          {"rule", amount.rule}};
}

}  // namespace

std::string DocumentToJson(const Document& doc, int indent) {
  const ArticleMeta& meta = doc.meta();
  json out;
  out["article"] = {{"path", meta.path},
                    {"record_index", meta.record_index},
                    {"title", meta.title},
                    {"source", meta.source},
                    {"url", meta.url},
                    {"published", meta.published},
                    {"bytes", doc.text().size()},
                    {"repaired_sequences", doc.repaired_sequences()}};
  out["sentences"] = json::array();
  for (const Sentence& sentence : doc.sentences()) {
    out["sentences"].push_back({{"text", std::string(doc.Text(sentence.span))},
                                {"paragraph", sentence.paragraph},
                                {"start", sentence.span.begin},
                                {"end", sentence.span.end}});
  }
  out["entities"] = json::array();
  for (const Entity& entity : doc.entities()) {
    out["entities"].push_back(
        {{"key", entity.key},
         {"name", entity.name},
         {"type", EntityTypeName(entity.type)},
         {"parent", entity.parent_key.empty() ? json(nullptr) : json(entity.parent_key)},
         {"aliases", entity.aliases}});
  }
  out["mentions"] = json::array();
  for (const Mention& mention : doc.mentions()) {
    out["mentions"].push_back({{"entity", doc.entities()[mention.entity].name},
                               {"key", doc.entities()[mention.entity].key},
                               {"type", EntityTypeName(mention.type)},
                               {"text", std::string(doc.Text(mention.span))},
                               {"sentence", mention.sentence},
                               {"start", mention.span.begin},
                               {"end", mention.span.end},
                               {"rule", mention.rule}});
  }
  out["amounts"] = json::array();
  for (const Amount& amount : doc.amounts()) out["amounts"].push_back(AmountJson(doc, amount));
  out["claims"] = json::array();
  for (const Claim& claim : doc.claims()) {
    out["claims"].push_back(
        {{"predicate", claim.predicate},
         {"subject", EntityName(doc, claim.subject)},
         {"object", EntityName(doc, claim.object)},
         {"subject_text",
          claim.subject ? json(std::string(doc.Text(claim.subject_span))) : json(nullptr)},
         {"object_text", claim.object_span.empty()
                             ? json(nullptr)
                             : json(std::string(doc.Text(claim.object_span)))},
         {"amount", claim.amount ? AmountJson(doc, doc.amounts()[*claim.amount]) : json(nullptr)},
         {"role", claim.role.empty() ? json(nullptr) : json(claim.role)},
         {"status", ClaimStatusName(claim.status)},
         {"speaker", claim.speaker.empty() ? json(nullptr) : json(claim.speaker)},
         {"venue", claim.venue.empty() ? json(nullptr) : json(claim.venue)},
         {"sentence", std::string(doc.Text(doc.sentences()[claim.sentence].span))},
         {"start", claim.span.begin},
         {"end", claim.span.end},
         {"rule", claim.rule}});
  }
  out["quotes"] = json::array();
  for (const Quote& quote : doc.quotes()) {
    out["quotes"].push_back(
        {{"text", std::string(doc.Text(quote.span))},
         {"speaker", quote.speaker.empty() ? json(nullptr) : json(quote.speaker)},
         {"sentence", quote.sentence},
         {"start", quote.span.begin},
         {"end", quote.span.end}});
  }
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsfacts
