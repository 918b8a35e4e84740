// SharedLoops: a loop's indices handed out one at a time, to its own thread and its helpers.
#include "extractors/kernel/shared_loops.h"

namespace newsfacts {

void SharedLoops::Run(size_t count, const std::function<void(size_t)>& task) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    task_ = &task;
    count_ = count;
    next_.store(0);
    ++generation_;
  }
  changed_.notify_all();
  const std::exception_ptr own_failure = TakeItems(task, count);
  std::unique_lock<std::mutex> lock(mutex_);
  // A helper may still be in a call; the task must outlive it.
  changed_.wait(lock, [&] { return helping_ == 0; });
  task_ = nullptr;
  const std::exception_ptr failure = own_failure ? own_failure : failure_;
  failure_ = nullptr;
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
}

void SharedLoops::Help() {
  std::unique_lock<std::mutex> lock(mutex_);
  uint64_t helped = 0;  // the generation of the last loop helped
  while (true) {
    changed_.wait(lock, [&] { return closed_ || (task_ != nullptr && generation_ != helped); });
    if (task_ == nullptr || generation_ == helped) return;  // closed
    helped = generation_;
    const std::function<void(size_t)>& task = *task_;
    const size_t count = count_;
    ++helping_;
    lock.unlock();
    const std::exception_ptr failure = TakeItems(task, count);
    lock.lock();
    if (failure && !failure_) failure_ = failure;
    --helping_;
    changed_.notify_all();
  }
}

void SharedLoops::Close() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

std::exception_ptr SharedLoops::TakeItems(const std::function<void(size_t)>& task, size_t count) {
  try {
    for (size_t i = next_.fetch_add(1); i < count; i = next_.fetch_add(1)) task(i);
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

}  // namespace newsfacts
