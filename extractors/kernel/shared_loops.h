// SharedLoops: start-up loops of one thread that another thread, done with its own start-up
// work, helps with, item by item (issue 16: the claim rules take as long to compile as every
// other stage together; the thread that compiled the others helps with them when done).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>

namespace newsfacts {

// Thread-safe. One thread runs loops, one after another; any number of others help.
class SharedLoops {
 public:
  // Calls task(i) once for each i in [0, count), on the calling thread and on the threads in
  // Help meanwhile, each taking the next index not yet taken; returns when every call has
  // returned, rethrowing what a helper's call threw. Calls for different indices must be safe
  // to run at the same time.
  void Run(size_t count, const std::function<void(size_t)>& task);
  // Takes part in each loop that Run starts, until Close; returns then.
  void Help();
  // Says no loop comes any more: Help returns.
  void Close();
  // Calls `body` (which runs this object's loops) and then Close, also when `body` throws, so
  // that no helper is left waiting; returns what `body` returns.
  template <typename Body>
  auto CloseAfter(Body&& body) -> decltype(body()) {
    struct Closer {
      SharedLoops& loops;
      ~Closer() { loops.Close(); }
    } closer{*this};
    return body();
  }

 private:
  // Calls the current task for the indices not yet taken; returns the exception a call threw,
  // which ends the taking, or null.
  std::exception_ptr TakeItems(const std::function<void(size_t)>& task, size_t count);

  std::mutex mutex_;
  std::condition_variable changed_;
  // The current loop, while Run runs it; guarded by mutex_ but next_.
  const std::function<void(size_t)>* task_ = nullptr;
  size_t count_ = 0;
  std::atomic<size_t> next_{0};
  uint64_t generation_ = 0;  // one more per loop
  int helping_ = 0;          // helpers inside the current loop
  std::exception_ptr failure_;
  bool closed_ = false;
};

}  // namespace newsfacts
