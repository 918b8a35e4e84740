// ReorderWindow: hands results that workers finish in any order back in the order their
// inputs came, holding at most a fixed number at a time, so a stream's memory is bounded by
// the window and not by the stream (the streaming filter, `extract --input jsonl --jobs N`).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace newsfacts {

// Thread-safe. A producer Reserve()s a sequence number per input, any thread Put()s the
// result for it, one consumer Take()s results in sequence order.
template <typename T>
class ReorderWindow {
 public:
  explicit ReorderWindow(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Returns the next sequence number, blocking while `capacity` reserved results are not
  // yet taken.
  uint64_t Reserve() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return reserved_ - taken_ < capacity_; });
    return reserved_++;
  }

  // Stores the result for `sequence`, a number Reserve returned and not put before.
  void Put(uint64_t sequence, T item) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_.emplace(sequence, std::move(item));
    changed_.notify_all();
  }

  // No more reservations: Take returns nullopt once every reserved result is taken.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  // Returns the result after the last one taken, blocking until it is put; nullopt when the
  // window is closed and every reserved result has been taken.
  std::optional<T> Take() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] {
      return (!done_.empty() && done_.begin()->first == taken_) || (closed_ && taken_ == reserved_);
    });
    if (done_.empty() || done_.begin()->first != taken_) return std::nullopt;
    T item = std::move(done_.begin()->second);
    done_.erase(done_.begin());
    ++taken_;
    changed_.notify_all();
    return item;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<uint64_t, T> done_;  // results put but not yet taken, by sequence number
  uint64_t reserved_ = 0;
  uint64_t taken_ = 0;
  bool closed_ = false;
};

}  // namespace newsfacts
