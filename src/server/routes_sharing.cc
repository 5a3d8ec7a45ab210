// Sharing a reading with a clinician, and the clinician's list of who needs attention.
#include "app.h"
#include "backsignal/io/auth_json.h"
#include "backsignal/service/sharing.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

// The person's function (PSFS average) for the list: its latest value, and its change against
// four weeks before (else eight) with the verdict of that change; null without recent answers.
nlohmann::json FunctionJson(const service::TriagedPerson& t) {
  if (!t.function) return nullptr;
  nlohmann::json f = {{"date", t.function->date.ToString()},
                      {"average", t.function->average},
                      {"worse", t.function_worse}};
  if (auto c = t.function_change()) {
    f["since"] = c->then_date.ToString();
    f["change"] = c->delta;
    f["verdict"] = ChangeName(c->change);
  }
  return f;
}

Result<HttpResponse> ListShares(App& app, Call& c) {
  const PersonId me = c.who.person;
  auto shares = service::ListShares(app.service(), me);
  if (!shares) return Unexpected(shares.error());
  auto invites = service::ListInvites(app.service(), me);
  if (!invites) return Unexpected(invites.error());
  nlohmann::json sh = nlohmann::json::array(), inv = nlohmann::json::array();
  for (const ShareInfo& s : *shares) {
    sh.push_back(
        {{"clinician_id", s.clinician_id}, {"clinician", s.clinician}, {"since", s.since}});
  }
  for (const InviteInfo& i : *invites) {
    inv.push_back({{"id", i.id}, {"created_at", i.created_at}, {"expires_at", i.expires_at}});
  }
  return Json(200, Dump({{"shares", sh}, {"invites", inv}}));
}

Result<HttpResponse> CreateInvite(App& app, Call& c) {
  auto invite = service::CreateInvite(app.service(), c.who.person);
  if (!invite) return Unexpected(invite.error());
  return Json(
      201, Dump({{"id", invite->id}, {"code", invite->code}, {"expires_at", invite->expires_at}}));
}

Result<HttpResponse> CancelInvite(App& app, Call& c) {
  auto id = ParsePositive(c.params["id"]);
  if (!id) return Fail(Error::NotFound(N_("no such invite")));
  auto ok = service::CancelInvite(app.service(), c.who.person, static_cast<int64_t>(*id));
  if (!ok) return Unexpected(ok.error());
  return Json(200, R"({"cancelled":true})");
}

Result<HttpResponse> RevokeShare(App& app, Call& c) {
  auto id = ParsePositive(c.params["id"]);
  if (!id) return Fail(Error::NotFound(N_("no such share")));
  auto ok = service::RevokeShare(app.service(), c.who.person, static_cast<int64_t>(*id));
  if (!ok) return Unexpected(ok.error());
  return Json(200, R"({"revoked":true})");
}

Result<HttpResponse> RedeemInvite(App& app, Call& c) {
  auto code = ParseInviteCodeJson(c.req.body);
  if (!code) return Unexpected(code.error());
  auto person = service::RedeemInvite(app.service(), c.who.caller->account, *code);
  if (!person) return Unexpected(person.error());
  return Json(200, Dump({{"person", person->person}, {"username", person->username}}));
}

Result<HttpResponse> ClinicianPeople(App& app, Call& c) {
  auto list = service::ClinicianPeople(app.service(), c.who.caller->account);
  if (!list) return Unexpected(list.error());
  nlohmann::json people = nlohmann::json::array();
  for (const service::TriagedPerson& t : *list) {
    const PersonSummary& p = t.summary;
    people.push_back(
        {{"person", p.person},
         {"username", p.username},
         {"display_name",
          p.display_name.empty() ? nlohmann::json() : nlohmann::json(p.display_name)},
         {"last_date", p.last_date ? nlohmann::json(p.last_date->ToString()) : nlohmann::json()},
         {"days_since", t.days_since ? nlohmann::json(*t.days_since) : nlohmann::json()},
         {"verdict", p.verdict},
         {"held_back_by", p.held_back_by},
         {"setting_off", p.setting_off},
         {"alerts", p.alerts},
         {"needs", t.needs},
         {"function", FunctionJson(t)}});
  }
  return Json(200, Dump({{"people", people}, {"stale_after_days", service::kStaleDays}}));
}

constexpr Route kSharingRoutes[] = {
    AccountRoute("GET", "/api/v1/shares", 0, ListShares),
    AccountRoute("POST", "/api/v1/shares/invites", 0, CreateInvite),
    AccountRoute("DELETE", "/api/v1/shares/invites/{id:number}", 0, CancelInvite),
    AccountRoute("DELETE", "/api/v1/shares/{id:number}", 0, RevokeShare),
    AccountRoute("POST", "/api/v1/clinician/redeem", kAnonymousBodyLimit, RedeemInvite),
    AccountRoute("GET", "/api/v1/clinician/people", 0, ClinicianPeople),
};

}  // namespace

std::span<const Route> SharingRoutes() { return kSharingRoutes; }

}  // namespace backsignal::server
