// Text made safe for HTML: every string from the database (article text is untrusted input)
// goes through these before it reaches the report.
#pragma once

#include <string>
#include <string_view>

namespace newsfacts {

// `text` with &, <, >, " and ' replaced by entities, so it is inert in element content and
// in quoted attribute values: a title "<script>alert(1)</script>" shows as text.
std::string HtmlEscape(std::string_view text);

// `sentence` escaped, with the first occurrence of `amount` (when not empty) wrapped in
// <mark class="amount">; without an occurrence, the sentence escaped alone.
std::string HighlightAmount(std::string_view sentence, std::string_view amount);

}  // namespace newsfacts
