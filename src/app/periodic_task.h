// Runs a function every so often on a background thread (the view-count flush of `serve`).
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>
#include <thread>

namespace gazette::app {

// Calls `task` every `interval` on its own thread, the first time one interval after start.
// Stop() and the destructor wait for a call in progress, then end the thread. Stop() may be
// called from any thread but the task's own.
class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> task);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // Ends the thread; no call of the task starts after it returns. Calling it again does nothing.
  void Stop();

 private:
  void Loop(std::stop_token stop);

  const std::chrono::milliseconds interval_;
  const std::function<void()> task_;
  std::jthread thread_;  // last: started once the members above exist
};

}  // namespace gazette::app
