// Amount rule examples: runs every embedded "examples" and "not_money" entry of the compiled
// amount rules through the upstream stages and the amount stage, describing each failure.
#pragma once

#include <string>
#include <vector>

#include "extractors/amounts/amount_rules.h"
#include "extractors/kernel/example_runner.h"
#include "pipeline/stage.h"

namespace newsfacts::amounts {

// Returns one message per failing example of `rules`, run through `runner` and `stage` (the
// amount stage compiled from those rules), formatted
// `<file>: rule <id>: example "<text>": expected ..., got ...`; empty when all pass.
std::vector<std::string> CheckAmountExamples(const std::vector<AmountRule>& rules,
                                             const Stage& stage, const ExampleRunner& runner);

}  // namespace newsfacts::amounts
