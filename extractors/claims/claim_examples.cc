// Claim rule examples: each match/no_match example of every claim rule run through the
// upstream stages and the claim stage, with failures described field by field.
#include <algorithm>
#include <sstream>

#include "extractors/claims/claim_abstraction.h"
#include "extractors/claims/claim_dates.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/claims/claim_stage.h"

namespace newsfacts {
namespace {

// "invested_in(Amazon -> Anthropic, $4 billion, hedged, rule r)" for failure messages.
std::string Describe(const Document& doc, const Claim& claim) {
  std::ostringstream out;
  out << claim.predicate << "(" << doc.Text(claim.subject_span);
  if (HasObject(claim)) out << " -> " << doc.Text(claim.object_span);
  if (claim.amount.has_value()) out << ", " << doc.Text(doc.amounts()[*claim.amount].span);
  if (!claim.role.empty()) out << ", role " << claim.role;
  out << ", " << ClaimStatusName(claim.status);
  if (!claim.speaker.empty()) out << ", speaker " << claim.speaker;
  if (!claim.venue.empty()) out << ", venue " << claim.venue;
  if (!claim.amount_role.empty()) out << ", amount_role " << claim.amount_role;
  if (!claim.stage.empty()) out << ", stage " << claim.stage;
  if (!claim.event_date.empty()) out << ", event_date " << claim.event_date;
  out << ", rule " << claim.rule << ")";
  return out.str();
}

std::string DescribeAll(const Document& doc) {
  if (doc.claims().empty()) return "no claims";
  std::string out;
  for (const Claim& claim : doc.claims()) {
    if (!out.empty()) out += "; ";
    out += Describe(doc, claim);
  }
  return out;
}

bool EntityMatches(const Document& doc, std::optional<size_t> entity, const Span& span,
                   const std::optional<std::string>& expected) {
  if (!expected.has_value()) return true;
  if (doc.Text(span) == *expected) return true;
  return entity.has_value() && doc.entities()[*entity].name == *expected;
}

bool ExampleMatches(const Document& doc, const Claim& claim, const ClaimExample& example) {
  if (!EntityMatches(doc, claim.subject, claim.subject_span, example.subject)) return false;
  if (!EntityMatches(doc, claim.object, claim.object_span, example.object)) return false;
  if (example.amount.has_value()) {
    const std::string got =
        claim.amount.has_value() ? std::string(doc.Text(doc.amounts()[*claim.amount].span)) : "";
    if (got != *example.amount) return false;
  }
  if (example.role && claim.role != *example.role) return false;
  if (example.status && ClaimStatusName(claim.status) != *example.status) return false;
  if (example.speaker && claim.speaker != *example.speaker) return false;
  if (example.venue && claim.venue != *example.venue) return false;
  if (example.amount_role && claim.amount_role != *example.amount_role) return false;
  if (example.stage && claim.stage != *example.stage) return false;
  if (example.event_date && claim.event_date != *example.event_date) return false;
  return true;
}

std::string DescribeExpected(const std::string& predicate, const ClaimExample& example) {
  std::string out = example.predicate.value_or(predicate) + "(";
  auto field = [&out](const char* name, const std::optional<std::string>& value) {
    if (!value.has_value()) return;
    if (out.back() != '(') out += ", ";
    out += std::string(name) + " " + Quoted(*value);
  };
  field("subject", example.subject);
  field("object", example.object);
  field("amount", example.amount);
  field("role", example.role);
  field("status", example.status);
  field("speaker", example.speaker);
  field("venue", example.venue);
  field("amount_role", example.amount_role);
  field("stage", example.stage);
  field("event_date", example.event_date);
  return out + ")";
}

}  // namespace

std::vector<std::string> ClaimStage::CheckExamples(const ExampleRunner& runner) const {
  std::vector<std::string> failures;
  for (const ClaimRule& rule : rules()) {
    const std::string context = rule.file + ": rule " + rule.id + ": example ";
    for (const ClaimExample& example : rule.match) {
      StatusOr<Document> run = runner.Run(*this, example.text);
      if (!run.ok()) {
        failures.push_back(context + Quoted(example.text) + ": " + run.status().message());
        continue;
      }
      const Document& doc = *run;
      const std::string predicate = example.predicate.value_or(rule.predicate);
      const bool found = std::any_of(doc.claims().begin(), doc.claims().end(), [&](const Claim& c) {
        return c.predicate == predicate && ExampleMatches(doc, c, example);
      });
      if (!found) {
        failures.push_back(context + Quoted(example.text) + ": expected " +
                           DescribeExpected(rule.predicate, example) + ", got " + DescribeAll(doc));
      }
    }
    for (const std::string& text : rule.no_match) {
      StatusOr<Document> run = runner.Run(*this, text);
      if (!run.ok()) {
        failures.push_back(context + Quoted(text) + ": " + run.status().message());
        continue;
      }
      const Document& doc = *run;
      for (const Claim& claim : doc.claims()) {
        if (claim.rule != rule.id) continue;
        failures.push_back(context + Quoted(text) + ": expected no claim from this rule, got " +
                           Describe(doc, claim));
        break;
      }
    }
  }
  for (std::string& failure : dates().CheckExamples()) failures.push_back(std::move(failure));
  return failures;
}

std::pair<size_t, size_t> ClaimStage::ExampleCount() const {
  std::pair<size_t, size_t> count{dates().ExampleCount(), 0};
  for (const ClaimRule& rule : rules()) {
    count.first += rule.match.size();
    count.second += rule.no_match.size();
  }
  return count;
}

}  // namespace newsfacts
