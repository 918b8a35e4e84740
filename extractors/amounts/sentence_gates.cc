// Sentence gates: one scan of the joined sentences per gate, then a confirming search of each
// sentence where the scan matched.
//
// Why the scan misses no sentence: a match of the gate in a sentence alone is a match of the
// scanner in the joined text at the same bytes (a newline, like the ends of a text, is no word
// character for \b, and multi-line ^ and $ hold beside it). After a match in sentence i the
// scan resumes at the start of sentence i + 1, so the leftmost match it finds next never lies
// past a sentence that has one.
#include "extractors/amounts/sentence_gates.h"

#include <algorithm>
#include <string>

#include "extractors/amounts/amount_text.h"

namespace newsfacts::amounts {

std::vector<bool> SentencesMatching(const Regex& gate, const Regex& scanner,
                                    const std::vector<std::string_view>& sentences) {
  std::string joined;
  std::vector<size_t> starts;
  starts.reserve(sentences.size());
  for (std::string_view sentence : sentences) {
    starts.push_back(joined.size());
    joined.append(sentence);
    joined.push_back('\n');
  }
  std::vector<bool> matching(sentences.size(), false);
  std::vector<std::string_view> match;
  size_t pos = 0;
  while (pos < joined.size() && scanner.Find(joined, pos, joined.size(), &match)) {
    const size_t at = static_cast<size_t>(match[0].data() - joined.data());
    const size_t i =
        static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) -
        1;
    // A match inside a sentence without a newline is one of the gate there, since multi-line
    // ^ and $ then hold only where the gate's do; any other is confirmed by a search.
    const bool inside = at + match[0].size() <= starts[i] + sentences[i].size() &&
                        sentences[i].find('\n') == std::string_view::npos;
    matching[i] = inside || gate.Contains(sentences[i]);
    pos = i + 1 < starts.size() ? starts[i + 1] : joined.size();
  }
  return matching;
}

std::vector<SentenceGate> PassGates(const AmountRuleSet& rules, const Document& doc) {
  const size_t count = doc.sentences().size();
  std::vector<SentenceGate> gates(count);
  // The sentences each gate is asked about, and their indices in doc.sentences().
  std::vector<std::string_view> with_text, with_digit;
  std::vector<size_t> text_index, digit_index;
  for (size_t i = 0; i < count; ++i) {
    const Span& span = doc.sentences()[i].span;
    if (span.end > doc.text().size() || span.empty()) continue;
    const std::string_view sentence = doc.Text(span);
    with_text.push_back(sentence);
    text_index.push_back(i);
    if (HasAsciiDigit(sentence)) {
      with_digit.push_back(sentence);
      digit_index.push_back(i);
    }
  }
  if (rules.currency_gate == nullptr) {
    for (size_t i : digit_index) gates[i].digit_rules = true;
  } else {
    const std::vector<bool> pass =
        SentencesMatching(*rules.currency_gate, *rules.currency_gate_scanner, with_digit);
    for (size_t k = 0; k < pass.size(); ++k) gates[digit_index[k]].digit_rules = pass[k];
  }
  if (rules.word_gate != nullptr) {
    const std::vector<bool> pass =
        SentencesMatching(*rules.word_gate, *rules.word_gate_scanner, with_text);
    for (size_t k = 0; k < pass.size(); ++k) gates[text_index[k]].word_rules = pass[k];
  }
  return gates;
}

}  // namespace newsfacts::amounts
