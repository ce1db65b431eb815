// Login rate limiting: after a few failed log-ins, each further failure makes the next attempt on
// that account, or from that client address, wait twice as long. Kept in memory, per process.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"

namespace gazette::auth {

struct ThrottleOptions {
  // Failed log-ins to one account that cost nothing; each one beyond them sets a wait.
  int free_failures_per_account = 5;
  // Failed log-ins from one client address, whatever the accounts, that cost nothing.
  int free_failures_per_address = 20;
  // The wait after the first failure beyond the free ones; each further failure doubles it.
  std::chrono::seconds first_delay{1};
  // The longest wait, however many failures.
  std::chrono::seconds max_delay{15 * 60};
  // An account or address without a failure for this long is forgotten: its count starts again.
  // Should be longer than max_delay, or a long wait ends early.
  std::chrono::seconds forget_after{60 * 60};
  // The most accounts and addresses (together) remembered; past it, the one whose last failure is
  // oldest is forgotten, so that a flood of made-up names cannot exhaust memory.
  // REQUIRES: at least 2 (one failure records an account and an address).
  size_t max_tracked = 100'000;
};

// Counts failed log-ins per account (ASCII case-insensitive) and per client address (compared as
// given: the caller normalizes it, e.g. to an IPv6 /64 prefix), and says how long the next attempt
// must wait. Safe for concurrent use.
class LoginThrottle {
 public:
  // `clock` must outlive the throttle.
  explicit LoginThrottle(const base::Clock& clock, ThrottleOptions options = {});

  // How long to wait before `account` may be tried from `address`: the longer of the account's
  // and the address's waits, or nullopt when an attempt may be made now. Ask before verifying a
  // password, and answer a wait without verifying (HTTP 429 with Retry-After).
  std::optional<std::chrono::seconds> RetryAfter(std::string_view account,
                                                 std::string_view address) const;

  // Counts a failed log-in against `account` and against `address`.
  void RecordFailure(std::string_view account, std::string_view address);

  // Forgets the failures of `account` and of `address`: the log-in succeeded.
  void RecordSuccess(std::string_view account, std::string_view address);

  // How many accounts and addresses are remembered now (at most max_tracked); for metrics.
  size_t TrackedCount() const;

 private:
  struct Record {
    int failures = 0;
    base::Seconds last_failure;
    std::list<std::string>::iterator in_order;  // this record's key in order_
  };

  static std::string AccountKey(std::string_view account);
  static std::string AddressKey(std::string_view address);

  std::chrono::seconds Delay(int failures, int free_failures) const;
  // The wait `key`'s record imposes at `now`; zero when there is none.
  std::chrono::seconds Wait(const std::string& key, int free_failures, base::Seconds now) const;
  void AddFailure(std::string key, base::Seconds now);
  void Erase(const std::string& key);
  void DropIdle(base::Seconds now);

  const base::Clock& clock_;
  const ThrottleOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;  // GUARDED_BY(mutex_)
  // The keys of records_, the one whose last failure was recorded first at the front.
  std::list<std::string> order_;  // GUARDED_BY(mutex_)
};

}  // namespace gazette::auth
