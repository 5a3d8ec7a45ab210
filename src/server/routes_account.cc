// Signing up and in, the account, its API tokens, and the administrator's list.
#include <iostream>

#include "app.h"
#include "auth.h"
#include "backsignal/io/auth_json.h"
#include "backsignal/io/ids.h"
#include "backsignal/service/accounts.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/profile.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

using service::Service;

nlohmann::json AccountJson(const Account& a) {
  return {{"id", a.id},  // never handed out twice: the page keys what it keeps by it
          {"username", a.username},
          {"person", a.person},
          {"role", a.role},
          {"admin", a.admin},
          {"created_at", a.created_at}};
}

// A new sign-in session: its cookie, and the CSRF token the page sends with every write.
Result<HttpResponse> SignedIn(const App& app, int status, const Account& account) {
  auto s = service::StartSession(app.service(), account);
  if (!s) return Unexpected(s.error());
  nlohmann::json j = AccountJson(account);
  j["csrf"] = s->csrf;
  HttpResponse r = Json(status, Dump(j));
  r.headers.emplace_back("Set-Cookie", SessionCookie(app.options(), s->token,
                                                     s->expires_at - app.service().clock().Now()));
  return r;
}

// Once the last account is gone, the next sign-up needs a new setup code: printed, as at the
// first start.
void NewSetupCodeIfEmpty(const App& app) {
  auto code = service::NewSetupCodeIfNoAccount(app.service());
  if (code && *code) {
    std::cout << "No account left. Create the first one (the administrator) again at /#signup="
              << **code << std::endl;
  }
}

Result<HttpResponse> GetMe(App& app, Call& c) {
  const Service& svc = app.service();
  // The language the page speaks: the reader's setting, else Accept-Language (also before
  // sign-in), by the rule of every answer of the server (docs/languages.md).
  const std::string language = ReaderLocale(svc, c).tag();
  if (!app.options().accounts) {
    return Json(200, Dump({{"accounts", false}, {"keeps_diary", true}, {"language", language}}));
  }
  if (!c.who.signed_in) {
    auto n = service::CountAccounts(svc);
    if (!n) return Unexpected(n.error());
    return Json(200, Dump({{"accounts", true},
                           {"signed_in", false},
                           {"needs_setup", *n == 0},
                           {"language", language}}));
  }
  nlohmann::json j = AccountJson(c.who.caller->account);
  j["accounts"] = true;
  j["signed_in"] = true;
  // Whether the page shows their own diary: a clinician's only once they start one.
  auto profile = service::ProfileOf(svc, c.who.person);
  if (!profile) return Unexpected(profile.error());
  j["keeps_diary"] = profile->keeps_diary.value_or(c.who.caller->account.role != "clinician");
  j["display_name"] =
      profile->display_name.empty() ? nlohmann::json() : nlohmann::json(profile->display_name);
  j["language"] = language;
  if (c.who.caller->by_cookie) j["csrf"] = c.who.caller->csrf;
  if (!c.who.caller->by_cookie) j["scope"] = c.who.caller->scope;
  return Json(200, Dump(j));
}

Result<HttpResponse> SignUp(App& app, Call& c) {
  auto body = ParseSignUpJson(c.req.body);
  if (!body) return Unexpected(body.error());
  service::SignUpRequest r{body->username, body->password, body->role, body->setup_code,
                           ClientAddress(app.options(), c.req)};
  auto account = service::SignUp(app.service(), r, app.options().throttle);
  if (!account) return Unexpected(account.error());
  return SignedIn(app, 201, *account);
}

Result<HttpResponse> SignIn(App& app, Call& c) {
  auto body = ParseSignInJson(c.req.body);
  if (!body) return Unexpected(body.error());
  auto account = service::SignIn(app.service(), body->username, body->password,
                                 ClientAddress(app.options(), c.req), app.options().throttle);
  if (!account) return Unexpected(account.error());
  return SignedIn(app, 200, *account);
}

Result<HttpResponse> SignOut(App& app, Call& c) {
  if (auto ok = service::SignOut(app.service(), *c.who.caller); !ok) {
    return Unexpected(ok.error());
  }
  HttpResponse r = Json(200, R"({"signed_in":false})");
  r.headers.emplace_back("Set-Cookie", EndSessionCookie(app.options()));
  return r;
}

Result<HttpResponse> ChangePassword(App& app, Call& c) {
  auto body = ParsePasswordChangeJson(c.req.body);
  if (!body) return Unexpected(body.error());
  if (auto ok =
          service::ChangePassword(app.service(), c.who.caller->account, body->current, body->next,
                                  c.who.caller->session_hash, app.options().throttle);
      !ok) {
    return Unexpected(ok.error());
  }
  return Json(200, R"({"changed":true})");
}

Result<HttpResponse> ShowAccount(App&, Call& c) {
  return Json(200, Dump(AccountJson(c.who.caller->account)));
}

Result<HttpResponse> ExportAccount(App& app, Call& c) {
  const Account& me = c.who.caller->account;
  auto f = service::ExportFor(app.service(), me.person, ExportFormat::kAll, me);
  if (!f) return Unexpected(f.error());
  HttpResponse r = Json(200, std::move(f->body));
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + f->file_name + "\"");
  return r;
}

Result<HttpResponse> DeleteAccount(App& app, Call& c) {
  auto password = ParsePasswordJson(c.req.body);
  if (!password) return Unexpected(password.error());
  if (auto ok = service::DeleteAccount(app.service(), c.who.caller->account, *password,
                                       app.options().throttle);
      !ok) {
    return Unexpected(ok.error());
  }
  NewSetupCodeIfEmpty(app);
  HttpResponse r = Json(200, R"({"deleted":true})");
  r.headers.emplace_back("Set-Cookie", EndSessionCookie(app.options()));
  return r;
}

Result<HttpResponse> ListTokens(App& app, Call& c) {
  auto list = service::ListTokens(app.service(), c.who.caller->account);
  if (!list) return Unexpected(list.error());
  const int64_t now = app.service().clock().Now();
  nlohmann::json tokens = nlohmann::json::array();
  for (const ApiTokenInfo& t : *list) {
    tokens.push_back(
        {{"id", t.id},
         {"name", t.name},
         {"scope", t.scope},
         {"created_at", t.created_at},
         {"expires_at", t.expires_at},
         {"expired", t.expires_at <= now},
         {"last_used_at", t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json()}});
  }
  return Json(200, Dump({{"tokens", tokens}}));
}

Result<HttpResponse> CreateToken(App& app, Call& c) {
  auto body = ParseTokenJson(c.req.body);
  if (!body) return Unexpected(body.error());
  auto t = service::CreateToken(app.service(), c.who.caller->account, body->name, body->scope,
                                body->days);
  if (!t) return Unexpected(t.error());
  return Json(201, Dump({{"id", t->id},
                         {"name", t->name},
                         {"scope", t->scope},
                         {"expires_at", t->expires_at},
                         {"token", t->token}}));
}

Result<HttpResponse> RevokeToken(App& app, Call& c) {
  auto id = ParsePositive(c.params["id"]);
  if (!id) return Fail(Error::NotFound(N_("no such token")));
  auto ok = service::RevokeToken(app.service(), c.who.caller->account, static_cast<int64_t>(*id));
  if (!ok) return Unexpected(ok.error());
  return Json(200, R"({"revoked":true})");
}

// The administrator sees who has an account (never their diaries).
Result<HttpResponse> ListAccounts(App& app, Call& c) {
  auto list = service::ListAccounts(app.service(), c.who.caller->account);
  if (!list) return Unexpected(list.error());
  nlohmann::json accounts = nlohmann::json::array();
  for (const Account& acc : *list) accounts.push_back(AccountJson(acc));
  return Json(200, Dump({{"accounts", accounts}}));
}

// The signing in and out itself: anyone may ask, on a server with accounts.
constexpr Route Auth(const char* pattern, SyncHandler handler) {
  return {.method = "POST",
          .pattern = pattern,
          .access = Access::kPublic,
          .body_limit = kAnonymousBodyLimit,
          .needs_accounts = true,
          .sync = handler};
}

constexpr Route kAccountRoutes[] = {
    {.method = "GET", .pattern = "/api/v1/me", .access = Access::kPublic, .sync = GetMe},
    Auth("/api/v1/auth/signup", SignUp),
    Auth("/api/v1/auth/signin", SignIn),
    AccountRoute("POST", "/api/v1/auth/signout", 0, SignOut),
    AccountRoute("POST", "/api/v1/auth/password", kAnonymousBodyLimit, ChangePassword),
    AccountRoute("GET", "/api/v1/account", 0, ShowAccount),
    AccountRoute("GET", "/api/v1/account/export", 0, ExportAccount),
    AccountRoute("POST", "/api/v1/account/delete", kAnonymousBodyLimit, DeleteAccount),
    AccountRoute("GET", "/api/v1/tokens", 0, ListTokens),
    AccountRoute("POST", "/api/v1/tokens", kAnonymousBodyLimit, CreateToken),
    AccountRoute("DELETE", "/api/v1/tokens/{id:number}", 0, RevokeToken),
    AccountRoute("GET", "/api/v1/admin/accounts", 0, ListAccounts),
};

}  // namespace

std::span<const Route> AccountRoutes() { return kAccountRoutes; }

}  // namespace backsignal::server
