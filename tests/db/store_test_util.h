// Builders for the store tests: one-sentence articles with one claim, its entities, mentions
// and amounts filled in by hand, so views and merges are tested without the extractors.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/document.h"

namespace newsfacts::testing {

// A money expression of the sentence: its text and what the amount stage would store.
struct Money {
  std::string text;
  std::optional<std::string> value;
  std::optional<std::string> low;
  std::optional<std::string> high;
  std::optional<std::string> currency = "USD";
  std::string qualifier = "exact";
  bool vague = false;
};

inline Money Exact(std::string text, std::string value, std::string currency = "USD") {
  return {std::move(text), value, value, value, std::move(currency), "exact", false};
}
inline Money Approximate(std::string text, std::string value, std::string low, std::string high) {
  return {std::move(text), std::move(value), std::move(low), std::move(high),
          "USD",           "approximate",    false};
}
inline Money AtLeast(std::string text, std::string value) {
  return {std::move(text), value, value, std::nullopt, "USD", "lower", false};
}
inline Money Vague(std::string text, std::string low, std::string high) {
  return {std::move(text), std::nullopt, std::move(low), std::move(high), "USD", "vague", true};
}

inline Money Undisclosed(std::string text) {
  return {std::move(text), std::nullopt,  std::nullopt, std::nullopt,
          std::nullopt,    "undisclosed", false};
}

// One article holding one sentence that states one claim.
struct ClaimArticle {
  std::string path;
  std::string source;
  std::string sentence;
  std::string subject;  // display name, written in `sentence`; key: lowercase, '-' for ' '
  std::string predicate;
  std::string object;            // empty for claims without an object
  std::string described_object;  // an object named by description, no entity ("its paper mill")
  std::optional<Money> money;
  std::optional<Money> conversion;  // restates `money`, e.g. "(£5bn)"
  ClaimStatus status = ClaimStatus::kAsserted;
  bool claim_points_to_conversion = false;
  std::string published;
  std::string amount_role;  // empty: none (as stored before issue 14)
  std::string stage;
  std::string event_date;
};

// "Northwind Labs" -> "northwind-labs".
inline std::string KeyOf(std::string_view name) {
  std::string key;
  for (char c : name) {
    key.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

inline Span SpanOf(const Document& doc, std::string_view needle) {
  const size_t begin = doc.text().find(needle);
  EXPECT_NE(begin, std::string::npos) << "\"" << needle << "\" is not in: " << doc.text();
  if (begin == std::string::npos) return {0, 0};
  return {begin, begin + needle.size()};
}

inline Amount ToAmount(const Document& doc, const Money& money) {
  Amount amount;
  amount.span = SpanOf(doc, money.text);
  amount.value = money.value;
  amount.low = money.low;
  amount.high = money.high;
  amount.currency = money.currency;
  amount.currency_evidence = "test";
  amount.qualifier = money.qualifier;
  amount.vague = money.vague;
  amount.rule = "test.money";
  return amount;
}

// Builds the document of `spec` with sentences, entities, mentions, amounts and the claim.
inline Document BuildClaimArticle(const ClaimArticle& spec) {
  ArticleMeta meta;
  meta.path = spec.path;
  meta.source = spec.source;
  meta.published = spec.published;
  Document doc = Document::FromRaw(meta, spec.sentence);
  doc.mutable_sentences() = {{{0, doc.text().size()}, 0, 0, 0}};
  Claim claim;
  claim.predicate = spec.predicate;
  claim.status = spec.status;
  claim.span = {0, doc.text().size()};
  claim.rule = "test.claim";
  claim.amount_role = spec.amount_role;
  claim.stage = spec.stage;
  claim.event_date = spec.event_date;
  for (const std::string* name : {&spec.subject, &spec.object}) {
    if (name->empty()) continue;
    const size_t index = doc.entities().size();
    doc.mutable_entities().push_back({KeyOf(*name), *name, EntityType::kOrg, "", {*name + " Inc"}});
    const Span span = SpanOf(doc, *name);
    doc.mutable_mentions().push_back({span, index, EntityType::kOrg, 0, "test.entity"});
    if (name == &spec.subject) {
      claim.subject = index;
      claim.subject_span = span;
    } else {
      claim.object = index;
      claim.object_span = span;
    }
  }
  if (!spec.described_object.empty()) claim.object_span = SpanOf(doc, spec.described_object);
  if (spec.money.has_value()) {
    doc.mutable_amounts().push_back(ToAmount(doc, *spec.money));
    claim.amount = 0;
  }
  if (spec.conversion.has_value()) {
    Amount conversion = ToAmount(doc, *spec.conversion);
    conversion.restates = 0;
    doc.mutable_amounts().push_back(conversion);
    if (spec.claim_points_to_conversion) claim.amount = 1;
  }
  doc.mutable_claims().push_back(claim);
  return doc;
}

}  // namespace newsfacts::testing
