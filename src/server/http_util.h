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
// The same rule from its parts: `lang` (?lang=, or empty), `preferred`, then `accept_language`.
const Locale& ChooseLocale(std::string_view lang, std::string_view preferred,
                           std::string_view accept_language);

// The one place where an error's kind becomes an HTTP status: {"error": {"status", "message",
// "details"}}. A storage error is 503 with Retry-After (see below); its details (paths, SQL,
// connection strings) go to the log, never to the client.
// The message (and each detail) is a person's to read: in `loc`'s language when it is a text of
// the catalogues (marked N_ where it is made, or written in that language already); the status
// and the JSON keys are the machine's and stay as they are.
HttpResponse ErrorResponse(const Error& e, const Locale& loc = Locale::English());

// HTTP's own refusals: a method the path does not take (`allow` lists those it does); a body
// that is not JSON where JSON is taken; a Host this server does not answer to; a bug (a
// handler threw), whose details stay in the log. `message` as ErrorResponse's.
HttpResponse MethodNotAllowed(const std::string& message, const std::string& allow,
                              const Locale& loc = Locale::English());
HttpResponse UnsupportedMediaType(const std::string& content_type,
                                  const Locale& loc = Locale::English());
HttpResponse MisdirectedRequest(const std::string& host, const Locale& loc = Locale::English());
HttpResponse InternalError(const Locale& loc = Locale::English());

// True for "application/json" with any parameters.
bool IsJson(const std::string& content_type);

// A positive whole number ("3"), or empty.
std::optional<size_t> ParsePositive(std::string_view s);

// A date in the query (`name=YYYY-MM-DD`): empty when absent, kInvalid naming it when wrong.
[[nodiscard]] Result<std::optional<Date>> QueryDate(const Request& req, const char* name);

// Writes the log line of an error with every credential redacted.
void LogError(const std::string& message);

}  // namespace backsignal::server
