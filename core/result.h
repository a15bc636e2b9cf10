// Result<T>: a value or an Error, [[nodiscard]], after Abseil's StatusOr and LLVM's Expected.
// Status is Result<void>. Errors are never thrown across layers; exceptions from third-party
// libraries (qpdf, libpqxx-less libpq wrappers) are caught at the boundary and turned into Errors.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.h"

namespace kyso {

/// Reading the value of a failed Result, or the error of a successful one, is a bug: it stops the
/// program (in release builds too) with the error's technical line on stderr, before anything can
/// be written from a value that does not exist.
[[noreturn]] void resultMisused(const char* what, const Error* error);

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    if (!ok()) resultMisused("value()", std::get_if<1>(&m_v));
    return *std::get_if<0>(&m_v);
  }
  const T& value() const& {
    if (!ok()) resultMisused("value()", std::get_if<1>(&m_v));
    return *std::get_if<0>(&m_v);
  }
  T&& value() && {
    if (!ok()) resultMisused("value()", std::get_if<1>(&m_v));
    return std::move(*std::get_if<0>(&m_v));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    if (ok()) resultMisused("error()", nullptr);
    return *std::get_if<1>(&m_v);
  }
  Error& error() {
    if (ok()) resultMisused("error()", nullptr);
    return *std::get_if<1>(&m_v);
  }

 private:
  std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !m_error.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    if (ok()) resultMisused("error()", nullptr);
    return *m_error;
  }
  Error& error() {
    if (ok()) resultMisused("error()", nullptr);
    return *m_error;
  }

 private:
  std::optional<Error> m_error;
};

using Status = Result<void>;

inline Status okStatus() {
  return {};
}

}  // namespace kyso

/// Returns the error of a failed Result/Status from the enclosing function.
#define KYSO_TRY(expr)                                 \
  do {                                                 \
    auto&& kyso_try_r_ = (expr);                       \
    if (!kyso_try_r_.ok()) return kyso_try_r_.error(); \
  } while (0)

#define KYSO_CONCAT_INNER_(a, b) a##b
#define KYSO_CONCAT_(a, b) KYSO_CONCAT_INNER_(a, b)
/// `KYSO_ASSIGN_OR_RETURN(auto x, f());` binds the value or returns the error.
#define KYSO_ASSIGN_OR_RETURN(decl, expr) \
  KYSO_ASSIGN_OR_RETURN_IMPL_(KYSO_CONCAT_(kyso_r_, __LINE__), decl, expr)
#define KYSO_ASSIGN_OR_RETURN_IMPL_(tmp, decl, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return std::move(tmp.error());      \
  decl = std::move(tmp).value()
