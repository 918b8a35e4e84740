// AppendJsonString: a string as a JSON string literal, byte for byte as nlohmann::json's dump
// writes it (UTF-8 kept, invalid UTF-8 replaced), without building a json value: the article
// text and its sentences were most of the cost of writing facts (issue 16).
#pragma once

#include <string>
#include <string_view>

namespace newsfacts {

// Appends `text`, quoted and escaped as json::dump(-1, ' ', false, error_handler_t::replace)
// writes a string: `"` and `\` escaped, \b \f \n \r \t by name, other controls as \u00xx.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace newsfacts
