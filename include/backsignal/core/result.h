// Errors as values: every fallible call returns Result<T>, never throws across a module border.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backsignal/core/expected.h"
#include "backsignal/core/text.h"

namespace backsignal {

// What kind of failure, so that a front door can pick an exit code or HTTP status in one place.
enum class ErrorKind {
  kInvalid,   // the input is wrong: a bad diary, a score out of range (exit 2, HTTP 400)
  kConflict,  // the input clashes with what is stored (exit 3, HTTP 409)
  kNotFound,  // the thing named is not there (exit 4, HTTP 404)
  // The database or a file could not be read or written (exit 5; HTTP 503 with Retry-After:
  // nothing was stored, and the same request may succeed soon; server/http_util.cc says why).
  kStorage,
  kUnauthenticated,  // nobody is signed in, or the secret given is wrong (HTTP 401)
  kForbidden,        // signed in, but not allowed to do this (exit 6, HTTP 403)
  kThrottled,        // too many attempts: wait and try again (HTTP 429 with Retry-After)
};

// A failure a person can act on: `message` says what was wrong and what would be right;
// `details` lists each problem when there are several (one per line, each naming its place).
// Both are English; `text` and `detail_texts` (one for each detail), when a message was made
// with T_ (core/text.h), are the same with their placeholders, for a front door to translate.
struct Error {
  ErrorKind kind = ErrorKind::kInvalid;
  std::string message;
  std::vector<std::string> details;
  int64_t retry_after_seconds = 0;  // kThrottled: how long to wait
  std::optional<Text> text;
  std::vector<Text> detail_texts;

  // The message as a Text, to quote in another: `text` while it is still the message, else the
  // English as it is (marked: the catalogue may hold it whole).
  Text MessageText() const {
    return text && text->English() == message ? *text : Text::Marked(message);
  }

  // A message made with T_ (and its details): the English and the placeholders both.
  static Error Of(ErrorKind kind, Text m, std::vector<Text> d = {}) {
    Error e{kind, m.English(), {}};
    e.details.reserve(d.size());
    for (const Text& t : d) e.details.push_back(t.English());
    e.text = std::move(m);
    e.detail_texts = std::move(d);
    return e;
  }
  static Error Invalid(Text m, std::vector<Text> d = {}) {
    return Of(ErrorKind::kInvalid, std::move(m), std::move(d));
  }
  static Error Conflict(Text m, std::vector<Text> d = {}) {
    return Of(ErrorKind::kConflict, std::move(m), std::move(d));
  }
  static Error NotFound(Text m) { return Of(ErrorKind::kNotFound, std::move(m)); }
  static Error Forbidden(Text m) { return Of(ErrorKind::kForbidden, std::move(m)); }
  static Error Storage(Text m) { return Of(ErrorKind::kStorage, std::move(m)); }
  static Error Unauthenticated(Text m) { return Of(ErrorKind::kUnauthenticated, std::move(m)); }
  static Error Throttled(Text m, int64_t retry_after) {
    Error e = Of(ErrorKind::kThrottled, std::move(m));
    e.retry_after_seconds = retry_after;
    return e;
  }

  static Error Invalid(std::string m, std::vector<std::string> d = {}) {
    return {ErrorKind::kInvalid, std::move(m), std::move(d)};
  }
  static Error Conflict(std::string m, std::vector<std::string> d = {}) {
    return {ErrorKind::kConflict, std::move(m), std::move(d)};
  }
  static Error NotFound(std::string m) { return {ErrorKind::kNotFound, std::move(m), {}}; }
  static Error Storage(std::string m) { return {ErrorKind::kStorage, std::move(m), {}}; }
  static Error Unauthenticated(std::string m) {
    return {ErrorKind::kUnauthenticated, std::move(m), {}};
  }
  static Error Forbidden(std::string m) { return {ErrorKind::kForbidden, std::move(m), {}}; }
  static Error Throttled(std::string m, int64_t retry_after) {
    return {ErrorKind::kThrottled, std::move(m), {}, retry_after};
  }
};

template <typename T>
using Result = Expected<T, Error>;

inline Unexpected<Error> Fail(Error e) { return Unexpected<Error>(std::move(e)); }

// Collects the problems found in one input (a file, a request body), keeping the first
// `max_listed` and counting the rest, so that a refusal lists them all at once.
class ProblemList {
 public:
  explicit ProblemList(size_t max_listed) : max_listed_(max_listed) {}
  void Add(std::string problem) { Add(Text::Marked(std::move(problem))); }
  void Add(Text problem) {
    if (listed_.size() < max_listed_) listed_.push_back(std::move(problem));
    ++count_;
  }
  size_t count() const { return count_; }
  // "diary refused: 3 problems" with one detail a problem, or empty when none was found.
  // `what` is a T_ text ("diary"), or English as it is.
  std::optional<Error> Refusal(const std::string& what) { return Refusal(Text::Marked(what)); }
  std::optional<Error> Refusal(Text what) {
    if (count_ == 0) return std::nullopt;
    std::vector<Text> details = listed_;
    if (count_ > details.size()) {
      const auto more = static_cast<int64_t>(count_ - details.size());
      // TRANSLATORS: the last line of a list of problems; {n} is how many were left out.
      details.push_back(NT_("... and {n} more", "... and {n} more", more));
    }
    // TRANSLATORS: {what} is what was refused ("diary", "morning", "settings"); {n} is how
    // many problems it has, listed below.
    return Error::Invalid(NT_("{what} refused: {n} problem", "{what} refused: {n} problems",
                              static_cast<int64_t>(count_), {{"what", std::move(what)}}),
                          std::move(details));
  }

 private:
  size_t max_listed_;
  std::vector<Text> listed_;
  size_t count_ = 0;
};

}  // namespace backsignal
