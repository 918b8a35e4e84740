// BoundedQueue: a closable multi-producer multi-consumer FIFO with a capacity in items and,
// optionally, in bytes, so ingest memory is bounded by the queue and not by the corpus.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace newsfacts {

// Thread-safe. Push blocks while full; Pop blocks while empty and returns nullopt once the
// queue is closed and drained; PopFor blocks a while at most; TryPop never blocks.
template <typename T>
class BoundedQueue {
 public:
  // At most `capacity` items and, with `max_bytes`, items of at most that many bytes in all
  // (as Push is told), except that an empty queue takes any one item.
  explicit BoundedQueue(size_t capacity, size_t max_bytes = 0)
      : capacity_(capacity == 0 ? 1 : capacity), max_bytes_(max_bytes) {}

  // Returns false (and drops `item`) when the queue was closed. `bytes` counts against
  // max_bytes.
  bool Push(T item, size_t bytes = 0) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] {
      return closed_ || items_.empty() ||
             (items_.size() < capacity_ && (max_bytes_ == 0 || bytes_ + bytes <= max_bytes_));
    });
    if (closed_) return false;
    items_.push_back({std::move(item), bytes});
    bytes_ += bytes;
    not_empty_.notify_one();
    return true;
  }

  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    return TakeFront();
  }

  // Pop, waiting at most `timeout`: nullopt also when no item came in time (Drained tells).
  std::optional<T> PopFor(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); });
    return TakeFront();
  }

  // Whether the queue is closed and empty: Pop would return nullopt at once.
  bool Drained() {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_ && items_.empty();
  }

  // Whether the queue is closed; items may be left in it.
  bool Closed() {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
  }

  // The first item if there is one now, without waiting.
  std::optional<T> TryPop() {
    std::lock_guard<std::mutex> lock(mutex_);
    return TakeFront();
  }

  // No more pushes; consumers drain what is left.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  struct Held {
    T item;
    size_t bytes;
  };

  // Called with the lock held.
  std::optional<T> TakeFront() {
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front().item);
    bytes_ -= items_.front().bytes;
    items_.pop_front();
    // A blocked producer is woken once the queue is half empty, not at every item taken, so
    // it pushes many items per wake-up; an empty queue takes any item, so it always wakes.
    const bool half_empty =
        items_.size() <= capacity_ / 2 && (max_bytes_ == 0 || bytes_ <= max_bytes_ / 2);
    if (half_empty || items_.empty()) not_full_.notify_all();
    return item;
  }

  const size_t capacity_;
  const size_t max_bytes_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<Held> items_;
  size_t bytes_ = 0;
  bool closed_ = false;
};

}  // namespace newsfacts
