#include "auth/login_throttle.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

namespace gazette::auth {

LoginThrottle::LoginThrottle(const base::Clock& clock, ThrottleOptions options)
    : clock_(clock), options_(options) {}

// Accounts and addresses share one table (and one bound), told apart by their first byte.
std::string LoginThrottle::AccountKey(std::string_view account) {
  std::string key = "u";
  key.reserve(account.size() + 1);
  for (const char c : account) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return key;
}

std::string LoginThrottle::AddressKey(std::string_view address) {
  return "a" + std::string(address);
}

std::chrono::seconds LoginThrottle::Delay(int failures, int free_failures) const {
  if (failures <= free_failures) return std::chrono::seconds(0);
  std::chrono::seconds delay = options_.first_delay;
  for (int beyond = failures - free_failures; beyond > 1 && delay < options_.max_delay; --beyond) {
    delay *= 2;
  }
  return std::min(delay, options_.max_delay);
}

std::chrono::seconds LoginThrottle::Wait(const std::string& key, int free_failures,
                                         base::Seconds now) const {
  const auto found = records_.find(key);
  if (found == records_.end()) return std::chrono::seconds(0);
  const Record& record = found->second;
  if (now - record.last_failure >= options_.forget_after) return std::chrono::seconds(0);
  const base::Seconds allowed = record.last_failure + Delay(record.failures, free_failures);
  return allowed > now ? allowed - now : std::chrono::seconds(0);
}

std::optional<std::chrono::seconds> LoginThrottle::RetryAfter(std::string_view account,
                                                              std::string_view address) const {
  const base::Seconds now = clock_.Now();
  const std::string account_key = AccountKey(account);
  const std::string address_key = AddressKey(address);
  std::lock_guard lock(mutex_);
  const std::chrono::seconds wait =
      std::max(Wait(account_key, options_.free_failures_per_account, now),
               Wait(address_key, options_.free_failures_per_address, now));
  if (wait <= std::chrono::seconds(0)) return std::nullopt;
  return wait;
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address) {
  const base::Seconds now = clock_.Now();
  std::string account_key = AccountKey(account);
  std::string address_key = AddressKey(address);
  std::lock_guard lock(mutex_);
  DropIdle(now);
  AddFailure(std::move(account_key), now);
  AddFailure(std::move(address_key), now);
}

void LoginThrottle::RecordSuccess(std::string_view account, std::string_view address) {
  const std::string account_key = AccountKey(account);
  const std::string address_key = AddressKey(address);
  std::lock_guard lock(mutex_);
  Erase(account_key);
  Erase(address_key);
}

size_t LoginThrottle::TrackedCount() const {
  std::lock_guard lock(mutex_);
  return records_.size();
}

void LoginThrottle::AddFailure(std::string key, base::Seconds now) {
  if (const auto found = records_.find(key); found != records_.end()) {
    Record& record = found->second;
    // Idle, yet missed by DropIdle because the wall clock stepped back since later failures.
    if (now - record.last_failure >= options_.forget_after) record.failures = 0;
    if (record.failures < std::numeric_limits<int>::max()) ++record.failures;
    record.last_failure = now;
    order_.splice(order_.end(), order_, record.in_order);
    return;
  }
  while (!order_.empty() && records_.size() >= options_.max_tracked) Erase(order_.front());
  order_.push_back(key);
  records_.emplace(std::move(key), Record{1, now, std::prev(order_.end())});
}

void LoginThrottle::Erase(const std::string& key) {
  // `key` may be an element of order_: it is not read after that element is erased.
  const auto found = records_.find(key);
  if (found == records_.end()) return;
  order_.erase(found->second.in_order);
  records_.erase(found);
}

void LoginThrottle::DropIdle(base::Seconds now) {
  while (!order_.empty() &&
         now - records_.at(order_.front()).last_failure >= options_.forget_after) {
    Erase(order_.front());
  }
}

}  // namespace gazette::auth
