// Sharing a reading with a clinician, and the clinician's list of who needs attention.
#include "app.h"
#include "backsignal/io/auth_json.h"
#include "backsignal/service/sharing.h"
#include "http_util.h"

namespace backsignal::server {

void AddSharingRoutes(Router& router, App& app) {
  const service::Service& svc = app.service();

  router.Add({.method = "GET",
              .pattern = "/api/v1/shares",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                const PersonId me = c.who.person;
                auto shares = service::ListShares(svc, me);
                if (!shares) return Unexpected(shares.error());
                auto invites = service::ListInvites(svc, me);
                if (!invites) return Unexpected(invites.error());
                nlohmann::json sh = nlohmann::json::array(), inv = nlohmann::json::array();
                for (const ShareInfo& s : *shares) {
                  sh.push_back({{"clinician_id", s.clinician_id},
                                {"clinician", s.clinician},
                                {"since", s.since}});
                }
                for (const InviteInfo& i : *invites) {
                  inv.push_back(
                      {{"id", i.id}, {"created_at", i.created_at}, {"expires_at", i.expires_at}});
                }
                return Json(200, Dump({{"shares", sh}, {"invites", inv}}));
              }});
  router.Add({.method = "POST",
              .pattern = "/api/v1/shares/invites",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto invite = service::CreateInvite(svc, c.who.person);
                if (!invite) return Unexpected(invite.error());
                return Json(201, Dump({{"id", invite->id},
                                       {"code", invite->code},
                                       {"expires_at", invite->expires_at}}));
              }});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/shares/invites/{id:number}",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto id = ParsePositive(c.params["id"]);
                if (!id) return Fail(Error::NotFound("no such invite"));
                auto ok = service::CancelInvite(svc, c.who.person, static_cast<int64_t>(*id));
                if (!ok) return Unexpected(ok.error());
                return Json(200, R"({"cancelled":true})");
              }});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/shares/{id:number}",
              .access = Access::kSession,
              .needs_accounts = true,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto id = ParsePositive(c.params["id"]);
                if (!id) return Fail(Error::NotFound("no such share"));
                auto ok = service::RevokeShare(svc, c.who.person, static_cast<int64_t>(*id));
                if (!ok) return Unexpected(ok.error());
                return Json(200, R"({"revoked":true})");
              }});

  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/clinician/redeem",
       .access = Access::kSession,
       .body_limit = kAnonymousBodyLimit,
       .needs_accounts = true,
       .sync = [&svc](Call& c) -> Result<Response> {
         auto code = ParseInviteCodeJson(c.req.body);
         if (!code) return Unexpected(code.error());
         auto person = service::RedeemInvite(svc, c.who.caller->account, *code);
         if (!person) return Unexpected(person.error());
         return Json(200, Dump({{"person", person->person}, {"username", person->username}}));
       }});
  router.Add(
      {.method = "GET",
       .pattern = "/api/v1/clinician/people",
       .access = Access::kSession,
       .needs_accounts = true,
       .sync = [&svc](Call& c) -> Result<Response> {
         auto list = service::ClinicianPeople(svc, c.who.caller->account);
         if (!list) return Unexpected(list.error());
         nlohmann::json people = nlohmann::json::array();
         for (const service::TriagedPerson& t : *list) {
           const PersonSummary& p = t.summary;
           people.push_back(
               {{"person", p.person},
                {"username", p.username},
                {"display_name",
                 p.display_name.empty() ? nlohmann::json() : nlohmann::json(p.display_name)},
                {"last_date",
                 p.last_date ? nlohmann::json(p.last_date->ToString()) : nlohmann::json()},
                {"days_since", t.days_since ? nlohmann::json(*t.days_since) : nlohmann::json()},
                {"verdict", p.verdict},
                {"held_back_by", p.held_back_by},
                {"setting_off", p.setting_off},
                {"alerts", p.alerts},
                {"needs", t.needs}});
         }
         return Json(200, Dump({{"people", people}, {"stale_after_days", service::kStaleDays}}));
       }});
}

}  // namespace backsignal::server
