// Sentence gates: one scan of the joined sentences with both gates united, then a search of
// each gate in each sentence where the scan matched (issue 16: a scan per gate, and a digit
// test of every sentence for the currency gate, were half of the amount stage; a matching
// sentence is rare, so confirming both gates there costs little).
//
// Why the scan misses no sentence: a match of a gate in a sentence alone is a match of the
// scanner in the joined text at the same bytes (a newline, like the ends of a text, is no word
// character for \b, and multi-line ^ and $ hold beside it). After a match in sentence i the
// scan resumes at the start of sentence i + 1, so the leftmost match it finds next never lies
// past a sentence that has one.
#include "extractors/amounts/sentence_gates.h"

#include <algorithm>
#include <optional>
#include <string>

#include "extractors/amounts/amount_text.h"

namespace newsfacts::amounts {

std::vector<size_t> SentencesToConfirm(const Regex& scanner,
                                       const std::vector<std::string_view>& sentences) {
  size_t length = 0;
  for (std::string_view sentence : sentences) length += sentence.size() + 1;
  std::string joined;
  joined.reserve(length);  // grown a sentence at a time, it was copied over and over
  std::vector<size_t> starts;
  starts.reserve(sentences.size());
  for (std::string_view sentence : sentences) {
    starts.push_back(joined.size());
    joined.append(sentence);
    joined.push_back('\n');
  }
  std::vector<size_t> found;
  size_t pos = 0;
  while (pos < joined.size()) {
    const std::optional<std::string_view> match = scanner.FindMatch(joined, pos, joined.size());
    if (!match) break;
    const size_t at = static_cast<size_t>(match->data() - joined.data());
    const size_t i =
        static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) -
        1;
    found.push_back(i);
    pos = i + 1 < starts.size() ? starts[i + 1] : joined.size();
  }
  return found;
}

std::vector<SentenceGate> PassGates(const AmountRuleSet& rules, const Document& doc) {
  const size_t count = doc.sentences().size();
  std::vector<SentenceGate> gates(count);
  // The sentences the gates are asked about, and their indices in doc.sentences().
  std::vector<std::string_view> sentences;
  std::vector<size_t> index;
  sentences.reserve(count);
  index.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const Span& span = doc.sentences()[i].span;
    if (span.end > doc.text().size() || span.empty()) continue;
    sentences.push_back(doc.Text(span));
    index.push_back(i);
  }
  if (rules.currency_gate == nullptr) {
    for (size_t k = 0; k < sentences.size(); ++k) {
      gates[index[k]].digit_rules = HasAsciiDigit(sentences[k]);
    }
  }
  if (rules.gate_scanner == nullptr) return gates;
  // A sentence the scan passes over matches neither gate; one it stops at is asked both.
  for (const size_t k : SentencesToConfirm(*rules.gate_scanner, sentences)) {
    const std::string_view sentence = sentences[k];
    SentenceGate& gate = gates[index[k]];
    if (rules.currency_gate != nullptr) {
      gate.digit_rules = HasAsciiDigit(sentence) && rules.currency_gate->Contains(sentence);
    }
    gate.word_rules = rules.word_gate != nullptr && rules.word_gate->Contains(sentence);
  }
  return gates;
}

}  // namespace newsfacts::amounts
