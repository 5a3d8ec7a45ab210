#include "app.h"

#include <arpa/inet.h>

#include <boost/asio/post.hpp>
#include <chrono>

#include "auth.h"
#include "backsignal/service/sharing.h"
#include "http_util.h"

namespace backsignal::server {

const Locale& ReaderLocale(const service::Service& svc, const Call& c) {
  std::string preferred;
  if (c.who.signed_in) {
    if (auto profile = svc.db().ForPerson(c.who.person)->LoadProfile()) {
      preferred = profile->language;
    }
  }
  return RequestLocale(c.req, preferred);
}
namespace {

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// "host:port" -> "host" (an IPv6 literal keeps its brackets).
std::string_view HostName(std::string_view host) {
  if (host.starts_with("[")) {
    // "[::1]" or "[::1]:8080"; anything after the bracket but a port keeps the whole as the name.
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return host;
    if (close + 1 < host.size() && host[close + 1] != ':') return host;
    return host.substr(0, close + 1);
  }
  const size_t colon = host.rfind(':');
  return colon == std::string_view::npos ? host : host.substr(0, colon);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool IsWildcard(const std::string& host) { return host == "0.0.0.0" || host == "::"; }

// An IPv4 address literal (four decimal parts) in 127.0.0.0/8; a name that merely starts with
// "127." (127.attacker.example) is a name like any other.
bool IsLoopbackIpv4(const std::string& name) {
  in_addr a{};
  return ::inet_pton(AF_INET, name.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

}  // namespace

App::App(service::Service& service, AppOptions options)
    : service_(service), options_(std::move(options)), pool_(options_.work_threads) {
  AddPageRoutes(router_, *this);
  AddDiaryRoutes(router_, *this);
  AddAccountRoutes(router_, *this);
  AddSharingRoutes(router_, *this);
  AddSafetyRoutes(router_, *this);
  AddReminderRoutes(router_, *this);
  AddMeasuresRoutes(router_, *this);
}

App::~App() { pool_.join(); }

std::optional<Response> App::CheckHost(const Request& req) const {
  // DNS rebinding: a page of another site that resolves its name to this machine must not
  // reach the diary. Only the names this server is known by are answered.
  const std::string name = Lower(HostName(req.host));
  if (name == "localhost" || name == "[::1]" || IsLoopbackIpv4(name)) return std::nullopt;
  const std::string listen = Lower(options_.listen_host);
  if (!IsWildcard(listen) && (name == listen || name == "[" + listen + "]")) {
    return std::nullopt;
  }
  for (const std::string& h : options_.hosts) {
    if (name == Lower(h)) return std::nullopt;
  }
  if (IsWildcard(listen) && options_.hosts.empty() && options_.accounts) return std::nullopt;
  return Problem(421, "this server does not answer to the host \"" + req.host + "\"");
}

std::optional<Response> App::CheckOrigin(const Request& req) const {
  // A state-changing request made by a page of another site is refused, signed in or not.
  if (!ChangesState(req.method)) return std::nullopt;
  if (req.sec_fetch_site == "cross-site" || req.sec_fetch_site == "same-site") {
    return Problem(403, "a request from another site may not change anything here");
  }
  if (!req.origin.empty()) {
    std::string_view o(req.origin);
    const size_t scheme = o.find("://");
    if (req.origin == "null" || scheme == std::string_view::npos ||
        Lower(o.substr(scheme + 3)) != Lower(req.host)) {
      return Problem(403, "a request from another site may not change anything here");
    }
  }
  return std::nullopt;
}

HeadVerdict App::OnHead(const Request& head) {
  HeadVerdict v;
  if (auto refused = CheckHost(head)) {
    v.refuse = std::move(refused);
    return v;
  }
  if (auto refused = CheckOrigin(head)) {
    v.refuse = std::move(refused);
    return v;
  }
  std::string allow;
  auto match = router_.Find(head.method, head.path, &allow);
  if (!match) {
    // Answered now, the body left unread.
    v.refuse = allow.empty() ? Problem(404, "nothing at " + head.path)
                             : Problem(405, head.method + " is not allowed on " + head.path,
                                       {{"Allow", allow}});
    return v;
  }
  const Route& route = *match->route;
  v.body_limit = route.body_limit;
  // A body of a size not known yet (chunked), larger than an anonymous one may be, or one the
  // client waits to be asked for (100-continue) is read only for a caller known from the head.
  const bool body_coming = head.chunked || head.expects_continue ||
                           head.content_length.value_or(0) > kAnonymousBodyLimit;
  if (options_.accounts && route.access != Access::kPublic && route.body_limit > 0 && body_coming) {
    auto who = Identify(*this, head);
    if (!who) {
      v.refuse = ErrorResponse(who.error());
    } else if (!who->signed_in) {
      v.refuse = Problem(401, "sign in first", {{"WWW-Authenticate", "Bearer"}});
    }
  }
  return v;
}

void App::Handle(Request req, std::function<void(Response)> respond_now) {
  // Every answer is counted, with its route's pattern and how long it took.
  const auto start = std::chrono::steady_clock::now();
  auto count = [this, start, method = req.method](const std::string& route, int status) {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    metrics_.Request(method, route, status, took.count());
  };
  std::string allow;
  auto match = router_.Find(req.method, req.path, &allow);
  auto respond = [count, respond_now = std::move(respond_now),
                  route = match ? match->route->pattern : std::string("unmatched")](Response r) {
    count(route, r.status);
    respond_now(std::move(r));
  };
  if (!match) {
    if (!allow.empty()) {
      return respond(
          Problem(405, req.method + " is not allowed on " + req.path, {{"Allow", allow}}));
    }
    return respond(Problem(404, "nothing at " + req.path));
  }
  Call call;
  call.req = std::move(req);
  call.params = std::move(match->params);
  Dispatch(std::move(call), *match->route, std::move(respond));
}

void App::Dispatch(Call call, const Route& route, std::function<void(Response)> respond) {
  auto run = [this, call = std::move(call), &route, respond = std::move(respond)]() mutable {
    const bool head = call.req.method == "HEAD";
    Reply reply = [this, respond, head](Result<Response> r) {
      if (!r && r.error().kind == ErrorKind::kStorage) metrics_.DatabaseError();
      Response out = r ? std::move(*r) : ErrorResponse(r.error());
      if (head) out.body.clear();
      respond(std::move(out));
    };
    if (route.needs_accounts && !options_.accounts) {
      return reply(Problem(404, "accounts are off on this server (serve --accounts)"));
    }
    // Who is asking, except for the page's static files (public, answered on the I/O thread).
    if (route.access != Access::kPublic || route.blocking || !options_.accounts) {
      auto who = Identify(*this, call.req);
      if (!who) return reply(Unexpected(who.error()));
      call.who = std::move(*who);
    }
    call.subject = call.who.person;
    if (route.access != Access::kPublic) {
      if (!call.who.signed_in) {
        return reply(Problem(401, "sign in first", {{"WWW-Authenticate", "Bearer"}}));
      }
      const service::Caller* c = call.who.caller ? &*call.who.caller : nullptr;
      if (c && c->by_cookie && ChangesState(call.req.method) &&
          !SameSecret(call.req.csrf_token, c->csrf)) {
        return reply(Problem(403, "missing or wrong CSRF token: reload the page and try again"));
      }
      if (c && !c->by_cookie) {
        // An API token: never the account itself, and only the work of its scope.
        const Scope granted = c->scope == "read"       ? Scope::kRead
                              : c->scope == "checkins" ? Scope::kCheckins
                                                       : Scope::kDiary;
        if (route.access == Access::kSession) {
          return reply(Problem(403, "an API token cannot do this: sign in on the page"));
        }
        if (static_cast<int>(route.scope) > static_cast<int>(granted)) {
          return reply(
              Problem(403, "this API token's scope (" + c->scope + ") does not allow this"));
        }
      }
    }
    if (auto it = call.params.find("person"); it != call.params.end()) {
      // A clinician reading a person who shares with them: read only, 404 for anyone else.
      auto id = ParsePositive(it->second);
      if (!id) return reply(Problem(404, "nothing at " + call.req.path));
      auto ok =
          service::CanView(service_, call.account(), call.who.person, static_cast<PersonId>(*id));
      if (!ok) return reply(Unexpected(ok.error()));
      if (!*ok) {
        return reply(Problem(404, "this person no longer shares their reading with you"));
      }
      call.subject = static_cast<PersonId>(*id);
    }
    if (route.body_limit > 0 && route.json_body && !IsJson(call.req.content_type)) {
      return reply(Problem(
          415, "send the body as application/json (got \"" + call.req.content_type + "\")"));
    }
    try {
      if (route.async) return route.async(call, reply);
      reply(route.sync(call));
    } catch (const std::exception& e) {
      LogError(std::string("internal error: ") + e.what());
      reply(Problem(500, "internal error"));
    }
  };
  if (route.blocking) {
    {
      std::lock_guard lock(work_mu_);
      ++working_;
    }
    boost::asio::post(pool_, [this, run = std::move(run)]() mutable {
      struct Done {
        App& app;
        ~Done() {
          std::lock_guard lock(app.work_mu_);
          if (--app.working_ == 0) app.work_done_.notify_all();
        }
      } done{*this};
      run();
    });
  } else {
    run();
  }
}

bool App::Drain(std::chrono::milliseconds deadline) {
  std::unique_lock lock(work_mu_);
  return work_done_.wait_for(lock, deadline, [this] { return working_ == 0; });
}

size_t App::working() const {
  std::lock_guard lock(work_mu_);
  return working_;
}

}  // namespace backsignal::server
