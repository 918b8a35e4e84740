// Stage: one job of the pipeline, declaring the annotation layers it reads and writes.
#pragma once

#include <atomic>
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
  // Builds now what Process would otherwise build on first use (RE2 compiles a pattern's
  // reversed program at its first match that reports groups), returning early once `stop` is
  // set. Optional: Process never needs it done first, and may run on other threads meanwhile.
  virtual void WarmUp(const std::atomic<bool>& stop) const { static_cast<void>(stop); }
};

}  // namespace newsfacts
