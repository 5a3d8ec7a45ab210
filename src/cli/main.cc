// backsignal's command line: check in for each of the three windows, import and export the
// diary, and read it. A thin front door: a table of commands (Ninja's kTools), each in a file
// beside its handler (cmd_*.cc), over the service.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"

namespace backsignal::cli {
namespace {

struct Command {
  const char* name;
  const char* summary;
  void (*set_up)(CLI::App& cmd, Invocation& ctx);
};

constexpr Command kCommands[] = {
    {"import", N_("Import a diary file (JSON or CSV, told by content)"), SetUpImport},
    {"export", N_("Write the diary as JSON or CSV, FHIR R4, iCalendar reminders, or all your data"),
     SetUpExport},
    {"report", N_("Write the clinician's report: one HTML file to open, print or save as PDF"),
     SetUpReport},
    {"reminders", N_("Show or set your time zone and wake time (the calendar reminders' times)"),
     SetUpReminders},
    {"read", N_("Read the diary: alerts, the verdict and its evidence, sessions"), SetUpRead},
    {"morning", N_("Check in on waking: pain (and stiffness) 0-10"), SetUpMorning},
    {"session", N_("Record an exercise session with its during check-in"), SetUpSession},
    {"after", N_("Check in about an hour after the latest session"), SetUpAfter},
    {"import-workouts",
     N_("Add sessions from workouts your watch or apps recorded (Apple Health, Health Connect, "
        "Google Fit, GPX, TCX, Strava)"),
     SetUpImportWorkouts},
    {"context",
     N_("Record the day's other loads, last night's sleep, stress, painkillers, your own factors"),
     SetUpContext},
    {"note", N_("Write the day's note (replaces it)"), SetUpNote},
    {"weekly",
     N_("The weekly questions (PEG, PSFS): answer them, choose their day, see what is due and the "
        "trend"),
     SetUpWeekly},
    {"flare", N_("Record a flare of pain at any time, between check-ins"), SetUpFlare},
    {"show", N_("Show what is recorded on a day (as diary JSON)"), SetUpShow},
    {"delete", N_("Delete an entry: morning, session, during, after, context, note or day"),
     SetUpDelete},
    {"usual", N_("Say what your usual morning is (used until the diary can tell)"), SetUpUsual},
    {"safety", N_("The safety check: red-flag questions that say when to see a clinician instead"),
     SetUpSafety},
    {"settings",
     N_("List the reading's thresholds, or change them (within their bounds) for this diary"),
     SetUpSettings},
    {"token", N_("API tokens for scripts: create, list, revoke (with --user)"), SetUpToken},
    {"account", N_("Accounts on this database: list them, or set a forgotten password"),
     SetUpAccount},
    {"serve", N_("Serve the web app (check-ins from a phone browser, the reading, history)"),
     SetUpServe},
    {"backup", N_("Copy the SQLite database consistently, even while a server writes it"),
     SetUpBackup},
    {"restore", N_("Put a backup back, after checking it (the database there is kept aside)"),
     SetUpRestore},
};

// The language, known before the App is built (its --help is in it): --lang, else the
// environment as every gettext program reads it. An unknown --lang is left to the option's
// check, which refuses it.
const Locale& ChooseLanguage(int argc, char** argv) {
  const auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string_view(v != nullptr ? v : "");
  };
  if (!env("BACKSIGNAL_TEST_LOCALES").empty()) Locale::EnableTestLocales();
  const Locale* chosen =
      &FromEnvironment(env("LANGUAGE"), env("LC_ALL"), env("LC_MESSAGES"), env("LANG"));
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    std::string_view tag;
    if (arg == "--lang" && i + 1 < argc) {
      tag = argv[i + 1];
    } else if (arg.starts_with("--lang=")) {
      tag = arg.substr(7);
    } else {
      continue;
    }
    if (const Locale* l = Locale::Find(tag)) chosen = l;
  }
  return *chosen;
}

// CLI11's own words in --help ("Usage", "Options", "REQUIRED", ...), from the catalogue.
void TranslateHelp(CLI::App& app, const Locale& loc) {
  auto f = app.get_formatter();
  // TRANSLATORS: CLI11's --help labels: "Usage: backsignal [OPTIONS] SUBCOMMAND".
  f->label("Usage", loc.TrC("help", "Usage"));
  f->label("OPTIONS", loc.TrC("help", "OPTIONS"));
  f->label("SUBCOMMAND", loc.TrC("help", "SUBCOMMAND"));
  f->label("SUBCOMMANDS", loc.TrC("help", "SUBCOMMANDS"));
  // TRANSLATORS: the heading of the arguments given without an option name.
  f->label("Positionals", loc.TrC("help", "Positionals"));
  // TRANSLATORS: after an argument that must be given.
  f->label("REQUIRED", loc.TrC("help", "REQUIRED"));
  // TRANSLATORS: "--sharp Excludes: --no-sharp": the options that cannot be given together.
  f->label("Excludes", loc.TrC("help", "Excludes"));
  f->label("Needs", loc.TrC("help", "Needs"));
  // TRANSLATORS: an option's value's kind in --help: a text, a whole number, a number.
  f->label("TEXT", loc.TrC("help", "TEXT"));
  f->label("UINT", loc.TrC("help", "UINT"));
  f->label("INT", loc.TrC("help", "INT"));
  f->label("FLOAT", loc.TrC("help", "FLOAT"));
  f->label("TEXT:LANG", loc.TrC("help", "TEXT:LANG"));
  // TRANSLATORS: the heading of the options in --help.
  app.option_defaults()->group(loc.TrC("help", "Options"));
  app.set_help_flag("-h,--help", loc.Tr("Print this help message and exit"));
}

// CLI11's own messages of a command line it refuses, in the language: the ones a person meets
// (a missing argument, one too many, a value not among the choices); any other as CLI11 says it.
std::string ParseErrorText(const std::string& what, const Locale& loc) {
  constexpr std::string_view kRequired = " is required";
  constexpr std::string_view kNotIn = " not in {";
  constexpr std::string_view kOne = "The following argument was not expected: ";
  constexpr std::string_view kMany = "The following arguments were not expected: ";
  if (what.ends_with(kRequired) && what.find(' ') == what.size() - kRequired.size()) {
    // TRANSLATORS: {name} is an argument or option that must be given ("PAIN", "--out").
    return loc.Tr("{name} is required", {Arg("name", what.substr(0, what.find(' ')))});
  }
  if (what.starts_with(kOne)) {
    // TRANSLATORS: {given} is what was typed.
    return loc.Tr("The following argument was not expected: {given}",
                  {Arg("given", what.substr(kOne.size()))});
  }
  if (what.starts_with(kMany)) {
    // TRANSLATORS: {given} is what was typed.
    return loc.Tr("The following arguments were not expected: {given}",
                  {Arg("given", what.substr(kMany.size()))});
  }
  const size_t colon = what.find(": ");
  const size_t not_in = what.find(kNotIn);
  if (colon != std::string::npos && not_in != std::string::npos && not_in > colon &&
      what.ends_with("}")) {
    // TRANSLATORS: {option} is an option ("--morning"); {given} what was given; {choices} the
    // ones it takes, "{on,off}".
    return loc.Tr("{option}: {given} not in {choices}",
                  {Arg("option", what.substr(0, colon)),
                   Arg("given", what.substr(colon + 2, not_in - colon - 2)),
                   Arg("choices", what.substr(not_in + kNotIn.size() - 1))});
  }
  return what;
}

// Edits (a letter added, dropped or changed) between `a` and `b`.
size_t Edits(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// No command given, or a word where the command belongs that is none ("mornin"): what to say,
// with the nearest command when one is a letter or two away.
std::string NoCommandText(const CLI::App& app, int argc, char** argv, const Locale& loc) {
  std::string given;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("-")) {
      // A global option's value is the next word (unless given as --db=FILE).
      const CLI::Option* opt = app.get_option_no_throw(std::string(a.substr(0, a.find('='))));
      if (opt != nullptr && a.find('=') == std::string_view::npos &&
          opt->get_items_expected_min() > 0) {
        ++i;
      }
      continue;
    }
    given = a;
    break;
  }
  if (given.empty()) {
    return loc.Tr("a command is required (backsignal --help lists them)");
  }
  std::string nearest;
  size_t best = 3;
  for (const CLI::App* sub : app.get_subcommands({})) {
    const size_t d = Edits(given, sub->get_name());
    if (d < best) {
      best = d;
      nearest = sub->get_name();
    }
  }
  if (nearest.empty()) {
    // TRANSLATORS: {given} is what was typed where a command belongs.
    return loc.Tr("\"{given}\" is not a command (backsignal --help lists them)",
                  {Arg("given", given)});
  }
  // TRANSLATORS: {given} is what was typed where a command belongs; {command} the nearest one.
  return loc.Tr(
      "\"{given}\" is not a command; did you mean {command}? (backsignal --help lists "
      "them)",
      {Arg("given", given), Arg("command", nearest)});
}

int Main(int argc, char** argv) {
  Invocation ctx;
  Globals& g = ctx.globals;
  g.locale = &ChooseLanguage(argc, argv);
  SetReportLocale(*g.locale);
  const Locale& loc = *g.locale;
  CLI::App app{
      loc.Tr("backsignal: is your exercise helping your mid back, or setting it off?\n"
             "Check in on the three windows around each session (during, an hour after, the next\n"
             "morning) and read the trend over one to two weeks.")};
  TranslateHelp(app, loc);
  app.require_subcommand(1);
  app.fallthrough();
  std::string footer = "\n";
  footer.append(loc.Tr("Examples:"))
      .append(
          "\n"
          "  backsignal morning 3 --stiffness 4\n"
          "  backsignal session --time 18:00 --minutes 40 --activity swimming "
          "--load rotation --start 3 --end 4\n"
          "  backsignal after 3\n"
          "  backsignal read\n\n")
      .append(loc.Tr("Database: --db PATH, else $BACKSIGNAL_DB, else "
                     "$XDG_DATA_HOME/backsignal/diary.db (~/.local/share/...)."))
      .append("\n")
      .append(ExitCodes(loc));
  app.footer(footer);
  app.add_option("--db", g.db,
                 loc.Tr("Database: a file path, sqlite:PATH, or postgresql://... (default: "
                        "$BACKSIGNAL_DB, else ~/.local/share/backsignal/diary.db)"));
  app.add_option("--user", g.user,
                 loc.Tr("Work on this account's diary (default: the local diary; required on "
                        "PostgreSQL)"));
  app.add_option("--settings", g.settings_file,
                 loc.Tr("Settings file (JSON) with thresholds to change"));
  app.add_option("--set", g.set,
                 loc.Tr("Change one threshold: NAME=VALUE (see `backsignal settings`)"));
  std::string languages;
  for (const Locale* l : Locale::All()) {
    if (!languages.empty()) languages += ", ";
    languages.append(l->tag()).append(" (").append(l->name()).append(")");
  }
  app.add_option_function<std::string>(
         "--lang",
         [&g](const std::string& tag) {
           if (const Locale* l = Locale::Find(tag)) {
             g.locale = l;
             SetReportLocale(*l);
           }
         },
         // TRANSLATORS: {languages} is the list of languages: "en (English), es (Español), ..."
         loc.Tr("The language of what backsignal says: {languages} (default: from LANGUAGE, "
                "LC_ALL, LC_MESSAGES or LANG)",
                {Arg("languages", languages)}))
      ->check(
          [languages, &loc](const std::string& tag) {
            return Locale::Find(tag) != nullptr
                       ? std::string()
                       // TRANSLATORS: {tag} is what was given; {languages} the list of languages.
                       : loc.Tr(
                             "\"{tag}\" is not a language backsignal speaks; use one "
                             "of {languages}",
                             {Arg("tag", tag), Arg("languages", languages)});
          },
          "LANG");
  app.failure_message([&loc](const CLI::App*, const CLI::Error& e) {
    // TRANSLATORS: after a refused command line.
    return ParseErrorText(e.what(), loc)
        .append("\n")
        .append(loc.Tr("Run with --help for more information."))
        .append("\n");
  });
  app.set_version_flag("--version", "backsignal " BACKSIGNAL_VERSION,
                       loc.Tr("Display program version information and exit"));
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, loc.Tr(c.summary));
    // TRANSLATORS: the heading of the commands in --help.
    sub->group(loc.TrC("help", "Subcommands"));
    // Its help flag was made before it took the translated "Options" group: made again.
    sub->set_help_flag("-h,--help", loc.Tr("Print this help message and exit"));
    c.set_up(*sub, ctx);
  }
  // A value kind with its choices ("TEXT:{on,off}"), as CLI11 names it, takes the kind's label.
  for (const CLI::App* sub : app.get_subcommands({})) {
    for (const CLI::Option* opt : sub->get_options()) {
      const std::string kind = opt->get_type_name();
      const size_t colon = kind.find(':');
      if (colon == std::string::npos) continue;
      std::string shown = app.get_formatter()->get_label(kind.substr(0, colon));
      app.get_formatter()->label(kind, shown.append(kind, colon));
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (std::string_view(e.what()) == "A subcommand is required") {
      std::cerr << "backsignal: " << NoCommandText(app, argc, argv, loc) << "\n";
      return kUsage;
    }
    app.exit(e);
    return kUsage;
  }
  return FinishOutput(ctx.code, *g.locale);
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
