// The API as a table: method, path pattern and handler, with who may call each route and what
// it takes. Handlers return Result<Response> (or pass one to a reply, for durable writes); the
// router makes the one error-to-response call.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/service/accounts.h"
#include "http_server.h"

namespace backsignal::server {

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

using Reply = std::function<void(Result<Response>)>;
using SyncHandler = std::function<Result<Response>(Call&)>;
using AsyncHandler = std::function<void(Call&, const Reply&)>;

enum class Access {
  kPublic,    // anyone: the page, health, sign-up and sign-in
  kSignedIn,  // a signed-in caller (or this machine's person, without accounts)
  kSession,   // a signed-in session, never an API token: the account itself
};

// What an API token needs for the route (a signed-in session may do anything).
enum class Scope { kNone, kRead, kCheckins, kDiary };

struct Route {
  // "GET", "PUT", ...; "*" is any method that changes something (never listed in Allow).
  std::string method;
  // "/api/v1/days/{date}/sessions/{n:number}": {name} matches one segment, {name:number} a
  // positive whole number, a last {name*} the rest of the path.
  std::string pattern;
  Access access = Access::kSignedIn;
  Scope scope = Scope::kRead;
  size_t body_limit = 0;        // 0: no body; else a body up to this size
  bool json_body = true;        // the body must be application/json (415 otherwise)
  bool needs_accounts = false;  // 404 on a server without accounts
  bool blocking = true;         // runs on the work pool, off the I/O threads
  SyncHandler sync;
  AsyncHandler async;
};

class Router {
 public:
  void Add(Route route);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
  };
  // The route of `method` and `path`: kNotFound when no pattern matches the path; a
  // 405-worthy kInvalid naming the allowed methods in `allow` when only the method differs.
  std::optional<Match> Find(const std::string& method, const std::string& path,
                            std::string* allow) const;

 private:
  struct Entry {
    Route route;
    std::vector<std::string> parts;  // "{name}" parts match any one segment
  };
  std::vector<Entry> routes_;
};

// Splits "/a/b/c" into its segments.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace backsignal::server
