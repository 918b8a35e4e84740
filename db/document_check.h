// ValidateDocument: the fact store's check that a document's layers point where they may.
#pragma once

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsfacts {

// Checks every span (inside the text, on code point boundaries) and cross-layer index of
// `doc`, so that a bad document fails before anything is written. Returns InvalidArgument
// naming the first bad item, e.g. "mentions[3]: entity index 9 is out of range (...)".
Status ValidateDocument(const Document& doc);

}  // namespace newsfacts
