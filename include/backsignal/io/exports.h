// Everything a person can take away, in each format, built the same way for the CLI and the
// web app: the diary (JSON, CSV), FHIR R4, iCalendar, and "all my data".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/diary.h"
#include "backsignal/core/profile.h"
#include "backsignal/core/result.h"

namespace backsignal {

enum class ExportFormat { kJson, kCsv, kFhir, kIcs, kAll };

// "json", "csv", "fhir", "ics", "all"; kInvalid names the choices.
[[nodiscard]] Result<ExportFormat> ParseExportFormat(std::string_view name);

// The account around a diary, for "all my data" (never a secret or a hash).
struct ExportAccount {
  std::string username;
  std::string role;
  bool admin = false;
  int64_t created_at = 0;
  struct Share {
    std::string clinician;
    int64_t since = 0;
  };
  std::vector<Share> shared_with;
  struct Token {
    std::string name;
    std::string scope;
    int64_t created_at = 0;
    int64_t expires_at = 0;
  };
  std::vector<Token> api_tokens;
};

// The person's push reminders, for "all my data": their choices and their devices by name and
// push service (a device's endpoint and keys are the means to send to it: never exported).
struct ExportReminders {
  bool hour_after = true;
  bool morning = true;
  std::optional<int> quiet_start;  // minutes after midnight, both or neither
  std::optional<int> quiet_end;
  struct Device {
    std::string device;        // "Chrome on Android"
    std::string push_service;  // the endpoint's host, "fcm.googleapis.com"
    int64_t created_at = 0;
    std::optional<int64_t> last_sent_at;
  };
  std::vector<Device> devices;
  int64_t pending = 0;  // reminders planned and not yet sent
};

// What an export is made from: the person's whole record, and the clock.
struct ExportData {
  Diary diary;
  std::map<std::string, double> settings;  // the stored thresholds
  Profile profile;
  std::string zone;                          // the profile's zone, resolved (io/zone.h)
  Date today;                                // the person's date now
  int64_t now = 0;                           // Unix seconds
  std::optional<ExportAccount> account;      // with accounts in force
  std::optional<ExportReminders> reminders;  // "all my data" only
};

struct ExportFile {
  std::string body;
  std::string media_type;  // "application/fhir+json", "text/calendar; charset=utf-8", ...
  std::string file_name;   // "backsignal-2026-11-25.ics"
};

ExportFile Export(ExportFormat format, const ExportData& data);

// "All my data": one JSON document holding everything the person has entered (the diary, the
// thresholds they set, their profile, and their account when there is one), documented in
// docs/exports.md.
std::string AllDataJson(const ExportData& data);

}  // namespace backsignal
