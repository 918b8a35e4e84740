// DateRules: the date expressions of "dates" rule files ("on March 3, 2025", "in 2019", "on
// Tuesday", "last year"), read in abstracted sentences and resolved against the published date.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/kernel/rule_sources.h"
#include "pipeline/status.h"

namespace newsfacts {

// One date expression found in a text.
struct FoundDate {
  size_t begin = 0;  // bytes of the expression in the text searched
  size_t end = 0;
  std::string date;  // "2019", "2025-06" or "2025-06-03"; empty when it cannot be resolved
  std::string rule;  // id of the date rule that read it
};

// Resolves one date expression. `resolve` is the rule's kind: "calendar" (groups year, month,
// day; a month without a year takes the year that puts it nearest the published date),
// "weekday" (the latest such weekday on or before the published date), "days", "weeks",
// "months" or "years" (the published day, week, month or year moved by `offset`; a week gives
// its month when it lies in one month, else its year). `published` is an ISO date ("2025-03-04",
// "2025-03-04T09:00:00Z"); relative forms give "" without one. Returns "" for impossible dates
// (February 30).
struct DateParts {
  std::string year, month, day, weekday;  // group texts; month and weekday as numbers "1".."12"
};
std::string ResolveDate(std::string_view resolve, int offset, const DateParts& parts,
                        std::string_view published);

// The compiled date rules. Immutable after Create; thread-safe.
class DateRules {
 public:
  // Compiles every file of kind "dates". InvalidArgument as "<file>:<line>: rule <id>: ..."
  // for a bad pattern, an unknown resolve kind or a month table entry that is not 1..12.
  static StatusOr<std::unique_ptr<DateRules>> Create(const RuleSources& sources);
  ~DateRules();

  // The date expressions of `text`, left to right, without overlaps (the longest wins, then
  // the earlier rule), each resolved against `published`.
  std::vector<FoundDate> Find(std::string_view text, std::string_view published) const;

  // Runs every embedded example: its text must yield, from this rule, the expression
  // `match` (default: any) resolved to `date` (null: unresolved) against its `published`; a
  // no_match text must yield no date from this rule. One message per failure.
  std::vector<std::string> CheckExamples() const;
  size_t ExampleCount() const;

 private:
  struct Impl;
  explicit DateRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
