// PipelineBuild: a pipeline whose first stages are built while the later ones are still being
// compiled on another thread, so that a caller with many documents starts them through the
// first stages at once (issue 16: `extract` of a stream waited about 0.1 s for the amount and
// claim rules to compile, a tenth of a 20 MB run on one core, while the segmenter and the
// entity stage were ready after 15 ms).
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <vector>

#include "pipeline/pipeline.h"

namespace newsfacts {

// Owns the first stages, as a pipeline of their own, and the build of the whole pipeline,
// whose first stages are those (BorrowedStage). Const member functions are safe from many
// threads at once.
class PipelineBuild {
 public:
  // `front`, built; `whole`, the build of the whole pipeline, which may borrow the stages of
  // `*front` and must begin with them. No stage after the front reads a layer of
  // `unread_later` (CheckUnreadLater), so a caller may free those layers of the documents the
  // front has been through (Document::ReleaseTokens). `help`, when given, takes part in the
  // build on the calling thread and returns once there is nothing left to take part in; it
  // must be safe to call from many threads at once, and again after the build has ended.
  PipelineBuild(std::unique_ptr<Pipeline> front, std::shared_future<StatusOr<Pipeline>> whole,
                std::vector<Layer> unread_later = {}, std::function<void()> help = {});
  // A build that has ended with `whole`, which is also its front: all of its stages are first.
  static PipelineBuild Built(Pipeline whole);
  // Waits for the build to end (its thread may use the front's stages).
  ~PipelineBuild();
  PipelineBuild(PipelineBuild&&) = default;
  PipelineBuild& operator=(PipelineBuild&&) = delete;

  // The first stages, ready now.
  const Pipeline& front() const { return *front_; }
  // Whether the build has ended, built or failed: Whole() would not wait.
  bool Ended() const;
  // Waits for the build to end; returns the whole pipeline, or the error that stopped it.
  StatusOr<const Pipeline*> Whole() const;
  // Takes part in the build on this thread, where it can be helped; a thread with nothing else
  // to do calls it before Whole(), so that the build needs no core of its own to end soon.
  void Help() const;
  // Whether a stage after the front may read `layer`.
  bool ReadLater(Layer layer) const;

  // Internal naming the first stage of `whole` from index `front_stages` on that reads a layer
  // of `unread_later`: what a build checks before it hands out a pipeline whose front's
  // documents may have lost those layers.
  static Status CheckUnreadLater(const Pipeline& whole, size_t front_stages,
                                 const std::vector<Layer>& unread_later);

 private:
  std::unique_ptr<Pipeline> front_;  // at a stable address, which the whole's stages borrow
  std::shared_future<StatusOr<Pipeline>> whole_;
  std::vector<Layer> unread_later_;
  std::function<void()> help_;  // empty: the build cannot be helped
};

}  // namespace newsfacts
