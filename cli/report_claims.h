// Choosing and reading the claims the report shows: the articles it lists, the first claims of
// the facts whose evidence it shows, the conflicting pairs, each entity's first deals. Only
// those claims are read from the database.
#pragma once

#include "cli/report_html.h"
#include "db/claim_reader.h"
#include "pipeline/status.h"

namespace newsfacts {

// Fills input.shown from `reader`, for input.comparison (read without claims) and
// input.limits: the articles of the facts in conflict, then of the agreeing facts, then of the
// others, in the page's order and story order, until limits.articles are listed; each listed
// article's first claims; the claims of the conflicting pairs shown; the first claims of the
// agreements and of the facts listed under each entity shown; each such entity's first deals
// by date. Errors: as ClaimReader.
Status ReadShownClaims(ClaimReader& reader, ReportInput& input);

}  // namespace newsfacts
