// Who is asking: a session cookie, or a bearer API token; the cookie's attributes; the client's
// address (behind a proxy, the last hop of X-Forwarded-For).
#pragma once

#include <string>

#include "app.h"
#include "router.h"

namespace backsignal::server {

// The caller of `req`: signed in with a cookie or a token, or not at all. Without accounts,
// everyone on this machine is the local person.
[[nodiscard]] Result<Who> Identify(const App& app, const Request& req);

// The client's address: the peer's, or X-Forwarded-For's last hop when trusting a proxy.
std::string ClientAddress(const AppOptions& options, const Request& req);

// Set-Cookie for a new session, and for ending it.
std::string SessionCookie(const AppOptions& options, const std::string& token, int64_t max_age);
std::string EndSessionCookie(const AppOptions& options);

// Compares two secrets in time independent of where they differ.
bool SameSecret(const std::string& a, const std::string& b);

}  // namespace backsignal::server
