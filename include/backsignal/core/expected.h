// Expected<T, E> and Unexpected<E>: C++23's std::expected where the standard library offers it
// (GCC 12), and a small stand-in where it does not (clang 14 with libstdc++ 12 cannot compile
// <expected>, and clang is what builds the libFuzzer targets). Only the members the project
// uses are provided.
#pragma once

#include <version>

#if defined(__cpp_lib_expected)
#include <expected>

namespace backsignal {
template <typename T, typename E>
using Expected = std::expected<T, E>;
template <typename E>
using Unexpected = std::unexpected<E>;
}  // namespace backsignal

#else
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace backsignal {

template <typename E>
class Unexpected {
 public:
  explicit Unexpected(E e) : e_(std::move(e)) {}
  const E& error() const& { return e_; }
  E& error() & { return e_; }
  E&& error() && { return std::move(e_); }

 private:
  E e_;
};
template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename T, typename E>
class Expected {
 public:
  using value_type = T;
  using error_type = E;

  Expected() : v_(std::in_place_index<0>) {}
  template <typename U = T>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, Expected>)
      // NOLINTNEXTLINE(bugprone-forwarding-reference-overload): constrained, as std::expected's
      Expected(U&& u)
      : v_(std::in_place_index<0>, std::forward<U>(u)) {}
  template <typename G>
  Expected(const Unexpected<G>& u) : v_(std::in_place_index<1>, u.error()) {}
  template <typename G>
  Expected(Unexpected<G>&& u) : v_(std::in_place_index<1>, std::move(u).error()) {}

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }
  T&& operator*() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  E& error() & { return std::get<1>(v_); }
  const E& error() const& { return std::get<1>(v_); }
  template <typename U>
  T value_or(U&& other) const& {
    return has_value() ? **this : static_cast<T>(std::forward<U>(other));
  }

 private:
  std::variant<T, E> v_;
};

template <typename E>
class Expected<void, E> {
 public:
  using value_type = void;
  using error_type = E;
  Expected() = default;
  template <typename G>
  Expected(const Unexpected<G>& u) : e_(u.error()) {}
  template <typename G>
  Expected(Unexpected<G>&& u) : e_(std::move(u).error()) {}
  bool has_value() const { return !e_.has_value(); }
  explicit operator bool() const { return has_value(); }
  E& error() & { return *e_; }
  const E& error() const& { return *e_; }

 private:
  std::optional<E> e_;
};

}  // namespace backsignal
#endif
