// ReorderWindow: hands results that workers finish in any order back in the order their
// inputs came, holding at most a fixed number at a time, so a stream's memory is bounded by
// the window and not by the stream (the streaming filter, `extract --input jsonl --jobs N`).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace newsfacts {

// Thread-safe. A producer Reserve()s a sequence number per input, any thread puts the results
// for them, one consumer takes results in sequence order, as many as are ready at once: a
// worker puts a batch's results together and the consumer takes them together, so neither
// wakes the other once per result.
template <typename T>
class ReorderWindow {
 public:
  explicit ReorderWindow(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Returns the next sequence number, blocking while `capacity` reserved results are not
  // yet taken.
  uint64_t Reserve() {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return reserved_ - taken_ < capacity_; });
    return reserved_++;
  }

  // Stores the results (sequence, item), for numbers Reserve returned and not put before.
  void PutAll(std::vector<std::pair<uint64_t, T>> results) {
    std::lock_guard<std::mutex> lock(mutex_);
    bool next_is_ready = false;
    for (auto& [sequence, item] : results) {
      next_is_ready |= sequence == taken_;
      done_.emplace(sequence, std::move(item));
    }
    if (next_is_ready) ready_.notify_one();
  }

  // No more reservations: TakeReady returns false once every reserved result is taken.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

  // Replaces `out` with the results that follow the last one taken, in order, as many as are
  // put already, blocking until there is one. Returns false, with `out` empty, when the
  // window is closed and every reserved result has been taken.
  bool TakeReady(std::vector<T>& out) {
    out.clear();
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] {
      return (!done_.empty() && done_.begin()->first == taken_) || (closed_ && taken_ == reserved_);
    });
    const bool was_full = reserved_ - taken_ >= capacity_;
    while (!done_.empty() && done_.begin()->first == taken_) {
      out.push_back(std::move(done_.begin()->second));
      done_.erase(done_.begin());
      ++taken_;
    }
    if (was_full && !out.empty()) room_.notify_all();
    return !out.empty();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable room_;   // Reserve waits for room
  std::condition_variable ready_;  // TakeReady waits for the next result, or Close
  std::map<uint64_t, T> done_;     // results put but not yet taken, by sequence number
  uint64_t reserved_ = 0;
  uint64_t taken_ = 0;
  bool closed_ = false;
};

}  // namespace newsfacts
