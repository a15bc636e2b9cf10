// Json: a small JSON value for kyso's --json outputs and for tests that read them. Objects keep
// insertion order (so reports read top-down: verdict first). Strings are UTF-8; dump() escapes
// control characters and leaves other UTF-8 as is. parse() is bounded (depth 64, 64 MiB).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.h"

namespace kyso {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : m_v(b) {}
  Json(int i) : m_v(static_cast<std::int64_t>(i)) {}
  Json(long i) : m_v(static_cast<std::int64_t>(i)) {}
  Json(long long i) : m_v(static_cast<std::int64_t>(i)) {}
  Json(unsigned u) : m_v(static_cast<std::int64_t>(u)) {}
  Json(unsigned long u) : m_v(static_cast<std::int64_t>(u)) {}
  Json(unsigned long long u) : m_v(static_cast<std::int64_t>(u)) {}
  Json(double d) : m_v(d) {}
  Json(const char* s) : m_v(std::string(s)) {}
  Json(std::string s) : m_v(std::move(s)) {}
  Json(std::string_view s) : m_v(std::string(s)) {}
  Json(Array a) : m_v(std::move(a)) {}

  static Json object() {
    Json j;
    j.m_v = Object{};
    return j;
  }
  static Json array() {
    Json j;
    j.m_v = Array{};
    return j;
  }

  bool isNull() const { return m_v.index() == 0; }
  bool isBool() const { return m_v.index() == 1; }
  bool isInt() const { return m_v.index() == 2; }
  bool isDouble() const { return m_v.index() == 3; }
  bool isString() const { return m_v.index() == 4; }
  bool isArray() const { return m_v.index() == 5; }
  bool isObject() const { return m_v.index() == 6; }

  bool asBool() const { return isBool() && std::get<1>(m_v); }
  std::int64_t asInt() const {
    return isInt()      ? std::get<2>(m_v)
           : isDouble() ? static_cast<std::int64_t>(std::get<3>(m_v))
                        : 0;
  }
  double asDouble() const { return isDouble() ? std::get<3>(m_v) : static_cast<double>(asInt()); }
  const std::string& asString() const;
  const Array& items() const;
  const Object& members() const;

  /// Sets (or replaces) a member of an object; turns null into an object.
  Json& set(std::string key, Json value);
  /// Appends to an array; turns null into an array.
  Json& push(Json value);
  /// A member, or a shared null when absent or not an object.
  const Json& operator[](std::string_view key) const;
  const Json& operator[](std::size_t i) const;
  bool contains(std::string_view key) const;
  std::size_t size() const;

  /// Compact when indent < 0, else pretty with `indent` spaces.
  std::string dump(int indent = -1) const;
  static Result<Json> parse(std::string_view text);

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object> m_v;
  void dumpTo(std::string& out, int indent, int level) const;
};

/// Escapes a string for JSON (quotes included).
std::string jsonQuote(std::string_view s);

}  // namespace kyso
