// Reading the diary, and the thresholds it is read with.
#include <iostream>

#include "backsignal/io/reading_json.h"
#include "backsignal/service/readings.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/today.h"
#include "commands.h"
#include "text_reading.h"

namespace backsignal::cli {
namespace {

struct ReadArgs {
  std::string as_of;
  bool json = false;
};

int RunRead(const Globals& g, const ReadArgs& a) {
  auto opened = Open(g, OpenMode::kRead);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  std::optional<Date> as_of;
  if (!a.as_of.empty()) {
    // "today" and "yesterday" need the person's zone; a date does not.
    std::optional<Date> d;
    if (auto parsed = Date::Parse(a.as_of)) {
      d = *parsed;
    } else {
      auto today = service::TodayFor(svc, (*opened)->person());
      if (!today) return Report(today.error());
      auto given = ParseDateArg(a.as_of, "--as-of", *today, *g.locale);
      if (!given) return Report(given.error());
      d = *given;
    }
    auto bounded = service::CheckDiaryDate(*d, "--as-of");
    if (!bounded) return Report(bounded.error());
    as_of = *d;
  }
  auto view = service::ReadingOf(svc, (*opened)->person(), as_of);
  if (!view) return Report(view.error());
  const Locale& loc = *g.locale;
  const ReadingWords words =
      &loc == &Locale::English()
          ? (*view)->words
          : WordsFor((*view)->reading, (*view)->settings, Voice::Self(), loc);
  if (a.json) {
    std::cout << ReadingToJson((*view)->reading, words);
    return kOk;
  }
  // The safety questions, when they are unanswered or due again, before anything else.
  auto safety = service::SafetyStateOf(svc, (*opened)->person());
  if (!safety) return Report(safety.error());
  std::string prompt;
  if (safety->due) prompt = SafetyDuePrompt(*safety->due, loc) + " " + SafetyHowCli(loc);
  std::cout << ReadingToText((*view)->reading, words, loc, prompt);
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
      return Report(Error::Invalid(
          g.locale->Tr("settings set: give NAME VALUE, e.g. settings set significant_change 2.5")));
    }
    auto opened = Open(g, OpenMode::kCreate);
    if (!opened) return Report(opened.error());
    const service::Service& svc = (*opened)->service();
    auto stored = service::StoredSettings(svc, (*opened)->person());
    if (!stored) return Report(stored.error());
    std::map<std::string, double> next = *stored;
    if (a.action == "set") {
      auto v = ParseNumberArg(a.value, a.name, *g.locale);
      if (!v) return Report(v.error());
      next[a.name] = *v;
    } else if (a.name.empty()) {
      next.clear();
    } else {
      next.erase(a.name);
    }
    if (auto ok = service::SaveSettings(svc, (*opened)->person(), next); !ok) {
      return Report(ok.error());
    }
    const Locale& loc = *g.locale;
    std::string said;
    if (a.action == "set") {
      // TRANSLATORS: {name} is a threshold's name; {value} its new value.
      said = loc.Tr("Saved {name} = {value}.", {Arg("name", a.name), Arg("value", a.value)});
    } else if (a.name.empty()) {
      said = loc.Tr("Every threshold is back at its default.");
    } else {
      // TRANSLATORS: {name} is a threshold's name.
      said = loc.Tr("{name} is back at its default.", {Arg("name", a.name)});
    }
    std::cout << said << " "
              << loc.Tr("Every reading says which thresholds differ from the defaults.") << "\n";
    return kOk;
  }
  if (!a.action.empty()) {
    // TRANSLATORS: {action} is what was given; "set" and "reset" are what to type.
    return Report(Error::Invalid(
        g.locale->Tr("settings: \"{action}\" is not set or reset", {Arg("action", a.action)})));
  }
  // The table in force: without a diary yet, the defaults and the command line's.
  auto opened = Open(g, OpenMode::kRead);
  Result<Settings> settings = Settings{};
  if (opened) {
    settings = service::SettingsInForce((*opened)->service(), (*opened)->person());
  } else if (opened.error().kind == ErrorKind::kNotFound) {
    auto given = CommandLineSettings(g);
    if (!given) return Report(given.error());
    settings = service::SettingsInForce({}, *given);
  } else {
    return Report(opened.error());
  }
  if (!settings) return Report(settings.error());
  const Settings defaults;
  const Locale& loc = *g.locale;
  for (const SettingInfo& info : AllSettings()) {
    const double v = (*settings).*info.field;
    std::cout << info.name << " = " << Num(v);
    if (v != defaults.*info.field) {
      // TRANSLATORS: after a threshold's value; {value} is its default.
      std::cout << "  " << loc.Tr("(default {value})", {Arg("value", Num(defaults.*info.field))});
    }
    // The meaning is marked for the catalogue where it is written (reading/settings.cc).
    const std::string meaning(info.meaning);
    std::cout << "\n    " << (meaning.empty() ? meaning : loc.Tr(meaning))
              << "\n    "
              // TRANSLATORS: {min} and {max} are a threshold's bounds; {source} where its
              // default comes from.
              << loc.Tr("bounds {min} to {max}; source: {source}",
                        {Arg("min", Num(info.min)), Arg("max", Num(info.max)),
                         Arg("source", std::string(info.source))})
              << "\n";
  }
  return kOk;
}

}  // namespace

void SetUpRead(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ReadArgs>();
  cmd.add_option("--as-of", a->as_of,
                 loc.Tr("Read as of this date (default: the latest date in the diary)"));
  cmd.add_flag("--json", a->json,
               loc.Tr("Print the reading as JSON (docs/reading.md, section read --json)"));
  cmd.footer(Footer(loc, "  backsignal read\n  backsignal read --as-of 2026-11-20 --json"));
  cmd.callback([a, &ctx] { ctx.code = RunRead(ctx.globals, *a); });
}

void SetUpSettings(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<SettingsArgs>();
  cmd.add_option("ACTION", a->action, loc.Tr("set NAME VALUE, or reset [NAME]"));
  cmd.add_option("NAME", a->name, loc.Tr("A setting's name"));
  cmd.add_option("VALUE", a->value, loc.Tr("Its new value"));
  cmd.footer(Footer(loc,
                    "  backsignal settings\n  backsignal settings set significant_change 2.5\n"
                    "  backsignal settings reset\n"
                    "  backsignal --set significant_change=2.5 read   (this once only)"));
  cmd.callback([a, &ctx] { ctx.code = RunSettings(ctx.globals, *a); });
}

}  // namespace backsignal::cli
