#include "app.h"

#include <arpa/inet.h>

#include <boost/asio/post.hpp>
#include <chrono>

#include "auth.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/sharing.h"
#include "http_util.h"

namespace backsignal::server {

const Locale& ReaderLocale(const service::Service& svc, const Call& c) {
  std::string preferred;
  if (c.who.signed_in) {
    if (auto profile = service::ProfileOf(svc, c.who.person)) preferred = profile->language;
  }
  return RequestLocale(c.req, preferred);
}

namespace {

// What chooses the language of a refusal (ReaderLocale's rule), kept for a reply that may come
// after the call is gone: the reader's own setting is read only when there is a refusal to
// write, and only by a handler on the work pool (`reader` is 0 otherwise).
struct RefusalLanguage {
  std::string lang;  // ?lang=
  std::string accept_language;
  PersonId reader = 0;

  const Locale& Of(const service::Service& svc) const {
    std::string preferred;
    if (reader != 0) {
      if (auto profile = service::ProfileOf(svc, reader)) preferred = profile->language;
    }
    return ChooseLocale(lang, preferred, accept_language);
  }
};

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

bool IsWildcard(const std::string& host) { return host == "0.0.0.0" || host == "::"; }

// An IPv4 address literal (four decimal parts) in 127.0.0.0/8; a name that merely starts with
// "127." (127.attacker.example) is a name like any other.
bool IsLoopbackIpv4(const std::string& name) {
  in_addr a{};
  return ::inet_pton(AF_INET, name.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

// What OnHead found, handed to Handle with the body: the request is matched, and its caller
// identified, once.
struct HeadFound {
  Router::Match match;
  std::optional<Who> who;  // when the head was enough to know (a body read only for them)
};

HttpResponse NoRoute(const Request& req, const std::string& allow) {
  const Locale& loc = RequestLocale(req);
  if (allow.empty()) {
    // TRANSLATORS: {path} is the address asked for ("/api/v1/nothing").
    return ErrorResponse(Error::NotFound(loc.Tr("nothing at {path}", {Arg("path", req.path)})));
  }
  // TRANSLATORS: {method} is an HTTP method ("DELETE"), {path} the address it was sent to.
  return MethodNotAllowed(loc.Tr("{method} is not allowed on {path}",
                                 {Arg("method", req.method), Arg("path", req.path)}),
                          allow);
}

}  // namespace

Error NotSignedIn() { return Error::Unauthenticated(N_("sign in first")); }

App::App(service::Service& service, AppOptions options)
    : service_(service), options_(std::move(options)), pool_(options_.work_threads) {
  for (std::span<const Route> table :
       {PageRoutes(), DiaryRoutes(), DayRoutes(), AccountRoutes(), SharingRoutes(), SafetyRoutes(),
        ReminderRoutes(), MeasuresRoutes()}) {
    router_.Add(table);
  }
}

App::~App() { pool_.join(); }

std::optional<HttpResponse> App::CheckHost(const Request& req) const {
  // DNS rebinding: a page of another site that resolves its name to this machine must not
  // reach the diary. Only the names this server is known by are answered.
  const std::string name = FoldAscii(HostName(req.host));
  if (name == "localhost" || name == "[::1]" || IsLoopbackIpv4(name)) return std::nullopt;
  const std::string listen = FoldAscii(options_.listen_host);
  if (!IsWildcard(listen) && (name == listen || name == "[" + listen + "]")) {
    return std::nullopt;
  }
  for (const std::string& h : options_.hosts) {
    if (name == FoldAscii(h)) return std::nullopt;
  }
  if (IsWildcard(listen) && options_.hosts.empty() && options_.accounts) return std::nullopt;
  return MisdirectedRequest(req.host, RequestLocale(req));
}

std::optional<HttpResponse> App::CheckOrigin(const Request& req) const {
  // A state-changing request made by a page of another site is refused, signed in or not.
  if (!ChangesState(req.method)) return std::nullopt;
  const Error other_site =
      Error::Forbidden(N_("a request from another site may not change anything here"));
  if (req.sec_fetch_site == "cross-site" || req.sec_fetch_site == "same-site") {
    return ErrorResponse(other_site, RequestLocale(req));
  }
  if (!req.origin.empty()) {
    std::string_view o(req.origin);
    const size_t scheme = o.find("://");
    if (req.origin == "null" || scheme == std::string_view::npos ||
        FoldAscii(o.substr(scheme + 3)) != FoldAscii(req.host)) {
      return ErrorResponse(other_site, RequestLocale(req));
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
    v.refuse = NoRoute(head, allow);  // answered now, the body left unread
    return v;
  }
  auto found = std::make_shared<HeadFound>();
  found->match = std::move(*match);
  const Route& route = *found->match.route;
  v.body_limit = route.body_limit;
  // A body of a size not known yet (chunked), larger than an anonymous one may be, or one the
  // client waits to be asked for (100-continue) is read only for a caller known from the head.
  const bool body_coming = head.chunked || head.expects_continue ||
                           head.content_length.value_or(0) > kAnonymousBodyLimit;
  if (options_.accounts && route.access != Access::kPublic && route.body_limit > 0 && body_coming) {
    auto who = Identify(*this, head);
    if (!who) {
      v.refuse = ErrorResponse(who.error(), RequestLocale(head));
    } else if (!who->signed_in) {
      v.refuse = ErrorResponse(NotSignedIn(), RequestLocale(head));
    } else {
      found->who = std::move(*who);
    }
  }
  v.context = std::move(found);
  return v;
}

void App::Handle(Request req, std::shared_ptr<void> context,
                 std::function<void(HttpResponse)> respond_now) {
  // Every answer is counted, with its route's pattern and how long it took.
  const auto start = std::chrono::steady_clock::now();
  auto count = [this, start, method = req.method](const std::string& route, int status) {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    metrics_.Request(method, route, status, took.count());
  };
  // OnHead matched the request (and refused it when nothing matched): never matched again.
  auto found = std::static_pointer_cast<HeadFound>(std::move(context));
  if (!found) {
    count("unmatched", 500);
    return respond_now(InternalError(RequestLocale(req)));
  }
  auto respond = [count, respond_now = std::move(respond_now),
                  route = std::string(found->match.pattern)](HttpResponse r) {
    count(route, r.status);
    respond_now(std::move(r));
  };
  Call call;
  call.req = std::move(req);
  call.params = std::move(found->match.params);
  Dispatch(std::move(call), std::move(found->who), *found->match.route, std::move(respond));
}

void App::Dispatch(Call call, std::optional<Who> known, const Route& route,
                   std::function<void(HttpResponse)> respond) {
  auto run = [this, call = std::move(call), known = std::move(known), &route,
              respond = std::move(respond)]() mutable {
    const bool head = call.req.method == "HEAD";
    auto language = std::make_shared<RefusalLanguage>();
    if (auto lang = call.req.query.find("lang"); lang != call.req.query.end()) {
      language->lang = lang->second;
    }
    language->accept_language = call.req.accept_language;
    Reply reply = [this, respond, head, language](Result<HttpResponse> r) {
      if (!r && r.error().kind == ErrorKind::kStorage) metrics_.DatabaseError();
      HttpResponse out = r ? std::move(*r) : ErrorResponse(r.error(), language->Of(service_));
      if (head) out.body.clear();
      respond(std::move(out));
    };
    if (route.needs_accounts && !options_.accounts) {
      return reply(Fail(Error::NotFound(N_("accounts are off on this server (serve --accounts)"))));
    }
    // Who is asking (once: OnHead may have found out already), except for the page's static
    // files (public, answered on the I/O thread).
    if (known) {
      call.who = std::move(*known);
    } else if (route.access != Access::kPublic || route.blocking || !options_.accounts) {
      auto who = Identify(*this, call.req);
      if (!who) return reply(Unexpected(who.error()));
      call.who = std::move(*who);
    }
    call.subject = call.who.person;
    // On the work pool, a refusal may read the reader's own language setting.
    if (route.blocking && call.who.signed_in) language->reader = call.who.person;
    if (route.access != Access::kPublic) {
      if (!call.who.signed_in) {
        return reply(Fail(NotSignedIn()));
      }
      const service::Caller* c = call.who.caller ? &*call.who.caller : nullptr;
      if (c && c->by_cookie && ChangesState(call.req.method) &&
          !SameSecret(call.req.csrf_token, c->csrf)) {
        return reply(Fail(
            Error::Forbidden(N_("missing or wrong CSRF token: reload the page and try again"))));
      }
      if (c && !c->by_cookie) {
        // An API token: never the account itself, and only the work of its scope.
        const Scope granted = c->scope == "read"       ? Scope::kRead
                              : c->scope == "checkins" ? Scope::kCheckins
                                                       : Scope::kDiary;
        if (route.access == Access::kSession) {
          return reply(
              Fail(Error::Forbidden(N_("an API token cannot do this: sign in on the page"))));
        }
        if (static_cast<int>(route.scope) > static_cast<int>(granted)) {
          return reply(Fail(Error::Forbidden(language->Of(service_).Tr(
              // TRANSLATORS: {scope} is an API token's scope ("read", "checkins" or "diary").
              "this API token's scope ({scope}) does not allow this", {Arg("scope", c->scope)}))));
        }
      }
    }
    if (auto it = call.params.find("person"); it != call.params.end()) {
      // A clinician reading a person who shares with them: read only, 404 for anyone else.
      auto id = ParsePositive(it->second);
      if (!id) {
        return reply(Fail(Error::NotFound(
            language->Of(service_).Tr("nothing at {path}", {Arg("path", call.req.path)}))));
      }
      auto ok =
          service::CanView(service_, call.account(), call.who.person, static_cast<PersonId>(*id));
      if (!ok) return reply(Unexpected(ok.error()));
      if (!*ok) {
        return reply(
            Fail(Error::NotFound(N_("this person no longer shares their reading with you"))));
      }
      call.subject = static_cast<PersonId>(*id);
    }
    if (route.body_limit > 0 && route.json_body && !IsJson(call.req.content_type)) {
      return reply(UnsupportedMediaType(call.req.content_type, language->Of(service_)));
    }
    try {
      if (route.async) {
        language->reader = 0;  // its reply may come on another thread: no database read there
        return route.async(*this, call, reply);
      }
      reply(route.sync(*this, call));
    } catch (const std::exception& e) {
      LogError(std::string("internal error: ") + e.what());
      reply(InternalError(language->Of(service_)));
    }
  };
  if (route.blocking) {
    {
      MutexLock lock(work_mu_);
      ++working_;
    }
    boost::asio::post(pool_, [this, run = std::move(run)]() mutable {
      struct Done {
        App& app;
        ~Done() {
          MutexLock lock(app.work_mu_);
          if (--app.working_ == 0) app.work_done_.SignalAll();
        }
      } done{*this};
      run();
    });
  } else {
    run();
  }
}

bool App::Drain(std::chrono::milliseconds deadline) {
  MutexLock lock(work_mu_);
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (working_ != 0) {
    if (!work_done_.WaitUntil(work_mu_, until)) return working_ == 0;
  }
  return true;
}

size_t App::working() const {
  MutexLock lock(work_mu_);
  return working_;
}

}  // namespace backsignal::server
