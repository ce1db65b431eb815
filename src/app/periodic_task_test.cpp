#include "app/periodic_task.h"

#include <gtest/gtest.h>

#include <atomic>

namespace gazette::app {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

TEST(PeriodicTaskTest, RunsRepeatedlyUntilStopped) {
  std::atomic<int> calls = 0;
  PeriodicTask task(milliseconds(5), [&] { ++calls; });
  const auto deadline = steady_clock::now() + std::chrono::seconds(10);
  while (calls < 3 && steady_clock::now() < deadline) std::this_thread::sleep_for(milliseconds(1));
  task.Stop();
  EXPECT_GE(calls.load(), 3);
  const int after_stop = calls;
  std::this_thread::sleep_for(milliseconds(30));
  EXPECT_EQ(calls.load(), after_stop);
}

TEST(PeriodicTaskTest, StopDoesNotWaitForTheInterval) {
  std::atomic<int> calls = 0;
  const auto start = steady_clock::now();
  {
    PeriodicTask task(std::chrono::hours(1), [&] { ++calls; });
    task.Stop();
    task.Stop();
  }
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(calls.load(), 0);
}

TEST(PeriodicTaskTest, DestructorStops) {
  std::atomic<int> calls = 0;
  {
    PeriodicTask task(milliseconds(1), [&] { ++calls; });
  }
  const int after = calls;
  std::this_thread::sleep_for(milliseconds(20));
  EXPECT_EQ(calls.load(), after);
}

}  // namespace
}  // namespace gazette::app
