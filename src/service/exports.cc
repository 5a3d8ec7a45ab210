#include "backsignal/service/exports.h"

#include "backsignal/io/zone.h"
#include "backsignal/report/report.h"
#include "backsignal/service/reminders.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/today.h"
#include "backsignal/words/safety.h"
#include "backsignal/words/words.h"
#include "internal.h"

namespace backsignal::service {

Result<ExportData> LoadExportData(const Service& service, PersonId person) {
  auto store = StoreOf(service).ForPerson(person);
  ExportData d;
  auto snapshot = store->Snapshot(std::nullopt, std::nullopt);
  if (!snapshot) return Unexpected(snapshot.error());
  auto profile = store->LoadProfile();
  if (!profile) return Unexpected(profile.error());
  auto zone = ResolveTimeZone(profile->time_zone);
  if (!zone) return Unexpected(zone.error());
  d.diary = std::move(snapshot->diary);
  d.settings = std::move(snapshot->settings);
  d.profile = std::move(*profile);
  d.zone = std::move(*zone);
  d.now = service.clock().Now();
  d.today = DateAt(d.now, d.zone);
  return d;
}

Result<ExportFile> ExportFor(const Service& service, PersonId person, ExportFormat format,
                             const std::optional<Account>& account) {
  auto data = LoadExportData(service, person);
  if (!data) return Unexpected(data.error());
  if (format == ExportFormat::kAll && account) {
    ExportAccount a;
    a.username = account->username;
    a.role = account->role;
    a.admin = account->admin;
    a.created_at = account->created_at;
    auto shares = StoreOf(service).ListShares(account->person);
    if (!shares) return Unexpected(shares.error());
    for (const ShareInfo& s : *shares) a.shared_with.push_back({s.clinician, s.since});
    auto tokens = StoreOf(service).ListApiTokens(account->id);
    if (!tokens) return Unexpected(tokens.error());
    for (const ApiTokenInfo& t : *tokens) {
      a.api_tokens.push_back({t.name, t.scope, t.created_at, t.expires_at});
    }
    data->account = std::move(a);
  }
  if (format == ExportFormat::kAll) {
    auto view = GetReminders(service, person);
    if (!view) return Unexpected(view.error());
    ExportReminders r;
    r.hour_after = view->prefs.hour_after;
    r.morning = view->prefs.morning;
    r.quiet_start = view->prefs.quiet_start;
    r.quiet_end = view->prefs.quiet_end;
    for (const PushSubscription& s : view->devices) {
      // The push service by its host only: "https://fcm.googleapis.com/fcm/send/..." gives
      // "fcm.googleapis.com" (the rest of the endpoint is the means to send to the device).
      std::string_view host = s.endpoint;
      if (auto scheme = host.find("://"); scheme != std::string_view::npos) {
        host.remove_prefix(scheme + 3);
      }
      host = host.substr(0, host.find_first_of("/?#"));
      r.devices.push_back({s.device, std::string(host), s.created_at, s.last_sent_at});
    }
    r.pending = static_cast<int64_t>(view->pending.size());
    data->reminders = std::move(r);
  }
  ExportFile file = Export(format, *data);
  if (format == ExportFormat::kAll && account) {
    file.file_name = "backsignal-" + account->username + "-all-data.json";
  }
  return file;
}

Result<std::string> ReportFor(const Service& service, PersonId person,
                              const ReportRequest& request) {
  if (!IsReportWeeks(request.weeks)) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {weeks} is the report's length asked for, in weeks.
        Problem("weeks", T_("{weeks} is not 2, 4 or 12", {{"weeks", request.weeks}}))));
  }
  auto store = StoreOf(service).ForPerson(person);
  // The weeks charted, and what the reading of their last day looks back at.
  auto snapshot = store->Snapshot(request.as_of, request.weeks * 7 + MaxReadingHorizonDays());
  if (!snapshot) return Unexpected(snapshot.error());
  auto settings = SettingsInForce(snapshot->settings, service.overrides());
  if (!settings) return Unexpected(settings.error());
  ReportOptions o;
  o.weeks = request.weeks;
  if (request.as_of) {
    o.as_of = *request.as_of;
  } else {
    auto today = TodayFor(service, person);
    if (!today) return Unexpected(today.error());
    o.as_of = DefaultAsOf(snapshot->latest, *today);
  }
  const int64_t now = service.clock().Now();
  const std::string utc = FormatLocalWithOffset("UTC", now);  // "2026-12-05T10:42:00+00:00"
  auto day = Date::Parse(utc.substr(0, 10));
  const Locale& loc = request.locale != nullptr ? *request.locale : Locale::English();
  o.locale = &loc;
  o.generated =
      (day ? loc.Day(*day, true) + ", " : utc.substr(0, 10) + " ") + utc.substr(11, 5) + " UTC";
  auto safety = SafetyStateOf(service, person);
  if (!safety) return Unexpected(safety.error());
  const int64_t answered = safety->record ? safety->record->answered_at : now;
  o.safety = SafetyReportText(safety->record, DateAt(answered, safety->time_zone), loc);
  // Due again (a fall or an injury since the answers, say): the clinician reads why.
  if (safety->record && safety->due) o.safety += " " + SafetyDueForClinician(*safety->due, loc);
  auto name = NameOf(service, person);
  if (!name) return Unexpected(name.error());
  o.person_name = *name;
  // Pinned notes older than the days read ("GP says osteopenia"): every report shows them. Only
  // the date and the note are taken, so the reading is the same.
  Diary diary = std::move(snapshot->diary);
  const Date first = diary.days.empty() ? o.as_of : diary.days.front().date;
  auto all = store->LoadDiary();
  if (!all) return Unexpected(all.error());
  std::vector<Day> pinned;
  for (const Day& d : all->days) {
    if (d.date < first && d.note_pinned) {
      pinned.push_back(Day{.date = d.date, .note = d.note, .note_pinned = true});
    }
  }
  diary.days.insert(diary.days.begin(), pinned.begin(), pinned.end());
  return RenderReportHtml(diary, *settings, o);
}

Result<std::string> NameOf(const Service& service, PersonId person) {
  auto profile = StoreOf(service).ForPerson(person)->LoadProfile();
  if (!profile) return Unexpected(profile.error());
  if (!profile->display_name.empty()) return profile->display_name;
  auto account = StoreOf(service).AccountOfPerson(person);
  if (!account) return Unexpected(account.error());
  return *account ? (*account)->username : std::string();
}

}  // namespace backsignal::service
