// entity_eval: scores the entity stage on a CoNLL-2003 IOB2 file (ORG and PER, strict span
// and type) and prints the main error classes. Usage: entity_eval FILE [--examples N]
// Each document's text is its tokens joined by spaces and its sentences by newlines; the
// segmenter and entity stages run on the whole document so in-document propagation works.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
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

struct ConllDocument {
  std::vector<std::string> tokens;
  std::vector<size_t> sentence_starts;
  std::vector<TokenSpan> gold;
};

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

bool Scored(const std::string& type) { return type == "ORG" || type == "PER"; }

int Run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: entity_eval FILE.iob2 [--examples N]\n";
    return 2;
  }
  size_t max_examples = 8;
  if (argc >= 4 && std::string(argv[2]) == "--examples")
    max_examples = std::strtoul(argv[3], nullptr, 10);
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 2;
  }
  auto rules = newsfacts::RuleSources::Builtin();
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 2;
  }
  auto segmenter = newsfacts::SegmenterStage::Create();
  auto entities = newsfacts::EntityStage::Create(*rules);
  if (!segmenter.ok() || !entities.ok()) {
    std::cerr << (segmenter.ok() ? entities.status() : segmenter.status()).message() << "\n";
    return 2;
  }
  std::map<std::string, Counts> counts;
  std::map<std::string, std::vector<std::string>> errors;  // class -> examples
  const auto note = [&](const std::string& error_class, const std::string& example) {
    errors[error_class].push_back(example);
  };
  for (const ConllDocument& conll : ReadConll(in)) {
    if (conll.tokens.empty()) continue;
    std::string text;
    std::map<size_t, size_t> token_at_begin, token_at_end;
    size_t next_sentence = 0;
    for (size_t t = 0; t < conll.tokens.size(); ++t) {
      if (t > 0) {
        const bool starts = next_sentence < conll.sentence_starts.size() &&
                            conll.sentence_starts[next_sentence] == t;
        text += starts ? "\n" : " ";
      }
      if (next_sentence < conll.sentence_starts.size() &&
          conll.sentence_starts[next_sentence] == t) {
        ++next_sentence;
      }
      token_at_begin[text.size()] = t;
      text += conll.tokens[t];
      token_at_end[text.size()] = t + 1;
    }
    newsfacts::Document doc = newsfacts::Document::FromRaw({}, text);
    if (doc.text() != text) {
      std::cerr << "warning: text changed by normalization; offsets may not match\n";
    }
    newsfacts::Status status = (*segmenter)->Process(doc);
    if (status.ok()) status = (*entities)->Process(doc);
    if (!status.ok()) {
      std::cerr << status.message() << "\n";
      return 1;
    }
    std::vector<TokenSpan> predicted;
    for (const newsfacts::Mention& mention : doc.mentions()) {
      TokenSpan span;
      span.type = ConllType(mention.type);
      span.text = std::string(doc.Text(mention.span)) + " [" + mention.rule + "]";
      const auto b = token_at_begin.find(mention.span.begin);
      const auto e = token_at_end.find(mention.span.end);
      if (b == token_at_begin.end() || e == token_at_end.end()) {
        // Not on token boundaries: can never be correct; keep an approximate token range.
        const auto lb = token_at_begin.upper_bound(mention.span.begin);
        span.begin = lb == token_at_begin.begin() ? 0 : std::prev(lb)->second;
        const auto le = token_at_end.lower_bound(mention.span.end);
        span.end = le == token_at_end.end() ? conll.tokens.size() : le->second;
        span.type += "~";
      } else {
        span.begin = b->second;
        span.end = e->second;
      }
      predicted.push_back(span);
    }
    const auto overlaps = [](const TokenSpan& a, const TokenSpan& b) {
      return a.begin < b.end && b.begin < a.end;
    };
    for (const TokenSpan& gold : conll.gold) {
      if (!Scored(gold.type)) continue;
      ++counts[gold.type].gold;
      ++counts["ORG+PER"].gold;
      bool exact = false;
      std::string error_class = "missed " + gold.type + " (no overlapping prediction)";
      for (const TokenSpan& pred : predicted) {
        if (pred.begin == gold.begin && pred.end == gold.end && pred.type == gold.type) {
          exact = true;
          break;
        }
        if (!overlaps(pred, gold)) continue;
        error_class = pred.type == gold.type ? "boundary " + gold.type + " (overlap, wrong span)"
                                             : "gold " + gold.type + " predicted " + pred.type;
      }
      if (exact) {
        ++counts[gold.type].true_positive;
        ++counts["ORG+PER"].true_positive;
      } else {
        note(error_class, gold.text);
      }
    }
    for (const TokenSpan& pred : predicted) {
      if (!Scored(pred.type)) continue;
      ++counts[pred.type].predicted;
      ++counts["ORG+PER"].predicted;
      bool exact = false;
      std::string error_class = "spurious " + pred.type + " (no gold entity)";
      for (const TokenSpan& gold : conll.gold) {
        if (pred.begin == gold.begin && pred.end == gold.end && pred.type == gold.type) {
          exact = true;
          break;
        }
        if (!overlaps(pred, gold)) continue;
        error_class = gold.type == pred.type
                          ? "spurious " + pred.type + " (boundary)"
                          : "spurious " + pred.type + " (gold " + gold.type + ")";
      }
      if (!exact) note(error_class, pred.text);
    }
  }
  counts["ORG"].Print("ORG");
  counts["PER"].Print("PER");
  counts["ORG+PER"].Print("ORG+PER");
  std::vector<std::pair<std::string, std::vector<std::string>>> sorted(errors.begin(),
                                                                       errors.end());
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
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
