#include "backsignal/io/exports.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/fhir.h"
#include "backsignal/io/ical.h"
#include "backsignal/io/zone.h"
#include "json_util.h"

namespace backsignal {

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "fhir") return ExportFormat::kFhir;
  if (name == "ics") return ExportFormat::kIcs;
  if (name == "all") return ExportFormat::kAll;
  return Fail(Error::Invalid("unknown export format \"" + std::string(name) +
                             "\": expected json, csv, fhir, ics or all"));
}

std::string AllDataJson(const ExportData& d) {
  nlohmann::ordered_json j;
  j["format"] = "backsignal-export";
  j["version"] = 1;
  j["exported_at"] = FormatLocalWithOffset("UTC", d.now);
  j["diary"] = nlohmann::ordered_json::parse(DiaryToJson(d.diary, false));
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();
  for (const auto& [name, value] : d.settings) settings[name] = value;
  j["settings"] = std::move(settings);
  nlohmann::ordered_json profile;
  profile["time_zone"] =
      d.profile.time_zone.empty() ? nullptr : nlohmann::ordered_json(d.profile.time_zone);
  profile["wake_time"] =
      d.profile.wake_time ? nlohmann::ordered_json(d.profile.wake_time->ToString()) : nullptr;
  profile["calendar_feed_published"] = !d.profile.feed_token_hash.empty();
  j["profile"] = std::move(profile);
  if (d.reminders) {
    const ExportReminders& r = *d.reminders;
    auto clock = [](int minutes) {
      char hhmm[16];
      std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", minutes / 60 % 24, minutes % 60);
      return std::string(hhmm);
    };
    nlohmann::ordered_json reminders;
    reminders["hour_after"] = r.hour_after;
    reminders["morning"] = r.morning;
    reminders["quiet_hours"] =
        r.quiet_start && r.quiet_end
            ? nlohmann::ordered_json{{"start", clock(*r.quiet_start)}, {"end", clock(*r.quiet_end)}}
            : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json devices = nlohmann::ordered_json::array();
    for (const ExportReminders::Device& device : r.devices) {
      devices.push_back(
          {{"device", device.device},
           {"push_service", device.push_service},
           {"created_at", device.created_at},
           {"last_sent_at", device.last_sent_at ? nlohmann::ordered_json(*device.last_sent_at)
                                                : nlohmann::ordered_json(nullptr)}});
    }
    reminders["devices"] = std::move(devices);
    reminders["pending"] = r.pending;
    j["reminders"] = std::move(reminders);
  }
  if (d.account) {
    const ExportAccount& a = *d.account;
    j["account"] = {{"username", a.username},
                    {"role", a.role},
                    {"admin", a.admin},
                    {"created_at", a.created_at}};
    nlohmann::ordered_json shares = nlohmann::ordered_json::array();
    for (const ExportAccount::Share& s : a.shared_with) {
      shares.push_back({{"clinician", s.clinician}, {"since", s.since}});
    }
    j["shared_with"] = std::move(shares);
    nlohmann::ordered_json tokens = nlohmann::ordered_json::array();
    for (const ExportAccount::Token& t : a.api_tokens) {
      tokens.push_back({{"name", t.name},
                        {"scope", t.scope},
                        {"created_at", t.created_at},
                        {"expires_at", t.expires_at}});
    }
    j["api_tokens"] = std::move(tokens);
  }
  return io::Dump(j, 2) + "\n";
}

ExportFile Export(ExportFormat format, const ExportData& d) {
  const std::string stem = "backsignal-" + d.today.ToString();
  switch (format) {
    case ExportFormat::kJson:
      return {DiaryToJson(d.diary), "application/json", stem + ".json"};
    case ExportFormat::kCsv:
      return {DiaryToCsv(d.diary), "text/csv; charset=utf-8", stem + ".csv"};
    case ExportFormat::kFhir:
      return {DiaryToFhirJson(d.diary, d.profile, d.zone, d.now), "application/fhir+json",
              stem + "-fhir.json"};
    case ExportFormat::kIcs:
      return {DiaryToIcs(d.diary, d.profile, d.zone, d.today, d.now),
              "text/calendar; charset=utf-8", stem + ".ics"};
    case ExportFormat::kAll:
      return {AllDataJson(d), "application/json", stem + "-all-data.json"};
  }
  return {};
}

}  // namespace backsignal
