// The fuzzed code paths and the contracts checked on their results (see fuzz_entries.h).
#include "fuzz/fuzz_entries.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "corpus/article_reader.h"
#include "corpus/json_lines_file.h"
#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/borrowed_stage.h"
#include "pipeline/document_json.h"
#include "pipeline/pipeline.h"
#include "pipeline/segmenter.h"
#include "pipeline/text.h"

namespace newsfacts::fuzz {
namespace {

// Aborts with `what` when a contract is broken: libFuzzer saves the input as a crash.
void Require(bool holds, std::string_view what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz contract broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// Aborts when a Status the harness built itself (from the built-in rules) is not ok.
template <typename T>
T ValueOrAbort(StatusOr<T> value, std::string_view what) {
  if (!value.ok()) {
    std::fprintf(stderr, "fuzz setup failed: %.*s: %s\n", static_cast<int>(what.size()),
                 what.data(), value.status().message().c_str());
    std::abort();
  }
  return std::move(value).value();
}

bool InText(const Document& doc, const Span& span) {
  return span.begin <= span.end && span.end <= doc.text().size() &&
         IsCodePointBoundary(doc.text(), span.begin) && IsCodePointBoundary(doc.text(), span.end);
}

bool IndexOk(const std::optional<size_t>& index, size_t size) { return !index || *index < size; }

// The invariants every stage keeps on any text: spans slice the text on code point
// boundaries and every index points into its layer.
void CheckDocument(const Document& doc) {
  Require(IsValidUtf8(doc.text()), "document text is valid UTF-8");
  const size_t sentences = doc.sentences().size();
  for (const Sentence& sentence : doc.sentences()) {
    Require(InText(doc, sentence.span), "sentence span in the text");
    Require(sentence.first_token + sentence.token_count <= doc.tokens().size(),
            "sentence tokens in the token layer");
  }
  for (const Token& token : doc.tokens()) Require(InText(doc, token.span), "token span");
  for (const Mention& mention : doc.mentions()) {
    Require(InText(doc, mention.span), "mention span");
    Require(mention.entity < doc.entities().size(), "mention entity index");
    Require(mention.sentence < sentences, "mention sentence index");
  }
  for (const Amount& amount : doc.amounts()) {
    Require(InText(doc, amount.span), "amount span");
    Require(amount.sentence < sentences, "amount sentence index");
    Require(IndexOk(amount.restates, doc.amounts().size()), "amount restates index");
  }
  for (const Claim& claim : doc.claims()) {
    Require(InText(doc, claim.span) && InText(doc, claim.subject_span) &&
                InText(doc, claim.object_span),
            "claim spans");
    Require(IndexOk(claim.subject, doc.entities().size()) &&
                IndexOk(claim.object, doc.entities().size()),
            "claim entity indexes");
    Require(IndexOk(claim.amount, doc.amounts().size()), "claim amount index");
    Require(claim.sentence < sentences, "claim sentence index");
  }
  for (const Quote& quote : doc.quotes()) {
    Require(InText(doc, quote.span), "quote span");
    Require(IndexOk(quote.speaker_entity, doc.entities().size()), "quote speaker index");
  }
}

bool StartsWithName(std::string_view message, std::string_view name) {
  return message.size() > name.size() && message.starts_with(name) && message[name.size()] == ':';
}

// Reads `bytes` as file `name` and checks the reader's contract; returns the articles.
std::vector<RawArticle> ReadChecked(std::string_view name, std::string_view bytes) {
  StatusOr<FileReadResult> read = ReadArticleBytes(name, std::string(bytes));
  if (!read.ok()) {
    Require(StartsWithName(read.status().message(), name), "a read error starts with the name");
    return {};
  }
  for (const RawArticle& article : read->articles) {
    Require(IsValidUtf8(article.text), "article text is valid UTF-8");
    Require(IsValidUtf8(article.meta.title), "article title is valid UTF-8");
  }
  for (const std::string& message : read->warnings) {
    Require(StartsWithName(message, name), "a warning starts with the name");
  }
  for (const std::string& message : read->errors) {
    Require(StartsWithName(message, name), "an error starts with the name");
  }
  return std::move(read->articles);
}

// What a read gave: its error, or its warnings, articles (meta and text) and errors, in order.
std::vector<std::string> Outcome(const StatusOr<FileReadResult>& read) {
  if (!read.ok()) return {read.status().message()};
  std::vector<std::string> outcome = read->warnings;
  for (const RawArticle& article : read->articles) {
    const ArticleMeta& meta = article.meta;
    outcome.push_back(std::to_string(meta.record_index) + "|" + meta.title + "|" + meta.published +
                      "|" + meta.source + "|" + meta.url + "|" +
                      std::to_string(meta.repaired_sequences) + "|" + article.text);
  }
  outcome.insert(outcome.end(), read->errors.begin(), read->errors.end());
  return outcome;
}

// A .jsonl file cut after each of its lines, as ingest reads one in pieces (JsonLinesFile),
// reads as the whole file does.
void CheckPiecesReadAsWhole(std::string_view name, std::string_view bytes) {
  std::vector<std::string> pieces;
  for (size_t begin = 0; begin < bytes.size() || pieces.empty();) {
    size_t end = bytes.find('\n', begin);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    pieces.emplace_back(bytes.substr(begin, end - begin));
    begin = end;
  }
  StatusOr<JsonLinesFile> file = JsonLinesFile::Open(name, std::move(pieces));
  const StatusOr<FileReadResult> in_pieces =
      file.ok() ? StatusOr<FileReadResult>(file->TakeAll()) : file.status();
  Require(Outcome(in_pieces) == Outcome(ReadArticleBytes(name, std::string(bytes))),
          "a .jsonl file read in pieces reads as the whole file");
}

// Runs `pipeline` over `article` and checks the document and its facts JSON.
void RunChecked(const Pipeline& pipeline, Document doc) {
  const Status status = pipeline.Run(doc);
  if (!status.ok()) return;
  CheckDocument(doc);
  Require(nlohmann::json::accept(DocumentToJson(doc, 2)), "facts JSON is valid JSON");
}

const Pipeline& AmountPipeline() {
  static const Pipeline* pipeline = [] {
    const RuleSources rules = ValueOrAbort(RuleSources::Builtin(), "built-in rules");
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(ValueOrAbort(SegmenterStage::Create(), "segmenter"));
    stages.push_back(ValueOrAbort(AmountStage::Create(rules), "amount stage"));
    return new Pipeline(ValueOrAbort(Pipeline::Create(std::move(stages)), "amount pipeline"));
  }();
  return *pipeline;
}

const RuleSources& BuiltinRules() {
  static const RuleSources* rules =
      new RuleSources(ValueOrAbort(RuleSources::Builtin(), "built-in rules"));
  return *rules;
}

const Pipeline& StandardPipelineOnce() {
  static const Pipeline* pipeline =
      new Pipeline(ValueOrAbort(BuildStandardPipeline(BuiltinRules()), "standard pipeline"));
  return *pipeline;
}

template <typename StageT>
StatusOr<std::unique_ptr<Stage>> Upcast(StatusOr<std::unique_ptr<StageT>> stage) {
  if (!stage.ok()) return stage.status();
  return std::unique_ptr<Stage>(std::move(stage).value());
}

// Splits "FORMAT\nREST" when FORMAT is one of `formats`; else {"", input}.
std::pair<std::string_view, std::string_view> SplitFormat(
    std::string_view input, std::initializer_list<std::string_view> formats) {
  const size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return {"", input};
  const std::string_view first = input.substr(0, newline);
  for (std::string_view format : formats) {
    if (first == format) return {format, input.substr(newline + 1)};
  }
  return {"", input};
}

// A short article that gives every stage something to do with the user's rules.
constexpr std::string_view kRuleProbeArticle =
    "Cisco to buy Splunk for $28 billion\n\n"
    "Cisco Systems said on Thursday it would acquire Splunk for about $28bn (£22bn) in cash. "
    "\"This is a big day,\" said Chuck Robbins, Cisco's chief executive. Ada Quint, who "
    "leads Acme Corp., invested more than €5m in the start-up, Reuters reported.\n";

}  // namespace

void ReadArticle(std::string_view name, std::string_view bytes) {
  ReadChecked(name, bytes);
  if (IsJsonLinesFile(std::string(name))) CheckPiecesReadAsWhole(name, bytes);
}

void ExtractAmounts(std::string_view bytes) {
  RunChecked(AmountPipeline(), Document::FromRaw(ArticleMeta{.path = "fuzz.txt"}, bytes));
}

void LoadRuleFile(std::string_view input) {
  const auto [format, contents] = SplitFormat(input, {"jsonl"});
  const std::string name = format.empty() ? "user.json" : "user.jsonl";
  RuleSources rules = BuiltinRules();
  const Status added = rules.Add(name, std::string(contents));
  if (!added.ok()) {
    Require(StartsWithName(added.message(), name), "a rule file error starts with its name");
    return;
  }
  // The stages that read the file's kind are built from the new set (each kind is read by
  // one stage, through RuleSources::OfKind); the others are the built-in ones, which the file
  // cannot change. Building all four takes about 0.2 s under ASan, 5 runs a second.
  const std::string& kind = rules.files().back().kind;
  const std::vector<std::unique_ptr<Stage>>& builtin = StandardPipelineOnce().stages();
  std::vector<std::unique_ptr<Stage>> stages;
  for (const std::unique_ptr<Stage>& stage : builtin) {
    StatusOr<std::unique_ptr<Stage>> rebuilt = std::unique_ptr<Stage>();
    if (stage->name() == "entities" && (kind == "gazetteer" || kind == "entity_patterns")) {
      rebuilt = Upcast(EntityStage::Create(rules));
    } else if (stage->name() == "amounts" && kind == "amounts") {
      rebuilt = Upcast(AmountStage::Create(rules));
    } else if (stage->name() == "claims" && (kind == "claims" || kind == "claim_cues")) {
      rebuilt = Upcast(ClaimStage::Create(rules));
    }
    if (!rebuilt.ok()) return;  // the file does not compile: an expected outcome
    stages.push_back(*rebuilt ? std::move(rebuilt).value()
                              : std::make_unique<BorrowedStage>(*stage));
  }
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  Require(pipeline.ok(), "the standard stages form a pipeline");
  RunChecked(*pipeline, Document::FromUtf8(ArticleMeta{.path = "probe.txt"}, kRuleProbeArticle));
}

void ExtractFacts(std::string_view input) {
  const auto [format, bytes] = SplitFormat(input, {"txt", "md", "html", "json", "jsonl"});
  const std::string name = format.empty() ? "-" : "fuzz." + std::string(format);
  for (RawArticle& raw : ReadChecked(name, bytes)) {
    RunChecked(StandardPipelineOnce(), Document::FromUtf8(std::move(raw.meta), raw.text));
  }
}

}  // namespace newsfacts::fuzz
