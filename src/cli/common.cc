#include "common.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backsignal/io/settings_json.h"
#include "backsignal/service/accounts.h"

namespace backsignal::cli {

int Report(const Error& e) {
  std::cerr << "backsignal: " << e.message << "\n";
  for (const std::string& d : e.details) std::cerr << "  " << d << "\n";
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
    auto text = ReadFile(g.settings_file, size_t{1024} * 1024);
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
        "--user NAME: a PostgreSQL database holds many people's diaries; say whose"));
  }
  auto out = std::make_unique<Opened>();
  out->created_ = !Exists(location);
  OpenOptions options;
  options.create = mode == OpenMode::kCreate;
  options.read_only = mode == OpenMode::kRead;
  auto backend = service::Backend::Open(location, options, *overrides, service::SystemClock());
  if (!backend) {
    Error e = backend.error();
    if (e.kind == ErrorKind::kNotFound) {
      e.message +=
          ": record a check-in (backsignal morning 3) or import one (backsignal import FILE)";
    }
    return Unexpected(e);
  }
  out->backend_ = std::move(*backend);
  out->person_ = service::LocalPerson(out->service());
  if (!g.user.empty()) {
    auto account = service::FindAccount(out->service(), g.user);
    if (!account) return Unexpected(account.error());
    if (!*account) return Fail(Error::NotFound("--user: no account named \"" + g.user + "\""));
    out->person_ = (*account)->person;
    out->account_ = **account;
  }
  return out;
}

Result<Date> ParseDateArg(const std::string& text, const char* option, Date today) {
  if (text.empty() || text == "today") return today;
  if (text == "yesterday") return today - 1;
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
    // A decimal comma, as Spanish and German write 5,5 (docs/languages.md).
    if (text.find(',') != std::string::npos) {
      if (auto d = ParseDecimal(text)) return *d;
    }
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

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::string out;
  auto read_all = [&](std::istream& in, const std::string& name) -> Result<std::string> {
    char buf[64 * 1024];
    while (in) {
      in.read(buf, sizeof buf);
      out.append(buf, static_cast<size_t>(in.gcount()));
      if (out.size() > max_bytes) {
        return Fail(Error::Invalid(name + " is larger than " + std::to_string(max_bytes >> 20) +
                                   " MB, more than a diary holds; nothing was read"));
      }
    }
    if (in.bad()) return Fail(Error::Storage("error reading " + name));
    return std::move(out);
  };
  if (path == "-") return read_all(std::cin, "standard input");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::NotFound("cannot read " + path + ": " + std::strerror(errno)));
  return read_all(in, path);
}

Result<void> WriteFile(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Fail(Error::Storage("cannot write to standard output"));
    return {};
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // A device, a FIFO, a terminal: written in place, never replaced by a file.
    if (S_ISDIR(st.st_mode)) return Fail(Error::Invalid(path + " is a folder"));
    std::ofstream out(path, std::ios::binary);
    if (!out) return Fail(Error::Storage("cannot write " + path + ": " + std::strerror(errno)));
    out << text;
    out.flush();
    if (!out) return Fail(Error::Storage("error writing " + path + ": " + std::strerror(errno)));
    return {};
  }
  const std::string tmp = path + ".tmp";
  {
    // Health data: readable by its owner alone.
    const mode_t old = ::umask(077);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    ::umask(old);
    if (!out) return Fail(Error::Storage("cannot write " + tmp + ": " + std::strerror(errno)));
    out << text;
    out.flush();
    if (!out) {
      const int err = errno;
      out.close();
      std::remove(tmp.c_str());
      return Fail(Error::Storage("error writing " + path + ": " + std::strerror(err)));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    return Fail(Error::Storage("cannot write " + path + ": " + std::strerror(err)));
  }
  return {};
}

int FinishOutput(int code) {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "backsignal: cannot write to standard output: " << std::strerror(errno) << "\n";
    return code == kOk ? kStorage : code;
  }
  return code;
}

std::string Footer(const char* examples) {
  return std::string("\nExamples:\n") + examples + "\n" + kExitCodes;
}

std::string Num(double v) { return FormatNumber(v); }

}  // namespace backsignal::cli
