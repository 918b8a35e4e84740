// `newsfacts extract FILE|- [--format json|text] [--explain]`: the facts of one article file;
// with `--input jsonl [--jobs N]`, the streaming filter over a stream of article records.
#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "cli/extract_stream.h"
#include "cli/messages.h"
#include "corpus/article_reader.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/document_json.h"
#include "pipeline/pipeline_warm_up.h"

namespace newsfacts {
namespace {

std::string OrEmpty(const std::optional<std::string>& value, std::string_view fallback) {
  return value ? *value : std::string(fallback);
}

std::string AmountLine(const Document& doc, const Amount& amount) {
  std::ostringstream line;
  line << doc.Text(amount.span) << " = ";
  if (amount.value) {
    line << *amount.value;
  } else {
    line << "[" << OrEmpty(amount.low, "-inf") << ", " << OrEmpty(amount.high, "inf") << ")";
  }
  line << " " << OrEmpty(amount.currency, "(currency unknown)") << "  " << amount.qualifier;
  if (amount.vague && amount.qualifier != "vague") line << ", vague";
  if (!amount.currency_evidence.empty()) line << ", " << amount.currency_evidence;
  if (amount.restates) line << "  restates #" << *amount.restates;
  return line.str();
}

// The article's facts grouped for a person reading a terminal.
std::string DocumentToText(const Document& doc) {
  std::ostringstream out;
  const ArticleMeta& meta = doc.meta();
  out << (meta.title.empty() ? "(untitled)" : meta.title) << "\n";
  out << "  " << meta.path;
  if (meta.record_index >= 0) out << " #" << meta.record_index;
  if (!meta.source.empty()) out << " · " << meta.source;
  if (!meta.published.empty()) out << " · " << meta.published;
  out << "\n  " << doc.sentences().size() << " sentences, " << doc.entities().size()
      << " entities, " << doc.mentions().size() << " mentions, " << doc.amounts().size()
      << " amounts, " << doc.claims().size() << " claims\n";

  if (!doc.entities().empty()) {
    out << "\nEntities\n";
    std::map<size_t, int> counts;
    for (const Mention& mention : doc.mentions()) ++counts[mention.entity];
    for (size_t i = 0; i < doc.entities().size(); ++i) {
      const Entity& entity = doc.entities()[i];
      out << "  " << EntityTypeName(entity.type) << "\t" << entity.name << "  ×" << counts[i];
      if (!entity.parent_key.empty()) out << "  (part of " << entity.parent_key << ")";
      out << "\n";
    }
  }
  if (!doc.amounts().empty()) {
    out << "\nAmounts\n";
    for (size_t i = 0; i < doc.amounts().size(); ++i) {
      out << "  #" << i << " " << AmountLine(doc, doc.amounts()[i]) << "\n";
    }
  }
  if (!doc.claims().empty()) {
    out << "\nClaims\n";
    for (const Claim& claim : doc.claims()) {
      out << "  [" << ClaimStatusName(claim.status) << "] "
          << (claim.subject ? doc.entities()[*claim.subject].name : "?") << " " << claim.predicate;
      if (claim.object) out << " " << doc.entities()[*claim.object].name;
      if (claim.amount) out << "  " << doc.Text(doc.amounts()[*claim.amount].span);
      if (claim.amount && !claim.amount_role.empty() && claim.amount_role != "unspecified") {
        out << " (" << claim.amount_role << ")";
      }
      if (!claim.stage.empty() && claim.stage != "unspecified") out << "  stage: " << claim.stage;
      if (!claim.event_date.empty()) {
        out << "  when: " << claim.event_date << " (" << claim.event_date_text << ")";
      } else if (!claim.event_date_text.empty()) {
        out << "  when: \"" << claim.event_date_text << "\" (no published date to resolve it)";
      }
      if (!claim.role.empty()) out << "  role: " << claim.role;
      if (!claim.speaker.empty()) out << "  speaker: " << claim.speaker;
      if (!claim.venue.empty()) out << "  venue: " << claim.venue;
      out << "\n      \"" << doc.Text(doc.sentences()[claim.sentence].span) << "\"\n";
    }
  }
  if (!doc.quotes().empty()) {
    out << "\nQuotes\n";
    for (const Quote& quote : doc.quotes()) {
      out << "  " << (quote.speaker.empty() ? "(unattributed)" : quote.speaker) << ": \""
          << doc.Text(quote.span) << "\"\n";
    }
  }
  return out.str();
}

// Lists on stderr the sentences with two entities and an amount that no claim rule matched,
// as the rules see them, so rule authors see what they miss.
void PrintUnexplained(const Document& doc) {
  const std::vector<UnexplainedSentence> missed = ClaimStage::Explain(doc);
  std::fprintf(stderr, "%s: %zu sentences with two or more entities and an amount but no claim\n",
               Printable(doc.meta().path).c_str(), missed.size());
  for (const UnexplainedSentence& sentence : missed) {
    std::fprintf(stderr, "  #%zu %s\n", sentence.sentence, sentence.abstracted.c_str());
  }
}

// Keeps `kept` (a pipeline, or its build) until the process exits, never destroyed: freeing
// the compiled rules and the automata RE2 built while matching took about 10 ms at the end of
// every run (issue 16), memory the exit returns at once. Reachable from a static, so no leak
// checker reports it.
template <typename T>
const T* KeepUntilExit(T kept) {
  static auto* const all = new std::deque<T>();
  return &all->emplace_back(std::move(kept));
}

// Runs the streaming filter over `command.input` ("-" = stdin) to stdout.
int RunExtractStreamCommand(const ExtractCommand& command) {
  if (command.format != "json" || command.explain) {
    PrintError("--input jsonl writes facts lines only; drop --format text and --explain");
    return kExitFatal;
  }
  std::FILE* in = command.input == "-" ? stdin : std::fopen(command.input.c_str(), "rb");
  if (in == nullptr) {
    PrintError(command.input + ": cannot open: " + std::strerror(errno));
    return kExitFatal;
  }
  // With a core to spare, records start through the first stages while the rest compile
  // there, and the warm-up follows; a stream runs long enough to repay warming every rule up,
  // one article does not (extract of a file warms nothing), and `extract` runs on many
  // articles at once would only take each other's cores.
  const bool spare_core =
      PipelineWarmUp::HasIdleCore(static_cast<size_t>(std::max(1, command.jobs)));
  StatusOr<StandardPipelineBuild> started = StartStandardPipeline(command.rule_dirs, spare_core);
  if (!started.ok()) {
    if (in != stdin) std::fclose(in);
    PrintError(started.status().message());
    return kExitFatal;
  }
  const StandardPipelineBuild* const build = KeepUntilExit(std::move(started).value());
  ExtractStreamOptions options;
  options.name = command.input;
  options.jobs = command.jobs;
  options.tool_version = NEWSFACTS_VERSION;
  options.rules_fingerprint = build->rules->Fingerprint();
  std::optional<PipelineWarmUp> warm_up;
  if (spare_core) warm_up.emplace(build->pipeline);
  const ExtractStreamSummary summary =
      RunExtractStream(in, stdout, build->pipeline, options, PrintMessage);
  if (in != stdin) std::fclose(in);
  // Also when the stream was empty: a rule file that does not compile is an error. This thread
  // has nothing else to do meanwhile.
  build->pipeline.Help();
  if (const StatusOr<const Pipeline*> whole = build->pipeline.Whole(); !whole.ok()) {
    PrintError(whole.status().message());
    return kExitFatal;
  }
  if (summary.failed > 0) {
    std::fprintf(stderr, "newsfacts: %" PRId64 " of %" PRId64 " records failed\n", summary.failed,
                 summary.records);
  }
  return summary.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

int RunExtractCommand(const ExtractCommand& command) {
  if (command.input_format == "jsonl") return RunExtractStreamCommand(command);
  StatusOr<StandardPipeline> load = LoadStandardPipeline(command.rule_dirs);
  if (!load.ok()) {
    PrintError(load.status().message());
    return kExitFatal;
  }
  const StandardPipeline* const loaded = KeepUntilExit(std::move(load).value());
  StatusOr<FileReadResult> read = Status::Ok();
  if (command.input == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    read = ReadArticleBytes("-", std::move(bytes));
  } else {
    read = ReadArticleFile(command.input);
  }
  if (!read.ok()) {
    PrintError(read.status().message());
    return kExitSomeFailed;
  }
  for (const std::string& message : read->warnings) PrintMessage(message);
  for (const std::string& message : read->errors) PrintMessage(message);

  const bool several = read->articles.size() > 1;
  const BatchLimits limits;
  std::vector<RawArticle>& articles = read->articles;
  for (size_t first = 0; first < articles.size();) {
    const size_t count =
        limits.Next(first, articles.size(), [&](size_t i) { return articles[i].text.size(); });
    std::vector<Document> docs;
    for (size_t i = first; i < first + count; ++i) {
      docs.push_back(
          Document::FromOwnedUtf8(std::move(articles[i].meta), std::move(articles[i].text)));
    }
    first += count;
    const std::vector<Status> statuses = loaded->pipeline.RunBatch(docs);
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!statuses[i].ok()) {
        PrintMessage(docs[i].meta().path + ": " + statuses[i].message());
        return kExitSomeFailed;
      }
      if (command.format == "text") {
        std::cout << DocumentToText(docs[i]) << (several ? "\n" : "");
      } else {
        // One article: a pretty object. Several (.jsonl): one compact object per line.
        WriteDocumentJson(docs[i], several ? -1 : 2, std::cout);
        std::cout << "\n";
      }
      if (command.explain) PrintUnexplained(docs[i]);
    }
  }
  std::cout.flush();
  return read->errors.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacts
