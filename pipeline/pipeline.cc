// Pipeline construction checks and the runners: one document, or a batch stage by stage.
#include "pipeline/pipeline.h"

#include <set>
#include <string>

#include "pipeline/window_merge.h"

namespace newsfacts {

std::string_view LayerName(Layer layer) {
  switch (layer) {
    case Layer::kText:
      return "text";
    case Layer::kSentences:
      return "sentences";
    case Layer::kTokens:
      return "tokens";
    case Layer::kEntities:
      return "entities";
    case Layer::kMentions:
      return "mentions";
    case Layer::kAmounts:
      return "amounts";
    case Layer::kClaims:
      return "claims";
    case Layer::kQuotes:
      return "quotes";
  }
  return "unknown";
}

StatusOr<Pipeline> Pipeline::Create(std::vector<std::unique_ptr<Stage>> stages,
                                    size_t window_bytes) {
  std::set<Layer> produced = {Layer::kText};
  for (const auto& stage : stages) {
    for (Layer layer : stage->reads()) {
      if (!produced.count(layer)) {
        return Status::InvalidArgument("stage '" + std::string(stage->name()) + "' reads '" +
                                       std::string(LayerName(layer)) +
                                       "', which no earlier stage writes");
      }
    }
    for (Layer layer : stage->writes()) {
      if (!produced.insert(layer).second) {
        return Status::InvalidArgument("stage '" + std::string(stage->name()) + "' writes '" +
                                       std::string(LayerName(layer)) +
                                       "', which an earlier stage already writes");
      }
    }
  }
  return Pipeline(std::move(stages), window_bytes);
}

Status Pipeline::Run(Document& doc) const {
  return doc.text().size() > window_bytes_ ? RunWindowed(doc) : RunWhole(doc);
}

Status Pipeline::RunWhole(Document& doc) const {
  for (const auto& stage : stages_) {
    Status status = stage->Process(doc);
    if (!status.ok()) return status.WithContext(stage->name());
  }
  return Status::Ok();
}

Status Pipeline::RunWindowed(Document& doc) const {
  WindowMerger merger(doc);
  for (const Span& span : SplitIntoWindows(doc.text(), window_bytes_)) {
    Document window = Document::WindowOf(doc, span);
    NEWSFACTS_RETURN_IF_ERROR(RunWhole(window).WithContext("window " + std::to_string(span.begin) +
                                                           "-" + std::to_string(span.end)));
    merger.Append(window, span.begin);
  }
  merger.Finish();
  return Status::Ok();
}

std::vector<Status> Pipeline::RunBatch(const std::vector<Document*>& docs) const {
  return FinishBatch(docs, std::vector<Status>(docs.size()), 0);
}

std::vector<Status> Pipeline::BeginBatch(const std::vector<Document*>& docs) const {
  std::vector<Status> statuses(docs.size());
  RunStages(docs, 0, statuses);
  return statuses;
}

std::vector<Status> Pipeline::FinishBatch(const std::vector<Document*>& docs,
                                          std::vector<Status> begun, size_t first_stage) const {
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i]->text().size() > window_bytes_) begun[i] = RunWindowed(*docs[i]);
  }
  RunStages(docs, first_stage, begun);
  return begun;
}

void Pipeline::RunStages(const std::vector<Document*>& docs, size_t first_stage,
                         std::vector<Status>& statuses) const {
  for (size_t s = first_stage; s < stages_.size(); ++s) {
    const Stage& stage = *stages_[s];
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!statuses[i].ok() || docs[i]->text().size() > window_bytes_) continue;
      Status status = stage.Process(*docs[i]);
      if (!status.ok()) statuses[i] = status.WithContext(stage.name());
    }
  }
}

std::vector<Status> Pipeline::RunBatch(std::vector<Document>& docs) const {
  std::vector<Document*> batch;
  batch.reserve(docs.size());
  for (Document& doc : docs) batch.push_back(&doc);
  return RunBatch(batch);
}

}  // namespace newsfacts
