// The text report of `newsfacts compare`, printed from db's Comparison values.
#pragma once

#include <ostream>

#include "db/compare.h"

namespace newsfacts {

// Writes `comparison` as text: per fact a header line with the verdict and counts, then per
// claim its amount, status, attribution and article, with the evidence sentence below it,
// then the conflicting pairs; a closing line counts the verdicts and the hidden facts
// (`options.min_articles` names the threshold that hid them).
void WriteComparison(const Comparison& comparison, const CompareOptions& options,
                     std::ostream& out);

}  // namespace newsfacts
