// Time as Gazette sees it: whole seconds since the Unix epoch, from a replaceable clock.
#pragma once

#include <atomic>
#include <chrono>

namespace gazette::base {

using Seconds = std::chrono::sys_seconds;

// Where "now" comes from. Implementations are safe for concurrent use.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Seconds Now() const = 0;
};

// The machine's wall clock.
class SystemClock final : public Clock {
 public:
  Seconds Now() const override;
};

// A clock that only moves when told to; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Seconds now) : now_(now.time_since_epoch().count()) {}
  Seconds Now() const override { return Seconds(std::chrono::seconds(now_.load())); }
  void Set(Seconds now) { now_ = now.time_since_epoch().count(); }
  void Advance(std::chrono::seconds by) { now_ += by.count(); }

 private:
  std::atomic<long long> now_;
};

}  // namespace gazette::base
