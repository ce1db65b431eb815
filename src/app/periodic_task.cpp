#include "app/periodic_task.h"

#include <condition_variable>
#include <mutex>
#include <utility>

namespace gazette::app {

PeriodicTask::PeriodicTask(std::chrono::milliseconds interval, std::function<void()> task)
    : interval_(interval),
      task_(std::move(task)),
      thread_([this](std::stop_token stop) { Loop(stop); }) {}

PeriodicTask::~PeriodicTask() { Stop(); }

void PeriodicTask::Stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

void PeriodicTask::Loop(std::stop_token stop) {
  // Only a stop request wakes the wait early; the lock exists because the wait needs one.
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  while (true) {
    wake.wait_for(lock, stop, interval_, [] { return false; });
    if (stop.stop_requested()) return;
    lock.unlock();
    task_();
    lock.lock();
  }
}

}  // namespace gazette::app
