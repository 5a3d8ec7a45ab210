// Responses the routes share, and the one place where an error becomes an HTTP status: a
// handler fails with an Error of a kind (core/result.h), and ErrorResponse picks the status;
// the few refusals of HTTP itself (405, 415, 421, 500) are named here too. No other file writes
// a status of an error (tests/layering_test.py).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"
#include "backsignal/words/i18n.h"
#include "http_server.h"

namespace backsignal::server {

// JSON text of `j`; bytes that are not UTF-8 become U+FFFD instead of throwing.
std::string Dump(const nlohmann::json& j);

// A JSON response, never cached.
HttpResponse Json(int status, std::string body);

// The language a request is answered in (docs/languages.md): ?lang= when the page names its
// reader's choice, else the Accept-Language header; English when neither names a language
// backsignal speaks.
// `preferred` (the signed-in reader's own setting, when they chose one) comes before the header.
const Locale& RequestLocale(const Request& r, std::string_view preferred = "");

// The one place where an error's kind becomes an HTTP status: {"error": {"status", "message",
// "details"}}. A storage error is 503 with Retry-After (see below); its details (paths, SQL,
// connection strings) go to the log, never to the client.
HttpResponse ErrorResponse(const Error& e);

// HTTP's own refusals: a method the path does not take (`allow` lists those it does); a body
// that is not JSON where JSON is taken; a Host this server does not answer to; a bug (a
// handler threw), whose details stay in the log.
HttpResponse MethodNotAllowed(const std::string& message, const std::string& allow);
HttpResponse UnsupportedMediaType(const std::string& content_type);
HttpResponse MisdirectedRequest(const std::string& host);
HttpResponse InternalError();

// True for "application/json" with any parameters.
bool IsJson(const std::string& content_type);

// A positive whole number ("3"), or empty.
std::optional<size_t> ParsePositive(std::string_view s);

// A date in the query (`name=YYYY-MM-DD`): empty when absent, kInvalid naming it when wrong.
[[nodiscard]] Result<std::optional<Date>> QueryDate(const Request& req, const char* name);

// Writes the log line of an error with every credential redacted.
void LogError(const std::string& message);

}  // namespace backsignal::server
