// Amount rule examples: each example must yield its amount, from its rule, with the fields it
// gives; each not_money text must yield no amount at all.
#include "extractors/amounts/amount_examples.h"

#include <map>
#include <optional>

namespace newsfacts::amounts {

namespace {

std::string Show(const std::optional<std::string>& value) {
  return value ? "\"" + *value + "\"" : "null";
}

// The fields an example may check, as the amount has them.
std::map<std::string, std::optional<std::string>> FieldsOf(const Amount& amount) {
  return {
      {"value", amount.value},
      {"low", amount.low},
      {"high", amount.high},
      {"currency", amount.currency},
      {"currency_evidence", amount.currency_evidence},
      {"qualifier", amount.qualifier},
      {"vague", amount.vague ? "true" : "false"},
      {"restates", amount.restates ? std::optional<std::string>(std::to_string(*amount.restates))
                                   : std::nullopt}};
}

// Appends the failures of one example of `rule`, each prefixed with `where`.
void CheckExample(const AmountRule& rule, const AmountExample& example, const Stage& stage,
                  const ExampleRunner& runner, const std::string& where,
                  std::vector<std::string>& failures) {
  const std::string prefix = where + example.text + "\": ";
  StatusOr<Document> run = runner.Run(stage, example.text);
  if (!run.ok()) {
    failures.push_back(prefix + run.status().message());
    return;
  }
  const Document& doc = *run;
  const Amount* found = nullptr;
  std::string surfaces;
  for (const Amount& amount : doc.amounts()) {
    if (doc.Text(amount.span) == example.match) found = &amount;
    surfaces += (surfaces.empty() ? "\"" : ", \"") + std::string(doc.Text(amount.span)) + "\" (" +
                amount.rule + ")";
  }
  if (found == nullptr) {
    failures.push_back(prefix + "expected amount \"" + example.match + "\", got " +
                       (surfaces.empty() ? "no amount" : surfaces));
    return;
  }
  if (found->rule != rule.id) {
    failures.push_back(prefix + "expected rule " + rule.id + ", got rule " + found->rule);
  }
  const std::map<std::string, std::optional<std::string>> actual = FieldsOf(*found);
  for (const auto& [field, expected] : example.expected) {
    const std::optional<std::string>& got = actual.at(field);
    if (got != expected) {
      failures.push_back(prefix + "expected " + field + " " + Show(expected) + ", got " +
                         Show(got));
    }
  }
}

// Appends a failure for each amount found in a not_money text.
void CheckNotMoney(const std::string& text, const Stage& stage, const ExampleRunner& runner,
                   const std::string& where, std::vector<std::string>& failures) {
  StatusOr<Document> run = runner.Run(stage, text);
  if (!run.ok()) {
    failures.push_back(where + text + "\": " + run.status().message());
    return;
  }
  const Document& doc = *run;
  for (const Amount& amount : doc.amounts()) {
    failures.push_back(where + text + "\": expected no amount (not money), got \"" +
                       std::string(doc.Text(amount.span)) + "\" (" + amount.rule + ")");
  }
}

}  // namespace

std::vector<std::string> CheckAmountExamples(const std::vector<AmountRule>& rules,
                                             const Stage& stage, const ExampleRunner& runner) {
  std::vector<std::string> failures;
  for (const AmountRule& rule : rules) {
    const std::string where = rule.file + ": rule " + rule.id + ": example \"";
    for (const AmountExample& example : rule.examples) {
      CheckExample(rule, example, stage, runner, where, failures);
    }
    for (const std::string& text : rule.not_money) {
      CheckNotMoney(text, stage, runner, where, failures);
    }
  }
  return failures;
}

}  // namespace newsfacts::amounts
