// Signing up and in, the account, its API tokens, and the administrator's list.
#include <iostream>

#include "app.h"
#include "auth.h"
#include "backsignal/io/auth_json.h"
#include "backsignal/io/ids.h"
#include "backsignal/service/accounts.h"
#include "backsignal/service/exports.h"
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
Result<Response> SignedIn(const App& app, int status, const Account& account) {
  auto s = service::StartSession(app.service(), account);
  if (!s) return Unexpected(s.error());
  nlohmann::json j = AccountJson(account);
  j["csrf"] = s->csrf;
  Response r = Json(status, Dump(j));
  r.headers.emplace_back("Set-Cookie", SessionCookie(app.options(), s->token,
                                                     s->expires_at - app.service().clock().Now()));
  return r;
}

// Once the last account is gone, the next sign-up needs a new setup code: printed, as at the
// first start.
void NewSetupCodeIfEmpty(const App& app) {
  auto n = app.service().db().CountAccounts();
  if (!n || *n != 0) return;
  const std::string code = NewSecretToken();
  if (app.service().db().SetSetupCode(HashSecret(code))) {
    std::cout << "No account left. Create the first one (the administrator) again at /#signup="
              << code << std::endl;
  }
}

}  // namespace

void AddAccountRoutes(Router& router, App& app) {
  const Service& svc = app.service();
  App* a = &app;

  router.Add(
      {.method = "GET",
       .pattern = "/api/v1/me",
       .access = Access::kPublic,
       .sync = [a, &svc](Call& c) -> Result<Response> {
         // The language the page speaks: the reader's setting, else Accept-Language (also
         // before sign-in), as every answer of the server (docs/languages.md).
         const std::string language = ReaderLocale(svc, c).tag();
         if (!a->options().accounts) {
           return Json(200, Dump({{"accounts", false}, {"keeps_diary", true}, {"language", language}}));
         }
         if (!c.who.signed_in) {
           auto n = svc.db().CountAccounts();
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
         auto profile = svc.db().ForPerson(c.who.person)->LoadProfile();
         if (!profile) return Unexpected(profile.error());
         j["keeps_diary"] =
             profile->keeps_diary.value_or(c.who.caller->account.role != "clinician");
         j["display_name"] = profile->display_name.empty() ? nlohmann::json()
                                                           : nlohmann::json(profile->display_name);
         j["language"] = language;
         if (c.who.caller->by_cookie) j["csrf"] = c.who.caller->csrf;
         if (!c.who.caller->by_cookie) j["scope"] = c.who.caller->scope;
         return Json(200, Dump(j));
       }});

  router.Add({.method = "POST",
              .pattern = "/api/v1/auth/signup",
              .access = Access::kPublic,
              .body_limit = kAnonymousBodyLimit,
              .needs_accounts = true,
              .sync = [a, &svc](Call& c) -> Result<Response> {
                auto body = ParseSignUpJson(c.req.body);
                if (!body) return Unexpected(body.error());
                service::SignUpRequest r{body->username, body->password, body->role,
                                         body->setup_code, ClientAddress(a->options(), c.req)};
                auto account = service::SignUp(svc, r, a->options().throttle);
                if (!account) return Unexpected(account.error());
                return SignedIn(*a, 201, *account);
              }});

  router.Add({.method = "POST",
              .pattern = "/api/v1/auth/signin",
              .access = Access::kPublic,
              .body_limit = kAnonymousBodyLimit,
              .needs_accounts = true,
              .sync = [a, &svc](Call& c) -> Result<Response> {
                auto body = ParseSignInJson(c.req.body);
                if (!body) return Unexpected(body.error());
                auto account =
                    service::SignIn(svc, body->username, body->password,
                                    ClientAddress(a->options(), c.req), a->options().throttle);
                if (!account) return Unexpected(account.error());
                return SignedIn(*a, 200, *account);
              }});

  router.Add({.method = "POST",
              .pattern = "/api/v1/auth/signout",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [a, &svc](Call& c) -> Result<Response> {
                if (auto ok = svc.db().DeleteSession(c.who.caller->session_hash); !ok) {
                  return Unexpected(ok.error());
                }
                Response r = Json(200, R"({"signed_in":false})");
                r.headers.emplace_back("Set-Cookie", EndSessionCookie(a->options()));
                return r;
              }});

  router.Add({.method = "POST",
              .pattern = "/api/v1/auth/password",
              .access = Access::kSession,
              .body_limit = kAnonymousBodyLimit,
              .needs_accounts = true,
              .sync = [a, &svc](Call& c) -> Result<Response> {
                auto body = ParsePasswordChangeJson(c.req.body);
                if (!body) return Unexpected(body.error());
                if (auto ok = service::ChangePassword(svc, c.who.caller->account, body->current,
                                                      body->next, c.who.caller->session_hash,
                                                      a->options().throttle);
                    !ok) {
                  return Unexpected(ok.error());
                }
                return Json(200, R"({"changed":true})");
              }});

  router.Add({.method = "GET",
              .pattern = "/api/v1/account",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [](Call& c) -> Result<Response> {
                return Json(200, Dump(AccountJson(c.who.caller->account)));
              }});

  router.Add({.method = "GET",
              .pattern = "/api/v1/account/export",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                const Account& me = c.who.caller->account;
                auto f = service::ExportFor(svc, me.person, ExportFormat::kAll, me);
                if (!f) return Unexpected(f.error());
                Response r = Json(200, std::move(f->body));
                r.headers.emplace_back("Content-Disposition",
                                       "attachment; filename=\"" + f->file_name + "\"");
                return r;
              }});

  router.Add({.method = "POST",
              .pattern = "/api/v1/account/delete",
              .access = Access::kSession,
              .body_limit = kAnonymousBodyLimit,
              .needs_accounts = true,
              .sync = [a, &svc](Call& c) -> Result<Response> {
                auto password = ParsePasswordJson(c.req.body);
                if (!password) return Unexpected(password.error());
                if (auto ok = service::DeleteAccount(svc, c.who.caller->account, *password,
                                                     a->options().throttle);
                    !ok) {
                  return Unexpected(ok.error());
                }
                NewSetupCodeIfEmpty(*a);
                Response r = Json(200, R"({"deleted":true})");
                r.headers.emplace_back("Set-Cookie", EndSessionCookie(a->options()));
                return r;
              }});

  router.Add({.method = "GET",
              .pattern = "/api/v1/tokens",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto list = svc.db().ListApiTokens(c.who.caller->account.id);
                if (!list) return Unexpected(list.error());
                nlohmann::json tokens = nlohmann::json::array();
                for (const ApiTokenInfo& t : *list) {
                  tokens.push_back(
                      {{"id", t.id},
                       {"name", t.name},
                       {"scope", t.scope},
                       {"created_at", t.created_at},
                       {"expires_at", t.expires_at},
                       {"expired", t.expires_at <= svc.clock().Now()},
                       {"last_used_at",
                        t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json()}});
                }
                return Json(200, Dump({{"tokens", tokens}}));
              }});
  router.Add({.method = "POST",
              .pattern = "/api/v1/tokens",
              .access = Access::kSession,
              .body_limit = kAnonymousBodyLimit,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto body = ParseTokenJson(c.req.body);
                if (!body) return Unexpected(body.error());
                auto t = service::CreateToken(svc, c.who.caller->account, body->name, body->scope,
                                              body->days);
                if (!t) return Unexpected(t.error());
                return Json(201, Dump({{"id", t->id},
                                       {"name", t->name},
                                       {"scope", t->scope},
                                       {"expires_at", t->expires_at},
                                       {"token", t->token}}));
              }});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/tokens/{id:number}",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto id = ParsePositive(c.params["id"]);
                if (!id) return Problem(404, "no such token");
                auto ok =
                    svc.db().RevokeApiToken(c.who.caller->account.id, static_cast<int64_t>(*id));
                if (!ok) return Unexpected(ok.error());
                if (!*ok) return Problem(404, "no such token");
                return Json(200, R"({"revoked":true})");
              }});

  // The administrator sees who has an account (never their diaries).
  router.Add({.method = "GET",
              .pattern = "/api/v1/admin/accounts",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                if (!c.who.caller->account.admin) {
                  return Problem(403, "this is for the administrator");
                }
                auto list = svc.db().ListAccounts();
                if (!list) return Unexpected(list.error());
                nlohmann::json accounts = nlohmann::json::array();
                for (const Account& acc : *list) accounts.push_back(AccountJson(acc));
                return Json(200, Dump({{"accounts", accounts}}));
              }});
}

}  // namespace backsignal::server
