// backsignal's command line: check in for each of the three windows, import and export the
// diary, and read it. A thin front door: parse, call core/reading/io/store, print.
#include <CLI/CLI.hpp>

#include <cerrno>
#include <chrono>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backsignal/core/checkin.h"
#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/exports.h"
#include "backsignal/io/ids.h"
#include "backsignal/io/zone.h"
#include "backsignal/report/report.h"
#include "backsignal/io/reading_json.h"
#include "backsignal/io/settings_json.h"
#include <map>
#include "backsignal/reading/advice.h"
#include "backsignal/reading/reading.h"
#include "backsignal/store/store.h"
#include "serve.h"
#include "text_reading.h"
#include "backsignal/reading/words.h"

namespace backsignal::cli {
namespace {

// Exit codes, documented in --help and docs/cli.md.
enum Exit : int {
  kOk = 0,
  kUsage = 1,
  kInvalid = 2,
  kConflict = 3,
  kNotFound = 4,
  kStorage = 5,
};

int ExitFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return kInvalid;
    case ErrorKind::kConflict: return kConflict;
    case ErrorKind::kNotFound: return kNotFound;
    case ErrorKind::kStorage: return kStorage;
  }
  return kStorage;
}

int Report(const Error& e) {
  std::cerr << "backsignal: " << e.message << "\n";
  for (const std::string& d : e.details) std::cerr << "  " << d << "\n";
  return ExitFor(e.kind);
}

constexpr const char* kExitCodes =
    "Exit codes: 0 ok, 1 usage error, 2 invalid input (nothing stored), 3 conflict with stored\n"
    "data (nothing stored), 4 not found, 5 storage or file error.";

std::string DefaultDatabase() {
  if (const char* env = std::getenv("BACKSIGNAL_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/backsignal/diary.db";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/backsignal/diary.db";
}

Date Today() { return Date::TodayLocal(); }

Result<Date> ParseDateArg(const std::string& text, const char* option) {
  if (text.empty() || text == "today") return Today();
  if (text == "yesterday") return Today() - 1;
  auto d = Date::Parse(text);
  if (!d) {
    return Fail(Error::Invalid(std::string(option) + ": \"" + text + "\" " + d.error() +
                               " (or today, yesterday)"));
  }
  return *d;
}

Result<double> ParseNumberArg(const std::string& text, const std::string& option) {
  double v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
    return Fail(Error::Invalid(option + ": \"" + text + "\" is not a number"));
  }
  return v;
}

Result<Score> ParseScoreArg(const std::string& text, const std::string& option) {
  auto v = ParseNumberArg(text, option);
  if (!v) return Unexpected(v.error());
  auto s = Score::FromDouble(*v);
  if (!s) return Fail(Error::Invalid(option + ": " + s.error()));
  return *s;
}

Result<std::string> ReadFile(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(Error::NotFound("cannot read " + path + ": " + std::strerror(errno)));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Fail(Error::Storage("error reading " + path));
  return ss.str();
}

// Writes to `path` through a temporary file and a rename, so a reader never sees half a file.
Result<void> WriteFile(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Fail(Error::Storage("cannot write to standard output"));
    return {};
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(Error::Storage("cannot write " + tmp + ": " + std::strerror(errno)));
    out << text;
    out.flush();
    if (!out) return Fail(Error::Storage("error writing " + tmp));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Fail(Error::Storage("cannot write " + path + ": " + std::strerror(errno)));
  }
  return {};
}

std::string Num(double v) { return FormatNumber(v); }

// --- options shared by the command handlers ---

struct Globals {
  std::string db;
  std::string user;  // whose diary (an account's username); empty: the local diary
  std::string settings_file;
  std::vector<std::string> set;
};

// Thresholds given on the command line: the settings file, then --set flags.
Result<std::map<std::string, double>> CommandLineSettings(const Globals& g) {
  std::map<std::string, double> values;
  if (!g.settings_file.empty()) {
    auto text = ReadFile(g.settings_file);
    if (!text) return Unexpected(text.error());
    auto parsed = ParseSettingsJson(*text);
    if (!parsed) {
      Error e = parsed.error();
      e.message += " (" + g.settings_file + ")";
      return Unexpected(e);
    }
    values = *parsed;
  }
  for (const std::string& kv : g.set) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos) {
      return Fail(Error::Invalid("--set: \"" + kv + "\" is not NAME=VALUE"));
    }
    auto v = ParseNumberArg(kv.substr(eq + 1), "--set " + kv.substr(0, eq));
    if (!v) return Unexpected(v.error());
    values[kv.substr(0, eq)] = *v;
  }
  Settings scratch;
  if (auto ok = ApplySettings(scratch, values); !ok) return Unexpected(ok.error());
  return values;
}

// The defaults, then the thresholds stored with the diary (if any), then the command line's.
Result<Settings> EffectiveSettings(const Globals& g, Store* store) {
  Settings s;
  if (store != nullptr) {
    auto stored = store->LoadSettings();
    if (!stored) return Unexpected(stored.error());
    if (auto ok = ApplySettings(s, *stored); !ok) return Unexpected(ok.error());
  }
  auto given = CommandLineSettings(g);
  if (!given) return Unexpected(given.error());
  if (auto ok = ApplySettings(s, *given); !ok) return Unexpected(ok.error());
  return s;
}

bool IsPostgresUrl(const std::string& location) {
  return location.starts_with("postgres://") || location.starts_with("postgresql://");
}

// The diary the command works on: --user's account, or the local diary of a SQLite database.
Result<std::unique_ptr<Store>> OpenAt(const Globals& g, const std::string& location, bool create) {
  if (g.user.empty()) {
    if (IsPostgresUrl(location)) {
      return Fail(Error::Invalid("--user NAME: a PostgreSQL database holds many people's diaries; "
                                 "say whose"));
    }
    return OpenStore(location, create);
  }
  auto db = OpenDatabase(location, create);
  if (!db) return Unexpected(db.error());
  auto login = (*db)->FindLogin(g.user);
  if (!login) return Unexpected(login.error());
  if (!*login) return Fail(Error::NotFound("--user: no account named \"" + g.user + "\""));
  return OwningPersonStore(std::move(*db), (*login)->first.person);
}

Result<std::unique_ptr<Store>> Open(const Globals& g, bool create) {
  return OpenAt(g, g.db.empty() ? DefaultDatabase() : g.db, create);
}

// --- the commands ---

struct ImportArgs {
  std::string file;
  bool replace = false;
};

int RunImport(const Globals& g, const ImportArgs& a) {
  auto text = ReadFile(a.file);
  if (!text) return Report(text.error());
  auto diary = LooksLikeJson(*text) ? ParseDiaryJson(*text) : ParseDiaryCsv(*text);
  if (!diary) {
    Error e = diary.error();
    e.message = a.file + ": " + e.message + "; nothing was stored";
    return Report(e);
  }
  auto store = Open(g, true);
  if (!store) return Report(store.error());
  auto report = (*store)->Import(*diary, a.replace ? ImportMode::kReplace : ImportMode::kRefuseClashes);
  if (!report) return Report(report.error());
  std::cout << "Imported " << a.file << " into " << (*store)->Describe() << ": " << report->added
            << " new days";
  if (report->replaced) std::cout << ", " << report->replaced << " replaced";
  if (report->unchanged) std::cout << ", " << report->unchanged << " already there unchanged";
  std::cout << ".\nNext: backsignal read\n";
  return kOk;
}

struct ExportArgs {
  std::string format = "json";
  std::string out;
};

int RunExport(const Globals& g, const ExportArgs& a) {
  auto format = ParseExportFormat(a.format);
  if (!format) return Report(format.error());
  auto store = Open(g, false);
  if (!store) return Report(store.error());
  auto data = LoadExportData(**store);
  if (!data) return Report(data.error());
  const ExportFile file = Export(*format, *data);
  if (auto ok = WriteFile(a.out, file.body); !ok) return Report(ok.error());
  if (!a.out.empty() && a.out != "-") {
    std::cerr << "Wrote " << data->diary.days.size() << " days (" << a.format << ") to " << a.out
              << "\n";
  }
  return kOk;
}

struct ReportArgs {
  int weeks = 2;
  std::string as_of;
  std::string out;
};

int RunReport(const Globals& g, const ReportArgs& a) {
  if (!IsReportWeeks(a.weeks)) {
    return Report(Error::Invalid("--weeks " + std::to_string(a.weeks) + ": expected 2, 4 or 12"));
  }
  auto store = Open(g, false);
  if (!store) return Report(store.error());
  auto settings = EffectiveSettings(g, store->get());
  if (!settings) return Report(settings.error());
  auto diary = (*store)->LoadDiary();
  if (!diary) return Report(diary.error());
  ReportOptions o;
  o.weeks = a.weeks;
  if (!a.as_of.empty()) {
    auto d = ParseDateArg(a.as_of, "--as-of");
    if (!d) return Report(d.error());
    o.as_of = *d;
  } else {
    o.as_of = diary->days.empty() ? Today() : diary->days.back().date;
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  o.generated = FormatLocalWithOffset("UTC", now).substr(0, 16) + " UTC";
  o.generated[10] = ' ';
  if (auto ok = WriteFile(a.out, RenderReportHtml(*diary, *settings, o)); !ok) return Report(ok.error());
  if (!a.out.empty() && a.out != "-") {
    std::cerr << "Wrote the " << a.weeks << "-week report to " << a.out
              << ": open it in a browser, and print it or save it as PDF from there\n";
  }
  return kOk;
}

struct RemindersArgs {
  std::string time_zone;
  std::string wake;
};

int RunReminders(const Globals& g, const RemindersArgs& a) {
  const bool change = !a.time_zone.empty() || !a.wake.empty();
  auto store = change ? Open(g, true) : Open(g, false);
  if (!store) return Report(store.error());
  std::string zone;
  if (!a.time_zone.empty()) {
    auto z = ResolveTimeZone(a.time_zone);
    if (!z) return Report(z.error());
    zone = *z;
  }
  std::optional<TimeOfDay> wake;
  if (!a.wake.empty()) {
    auto t = TimeOfDay::Parse(a.wake);
    if (!t) return Report(Error::Invalid("--wake \"" + a.wake + "\": " + t.error()));
    wake = *t;
  }
  auto profile = change ? (*store)->EditProfile([&](Profile& p) -> Result<void> {
    if (!zone.empty()) p.time_zone = zone;
    if (wake) p.wake_time = wake;
    return {};
  })
                        : (*store)->LoadProfile();
  if (!profile) return Report(profile.error());
  auto resolved = ResolveTimeZone(profile->time_zone);
  std::cout << "Time zone: " << (profile->time_zone.empty() ? "this machine's (" + resolved.value_or("UTC") + ")"
                                                            : profile->time_zone)
            << "\nMorning check-in reminder: " << WakeTimeOf(*profile).ToString()
            << (profile->wake_time ? "" : " (the default)")
            << "\nCalendar feed: " << (profile->feed_token_hash.empty() ? "not published" : "published")
            << " (publish, renew or revoke it on the web app's Reminders card)\n"
            << "Export the reminders for your calendar: backsignal export --format ics --out backsignal.ics\n";
  return kOk;
}

struct ReadArgs {
  std::string as_of;
  bool json = false;
};

int RunRead(const Globals& g, const ReadArgs& a) {
  auto store = Open(g, false);
  if (!store) return Report(store.error());
  auto settings = EffectiveSettings(g, store->get());
  if (!settings) return Report(settings.error());
  auto diary = (*store)->LoadDiary();
  if (!diary) return Report(diary.error());
  Date as_of;
  if (!a.as_of.empty()) {
    auto d = ParseDateArg(a.as_of, "--as-of");
    if (!d) return Report(d.error());
    as_of = *d;
  } else {
    as_of = diary->days.empty() ? Today() : diary->days.back().date;
  }
  const Reading reading = Read(*diary, as_of, *settings);
  std::cout << (a.json ? ReadingToJson(reading) : ReadingToText(reading, *settings));
  return kOk;
}

// The red-flag questions, with what to do if any is true.
void PrintSafetyScreen(const char* reason) {
  std::cout << "\nSAFETY CHECK\n" << reason << "\n";
  for (const RedFlagQuestion& q : kRedFlagQuestions) std::cout << "  - " << q.question << "\n";
  std::cout << "If any answer is yes: " << kRedFlagAdvice << "\n" << kUrgentAdvice << "\n\n";
}

// At first use (a new diary), the safety check comes before anything else.
Result<std::unique_ptr<Store>> OpenForCheckIn(const Globals& g) {
  const std::string location = g.db.empty() ? DefaultDatabase() : g.db;
  std::string path = location.starts_with("sqlite:") ? location.substr(7) : location;
  std::error_code ec;
  const bool first_use =
      location != "memory:" && !IsPostgresUrl(location) && !std::filesystem::exists(path, ec);
  auto store = OpenAt(g, location, true);
  if (store && first_use) {
    PrintSafetyScreen(
        "Welcome to backsignal. Mid back pain is usually not a sign of anything serious, but some "
        "symptoms need a clinician rather than a diary. Before you start:");
  }
  return store;
}

// The morning after a session: what this morning says about yesterday's session.
void PrintMorningAfter(Store& store, Date date) {
  auto diary = store.LoadDiary();
  if (!diary) return;
  const Day* yesterday = diary->Find(date - 1);
  if (yesterday == nullptr || yesterday->sessions.empty()) return;
  const Reading r = Read(*diary, date);
  for (const SessionReading& s : r.sessions) {
    if (s.date != date - 1) continue;
    std::cout << "This is the morning after your session of " << s.date.ToString() << ": ";
    switch (s.morning) {
      case MorningSignal::kWorse:
        std::cout << "significantly worse than your usual morning. One morning is not a verdict:\n"
                     "other things (sitting, long spells in one position, upper-body tension) can "
                     "cause it too.\n";
        break;
      case MorningSignal::kBetter:
        std::cout << "better than your usual morning.\n";
        break;
      case MorningSignal::kUsual:
        std::cout << "within your usual range.\n";
        break;
      case MorningSignal::kUnknown:
        std::cout << "no usual morning to compare with yet (it needs a few more mornings).\n";
        break;
    }
    return;
  }
}

struct MorningArgs {
  std::string pain;
  std::string stiffness;
  std::string date;
};

int RunMorning(const Globals& g, const MorningArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  auto pain = ParseScoreArg(a.pain, "PAIN");
  if (!pain) return Report(pain.error());
  std::optional<Score> stiffness;
  if (!a.stiffness.empty()) {
    auto s = ParseScoreArg(a.stiffness, "--stiffness");
    if (!s) return Report(s.error());
    stiffness = *s;
  }
  auto store = OpenForCheckIn(g);
  if (!store) return Report(store.error());
  std::optional<Morning> before;
  auto day = (*store)->EditDay(*date, [&](Day& d) -> Result<void> {
    before = d.morning;
    d.morning = Morning{*pain, stiffness ? stiffness : (d.morning ? d.morning->stiffness : std::nullopt)};
    return {};
  });
  if (!day) return Report(day.error());
  std::cout << (before ? "Corrected" : "Recorded") << " the morning of " << date->ToString()
            << ": pain " << Num(day->morning->pain.value());
  if (day->morning->stiffness) std::cout << ", stiffness " << Num(day->morning->stiffness->value());
  if (before) std::cout << " (was pain " << Num(before->pain.value()) << ")";
  std::cout << ".\n";
  PrintMorningAfter(**store, *date);
  std::cout << "Next: when you exercise, backsignal session --minutes 40 --start 3 --end 4\n";
  return kOk;
}

struct SessionArgs {
  std::string date, time, minutes, activity, load, start, end, pattern;
  bool sharp = false, no_sharp = false;
  size_t edit = 0;
};

Result<SessionPatch> BuildPatch(const SessionArgs& a) {
  SessionPatch p;
  if (!a.time.empty()) {
    auto t = TimeOfDay::Parse(a.time);
    if (!t) return Fail(Error::Invalid("--time: \"" + a.time + "\" " + t.error()));
    p.time = *t;
  }
  if (!a.minutes.empty()) {
    auto n = ParseNumberArg(a.minutes, "--minutes");
    if (!n) return Unexpected(n.error());
    auto m = ValidateMinutes(*n);
    if (!m) return Fail(Error::Invalid("--minutes: " + m.error()));
    p.minutes = *m;
  }
  if (!a.activity.empty()) {
    auto t = ValidateText(a.activity, kMaxActivityChars);
    if (!t) return Fail(Error::Invalid("--activity: the text " + t.error()));
    p.activity = *t;
  }
  if (!a.load.empty()) {
    LoadSet set;
    std::string_view rest = a.load;
    while (!rest.empty()) {
      const size_t comma = rest.find_first_of(",;");
      const std::string_view name = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (name.empty() || name == "none") continue;
      auto l = ParseLoad(name);
      if (!l) return Fail(Error::Invalid("--load: \"" + std::string(name) + "\" " + l.error()));
      set.Add(*l);
    }
    p.load = set;
  }
  if (!a.start.empty()) {
    auto s = ParseScoreArg(a.start, "--start");
    if (!s) return Unexpected(s.error());
    p.during.start = *s;
  }
  if (!a.end.empty()) {
    auto s = ParseScoreArg(a.end, "--end");
    if (!s) return Unexpected(s.error());
    p.during.end = *s;
  }
  if (!a.pattern.empty()) {
    auto pat = ParsePattern(a.pattern);
    if (!pat) return Fail(Error::Invalid("--pattern: \"" + a.pattern + "\" " + pat.error()));
    p.during.pattern = *pat;
  }
  if (a.sharp) p.during.sharp = true;
  if (a.no_sharp) p.during.sharp = false;
  return p;
}

int RunSession(const Globals& g, const SessionArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  auto patch = BuildPatch(a);
  if (!patch) return Report(patch.error());
  if (a.edit > 0 && patch->empty()) {
    return Report(Error::Invalid("--edit: give at least one field to change"));
  }
  auto store = OpenForCheckIn(g);
  if (!store) return Report(store.error());
  size_t number = 0;
  auto day = (*store)->EditDay(*date, [&](Day& d) -> Result<void> {
    if (a.edit > 0) {
      auto n = EditSession(d, a.edit, *patch);
      if (!n) return Unexpected(n.error());
      number = *n;
    } else {
      number = AddSession(d, *patch);
    }
    return {};
  });
  if (!day) return Report(day.error());
  const Session& s = day->sessions[number - 1];
  const DuringSignal during = DuringSignalOf(s);
  if (during == DuringSignal::kSharp) std::cout << "STOP OR MODIFY\n" << kModifyOrStopAdvice << "\n\n";
  std::cout << (a.edit ? "Corrected" : "Recorded") << " session " << number << " of "
            << date->ToString();
  if (s.time) std::cout << " at " << s.time->ToString();
  if (s.activity) std::cout << ": " << *s.activity;
  if (s.minutes) std::cout << ", " << *s.minutes << " min";
  std::cout << ".\n  During: " << DescribeDuring(during);
  if (s.during.start || s.during.end) {
    std::cout << " (" << (s.during.start ? Num(s.during.start->value()) : "?") << " to "
              << (s.during.end ? Num(s.during.end->value()) : "?") << ")";
  }
  std::cout << "\n";
  if (during == DuringSignal::kBuilding) {
    std::cout << "  Discomfort that builds steadily, particularly with rotation or deep breathing,\n"
                 "  is worth paying attention to. See how the next hour and tomorrow morning go.\n";
  }
  if (during == DuringSignal::kBuilding && s.load.Has(Load::kBreathingUnderLoad)) {
    PrintSafetyScreen(kSafetyScreenReason);
  }
  std::cout << "Next: about an hour after you finish, backsignal after PAIN [--tighter]";
  if (*date != Today()) std::cout << " --date " << date->ToString();
  std::cout << "\n      tomorrow on waking, backsignal morning PAIN\n";
  return kOk;
}

struct AfterArgs {
  std::string pain;
  bool tighter = false, not_tighter = false;
  std::string date;
  size_t session = 0;
};

int RunAfter(const Globals& g, const AfterArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  HourAfter after;
  if (!a.pain.empty()) {
    auto p = ParseScoreArg(a.pain, "PAIN");
    if (!p) return Report(p.error());
    after.pain = *p;
  }
  if (a.tighter) after.tighter = true;
  if (a.not_tighter) after.tighter = false;
  if (after.empty()) {
    return Report(Error::Invalid("give the pain now (0 to 10), --tighter or --not-tighter"));
  }
  auto store = OpenForCheckIn(g);
  if (!store) return Report(store.error());
  size_t number = 0;
  auto day = (*store)->EditDay(*date, [&](Day& d) -> Result<void> {
    auto n = RecordHourAfter(d, a.session ? std::optional<size_t>(a.session) : std::nullopt, after);
    if (!n) {
      Error e = n.error();
      e.message += "; record the session first: backsignal session --date " + date->ToString();
      return Unexpected(e);
    }
    number = *n;
    return {};
  });
  if (!day) return Report(day.error());
  const Session& s = day->sessions[number - 1];
  const HourAfterSignal signal = HourAfterSignalOf(s);
  std::cout << "Recorded the hour after session " << number << " of " << date->ToString() << ":";
  if (s.hour_after.pain) std::cout << " pain " << Num(s.hour_after.pain->value());
  if (s.hour_after.tighter.value_or(false)) std::cout << ", tighter than before";
  std::cout << ".\n";
  switch (signal) {
    case HourAfterSignal::kSettling:
      std::cout << "  Settling back: the mid back seems to have managed the load reasonably well.\n";
      break;
    case HourAfterSignal::kRising:
      std::cout << "  Still rising or tighter: the load may have been more than your mid back could\n"
                   "  absorb today. Tomorrow morning will tell more; one session is not a verdict.\n";
      break;
    case HourAfterSignal::kUnknown:
      std::cout << "  (Add the during check-in, --start/--end on the session, to compare.)\n";
      break;
  }
  std::cout << "Next: tomorrow on waking, backsignal morning PAIN\n";
  return kOk;
}

struct ContextArgs {
  std::string sitting, tension, date;
  bool prolonged = false, not_prolonged = false;
};

int RunContext(const Globals& g, const ContextArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  Context patch;
  if (!a.sitting.empty()) {
    auto n = ParseNumberArg(a.sitting, "--sitting");
    if (!n) return Report(n.error());
    auto h = ValidateSittingHours(*n);
    if (!h) return Report(Error::Invalid("--sitting: " + h.error()));
    patch.sitting_hours = *h;
  }
  if (!a.tension.empty()) {
    auto t = ParseScoreArg(a.tension, "--tension");
    if (!t) return Report(t.error());
    patch.upper_body_tension = *t;
  }
  if (a.prolonged) patch.prolonged_position = true;
  if (a.not_prolonged) patch.prolonged_position = false;
  if (patch.empty()) {
    return Report(Error::Invalid("give at least one of --sitting, --prolonged, --tension"));
  }
  auto store = OpenForCheckIn(g);
  if (!store) return Report(store.error());
  auto day = (*store)->EditDay(*date, [&](Day& d) -> Result<void> {
    MergeContext(d.context, patch);
    return {};
  });
  if (!day) return Report(day.error());
  const Context& c = day->context;
  std::cout << "Recorded the context of " << date->ToString() << ":";
  if (c.sitting_hours) std::cout << " sitting " << Num(*c.sitting_hours) << " h;";
  if (c.prolonged_position) {
    std::cout << (*c.prolonged_position ? " long spells in one position;" : " no long spells in one position;");
  }
  if (c.upper_body_tension) std::cout << " upper-body tension " << Num(c.upper_body_tension->value()) << ";";
  std::cout << "\n  These are other things that can set the mid back off; a worse morning after\n"
               "  such a day may be from them, not from the exercise.\n";
  return kOk;
}

struct NoteArgs {
  std::string text, date;
};

int RunNote(const Globals& g, const NoteArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  auto text = ValidateText(a.text, kMaxNoteChars);
  if (!text) return Report(Error::Invalid("NOTE: the text " + text.error()));
  if (text->empty()) return Report(Error::Invalid("NOTE is empty; to remove a note: backsignal delete note"));
  if (!IsValidUtf8(*text)) return Report(Error::Invalid("NOTE is not valid UTF-8 text"));
  auto store = OpenForCheckIn(g);
  if (!store) return Report(store.error());
  auto day = (*store)->EditDay(*date, [&](Day& d) -> Result<void> {
    d.note = *text;
    return {};
  });
  if (!day) return Report(day.error());
  std::cout << "Noted for " << date->ToString() << ".\n";
  return kOk;
}

struct ShowArgs {
  std::string date;
};

int RunShow(const Globals& g, const ShowArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  auto store = Open(g, false);
  if (!store) return Report(store.error());
  auto day = (*store)->GetDay(*date);
  if (!day) return Report(day.error());
  if (!*day) {
    std::cout << "Nothing recorded on " << date->ToString() << ".\n";
    return kOk;
  }
  Diary one;
  one.days.push_back(**day);
  std::cout << DiaryToJson(one);
  return kOk;
}

struct DeleteArgs {
  std::string what, date;
  size_t session = 0;
};

int RunDelete(const Globals& g, const DeleteArgs& a) {
  auto date = ParseDateArg(a.date, "--date");
  if (!date) return Report(date.error());
  const std::optional<Entry> entry = ParseEntry(a.what);
  if (!entry) {
    return Report(Error::Invalid("\"" + a.what +
                                 "\" is not something to delete; expected morning, session, "
                                 "during, after, context, note or day"));
  }
  auto store = Open(g, false);
  if (!store) return Report(store.error());
  auto day = (*store)->EditDay(*date, [&](Day& d) -> Result<void> {
    return DeleteEntry(d, *entry, a.session ? std::optional<size_t>(a.session) : std::nullopt);
  });
  if (!day) return Report(day.error());
  std::cout << "Deleted the " << a.what << " of " << date->ToString() << ".\n";
  return kOk;
}

struct UsualArgs {
  std::string pain, stiffness;
  bool clear = false;
};

int RunUsual(const Globals& g, const UsualArgs& a) {
  UsualMorning u;
  if (!a.pain.empty()) {
    auto p = ParseScoreArg(a.pain, "--pain");
    if (!p) return Report(p.error());
    u.pain = *p;
  }
  if (!a.stiffness.empty()) {
    auto s = ParseScoreArg(a.stiffness, "--stiffness");
    if (!s) return Report(s.error());
    u.stiffness = *s;
  }
  if (!a.clear && !u.pain && !u.stiffness) {
    return Report(Error::Invalid("give --pain and/or --stiffness, or --clear"));
  }
  auto store = Open(g, true);
  if (!store) return Report(store.error());
  if (auto ok = (*store)->SetUsual(u); !ok) return Report(ok.error());
  if (a.clear && !u.pain && !u.stiffness) {
    std::cout << "Cleared your stated usual morning.\n";
  } else {
    std::cout << "Your usual morning: " << (u.pain ? "pain " + Num(u.pain->value()) : "")
              << (u.pain && u.stiffness ? ", " : "")
              << (u.stiffness ? "stiffness " + Num(u.stiffness->value()) : "")
              << ". It is used only until the diary has enough mornings to tell.\n";
  }
  return kOk;
}

struct SettingsArgs {
  std::string action;  // "", "set" or "reset"
  std::string name;
  std::string value;
};

int RunSettings(const Globals& g, const SettingsArgs& a) {
  if (a.action == "set" || a.action == "reset") {
    if (a.action == "set" && (a.name.empty() || a.value.empty())) {
      return Report(Error::Invalid("settings set: give NAME VALUE, e.g. settings set significant_change 2.5"));
    }
    auto store = Open(g, true);
    if (!store) return Report(store.error());
    auto stored = (*store)->LoadSettings();
    if (!stored) return Report(stored.error());
    std::map<std::string, double> next = *stored;
    if (a.action == "set") {
      auto v = ParseNumberArg(a.value, a.name);
      if (!v) return Report(v.error());
      next[a.name] = *v;
    } else if (a.name.empty()) {
      next.clear();
    } else {
      next.erase(a.name);
    }
    Settings check;
    if (auto ok = ApplySettings(check, next); !ok) return Report(ok.error());
    if (auto ok = (*store)->SaveSettings(next); !ok) return Report(ok.error());
    std::cout << (a.action == "set" ? "Saved " + a.name + " = " + a.value
                                    : a.name.empty() ? std::string("Every threshold is back at its default")
                                                     : a.name + " is back at its default")
              << ". Every reading says which thresholds differ from the defaults.\n";
    return kOk;
  }
  if (!a.action.empty()) {
    return Report(Error::Invalid("settings: \"" + a.action + "\" is not set or reset"));
  }
  auto store = Open(g, false);
  Store* s = store ? store->get() : nullptr;
  if (!store && store.error().kind != ErrorKind::kNotFound) return Report(store.error());
  auto settings = EffectiveSettings(g, s);
  if (!settings) return Report(settings.error());
  const Settings defaults;
  for (const SettingInfo& info : AllSettings()) {
    const double v = (*settings).*info.field;
    std::cout << info.name << " = " << Num(v);
    if (v != defaults.*info.field) std::cout << "  (default " << Num(defaults.*info.field) << ")";
    std::cout << "\n    " << info.meaning << "\n    bounds " << Num(info.min) << " to "
              << Num(info.max) << "; source: " << info.source << "\n";
  }
  return kOk;
}

struct TokenArgs {
  std::string action;  // create, list, revoke
  std::string id;
  std::string name = "script";
};

int RunToken(const Globals& g, const TokenArgs& a) {
  if (g.user.empty()) {
    return Report(Error::Invalid("token: give --user NAME, the account the token acts for"));
  }
  auto db = OpenDatabase(g.db.empty() ? DefaultDatabase() : g.db, false);
  if (!db) return Report(db.error());
  auto login = (*db)->FindLogin(g.user);
  if (!login) return Report(login.error());
  if (!*login) return Report(Error::NotFound("--user: no account named \"" + g.user + "\""));
  const Account& account = (*login)->first;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  if (a.action == "create") {
    const std::string token = "bst_" + NewSecretToken();
    auto id = (*db)->CreateApiToken(account.id, a.name, HashSecret(token), now);
    if (!id) return Report(id.error());
    std::cout << token << "\n";
    std::cerr << "Token " << *id << " (\"" << a.name << "\") for " << account.username
              << ": send it as `Authorization: Bearer <token>`. It is shown only now; "
                 "`backsignal token revoke " << *id << "` ends it.\n";
    return kOk;
  }
  if (a.action == "list") {
    auto list = (*db)->ListApiTokens(account.id);
    if (!list) return Report(list.error());
    if (list->empty()) std::cout << "No tokens for " << account.username << ".\n";
    for (const ApiTokenInfo& t : *list) {
      std::cout << t.id << "  " << t.name << "  created " << FormatLocalWithOffset("UTC", t.created_at)
                << (t.last_used_at ? "  last used " + FormatLocalWithOffset("UTC", *t.last_used_at)
                                   : std::string("  never used"))
                << "\n";
    }
    return kOk;
  }
  if (a.action == "revoke") {
    int64_t id = 0;
    const auto r = std::from_chars(a.id.data(), a.id.data() + a.id.size(), id);
    if (a.id.empty() || r.ec != std::errc() || r.ptr != a.id.data() + a.id.size()) {
      return Report(Error::Invalid("token revoke ID: \"" + a.id + "\" is not a token id (see token list)"));
    }
    auto ok = (*db)->RevokeApiToken(account.id, id);
    if (!ok) return Report(ok.error());
    if (!*ok) return Report(Error::NotFound("no token " + a.id + " for " + account.username));
    std::cout << "Revoked token " << id << ".\n";
    return kOk;
  }
  return Report(Error::Invalid("token: \"" + a.action + "\" is not create, list or revoke"));
}

struct AccountArgs {
  std::string action;  // list, set-password
};

int RunAccount(const Globals& g, const AccountArgs& a) {
  auto db = OpenDatabase(g.db.empty() ? DefaultDatabase() : g.db, false);
  if (!db) return Report(db.error());
  if (a.action == "list") {
    auto list = (*db)->ListAccounts();
    if (!list) return Report(list.error());
    if (list->empty()) std::cout << "No accounts yet: `backsignal serve --accounts` prints a link for the first.\n";
    for (const Account& acc : *list) {
      std::cout << acc.username << "  " << acc.role << (acc.admin ? "  administrator" : "") << "  since "
                << FormatLocalWithOffset("UTC", acc.created_at).substr(0, 10) << "\n";
    }
    return kOk;
  }
  // set-password: for a person who forgot theirs (backsignal sends no mail). The new password
  // comes on standard input, so that it is not in the shell's history or the process list.
  if (g.user.empty()) return Report(Error::Invalid("account set-password: give --user NAME"));
  auto login = (*db)->FindLogin(g.user);
  if (!login) return Report(login.error());
  if (!*login) return Report(Error::NotFound("--user: no account named \"" + g.user + "\""));
  std::string password;
  std::getline(std::cin, password);
  if (password.size() < 10 || password.size() > 200) {
    return Report(Error::Invalid("the new password (one line on standard input) must be 10 to 200 characters"));
  }
  if (auto ok = (*db)->SetPasswordHash((*login)->first.id, HashPassword(password)); !ok) return Report(ok.error());
  // Whoever was signed in as them is signed out.
  if (auto ok = (*db)->DeleteOtherSessions((*login)->first.id, ""); !ok) return Report(ok.error());
  std::cout << "Set a new password for " << g.user << "; every session of theirs has ended.\n";
  return kOk;
}

int Main(int argc, char** argv) {
  CLI::App app{
      "backsignal: is your exercise helping your mid back, or setting it off?\n"
      "Check in on the three windows around each session (during, an hour after, the next\n"
      "morning) and read the trend over one to two weeks."};
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(std::string("\nExamples:\n"
                         "  backsignal morning 3 --stiffness 4\n"
                         "  backsignal session --time 18:00 --minutes 40 --activity swimming "
                         "--load rotation --start 3 --end 4\n"
                         "  backsignal after 3\n"
                         "  backsignal read\n\n"
                         "Database: --db PATH, else $BACKSIGNAL_DB, else "
                         "$XDG_DATA_HOME/backsignal/diary.db (~/.local/share/...).\n") +
             kExitCodes);
  Globals g;
  app.add_option("--db", g.db, "Database: a file path, sqlite:PATH, or postgresql://... (default: $BACKSIGNAL_DB, else ~/.local/share/backsignal/diary.db)");
  app.add_option("--user", g.user, "Work on this account's diary (default: the local diary; required on PostgreSQL)");
  app.add_option("--settings", g.settings_file, "Settings file (JSON) with thresholds to change");
  app.add_option("--set", g.set, "Change one threshold: NAME=VALUE (see `backsignal settings`)");
  app.set_version_flag("--version", "backsignal 0.1.0");

  int code = kOk;
  auto footer = [](const char* examples) { return std::string("\nExamples:\n") + examples + "\n" + kExitCodes; };

  ImportArgs imp;
  auto* c_import = app.add_subcommand("import", "Import a diary file (JSON or CSV, told by content)");
  c_import->add_option("FILE", imp.file, "The diary file, or - for standard input")->required();
  c_import->add_flag("--replace", imp.replace,
                     "Replace days already stored with different content (default: refuse and "
                     "list them)");
  c_import->footer(footer("  backsignal import diary.json\n  backsignal import diary.csv --replace"));
  c_import->callback([&] { code = RunImport(g, imp); });

  ExportArgs exp;
  auto* c_export = app.add_subcommand(
      "export", "Write the diary as JSON or CSV, FHIR R4, iCalendar reminders, or all your data");
  c_export->add_option("--format", exp.format,
                       "json (the diary, default), csv, fhir (a FHIR R4 Bundle), ics (calendar "
                       "reminders), all (everything you entered, one JSON file)")
      ->check(CLI::IsMember({"json", "csv", "fhir", "ics", "all"}));
  c_export->add_option("--out", exp.out, "File to write (default: standard output)");
  c_export->footer(footer("  backsignal export > diary.json\n  backsignal export --format csv --out diary.csv\n"
                          "  backsignal export --format fhir --out diary-fhir.json\n"
                          "  backsignal export --format ics --out backsignal.ics\n"
                          "  backsignal export --format all --out my-backsignal-data.json"));
  c_export->callback([&] { code = RunExport(g, exp); });

  ReportArgs rep;
  auto* c_report = app.add_subcommand(
      "report", "Write the clinician's report: one HTML file to open, print or save as PDF");
  c_report->add_option("--weeks", rep.weeks, "Weeks charted and listed: 2 (default), 4 or 12")
      ->check(CLI::IsMember({2, 4, 12}));
  c_report->add_option("--as-of", rep.as_of, "The report's last day (default: the latest date in the diary)");
  c_report->add_option("--out", rep.out, "File to write (default: standard output)");
  c_report->footer(footer("  backsignal report --out report.html\n  backsignal report --weeks 4 --as-of 2026-11-20 --out report.html"));
  c_report->callback([&] { code = RunReport(g, rep); });

  RemindersArgs rem;
  auto* c_rem = app.add_subcommand(
      "reminders", "Show or set your time zone and wake time (the calendar reminders' times)");
  c_rem->add_option("--time-zone", rem.time_zone, "An IANA time zone, e.g. Europe/London (default: this machine's)");
  c_rem->add_option("--wake", rem.wake, "When the morning check-in reminder fires, HH:MM (default 07:00)");
  c_rem->footer(footer("  backsignal reminders\n  backsignal reminders --time-zone Europe/London --wake 06:45"));
  c_rem->callback([&] { code = RunReminders(g, rem); });

  ReadArgs rd;
  auto* c_read = app.add_subcommand("read", "Read the diary: alerts, the verdict and its evidence, sessions");
  c_read->add_option("--as-of", rd.as_of, "Read as of this date (default: the latest date in the diary)");
  c_read->add_flag("--json", rd.json, "Print the reading as JSON (spec/reading.md section 4)");
  c_read->footer(footer("  backsignal read\n  backsignal read --as-of 2026-11-20 --json"));
  c_read->callback([&] { code = RunRead(g, rd); });

  MorningArgs mo;
  auto* c_morning = app.add_subcommand("morning", "Check in on waking: pain (and stiffness) 0-10");
  c_morning->add_option("PAIN", mo.pain, "Pain on waking, 0 to 10 in steps of 0.5")->required();
  c_morning->add_option("--stiffness", mo.stiffness, "Stiffness on waking, 0 to 10");
  c_morning->add_option("--date", mo.date, "Date (YYYY-MM-DD, today, yesterday; default today)");
  c_morning->footer(footer("  backsignal morning 3 --stiffness 4\n  backsignal morning 2.5 --date yesterday   (again on the same date corrects it)"));
  c_morning->callback([&] { code = RunMorning(g, mo); });

  SessionArgs se;
  auto* c_session = app.add_subcommand("session", "Record an exercise session with its during check-in");
  c_session->add_option("--time", se.time, "Start time HH:MM");
  c_session->add_option("--minutes", se.minutes, "Length in minutes (1-600)");
  c_session->add_option("--activity", se.activity, "What you did");
  c_session->add_option("--load", se.load,
                        "Indirect demands, comma-separated: rotation, breathing_under_load, arms_away");
  c_session->add_option("--start", se.start, "Discomfort early in the session, 0-10");
  c_session->add_option("--end", se.end, "Discomfort at the end, 0-10");
  c_session->add_option("--pattern", se.pattern, "How it moved: stable, building or eased");
  auto* sharp = c_session->add_flag("--sharp", se.sharp,
                                    "Sharp or catching pain during a twisting or reaching movement");
  c_session->add_flag("--no-sharp", se.no_sharp, "No sharp or catching pain")->excludes(sharp);
  c_session->add_option("--date", se.date, "Date (default today)");
  c_session->add_option("--edit", se.edit, "Correct session N of the date instead of adding one");
  c_session->footer(footer(
      "  backsignal session --time 18:00 --minutes 40 --activity swimming --load rotation,arms_away --start 3 --end 5 --pattern building\n"
      "  backsignal session --sharp\n"
      "  backsignal session --edit 1 --end 4   (correct session 1 of today)"));
  c_session->callback([&] { code = RunSession(g, se); });

  AfterArgs af;
  auto* c_after = app.add_subcommand("after", "Check in about an hour after the latest session");
  c_after->add_option("PAIN", af.pain, "Pain now, 0-10");
  auto* tighter = c_after->add_flag("--tighter", af.tighter, "Noticeably tighter or more restricted than before");
  c_after->add_flag("--not-tighter", af.not_tighter, "Not tighter than before")->excludes(tighter);
  c_after->add_option("--session", af.session, "Which session of the day (default: the latest)");
  c_after->add_option("--date", af.date, "Date of the session (default today)");
  c_after->footer(footer("  backsignal after 3\n  backsignal after 5 --tighter --date yesterday"));
  c_after->callback([&] { code = RunAfter(g, af); });

  ContextArgs cx;
  auto* c_context = app.add_subcommand("context", "Record the day's other loads: sitting, one position, tension");
  c_context->add_option("--sitting", cx.sitting, "Hours of sustained sitting earlier in the day (0-24)");
  auto* prolonged = c_context->add_flag("--prolonged", cx.prolonged, "Long spells in one position");
  c_context->add_flag("--not-prolonged", cx.not_prolonged, "No long spells in one position")->excludes(prolonged);
  c_context->add_option("--tension", cx.tension, "Upper-body tension, 0-10");
  c_context->add_option("--date", cx.date, "Date (default today)");
  c_context->footer(footer("  backsignal context --sitting 7 --prolonged --tension 6"));
  c_context->callback([&] { code = RunContext(g, cx); });

  NoteArgs nt;
  auto* c_note = app.add_subcommand("note", "Write the day's note (replaces it)");
  c_note->add_option("NOTE", nt.text, "The note, up to 2000 characters")->required();
  c_note->add_option("--date", nt.date, "Date (default today)");
  c_note->footer(footer("  backsignal note \"long day at the desk\""));
  c_note->callback([&] { code = RunNote(g, nt); });

  ShowArgs sh;
  auto* c_show = app.add_subcommand("show", "Show what is recorded on a day (as diary JSON)");
  c_show->add_option("--date", sh.date, "Date (default today)");
  c_show->footer(footer("  backsignal show --date yesterday"));
  c_show->callback([&] { code = RunShow(g, sh); });

  DeleteArgs de;
  auto* c_delete = app.add_subcommand("delete", "Delete an entry: morning, session, during, after, context, note or day");
  c_delete->add_option("WHAT", de.what, "morning, session, during, after, context, note or day")->required();
  c_delete->add_option("--session", de.session, "Which session (default: the latest of the day)");
  c_delete->add_option("--date", de.date, "Date (default today)");
  c_delete->footer(footer("  backsignal delete morning --date 2026-11-02\n  backsignal delete session --session 2"));
  c_delete->callback([&] { code = RunDelete(g, de); });

  UsualArgs us;
  auto* c_usual = app.add_subcommand("usual", "Say what your usual morning is (used until the diary can tell)");
  c_usual->add_option("--pain", us.pain, "Usual pain on waking, 0-10");
  c_usual->add_option("--stiffness", us.stiffness, "Usual stiffness on waking, 0-10");
  c_usual->add_flag("--clear", us.clear, "Forget the stated usual morning");
  c_usual->footer(footer("  backsignal usual --pain 3 --stiffness 4"));
  c_usual->callback([&] { code = RunUsual(g, us); });

  SettingsArgs st;
  auto* c_settings = app.add_subcommand("settings", "List the reading's thresholds, or change them (within their bounds) for this diary");
  c_settings->add_option("ACTION", st.action, "set NAME VALUE, or reset [NAME]");
  c_settings->add_option("NAME", st.name, "A setting's name");
  c_settings->add_option("VALUE", st.value, "Its new value");
  c_settings->footer(footer("  backsignal settings\n  backsignal settings set significant_change 2.5\n  backsignal settings reset\n  backsignal --set significant_change=2.5 read   (this once only)"));
  c_settings->callback([&] { code = RunSettings(g, st); });

  TokenArgs tk;
  auto* c_token = app.add_subcommand("token", "API tokens for scripts: create, list, revoke (with --user)");
  c_token->add_option("ACTION", tk.action, "create, list or revoke")->required()
      ->check(CLI::IsMember({"create", "list", "revoke"}));
  c_token->add_option("ID", tk.id, "The token to revoke (see token list)");
  c_token->add_option("--name", tk.name, "A name to tell it by (create; default \"script\")");
  c_token->footer(footer("  backsignal --user alice token create --name nightly-export\n"
                         "  backsignal --user alice token list\n  backsignal --user alice token revoke 3\n"
                         "  curl -H 'Authorization: Bearer bst_...' http://127.0.0.1:8080/api/v1/reading"));
  c_token->callback([&] { code = RunToken(g, tk); });

  AccountArgs ac;
  auto* c_account = app.add_subcommand("account", "Accounts on this database: list them, or set a forgotten password");
  c_account->add_option("ACTION", ac.action, "list, or set-password (with --user; the password on standard input)")
      ->required()->check(CLI::IsMember({"list", "set-password"}));
  c_account->footer(footer("  backsignal account list\n  backsignal --user maria account set-password < new-password.txt"));
  c_account->callback([&] { code = RunAccount(g, ac); });

  ServeArgs sv;
  auto* c_serve = app.add_subcommand("serve", "Serve the web app (check-ins from a phone browser, the reading, history)");
  c_serve->add_option("--listen", sv.listen, "Address and port (default 127.0.0.1:8080); another than loopback needs --accounts");
  c_serve->add_option("--threads", sv.threads, "Threads serving requests (default 2)");
  c_serve->add_option("--read-timeout", sv.read_timeout_seconds,
                      "Seconds a client has to send one whole request (default 10)");
  c_serve->add_flag("--accounts", sv.accounts,
                    "Everyone signs in (always on PostgreSQL); needed to listen beyond this machine");
  c_serve->add_flag("--secure-cookies", sv.secure_cookies,
                    "Mark cookies Secure: served over TLS, or behind a TLS-terminating proxy");
  c_serve->add_flag("--trust-proxy", sv.trust_proxy,
                    "Behind a reverse proxy: take client addresses from X-Forwarded-For");
  c_serve->footer(footer("  backsignal serve\n  backsignal --db diary.db serve --listen 127.0.0.1:9000\n"
                         "  backsignal serve --accounts --listen 0.0.0.0:8080 --secure-cookies --trust-proxy\n"
                         "  backsignal --db postgresql://backsignal@db/backsignal serve --listen 10.0.0.5:8080"));
  c_serve->callback([&] {
    auto given = CommandLineSettings(g);
    if (!given) {
      code = Report(given.error());
      return;
    }
    code = Serve(g.db.empty() ? DefaultDatabase() : g.db, *given, sv);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  return code;
}

}  // namespace
}  // namespace backsignal::cli

int main(int argc, char** argv) {
  try {
    return backsignal::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "backsignal: internal error: " << e.what() << "\n";
    return 70;
  }
}
