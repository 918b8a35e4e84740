// Pipeline construction checks and the runners: one document, or a batch stage by stage.
#include "pipeline/pipeline.h"

#include <set>
#include <string>

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

StatusOr<Pipeline> Pipeline::Create(std::vector<std::unique_ptr<Stage>> stages) {
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
  return Pipeline(std::move(stages));
}

Status Pipeline::Run(Document& doc) const {
  for (const auto& stage : stages_) {
    Status status = stage->Process(doc);
    if (!status.ok()) return status.WithContext(stage->name());
  }
  return Status::Ok();
}

std::vector<Status> Pipeline::RunBatch(const std::vector<Document*>& docs) const {
  std::vector<Status> statuses(docs.size());
  for (const auto& stage : stages_) {
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!statuses[i].ok()) continue;
      Status status = stage->Process(*docs[i]);
      if (!status.ok()) statuses[i] = status.WithContext(stage->name());
    }
  }
  return statuses;
}

std::vector<Status> Pipeline::RunBatch(std::vector<Document>& docs) const {
  std::vector<Document*> batch;
  batch.reserve(docs.size());
  for (Document& doc : docs) batch.push_back(&doc);
  return RunBatch(batch);
}

}  // namespace newsfacts
