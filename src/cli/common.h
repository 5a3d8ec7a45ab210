// What every command shares: the global options, opening the diary through the service,
// parsing arguments, reading and writing files, and the one place where an error becomes an
// exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"
#include "backsignal/service/service.h"
#include "backsignal/words/i18n.h"

namespace backsignal::cli {

// Exit codes, documented in --help and docs/cli.md.
enum Exit : int {
  kOk = 0,
  kUsage = 1,
  kInvalid = 2,
  kConflict = 3,
  kNotFound = 4,
  kStorage = 5,
  kRefused = 6,  // not allowed now (the safety screen asks you to see a clinician first)
};

// "Exit codes: 0 ok, 1 usage error, ...", for --help.
std::string ExitCodes(const Locale& loc);

struct Globals {
  // The language the words are in: --lang, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG (main.cc).
  const Locale* locale = &Locale::English();
  std::string db;
  std::string user;  // whose diary (an account's username); empty: the local diary
  std::string settings_file;
  std::vector<std::string> set;
};

// What a command runs with: the global options, and its exit code.
struct Invocation {
  Globals globals;
  int code = kOk;
};

// Prints the error and returns its exit code.
// Prints the error (its message and details in the language SetReportLocale chose) and returns
// its exit code.
int Report(const Error& e);
void SetReportLocale(const Locale& loc);

// The database location: --db, else $BACKSIGNAL_DB, else the XDG data folder's diary.db.
std::string DatabaseLocation(const Globals& g);

// Thresholds given on the command line: the settings file, then --set flags.
[[nodiscard]] Result<std::map<std::string, double>> CommandLineSettings(const Globals& g);

enum class OpenMode {
  kRead,    // reading only: the database opens read-only, and must exist
  kWrite,   // must exist
  kCreate,  // made when missing
};

// The diary a command works on, through the service.
class Opened {
 public:
  const service::Service& service() const { return backend_->service(); }
  PersonId person() const { return person_; }
  // The account named by --user, when there is one.
  const std::optional<Account>& account() const { return account_; }
  std::string Describe() const { return backend_->Describe(); }
  bool created() const { return created_; }

 private:
  friend Result<std::unique_ptr<Opened>> Open(const Globals& g, OpenMode mode, bool for_person);
  std::unique_ptr<service::Backend> backend_;
  PersonId person_ = 0;
  std::optional<Account> account_;
  bool created_ = false;  // the database did not exist before this command
};

// Opens the database for `g.user`'s diary (the local diary without --user; PostgreSQL needs
// --user unless `for_person` is false: the command works on the database, not a diary).
[[nodiscard]] Result<std::unique_ptr<Opened>> Open(const Globals& g, OpenMode mode,
                                                   bool for_person = true);

// Arguments.
// Their messages name the option, in `loc`'s words.
[[nodiscard]] Result<Date> ParseDateArg(const std::string& text, const char* option, Date today,
                                        const Locale& loc);
[[nodiscard]] Result<double> ParseNumberArg(const std::string& text, const std::string& option,
                                            const Locale& loc);
[[nodiscard]] Result<Score> ParseScoreArg(const std::string& text, const std::string& option,
                                          const Locale& loc);
[[nodiscard]] Result<TimeOfDay> ParseTimeArg(const std::string& text, const std::string& option);
// Why `v` is not a score (0 to 10 in steps of 0.5), naming the option: Score::FromDouble's
// message in `loc`'s words.
std::string ScoreProblem(double v, const std::string& option, const Locale& loc);

// The largest file `import` reads (documented in docs/cli.md).
inline constexpr size_t kMaxInputBytes = size_t{64} * 1024 * 1024;

// Reads a whole file ("-" is standard input), refusing one larger than `max_bytes`.
[[nodiscard]] Result<std::string> ReadFile(const Locale& loc, const std::string& path,
                                           size_t max_bytes = kMaxInputBytes);

// Writes `text` to `path` ("" or "-" is standard output). A regular file (or a new one) is
// written through a temporary file and a rename, so that a reader never sees half a file; the
// temporary file is removed on failure. Anything else that exists (a device, a FIFO) is
// written in place.
[[nodiscard]] Result<void> WriteFile(const Locale& loc, const std::string& path,
                                     const std::string& text);

// Checks that standard output took everything written to it (a full disk, a closed pipe).
int FinishOutput(int code, const Locale& loc);

// "Examples: ...", then the exit codes, for a command's --help.
std::string Footer(const Locale& loc, const char* examples);

std::string Num(double v);

}  // namespace backsignal::cli
