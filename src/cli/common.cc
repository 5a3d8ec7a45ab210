#include "common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backsignal/io/settings_json.h"
#include "backsignal/service/accounts.h"

namespace backsignal::cli {

namespace {
const Locale* report_locale = &Locale::English();
}  // namespace

void SetReportLocale(const Locale& loc) { report_locale = &loc; }

int Report(const Error& e) {
  std::cerr << "backsignal: " << report_locale->Message(e) << "\n";
  for (const std::string& d : report_locale->Details(e)) std::cerr << "  " << d << "\n";
  switch (e.kind) {
    case ErrorKind::kInvalid:
      return kInvalid;
    case ErrorKind::kConflict:
      return kConflict;
    case ErrorKind::kNotFound:
      return kNotFound;
    case ErrorKind::kStorage:
      return kStorage;
    case ErrorKind::kUnauthenticated:
    case ErrorKind::kForbidden:
    case ErrorKind::kThrottled:
      return kRefused;
  }
  return kStorage;
}

std::string DatabaseLocation(const Globals& g) {
  if (!g.db.empty()) return g.db;
  if (const char* env = std::getenv("BACKSIGNAL_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/backsignal/diary.db";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/backsignal/diary.db";
}

Result<std::map<std::string, double>> CommandLineSettings(const Globals& g) {
  std::map<std::string, double> values;
  if (!g.settings_file.empty()) {
    auto text = ReadFile(*g.locale, g.settings_file, size_t{1024} * 1024);
    if (!text) return Unexpected(text.error());
    auto parsed = ParseSettingsJson(*text);
    if (!parsed) {
      Error e = g.locale->Translated(parsed.error());
      e.message.append(" (").append(g.settings_file).append(")");
      return Unexpected(e);
    }
    values = *parsed;
  }
  for (const std::string& kv : g.set) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos) {
      // TRANSLATORS: {given} is what followed --set.
      return Fail(
          Error::Invalid(g.locale->Tr("--set: \"{given}\" is not NAME=VALUE", {Arg("given", kv)})));
    }
    auto v = ParseNumberArg(kv.substr(eq + 1), "--set " + kv.substr(0, eq), *g.locale);
    if (!v) return Unexpected(v.error());
    values[kv.substr(0, eq)] = *v;
  }
  Settings scratch;
  if (auto ok = ApplySettings(scratch, values); !ok) return Unexpected(ok.error());
  return values;
}

namespace {

bool IsPostgresUrl(const std::string& location) {
  return location.starts_with("postgres://") || location.starts_with("postgresql://");
}

bool Exists(const std::string& location) {
  if (IsPostgresUrl(location) || location == "memory:") return true;
  const std::string path = location.starts_with("sqlite:") ? location.substr(7) : location;
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

Result<std::unique_ptr<Opened>> Open(const Globals& g, OpenMode mode, bool for_person) {
  const std::string location = DatabaseLocation(g);
  auto overrides = CommandLineSettings(g);
  if (!overrides) return Unexpected(overrides.error());
  if (for_person && g.user.empty() && IsPostgresUrl(location)) {
    return Fail(Error::Invalid(
        g.locale->Tr("--user NAME: a PostgreSQL database holds many people's diaries; say whose")));
  }
  auto out = std::make_unique<Opened>();
  out->created_ = !Exists(location);
  OpenOptions options;
  options.create = mode == OpenMode::kCreate;
  options.read_only = mode == OpenMode::kRead;
  auto backend = service::Backend::Open(location, options, *overrides, service::SystemClock());
  if (!backend) {
    Error e = g.locale->Translated(backend.error());
    if (e.kind == ErrorKind::kNotFound) {
      // TRANSLATORS: after "no diary at PATH"; the commands stay as they are.
      e.message.append(g.locale->Tr(
          ": record a check-in (backsignal morning 3) or import one (backsignal import FILE)"));
    }
    return Unexpected(e);
  }
  out->backend_ = std::move(*backend);
  out->person_ = service::LocalPerson(out->service());
  if (!g.user.empty()) {
    auto account = service::FindAccount(out->service(), g.user);
    if (!account) return Unexpected(account.error());
    if (!*account) {
      // TRANSLATORS: {user} is the account name given.
      return Fail(Error::NotFound(
          g.locale->Tr("--user: no account named \"{user}\"", {Arg("user", g.user)})));
    }
    out->person_ = (*account)->person;
    out->account_ = **account;
  }
  return out;
}

Result<Date> ParseDateArg(const std::string& text, const char* option, Date today,
                          const Locale& loc) {
  if (text.empty() || text == "today") return today;
  if (text == "yesterday") return today - 1;
  auto d = Date::Parse(text);
  if (!d) {
    const Args args = {Arg("option", option), Arg("given", text)};
    if (d.error() == "is not a real calendar date") {
      // TRANSLATORS: {option} is the option ("--date"); {given} what was given. "today" and
      // "yesterday" are what to type: keep them.
      return Fail(Error::Invalid(
          loc.Tr("{option}: \"{given}\" is not a real calendar date (or today, yesterday)", args)));
    }
    // TRANSLATORS: {option} is the option ("--date"); {given} what was given. "today" and
    // "yesterday" are what to type: keep them.
    return Fail(Error::Invalid(
        loc.Tr("{option}: \"{given}\" expected a date as YYYY-MM-DD (or today, yesterday)", args)));
  }
  return *d;
}

Result<TimeOfDay> ParseTimeArg(const std::string& text, const std::string& option) {
  auto t = TimeOfDay::Parse(text);
  if (!t) {
    // TRANSLATORS: {option} is the option ("--time"); {given} what was given; {problem} why
    // ("expected a time as HH:MM (24-hour clock)").
    return Fail(Error::Invalid(T_("{option}: \"{given}\" {problem}",
                                  {{"option", option}, {"given", text}, {"problem", t.error()}})));
  }
  return *t;
}

Result<double> ParseNumberArg(const std::string& text, const std::string& option,
                              const Locale& loc) {
  double v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
    // A decimal comma, as Spanish and German write 5,5 (docs/languages.md).
    if (text.find(',') != std::string::npos) {
      if (auto d = ParseDecimal(text)) return *d;
    }
    // TRANSLATORS: {option} is the option ("--sleep"); {given} what was given.
    return Fail(Error::Invalid(loc.Tr("{option}: \"{given}\" is not a number",
                                      {Arg("option", option), Arg("given", text)})));
  }
  return v;
}

Result<Score> ParseScoreArg(const std::string& text, const std::string& option, const Locale& loc) {
  auto v = ParseNumberArg(text, option, loc);
  if (!v) return Unexpected(v.error());
  auto s = Score::FromDouble(*v);
  if (!s) return Fail(Error::Invalid(ScoreProblem(*v, option, loc)));
  return *s;
}

std::string ScoreProblem(double v, const std::string& option, const Locale& loc) {
  const Args args = {Arg("option", option), Arg("value", FormatNumber(v))};
  // TRANSLATORS: {option} is the option or argument ("--stiffness", "PAIN"); {value} the number
  // given. A score is 0 to 10 in steps of 0.5.
  if (!std::isfinite(v)) return loc.Tr("{option}: {value} is not a number from 0 to 10", args);
  // TRANSLATORS: {option} is the option or argument ("--stiffness", "PAIN"); {value} the number.
  if (v < 0) return loc.Tr("{option}: {value} is below the bottom of the scale (0 to 10)", args);
  // TRANSLATORS: {option} is the option or argument ("--stiffness", "PAIN"); {value} the number.
  if (v > 10) return loc.Tr("{option}: {value} is above the top of the scale (0 to 10)", args);
  // TRANSLATORS: {option} is the option or argument ("--stiffness", "PAIN"); {value} the number.
  return loc.Tr("{option}: {value} is not in steps of 0.5 (a score is like 3 or 3.5)", args);
}

Result<std::string> ReadFile(const Locale& loc, const std::string& path, size_t max_bytes) {
  std::string out;
  auto read_all = [&](std::istream& in, const std::string& name) -> Result<std::string> {
    char buf[64 * 1024];
    while (in) {
      in.read(buf, sizeof buf);
      out.append(buf, static_cast<size_t>(in.gcount()));
      if (out.size() > max_bytes) {
        // TRANSLATORS: {file} is a file's name or "standard input"; {mb} a number of megabytes.
        return Fail(Error::Invalid(
            loc.Tr("{file} is larger than {mb} MB, more than a diary holds; nothing was read",
                   {Arg("file", name), Arg("mb", max_bytes >> 20)})));
      }
    }
    // TRANSLATORS: {file} is a file's name or "standard input".
    if (in.bad()) return Fail(Error::Storage(loc.Tr("error reading {file}", {Arg("file", name)})));
    return std::move(out);
  };
  if (path == "-") return read_all(std::cin, loc.Tr("standard input"));
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // TRANSLATORS: {file} is a file's name; {reason} the system's reason (in English).
    return Fail(Error::NotFound(loc.Tr("cannot read {file}: {reason}",
                                       {Arg("file", path), Arg("reason", std::strerror(errno))})));
  }
  return read_all(in, path);
}

Result<void> WriteFile(const Locale& loc, const std::string& path, const std::string& text) {
  // TRANSLATORS: {file} is a file's name; {reason} the system's reason (in English).
  const auto cannot = [&loc](const std::string& file, int err) {
    return Error::Storage(loc.Tr("cannot write {file}: {reason}",
                                 {Arg("file", file), Arg("reason", std::strerror(err))}));
  };
  // TRANSLATORS: {file} is a file's name; {reason} the system's reason (in English).
  const auto error_writing = [&loc](const std::string& file, int err) {
    return Error::Storage(loc.Tr("error writing {file}: {reason}",
                                 {Arg("file", file), Arg("reason", std::strerror(err))}));
  };
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Fail(Error::Storage(loc.Tr("cannot write to standard output")));
    return {};
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // A device, a FIFO, a terminal: written in place, never replaced by a file.
    // TRANSLATORS: {file} is a path.
    if (S_ISDIR(st.st_mode))
      return Fail(Error::Invalid(loc.Tr("{file} is a folder", {Arg("file", path)})));
    std::ofstream out(path, std::ios::binary);
    if (!out) return Fail(cannot(path, errno));
    out << text;
    out.flush();
    if (!out) return Fail(error_writing(path, errno));
    return {};
  }
  const std::string tmp = path + ".tmp";
  {
    // Health data: readable by its owner alone.
    const mode_t old = ::umask(077);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    ::umask(old);
    if (!out) return Fail(cannot(tmp, errno));
    out << text;
    out.flush();
    if (!out) {
      const int err = errno;
      out.close();
      std::remove(tmp.c_str());
      return Fail(error_writing(path, err));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    return Fail(cannot(path, err));
  }
  return {};
}

int FinishOutput(int code, const Locale& loc) {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    // TRANSLATORS: {reason} is the system's reason (in English).
    std::cerr << "backsignal: "
              << loc.Tr("cannot write to standard output: {reason}",
                        {Arg("reason", std::strerror(errno))})
              << "\n";
    return code == kOk ? kStorage : code;
  }
  return code;
}

std::string ExitCodes(const Locale& loc) {
  return loc.Tr(
      "Exit codes: 0 ok, 1 usage error, 2 invalid input (nothing stored), 3 conflict with stored\n"
      "data (nothing stored), 4 not found, 5 storage or file error, 6 refused (see the message).");
}

std::string Footer(const Locale& loc, const char* examples) {
  std::string out = "\n";
  out.append(loc.Tr("Examples:")).append("\n").append(examples).append("\n");
  return out.append(ExitCodes(loc));
}

std::string Num(double v) { return FormatNumber(v); }

}  // namespace backsignal::cli
