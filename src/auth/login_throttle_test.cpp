#include "auth/login_throttle.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gazette::auth {
namespace {

using std::chrono::seconds;

base::Seconds Start() { return base::Seconds(seconds(1'700'000'000)); }

void Fail(LoginThrottle& throttle, int times, std::string_view account, std::string_view address) {
  for (int i = 0; i < times; ++i) throttle.RecordFailure(account, address);
}

TEST(LoginThrottleTest, NoWaitWithinTheFreeFailures) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock);
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
  Fail(throttle, 5, "ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
  throttle.RecordFailure("ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(1));
}

TEST(LoginThrottleTest, EachFailureBeyondTheFreeOnesDoublesTheWait) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock, {.free_failures_per_account = 2, .first_delay = seconds(3)});
  Fail(throttle, 2, "ana", "192.0.2.1");
  for (const int expected : {3, 6, 12, 24, 48}) {
    throttle.RecordFailure("ana", "192.0.2.1");
    EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(expected));
  }
  // The wait runs from the last failure and ends when it has passed.
  clock.Advance(seconds(47));
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(1));
  clock.Advance(seconds(1));
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
}

TEST(LoginThrottleTest, WaitIsCappedAtMaxDelay) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock, {.free_failures_per_account = 0, .max_delay = seconds(100)});
  Fail(throttle, 7, "ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(64));
  throttle.RecordFailure("ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(100));
  Fail(throttle, 1000, "ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(100));
}

TEST(LoginThrottleTest, AccountWaitHoldsFromEveryAddressAndIgnoresCase) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock);
  Fail(throttle, 6, "Ana@Example.org", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana@example.org", "198.51.100.7"), seconds(1));
  EXPECT_EQ(throttle.RetryAfter("ANA@EXAMPLE.ORG", "192.0.2.1"), seconds(1));
  EXPECT_EQ(throttle.RetryAfter("bo@example.org", "198.51.100.7"), std::nullopt);
}

TEST(LoginThrottleTest, SuccessClearsTheAccountAndTheAddress) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock, {.free_failures_per_account = 1, .free_failures_per_address = 1});
  Fail(throttle, 3, "ana", "192.0.2.1");
  ASSERT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(2));
  throttle.RecordSuccess("ANA", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
  EXPECT_EQ(throttle.TrackedCount(), 0u);
  // The count starts again from zero.
  throttle.RecordFailure("ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
}

TEST(LoginThrottleTest, IdleRecordsAreForgotten) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(
      clock,
      {.free_failures_per_account = 2, .max_delay = seconds(60), .forget_after = seconds(600)});
  Fail(throttle, 10, "ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(60));
  clock.Advance(seconds(599));
  throttle.RecordFailure("ana", "192.0.2.1");  // not idle yet: the count goes on
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(60));
  clock.Advance(seconds(600));
  throttle.RecordFailure("ana", "192.0.2.1");  // idle: the count starts again at one
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
  EXPECT_EQ(throttle.TrackedCount(), 2u);
  // A failure elsewhere drops the records that have been idle long enough.
  clock.Advance(seconds(600));
  throttle.RecordFailure("bo", "198.51.100.7");
  EXPECT_EQ(throttle.TrackedCount(), 2u);
  Fail(throttle, 2, "ana", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), std::nullopt);
}

TEST(LoginThrottleTest, AddressLimitBlocksEveryAccountFromThatAddress) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock);
  // Twenty-one accounts, one failure each: no account is over its limit, the address is.
  for (int i = 0; i <= 20; ++i) throttle.RecordFailure("user" + std::to_string(i), "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("user0", "192.0.2.1"), seconds(1));
  EXPECT_EQ(throttle.RetryAfter("someone-else", "192.0.2.1"), seconds(1));
  throttle.RecordFailure("user21", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("user99", "192.0.2.1"), seconds(2));
  // Other addresses are not affected, not even for the same accounts.
  EXPECT_EQ(throttle.RetryAfter("user0", "192.0.2.2"), std::nullopt);
  EXPECT_EQ(throttle.RetryAfter("someone-else", "198.51.100.7"), std::nullopt);
}

TEST(LoginThrottleTest, LongerOfAccountAndAddressWaitsApplies) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock, {.free_failures_per_account = 0, .free_failures_per_address = 0});
  Fail(throttle, 4, "ana", "192.0.2.1");
  throttle.RecordFailure("bo", "192.0.2.1");
  EXPECT_EQ(throttle.RetryAfter("ana", "192.0.2.1"), seconds(16));
  EXPECT_EQ(throttle.RetryAfter("bo", "192.0.2.1"), seconds(16));
  EXPECT_EQ(throttle.RetryAfter("ana", "198.51.100.7"), seconds(8));
  EXPECT_EQ(throttle.RetryAfter("bo", "198.51.100.7"), seconds(1));
}

TEST(LoginThrottleTest, MemoryIsBoundedByEvictingTheOldest) {
  base::FixedClock clock(Start());
  LoginThrottle throttle(clock, {.free_failures_per_account = 0, .max_tracked = 10});
  throttle.RecordFailure("victim", "192.0.2.1");
  ASSERT_EQ(throttle.RetryAfter("victim", "198.51.100.7"), seconds(1));
  for (int i = 0; i < 4; ++i) {
    clock.Advance(seconds(1));
    throttle.RecordFailure("user" + std::to_string(i), "203.0.113." + std::to_string(i));
  }
  EXPECT_EQ(throttle.TrackedCount(), 10u);
  throttle.RecordFailure("victim", "192.0.2.1");  // touched again: now the newest
  clock.Advance(seconds(1));
  throttle.RecordFailure("user4", "203.0.113.4");
  EXPECT_EQ(throttle.TrackedCount(), 10u);
  EXPECT_EQ(throttle.RetryAfter("victim", "198.51.100.7"), seconds(1));   // 2s wait, 1s ago
  EXPECT_EQ(throttle.RetryAfter("user0", "198.51.100.7"), std::nullopt);  // evicted
  for (int i = 5; i < 100; ++i) {
    throttle.RecordFailure("user" + std::to_string(i), "203.0.113." + std::to_string(i));
    EXPECT_LE(throttle.TrackedCount(), 10u);
  }
  EXPECT_EQ(throttle.RetryAfter("victim", "198.51.100.7"), std::nullopt);
  EXPECT_EQ(throttle.RetryAfter("user99", "198.51.100.7"), seconds(1));
}

TEST(LoginThrottleTest, ConcurrentUseLosesNoFailure) {
  base::FixedClock clock(Start());
  // 4 threads x 100 failures on one account: exactly one beyond the free 399.
  LoginThrottle throttle(clock, {.free_failures_per_account = 399,
                                 .free_failures_per_address = 100,
                                 .first_delay = seconds(5)});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&throttle, t] {
      const std::string address = "192.0.2." + std::to_string(t);
      for (int i = 0; i < 100; ++i) {
        throttle.RecordFailure("Shared", address);
        (void)throttle.RetryAfter("shared", address);
        throttle.RecordFailure("own" + std::to_string(t) + "-" + std::to_string(i), "198.51.100.1");
        throttle.RecordSuccess("own" + std::to_string(t) + "-" + std::to_string(i), "198.51.100.9");
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(throttle.RetryAfter("shared", "203.0.113.1"), seconds(5));
  // Each thread's address saw its 100 failures, all free.
  EXPECT_EQ(throttle.RetryAfter("nobody", "192.0.2.3"), std::nullopt);
  // The shared address saw 400 failures: 300 beyond its free 100.
  EXPECT_EQ(throttle.RetryAfter("nobody", "198.51.100.1"), seconds(15 * 60));
  // "shared", four thread addresses and 198.51.100.1; every "own" account was cleared.
  EXPECT_EQ(throttle.TrackedCount(), 6u);
}

}  // namespace
}  // namespace gazette::auth
