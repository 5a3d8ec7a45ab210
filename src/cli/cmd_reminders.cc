// `backsignal reminders`: the times reminders use (the calendar's and the pushes'), which
// windows are pushed, the quiet hours, the devices that get them; and changing each.
#include <iostream>

#include "backsignal/io/zone.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/reminders.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

struct RemindersArgs {
  std::string time_zone;
  std::string wake;
  std::string hour_after;  // on | off
  std::string morning;     // on | off
  std::string quiet;       // HH:MM-HH:MM | off
  int64_t remove_device = 0;
  bool off = false;
  bool test = false;
};

Result<std::optional<std::pair<int, int>>> ParseQuiet(const std::string& text) {
  if (text == "off") return std::optional<std::pair<int, int>>();
  const size_t dash = text.find('-');
  if (dash == std::string::npos) {
    // TRANSLATORS: {given} is what was given to --quiet; START-END and off are what to type.
    return Fail(Error::Invalid(
        T_("--quiet: \"{given}\": write START-END (22:00-07:00) or off", {{"given", text}})));
  }
  auto start = ParseTimeArg(text.substr(0, dash), "--quiet");
  if (!start) return Unexpected(start.error());
  auto end = ParseTimeArg(text.substr(dash + 1), "--quiet");
  if (!end) return Unexpected(end.error());
  return std::optional(std::pair{start->minutes(), end->minutes()});
}

std::string When(int64_t unix_seconds, const std::string& zone) {
  return FormatLocalWithOffset(zone, unix_seconds).substr(0, 16).replace(10, 1, " ");
}

int RunReminders(const Globals& g, const RemindersArgs& a) {
  const bool push_change = !a.hour_after.empty() || !a.morning.empty() || !a.quiet.empty() ||
                           a.remove_device != 0 || a.off || a.test;
  const bool change = !a.time_zone.empty() || !a.wake.empty() || push_change;
  std::string zone;
  if (!a.time_zone.empty()) {
    auto z = ResolveTimeZone(a.time_zone);
    if (!z) return Report(z.error());
    zone = *z;
  }
  std::optional<TimeOfDay> wake;
  if (!a.wake.empty()) {
    auto t = ParseTimeArg(a.wake, "--wake");
    if (!t) return Report(t.error());
    wake = *t;
  }
  std::optional<std::optional<std::pair<int, int>>> quiet;
  if (!a.quiet.empty()) {
    auto q = ParseQuiet(a.quiet);
    if (!q) return Report(q.error());
    quiet = *q;
  }
  auto opened = Open(g, change ? OpenMode::kCreate : OpenMode::kRead);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  const PersonId person = (*opened)->person();
  // A new zone or wake time moves the push reminders planned (service::EditProfile).
  auto profile = change && (!zone.empty() || wake) ? service::EditProfile(svc, person,
                                                                          [&](Profile& p) {
                                                                            if (!zone.empty()) {
                                                                              p.time_zone = zone;
                                                                            }
                                                                            if (wake) {
                                                                              p.wake_time = wake;
                                                                            }
                                                                          })
                                                   : service::ProfileOf(svc, person);
  if (!profile) return Report(profile.error());
  if (!a.hour_after.empty() || !a.morning.empty() || quiet) {
    auto current = service::GetReminders(svc, person);
    if (!current) return Report(current.error());
    ReminderPrefs p = current->prefs;
    if (!a.hour_after.empty()) p.hour_after = a.hour_after == "on";
    if (!a.morning.empty()) p.morning = a.morning == "on";
    if (quiet) {
      p.quiet_start.reset();
      p.quiet_end.reset();
      if (*quiet) {
        p.quiet_start = (*quiet)->first;
        p.quiet_end = (*quiet)->second;
      }
    }
    if (auto ok = service::SetReminderPrefs(svc, person, p); !ok) return Report(ok.error());
  }
  if (a.remove_device != 0) {
    if (auto ok = service::RemoveDevice(svc, person, a.remove_device, ""); !ok) {
      return Report(ok.error());
    }
  }
  if (a.off) {
    if (auto ok = service::TurnOffReminders(svc, person); !ok) return Report(ok.error());
  }
  if (a.test) {
    if (auto ok = service::QueueTestReminder(svc, person); !ok) return Report(ok.error());
  }
  auto view = service::GetReminders(svc, person);
  if (!view) return Report(view.error());
  const std::string shown_zone = ResolveTimeZone(profile->time_zone).value_or("UTC");
  const Locale& loc = *g.locale;
  // TRANSLATORS: {zone} is a time zone ("Europe/London").
  std::cout << loc.Tr("Time zone: {zone}",
                      {Arg("zone", profile->time_zone.empty() ? loc.Tr("this machine's ({zone})",
                                                                       {Arg("zone", shown_zone)})
                                                              : profile->time_zone)})
            // TRANSLATORS: {time} is HH:MM.
            << "\n"
            << loc.Tr("Morning check-in reminder: {time}",
                      {Arg("time", WakeTimeOf(*profile).ToString())});
  if (!profile->wake_time) std::cout << " " << loc.Tr("(the default)");
  std::cout << "\n"
            << (profile->feed_token_hash.empty() ? loc.Tr("Calendar feed: not published")
                                                 : loc.Tr("Calendar feed: published"))
            << " " << loc.Tr("(publish, renew or revoke it on the web app's Reminders card)")
            << "\n";
  const ReminderPrefs& p = view->prefs;
  if (view->devices.empty()) {
    std::cout << loc.Tr(
        "Push reminders: off (no device; turn them on in the web app: Report & data, Reminders)");
  } else {
    // TRANSLATORS: {n} is the number of devices.
    std::cout << loc.Ntr("Push reminders: on for {n} device", "Push reminders: on for {n} devices",
                         static_cast<int64_t>(view->devices.size()));
  }
  const auto on_off = [&loc](bool on) {
    // TRANSLATORS: a reminder is on or off.
    return on ? loc.TrC("reminder", "on") : loc.TrC("reminder", "off");
  };
  // TRANSLATORS: {state} is on or off.
  std::cout << "\n  "
            << loc.Tr("hour after a session: {state}", {Arg("state", on_off(p.hour_after))})
            // TRANSLATORS: {state} is on or off.
            << "\n  " << loc.Tr("morning: {state}", {Arg("state", on_off(p.morning))})
            << "\n  "
            // TRANSLATORS: {start} and {end} are HH:MM.
            << (p.quiet_start && p.quiet_end
                    ? loc.Tr("quiet hours: {start} to {end}",
                             {Arg("start", TimeOfDay::FromMinutes(*p.quiet_start).ToString()),
                              Arg("end", TimeOfDay::FromMinutes(*p.quiet_end).ToString())})
                    : loc.Tr("quiet hours: none"))
            << "\n";
  for (const PushSubscription& d : view->devices) {
    // TRANSLATORS: {id} is the device's number; {device} its name; {time} a date and time.
    std::cout << "  "
              << loc.Tr("device {id}: {device}, since {time}",
                        {Arg("id", d.id), Arg("device", d.device),
                         Arg("time", When(d.created_at, shown_zone))});
    if (d.last_sent_at) {
      // TRANSLATORS: {time} is a date and time.
      std::cout << loc.Tr(", last reminded {time}",
                          {Arg("time", When(*d.last_sent_at, shown_zone))});
    }
    std::cout << "\n";
  }
  for (const Reminder& r : view->pending) {
    // TRANSLATORS: {kind} is the reminder's kind (morning, hour_after); {date} YYYY-MM-DD;
    // {time} a date and time.
    std::cout << "  "
              << loc.Tr("next: {kind} of {date} at {time}",
                        {Arg("kind", std::string(service::KindName(r.kind))),
                         Arg("date", r.date.ToString()), Arg("time", When(r.due_at, shown_zone))})
              << "\n";
  }
  if (a.test)
    std::cout << loc.Tr("A test reminder is queued: the running server sends it.") << "\n";
  // TRANSLATORS: the command stays as it is.
  std::cout << loc.Tr(
                   "Export the reminders for your calendar: backsignal export --format ics "
                   "--out backsignal.ics")
            << "\n";
  return kOk;
}

}  // namespace

void SetUpReminders(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<RemindersArgs>();
  cmd.add_option("--time-zone", a->time_zone,
                 loc.Tr("An IANA time zone, e.g. Europe/London (default: this machine's)"));
  cmd.add_option("--wake", a->wake,
                 loc.Tr("When the morning check-in reminder fires, HH:MM (default 07:00)"));
  cmd.add_option("--hour-after", a->hour_after, loc.Tr("Push the hour-after reminder: on or off"))
      ->check(CLI::IsMember({"on", "off"}));
  cmd.add_option("--morning", a->morning, loc.Tr("Push the morning reminder: on or off"))
      ->check(CLI::IsMember({"on", "off"}));
  cmd.add_option(
      "--quiet", a->quiet,
      loc.Tr("Quiet hours with no push reminder, START-END (default 22:00-07:00), or off"));
  cmd.add_option("--remove-device", a->remove_device,
                 loc.Tr("Stop push reminders to one device (its number, as listed)"));
  cmd.add_flag("--off", a->off, loc.Tr("Stop push reminders to every device"));
  cmd.add_flag("--test", a->test, loc.Tr("Queue a test push reminder to every device"));
  cmd.footer(Footer(
      loc,
      "  backsignal reminders\n  backsignal reminders --time-zone Europe/London --wake 06:45\n"
      "  backsignal reminders --quiet 21:30-07:30 --morning off\n"
      "  backsignal reminders --remove-device 3"));
  cmd.callback([a, &ctx] { ctx.code = RunReminders(ctx.globals, *a); });
}

}  // namespace backsignal::cli
