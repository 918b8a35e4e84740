// entity_eval: scores the entity stage on a CoNLL-2003 IOB2 file (ORG and PER, strict span
// and type) and prints the main error classes. Usage: entity_eval FILE [--examples N]
// Each document's text is its tokens joined by spaces and its sentences by newlines; the
// segmenter and entity stages run on the whole document so in-document propagation works.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/entities/entity_stage.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/segmenter.h"

namespace {

using newsfacts::EntityType;

// A labelled or predicted span over the tokens [begin, end) of one document.
struct TokenSpan {
  size_t begin = 0;
  size_t end = 0;
  std::string type;  // "ORG", "PER", "LOC", "MISC", "PRODUCT"
  std::string text;
};

// One CoNLL document: its tokens, the index of each sentence's first token, its gold spans.
struct ConllDocument {
  std::vector<std::string> tokens;
  std::vector<size_t> sentence_starts;
  std::vector<TokenSpan> gold;
};

// Reads IOB2 lines (token POS chunk tag) into documents split at -DOCSTART-; an I- tag of a
// new type opens a span as B- would.
std::vector<ConllDocument> ReadConll(std::istream& in) {
  std::vector<ConllDocument> docs;
  std::string line;
  bool new_sentence = true;
  std::string open_type;
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      docs.emplace_back();
      new_sentence = true;
      open_type.clear();
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      new_sentence = true;
      open_type.clear();
      continue;
    }
    if (docs.empty()) docs.emplace_back();
    ConllDocument& doc = docs.back();
    std::istringstream fields(line);
    std::string token, pos, chunk, tag;
    fields >> token >> pos >> chunk >> tag;
    if (new_sentence) doc.sentence_starts.push_back(doc.tokens.size());
    new_sentence = false;
    const size_t index = doc.tokens.size();
    doc.tokens.push_back(token);
    const std::string type = tag.size() > 2 ? tag.substr(2) : "";
    if (tag[0] == 'B' || (tag[0] == 'I' && type != open_type)) {
      doc.gold.push_back({index, index + 1, type, token});
      open_type = type;
    } else if (tag[0] == 'I') {
      doc.gold.back().end = index + 1;
      doc.gold.back().text += " " + token;
    } else {
      open_type.clear();
    }
  }
  return docs;
}

// The CoNLL type name of an entity type.
std::string ConllType(EntityType type) {
  switch (type) {
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kPerson:
      return "PER";
    case EntityType::kLocation:
      return "LOC";
    case EntityType::kProduct:
      return "PRODUCT";
  }
  return "";
}

// Gold, predicted and correct spans of one type; Print writes its row with P, R and F1.
struct Counts {
  size_t true_positive = 0;
  size_t gold = 0;
  size_t predicted = 0;
  void Print(const std::string& label) const {
    const double p = predicted ? static_cast<double>(true_positive) / predicted : 0;
    const double r = gold ? static_cast<double>(true_positive) / gold : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("%-8s gold %5zu  predicted %5zu  correct %5zu  P %.3f  R %.3f  F1 %.3f\n",
                label.c_str(), gold, predicted, true_positive, p, r, f);
  }
};

// Whether a type is scored (the others are predicted and labelled but not counted).
bool Scored(const std::string& type) { return type == "ORG" || type == "PER"; }

// Whether two token spans share a token.
bool Overlaps(const TokenSpan& a, const TokenSpan& b) { return a.begin < b.end && b.begin < a.end; }

// Whether two token spans are the same span with the same type.
bool SameSpan(const TokenSpan& a, const TokenSpan& b) {
  return a.begin == b.begin && a.end == b.end && a.type == b.type;
}

// The command line: the IOB2 file and how many examples to print per error class.
struct Options {
  std::string path;
  size_t max_examples = 8;
};

// The two stages scored here: the segmenter and the entity stage (none of the later ones).
struct EntityStages {
  std::unique_ptr<newsfacts::Stage> segmenter;
  std::unique_ptr<newsfacts::Stage> entities;
};

// A document's text rebuilt from its tokens, with the token starting and ending at each byte
// offset that is a token boundary.
struct JoinedText {
  std::string text;
  std::map<size_t, size_t> token_at_begin;  // begin byte -> token index
  std::map<size_t, size_t> token_at_end;    // end byte -> token index + 1
};

// Scores per type and the examples of each error class.
struct Tally {
  std::map<std::string, Counts> counts;
  std::map<std::string, std::vector<std::string>> errors;  // class -> examples
};

// Parses `FILE.iob2 [--examples N]`; prints the usage and returns nothing without a file.
std::optional<Options> ParseArgs(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: entity_eval FILE.iob2 [--examples N]\n";
    return std::nullopt;
  }
  Options options{.path = argv[1]};
  if (argc >= 4 && std::string(argv[2]) == "--examples")
    options.max_examples = std::strtoul(argv[3], nullptr, 10);
  return options;
}

// Creates the segmenter and entity stages over the built-in rules; prints the error and
// returns nothing when one fails.
std::optional<EntityStages> CreateStages() {
  auto rules = newsfacts::RuleSources::Builtin();
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return std::nullopt;
  }
  auto segmenter = newsfacts::SegmenterStage::Create();
  auto entities = newsfacts::EntityStage::Create(*rules);
  if (!segmenter.ok() || !entities.ok()) {
    std::cerr << (segmenter.ok() ? entities.status() : segmenter.status()).message() << "\n";
    return std::nullopt;
  }
  return EntityStages{std::move(*segmenter), std::move(*entities)};
}

// Joins the tokens of `conll` by spaces within a sentence and by newlines between sentences.
JoinedText JoinTokens(const ConllDocument& conll) {
  JoinedText joined;
  size_t next_sentence = 0;
  for (size_t t = 0; t < conll.tokens.size(); ++t) {
    if (t > 0) {
      const bool starts =
          next_sentence < conll.sentence_starts.size() && conll.sentence_starts[next_sentence] == t;
      joined.text += starts ? "\n" : " ";
    }
    if (next_sentence < conll.sentence_starts.size() && conll.sentence_starts[next_sentence] == t) {
      ++next_sentence;
    }
    joined.token_at_begin[joined.text.size()] = t;
    joined.text += conll.tokens[t];
    joined.token_at_end[joined.text.size()] = t + 1;
  }
  return joined;
}

// The token span of `mention`, its text tagged with the rule that found it. A mention not on
// token boundaries can never be correct: it gets an approximate token range and a type ending
// in "~".
TokenSpan ToTokenSpan(const newsfacts::Document& doc, const newsfacts::Mention& mention,
                      const JoinedText& joined, size_t token_count) {
  TokenSpan span;
  span.type = ConllType(mention.type);
  span.text = std::string(doc.Text(mention.span)) + " [" + mention.rule.str() + "]";
  const auto b = joined.token_at_begin.find(mention.span.begin);
  const auto e = joined.token_at_end.find(mention.span.end);
  if (b == joined.token_at_begin.end() || e == joined.token_at_end.end()) {
    const auto lb = joined.token_at_begin.upper_bound(mention.span.begin);
    span.begin = lb == joined.token_at_begin.begin() ? 0 : std::prev(lb)->second;
    const auto le = joined.token_at_end.lower_bound(mention.span.end);
    span.end = le == joined.token_at_end.end() ? token_count : le->second;
    span.type += "~";
  } else {
    span.begin = b->second;
    span.end = e->second;
  }
  return span;
}

// Runs both stages over the joined text of `conll` and returns the mentions as token spans;
// an error when a stage fails.
newsfacts::StatusOr<std::vector<TokenSpan>> Predict(const EntityStages& stages,
                                                    const ConllDocument& conll) {
  const JoinedText joined = JoinTokens(conll);
  newsfacts::Document doc = newsfacts::Document::FromRaw({}, joined.text);
  if (doc.text() != joined.text) {
    std::cerr << "warning: text changed by normalization; offsets may not match\n";
  }
  newsfacts::Status status = stages.segmenter->Process(doc);
  if (status.ok()) status = stages.entities->Process(doc);
  if (!status.ok()) return status;
  std::vector<TokenSpan> predicted;
  for (const newsfacts::Mention& mention : doc.mentions()) {
    predicted.push_back(ToTokenSpan(doc, mention, joined, conll.tokens.size()));
  }
  return predicted;
}

// Counts the scored gold spans and the ones predicted exactly; notes each miss under its
// class (decided by the last overlapping prediction).
void ScoreGold(const std::vector<TokenSpan>& gold_spans, const std::vector<TokenSpan>& predicted,
               Tally* tally) {
  for (const TokenSpan& gold : gold_spans) {
    if (!Scored(gold.type)) continue;
    ++tally->counts[gold.type].gold;
    ++tally->counts["ORG+PER"].gold;
    bool exact = false;
    std::string error_class = "missed " + gold.type + " (no overlapping prediction)";
    for (const TokenSpan& pred : predicted) {
      if (SameSpan(pred, gold)) {
        exact = true;
        break;
      }
      if (!Overlaps(pred, gold)) continue;
      error_class = pred.type == gold.type ? "boundary " + gold.type + " (overlap, wrong span)"
                                           : "gold " + gold.type + " predicted " + pred.type;
    }
    if (exact) {
      ++tally->counts[gold.type].true_positive;
      ++tally->counts["ORG+PER"].true_positive;
    } else {
      tally->errors[error_class].push_back(gold.text);
    }
  }
}

// Counts the scored predictions; notes each one without an exact gold span under its class
// (decided by the last overlapping gold span).
void ScorePredicted(const std::vector<TokenSpan>& gold_spans,
                    const std::vector<TokenSpan>& predicted, Tally* tally) {
  for (const TokenSpan& pred : predicted) {
    if (!Scored(pred.type)) continue;
    ++tally->counts[pred.type].predicted;
    ++tally->counts["ORG+PER"].predicted;
    bool exact = false;
    std::string error_class = "spurious " + pred.type + " (no gold entity)";
    for (const TokenSpan& gold : gold_spans) {
      if (SameSpan(pred, gold)) {
        exact = true;
        break;
      }
      if (!Overlaps(pred, gold)) continue;
      error_class = gold.type == pred.type ? "spurious " + pred.type + " (boundary)"
                                           : "spurious " + pred.type + " (gold " + gold.type + ")";
    }
    if (!exact) tally->errors[error_class].push_back(pred.text);
  }
}

// Prints the ORG, PER and ORG+PER rows, then the error classes, most frequent first, each
// with its first `max_examples` examples.
void PrintReport(const Tally& tally, size_t max_examples) {
  for (const char* label : {"ORG", "PER", "ORG+PER"}) {
    const auto row = tally.counts.find(label);
    (row == tally.counts.end() ? Counts{} : row->second).Print(label);
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> sorted(tally.errors.begin(),
                                                                       tally.errors.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  std::cout << "\nerror classes (count, examples):\n";
  for (const auto& [error_class, examples] : sorted) {
    std::cout << "  " << examples.size() << "\t" << error_class << ":";
    for (size_t i = 0; i < std::min(max_examples, examples.size()); ++i) {
      std::cout << (i ? "; " : " ") << examples[i];
    }
    std::cout << "\n";
  }
}

// Scores the entity stage on the file named on the command line; 2 on a usage or setup error,
// 1 when a stage fails on a document.
int Run(int argc, char** argv) {
  const std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) return 2;
  std::ifstream in(options->path);
  if (!in) {
    std::cerr << options->path << ": cannot open\n";
    return 2;
  }
  const std::optional<EntityStages> stages = CreateStages();
  if (!stages) return 2;
  Tally tally;
  for (const ConllDocument& conll : ReadConll(in)) {
    if (conll.tokens.empty()) continue;
    const auto predicted = Predict(*stages, conll);
    if (!predicted.ok()) {
      std::cerr << predicted.status().message() << "\n";
      return 1;
    }
    ScoreGold(conll.gold, *predicted, &tally);
    ScorePredicted(conll.gold, *predicted, &tally);
  }
  PrintReport(tally, options->max_examples);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
