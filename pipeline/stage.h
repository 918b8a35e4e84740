// Stage: one job of the pipeline, declaring the annotation layers it reads and writes.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsfacts {

// Annotation layers of a Document. kText exists before any stage runs.
enum class Layer { kText, kSentences, kTokens, kEntities, kMentions, kAmounts, kClaims, kQuotes };

// "text", "sentences", ...
std::string_view LayerName(Layer layer);

// A pipeline stage. Implementations must be safe to call Process() on many documents from
// many threads at once: compiled rules are shared read-only, per-thread state is cloned.
class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<Layer> reads() const = 0;
  virtual std::vector<Layer> writes() const = 0;
  // Appends this stage's layers to `doc`. An error names what failed; the document's
  // other layers are left as they were.
  virtual Status Process(Document& doc) const = 0;
};

}  // namespace newsfacts
