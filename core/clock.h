// Clock: the time source, an interface so that tests (expiry warnings, validation "as of") can
// inject a fixed time. Production code receives a Clock&; SystemClock is the real one.
#pragma once

#include <chrono>

namespace kyso {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : m_t(t) {}
  std::chrono::system_clock::time_point now() const override { return m_t; }
  void set(std::chrono::system_clock::time_point t) { m_t = t; }

 private:
  std::chrono::system_clock::time_point m_t;
};

}  // namespace kyso
