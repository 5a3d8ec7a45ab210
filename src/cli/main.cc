// backsignal's command line: check in for each of the three windows, import and export the
// diary, and read it. A thin front door: a table of commands (Ninja's kTools), each in a file
// beside its handler (cmd_*.cc), over the service.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "commands.h"

namespace backsignal::cli {
namespace {

struct Command {
  const char* name;
  const char* summary;
  void (*set_up)(CLI::App& cmd, Invocation& ctx);
};

constexpr Command kCommands[] = {
    {"import", "Import a diary file (JSON or CSV, told by content)", SetUpImport},
    {"export", "Write the diary as JSON or CSV, FHIR R4, iCalendar reminders, or all your data",
     SetUpExport},
    {"report", "Write the clinician's report: one HTML file to open, print or save as PDF",
     SetUpReport},
    {"reminders", "Show or set your time zone and wake time (the calendar reminders' times)",
     SetUpReminders},
    {"read", "Read the diary: alerts, the verdict and its evidence, sessions", SetUpRead},
    {"morning", "Check in on waking: pain (and stiffness) 0-10", SetUpMorning},
    {"session", "Record an exercise session with its during check-in", SetUpSession},
    {"after", "Check in about an hour after the latest session", SetUpAfter},
    {"import-workouts",
     "Add sessions from workouts your watch or apps recorded (Apple Health, Health Connect, "
     "Google Fit, GPX, TCX, Strava)",
     SetUpImportWorkouts},
    {"context",
     "Record the day's other loads, last night's sleep, stress, painkillers, your own factors",
     SetUpContext},
    {"note", "Write the day's note (replaces it)", SetUpNote},
    {"weekly",
     "The weekly questions (PEG, PSFS): answer them, choose their day, see what is due and the "
     "trend",
     SetUpWeekly},
    {"flare", "Record a flare of pain at any time, between check-ins", SetUpFlare},
    {"show", "Show what is recorded on a day (as diary JSON)", SetUpShow},
    {"delete", "Delete an entry: morning, session, during, after, context, note or day",
     SetUpDelete},
    {"usual", "Say what your usual morning is (used until the diary can tell)", SetUpUsual},
    {"safety", "The safety check: red-flag questions that say when to see a clinician instead",
     SetUpSafety},
    {"settings",
     "List the reading's thresholds, or change them (within their bounds) for this diary",
     SetUpSettings},
    {"token", "API tokens for scripts: create, list, revoke (with --user)", SetUpToken},
    {"account", "Accounts on this database: list them, or set a forgotten password", SetUpAccount},
    {"serve", "Serve the web app (check-ins from a phone browser, the reading, history)",
     SetUpServe},
    {"backup", "Copy the SQLite database consistently, even while a server writes it", SetUpBackup},
    {"restore", "Put a backup back, after checking it (the database there is kept aside)",
     SetUpRestore},
};

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
  Invocation ctx;
  Globals& g = ctx.globals;
  app.add_option("--db", g.db,
                 "Database: a file path, sqlite:PATH, or postgresql://... (default: "
                 "$BACKSIGNAL_DB, else ~/.local/share/backsignal/diary.db)");
  app.add_option("--user", g.user,
                 "Work on this account's diary (default: the local diary; required on "
                 "PostgreSQL)");
  app.add_option("--settings", g.settings_file, "Settings file (JSON) with thresholds to change");
  app.add_option("--set", g.set, "Change one threshold: NAME=VALUE (see `backsignal settings`)");
  // The language: the environment as every gettext program reads it, unless --lang says.
  const auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string_view(v != nullptr ? v : "");
  };
  if (!env("BACKSIGNAL_TEST_LOCALES").empty()) Locale::EnableTestLocales();
  g.locale = &FromEnvironment(env("LANGUAGE"), env("LC_ALL"), env("LC_MESSAGES"), env("LANG"));
  std::string languages;
  for (const Locale* l : Locale::All()) {
    languages += (languages.empty() ? "" : ", ") + l->tag() + " (" + l->name() + ")";
  }
  app.add_option_function<std::string>(
         "--lang",
         [&g](const std::string& tag) {
           if (const Locale* l = Locale::Find(tag)) g.locale = l;
         },
         "The language of what backsignal says: " + languages +
             " (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)")
      ->check(
          [languages](const std::string& tag) {
            return Locale::Find(tag) != nullptr
                       ? std::string()
                       : "--lang: \"" + tag +
                             "\" is not a language backsignal speaks; use one of " + languages;
          },
          "LANG");
  app.set_version_flag("--version", "backsignal " BACKSIGNAL_VERSION);
  for (const Command& c : kCommands) c.set_up(*app.add_subcommand(c.name, c.summary), ctx);
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
  return FinishOutput(ctx.code);
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
