// Errors as values: every fallible call returns Result<T>, never throws across a module border.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "backsignal/core/expected.h"

namespace backsignal {

// What kind of failure, so that a front door can pick an exit code or HTTP status in one place.
enum class ErrorKind {
  kInvalid,   // the input is wrong: a bad diary, a score out of range (exit 2, HTTP 400/422)
  kConflict,  // the input clashes with what is stored (exit 3, HTTP 409)
  kNotFound,  // the thing named is not there (exit 4, HTTP 404)
  kStorage,   // the database or a file could not be read or written (exit 5, HTTP 500)
};

// A failure a person can act on: `message` says what was wrong and what would be right;
// `details` lists each problem when there are several (one per line, each naming its place).
struct Error {
  ErrorKind kind = ErrorKind::kInvalid;
  std::string message;
  std::vector<std::string> details;

  static Error Invalid(std::string m, std::vector<std::string> d = {}) {
    return {ErrorKind::kInvalid, std::move(m), std::move(d)};
  }
  static Error Conflict(std::string m, std::vector<std::string> d = {}) {
    return {ErrorKind::kConflict, std::move(m), std::move(d)};
  }
  static Error NotFound(std::string m) { return {ErrorKind::kNotFound, std::move(m), {}}; }
  static Error Storage(std::string m) { return {ErrorKind::kStorage, std::move(m), {}}; }
};

template <typename T>
using Result = Expected<T, Error>;

inline Unexpected<Error> Fail(Error e) { return Unexpected<Error>(std::move(e)); }

}  // namespace backsignal
