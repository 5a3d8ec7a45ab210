// Push reminders (docs/reminders.md): the person's choices, their devices' subscriptions, a
// test reminder, and the VAPID public key the page subscribes with (never the private one).
#include "app.h"
#include "backsignal/core/date.h"
#include "backsignal/io/reminders_json.h"
#include "backsignal/service/reminders.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

using service::Service;

nlohmann::json Clock(std::optional<int> minutes) {
  if (!minutes) return nullptr;
  return TimeOfDay::FromMinutes(*minutes).ToString();
}

nlohmann::json ViewJson(const service::RemindersView& v, const std::string& vapid_public_key) {
  nlohmann::json devices = nlohmann::json::array();
  for (const PushSubscription& s : v.devices) {
    devices.push_back(
        {{"id", s.id},
         {"device", s.device},
         {"endpoint", s.endpoint},
         {"created_at", s.created_at},
         {"last_sent_at", s.last_sent_at ? nlohmann::json(*s.last_sent_at) : nlohmann::json()}});
  }
  nlohmann::json pending = nlohmann::json::array();
  for (const Reminder& r : v.pending) {
    pending.push_back(
        {{"kind", service::KindName(r.kind)}, {"date", r.date.ToString()}, {"due_at", r.due_at}});
  }
  const bool quiet = v.prefs.quiet_start && v.prefs.quiet_end;
  return {{"hour_after", v.prefs.hour_after},
          {"morning", v.prefs.morning},
          {"quiet_hours", quiet ? nlohmann::json{{"start", Clock(v.prefs.quiet_start)},
                                                 {"end", Clock(v.prefs.quiet_end)}}
                                : nlohmann::json()},
          {"devices", devices},
          {"max_devices", service::kMaxSubscriptions},
          {"vapid_public_key", vapid_public_key},
          {"pending", pending},
          {"sent", v.counts.sent},
          {"failed", v.counts.failed},
          {"dropped", v.counts.dropped}};
}

Result<HttpResponse> RemindersResponse(const Service& svc, PersonId person, int status) {
  auto v = service::GetReminders(svc, person);
  if (!v) return Unexpected(v.error());
  // The public key only: the page subscribes with it; the private key never leaves the store.
  auto keys = service::VapidKeys(svc);
  if (!keys) return Unexpected(keys.error());
  return Json(status, Dump(ViewJson(*v, keys->public_key)));
}

Result<HttpResponse> GetReminders(App& app, Call& c) {
  return RemindersResponse(app.service(), c.subject, 200);
}

Result<HttpResponse> PutReminders(App& app, Call& c) {
  const Service& svc = app.service();
  auto patch = ParseReminderPrefsJson(c.req.body);
  if (!patch) return Unexpected(patch.error());
  auto current = service::GetReminders(svc, c.subject);
  if (!current) return Unexpected(current.error());
  ReminderPrefs p = current->prefs;
  if (patch->hour_after) p.hour_after = *patch->hour_after;
  if (patch->morning) p.morning = *patch->morning;
  if (patch->quiet_hours) {
    p.quiet_start.reset();
    p.quiet_end.reset();
    if (*patch->quiet_hours) {
      p.quiet_start = (*patch->quiet_hours)->first;
      p.quiet_end = (*patch->quiet_hours)->second;
    }
  }
  auto ok = service::SetReminderPrefs(svc, c.subject, p);
  if (!ok) return Unexpected(ok.error());
  return RemindersResponse(svc, c.subject, 200);
}

// A device turns reminders on: its subscription, made by the page after the person asked.
Result<HttpResponse> AddDevice(App& app, Call& c) {
  auto body = ParseSubscriptionJson(c.req.body);
  if (!body) return Unexpected(body.error());
  auto s = service::Subscribe(app.service(), c.subject,
                              {body->endpoint, body->p256dh, body->auth, body->device},
                              app.options().push_reach);
  if (!s) return Unexpected(s.error());
  return Json(201, Dump({{"id", s->id}, {"device", s->device}}));
}

// One device off: by its id (the list), or by its endpoint (the device itself).
Result<HttpResponse> RemoveDeviceById(App& app, Call& c) {
  const auto id = ParsePositive(c.params.at("id"));
  if (!id) return Fail(Error::NotFound(N_("no such device has your reminders")));
  auto ok = service::RemoveDevice(app.service(), c.subject, static_cast<int64_t>(*id), "");
  if (!ok) return Unexpected(ok.error());
  return RemindersResponse(app.service(), c.subject, 200);
}

Result<HttpResponse> RemoveDeviceByEndpoint(App& app, Call& c) {
  auto endpoint = ParseEndpointJson(c.req.body);
  if (!endpoint) return Unexpected(endpoint.error());
  auto ok = service::RemoveDevice(app.service(), c.subject, 0, *endpoint);
  if (!ok) return Unexpected(ok.error());
  return RemindersResponse(app.service(), c.subject, 200);
}

// Reminders off everywhere: every device, and every reminder not yet sent.
Result<HttpResponse> TurnOffEverywhere(App& app, Call& c) {
  auto n = service::TurnOffReminders(app.service(), c.subject);
  if (!n) return Unexpected(n.error());
  return RemindersResponse(app.service(), c.subject, 200);
}

Result<HttpResponse> SendTestReminder(App& app, Call& c) {
  auto ok = service::QueueTestReminder(app.service(), c.subject);
  if (!ok) return Unexpected(ok.error());
  if (app.options().push_sender) app.options().push_sender->Wake();
  return Json(202, R"({"queued":true})");
}

constexpr Route kReminderRoutes[] = {
    {.method = "GET", .pattern = "/api/v1/reminders", .sync = GetReminders},
    {.method = "PUT",
     .pattern = "/api/v1/reminders",
     .access = Access::kSession,
     .body_limit = kAnonymousBodyLimit,
     .sync = PutReminders},
    {.method = "POST",
     .pattern = "/api/v1/reminders/devices",
     .access = Access::kSession,
     .body_limit = kAnonymousBodyLimit,
     .sync = AddDevice},
    {.method = "DELETE",
     .pattern = "/api/v1/reminders/devices/{id:number}",
     .access = Access::kSession,
     .sync = RemoveDeviceById},
    {.method = "POST",
     .pattern = "/api/v1/reminders/devices/remove",
     .access = Access::kSession,
     .body_limit = kAnonymousBodyLimit,
     .sync = RemoveDeviceByEndpoint},
    {.method = "DELETE",
     .pattern = "/api/v1/reminders/devices",
     .access = Access::kSession,
     .sync = TurnOffEverywhere},
    {.method = "POST",
     .pattern = "/api/v1/reminders/test",
     .access = Access::kSession,
     .sync = SendTestReminder},
};

}  // namespace

std::span<const Route> ReminderRoutes() { return kReminderRoutes; }

std::string PushMetrics(const App& app) {
  const service::ReminderSender* sender = app.options().push_sender;
  if (!sender) return "";
  const service::SendCounts n = sender->counts();
  std::string out =
      "# HELP backsignal_push_messages_total Push reminders by what became of them: sent (the "
      "push service took it), failed (refused, or the subscription gone), dropped (not sent in "
      "time), retried (to be tried again).\n"
      "# TYPE backsignal_push_messages_total counter\n";
  for (const auto& [name, value] : {std::pair{"sent", n.sent},
                                    {"failed", n.failed},
                                    {"dropped", n.dropped},
                                    {"retried", n.retried}}) {
    out += "backsignal_push_messages_total{outcome=\"" + std::string(name) + "\"} " +
           std::to_string(value) + "\n";
  }
  return out;
}

}  // namespace backsignal::server
