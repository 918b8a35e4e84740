// The JSON contract of `newsfacts extract`: one object per article with article, sentences,
// entities, mentions, amounts, claims and quotes. The one JSON form of facts: golden files
// (cli/golden_facts.h) are a projection of it. Change it only additively.
#pragma once

#include <string>

#include "pipeline/document.h"

namespace newsfacts {

// Returns the document as the contract's JSON object, pretty-printed with `indent` spaces
// (-1 for one line). Spans are UTF-8 byte offsets `start`/`end` into the stored text. A
// layer index that points nowhere (a stage's bug) is written as null, never read.
std::string DocumentToJson(const Document& doc, int indent);

}  // namespace newsfacts
