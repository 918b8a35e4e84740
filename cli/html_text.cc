// HTML escaping and the amount highlight of evidence sentences.
#include "cli/html_text.h"

namespace newsfacts {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HighlightAmount(std::string_view sentence, std::string_view amount) {
  const size_t at = amount.empty() ? std::string_view::npos : sentence.find(amount);
  if (at == std::string_view::npos) return HtmlEscape(sentence);
  return HtmlEscape(sentence.substr(0, at)) + "<mark class=\"amount\">" + HtmlEscape(amount) +
         "</mark>" + HtmlEscape(sentence.substr(at + amount.size()));
}

}  // namespace newsfacts
