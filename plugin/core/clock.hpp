#pragma once

#include "core/frame.hpp"

#include <atomic>
#include <chrono>

namespace cg {

// Session time in milliseconds. Injected everywhere time matters so that five-minute rules are
// tested in milliseconds and the CLI can run on media time.
class Clock {
  public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Millis now() const = 0;
    // Wall-clock UTC in milliseconds since the Unix epoch, for record timestamps.
    [[nodiscard]] virtual std::int64_t utcMillis() const = 0;
};

// Monotonic time since construction, and the real UTC time.
class SteadyClock final : public Clock {
  public:
    SteadyClock() : start_(std::chrono::steady_clock::now()) {}
    [[nodiscard]] Millis now() const override
    {
        return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - start_);
    }
    [[nodiscard]] std::int64_t utcMillis() const override
    {
        return std::chrono::duration_cast<Millis>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

  private:
    std::chrono::steady_clock::time_point start_;
};

// Time that moves only when told: tests, and the CLI stepping through media time.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(std::int64_t utcStartMillis = 0) : utcStart_(utcStartMillis) {}
    void set(Millis t) { now_.store(t.count()); }
    void advance(Millis by) { now_.fetch_add(by.count()); }
    [[nodiscard]] Millis now() const override { return Millis{now_.load()}; }
    [[nodiscard]] std::int64_t utcMillis() const override { return utcStart_ + now_.load(); }

  private:
    std::int64_t utcStart_;
    std::atomic<std::int64_t> now_{0};
};

} // namespace cg
