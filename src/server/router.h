// The API as tables: each area's routes (routes_*.cc) are a static array of rows (Ninja's
// kTools): method, path pattern, who may call and what it takes, and a named handler. Handlers
// return Result<HttpResponse> (or pass one to a reply, for durable writes); the router makes the
// one error-to-response call.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/service/accounts.h"
#include "http_server.h"

namespace backsignal::server {

class App;

// Who is calling, found from the request.
struct Who {
  bool signed_in = false;
  std::optional<service::Caller> caller;  // with accounts: the account, and how it signed in
  PersonId person = 0;                    // whose diary is theirs (0: nobody's)
};

struct Call {
  Request req;
  std::map<std::string, std::string> params;  // from the pattern: {date}, {n}, {id}, {person}
  Who who;
  PersonId subject = 0;  // whose diary the route works on

  std::optional<Account> account() const {
    return who.caller ? std::optional<Account>(who.caller->account) : std::nullopt;
  }
};

using Reply = std::function<void(Result<HttpResponse>)>;
// A handler parses, calls the service, and renders: it answers at once (sync), or passes its
// answer to `reply` exactly once, when a durable write is done (async).
using SyncHandler = Result<HttpResponse> (*)(App& app, Call& call);
using AsyncHandler = void (*)(App& app, Call& call, const Reply& reply);

enum class Access {
  kPublic,    // anyone: the page, health, sign-up and sign-in
  kSignedIn,  // a signed-in caller (or this machine's person, without accounts)
  kSession,   // a signed-in session, never an API token: the account itself
};

// What an API token needs for the route (a signed-in session may do anything).
enum class Scope { kNone, kRead, kCheckins, kDiary };

struct Route {
  // "GET", "PUT", ...; "*" is any method that changes something (never listed in Allow).
  const char* method = "GET";
  // "/api/v1/days/{date}/sessions/{n:number}": {name} matches one segment, {name:number} a
  // positive whole number, a last {name*} the rest of the path.
  const char* pattern = "";
  Access access = Access::kSignedIn;
  Scope scope = Scope::kRead;
  size_t body_limit = 0;        // 0: no body; else a body up to this size
  bool json_body = true;        // the body must be application/json (415 otherwise)
  bool needs_accounts = false;  // 404 on a server without accounts
  bool blocking = true;         // runs on the work pool, off the I/O threads
  // Also served under /api/v1/people/{person}/ (the pattern's /api/v1/ so replaced), for a
  // clinician the person shares with: only for routes that read.
  bool clinician_view = false;
  SyncHandler sync = nullptr;
  AsyncHandler async = nullptr;
};

// A route of an account's own: a signed-in session only (never an API token), on a server
// with accounts.
constexpr Route AccountRoute(const char* method, const char* pattern, size_t body_limit,
                             SyncHandler handler) {
  return {.method = method,
          .pattern = pattern,
          .access = Access::kSession,
          .body_limit = body_limit,
          .needs_accounts = true,
          .sync = handler};
}

// Where a clinician's view of a person's diary is served.
inline constexpr std::string_view kClinicianPrefix = "/api/v1/people/{person:number}/";

class Router {
 public:
  // Adds every row of an area's table. REQUIRES: the table outlives the Router (a static array).
  void Add(std::span<const Route> table);

  struct Match {
    const Route* route = nullptr;
    std::string_view pattern;  // as served: with the clinician's prefix when matched under it
    std::map<std::string, std::string> params;
  };
  // The route of `method` and `path`; none when no pattern matches the path, with the methods
  // that would be allowed there in `allow` when only the method differs.
  std::optional<Match> Find(const std::string& method, const std::string& path,
                            std::string* allow) const;

 private:
  struct Entry {
    const Route* route = nullptr;
    std::string pattern;
    std::vector<std::string> parts;  // "{name}" parts match any one segment
  };
  void AddEntry(const Route& route, std::string pattern);
  std::vector<Entry> routes_;
};

// Splits "/a/b/c" into its segments.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace backsignal::server
