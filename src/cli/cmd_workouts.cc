// import-workouts: sessions from the workouts a watch or an app recorded.
#include <iostream>

#include "backsignal/service/workouts.h"
#include "backsignal/words/words.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

struct WorkoutArgs {
  std::string file;
  bool dry_run = false;
  bool accept_loads = false;
};

int RunImportWorkouts(const Globals& g, const WorkoutArgs& a) {
  auto opened = Open(g, a.dry_run ? OpenMode::kRead : OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  // The person's own file on their own machine: the larger limits, no deadline (Ctrl-C stops
  // it, and nothing is stored until the end).
  ImportBudget budget(ImportLimits::LocalFile());
  auto file = ReadWorkoutFile(a.file, budget);
  if (!file) {
    Error e = g.locale->Translated(file.error());
    e.message.append(g.locale->Tr("; nothing was stored"));
    return Report(e);
  }
  service::WorkoutOptions options{.dry_run = a.dry_run, .accept_loads = a.accept_loads};
  auto r = service::ImportWorkouts((*opened)->service(), (*opened)->person(), *file, options);
  if (!r) {
    Error e = g.locale->Translated(r.error());
    if (e.kind == ErrorKind::kInvalid) e.message.append(g.locale->Tr("; nothing was stored"));
    return Report(e);
  }
  const Locale& loc = *g.locale;
  const auto n = static_cast<int64_t>(r->workouts.size());
  const Args what = {Arg("file", a.file), Arg("format", std::string(WorkoutFormatName(r->format)))};
  // TRANSLATORS: {file} is the file; {format} its kind ("GPX"); {n} the number of workouts.
  std::cout << (a.dry_run ? loc.Ntr("Would import {file} ({format}): {n} workout",
                                    "Would import {file} ({format}): {n} workouts", n, what)
                          // TRANSLATORS: as "Would import {file} ({format}): {n} workout".
                          : loc.Ntr("Imported {file} ({format}): {n} workout",
                                    "Imported {file} ({format}): {n} workouts", n, what));
  if (r->skipped) {
    // TRANSLATORS: {n} is the number of workouts left out.
    std::cout << " "
              << loc.Ntr("({n} too short or without a time, left out)",
                         "({n} too short or without a time, left out)", r->skipped);
  }
  std::cout << ".\n";
  bool suggestions = false;
  for (const service::WorkoutResult& w : r->workouts) {
    std::cout << "  " << w.workout.date.ToString() << " " << w.workout.start.ToString() << "  "
              << w.workout.activity << ", " << w.workout.minutes << " min: ";
    switch (w.outcome) {
      case service::WorkoutOutcome::kAdded:
        std::cout << (a.dry_run ? loc.Tr("a new session") : loc.Tr("added as a new session"));
        break;
      case service::WorkoutOutcome::kMerged:
        // TRANSLATORS: {n} is the session's number that day.
        std::cout << loc.Tr("filled in session {n} of that day", {Arg("n", w.session)});
        break;
      case service::WorkoutOutcome::kUnchanged:
        // TRANSLATORS: {n} is the session's number that day.
        std::cout << loc.Tr("already there (session {n})", {Arg("n", w.session)});
        break;
      case service::WorkoutOutcome::kFuture:
        std::cout << loc.Tr("dated after today, left out");
        break;
    }
    if (w.loads_applied) {
      // TRANSLATORS: {loads} is a list of demands on the back.
      std::cout << loc.Tr("; loads: {loads}", {Arg("loads", LoadList(w.workout.suggested, &loc))});
    } else if (!w.workout.suggested.empty() && w.outcome != service::WorkoutOutcome::kFuture) {
      // TRANSLATORS: {loads} is a list of demands on the back.
      std::cout << loc.Tr("; suggested loads: {loads} (not recorded)",
                          {Arg("loads", LoadList(w.workout.suggested, &loc))});
      suggestions = true;
    }
    if (w.workout.capped) std::cout << " " << loc.Tr("(longer than 600 minutes: kept as 600)");
    std::cout << "\n";
  }
  // TRANSLATORS: counts of workouts: {added} added, {merged} filled in, {unchanged} already there.
  std::cout << loc.Tr(
      "{added} added, {merged} filled in, {unchanged} already there",
      {Arg("added", r->added), Arg("merged", r->merged), Arg("unchanged", r->unchanged)});
  // TRANSLATORS: {n} is the number of workouts dated after today.
  if (r->future) std::cout << loc.Ntr(", {n} future", ", {n} future", r->future);
  if (a.dry_run) std::cout << " " << loc.Tr("(a dry run: nothing was stored)");
  std::cout << ".\n";
  if (suggestions) {
    std::cout << loc.Tr(
                     "Loads are only recorded when you say so: run again with --accept-loads to "
                     "record the ones suggested, or set each with backsignal session --edit.")
              << "\n";
  }
  if (!a.dry_run && r->added + r->merged > 0) {
    // TRANSLATORS: the command in brackets stays as it is.
    std::cout << loc.Tr(
                     "Next: for each new session, check in on the three windows: how it went "
                     "(backsignal session --edit N --date D), the hour after, and the next "
                     "morning.")
              << "\n";
  }
  return kOk;
}

}  // namespace

void SetUpImportWorkouts(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<WorkoutArgs>();
  cmd.add_option(
         "FILE", a->file,
         loc.Tr("An Apple Health export (export.zip or export.xml), a Health Connect export "
                "(zip), a Google Takeout of Fit (zip or a session's JSON), a GPX or TCX file, "
                "or a Strava export (activities.csv or its zip)"))
      ->required();
  cmd.add_flag("--dry-run", a->dry_run,
               loc.Tr("Say what would be added or filled in; store nothing"));
  cmd.add_flag(
      "--accept-loads", a->accept_loads,
      loc.Tr("Record the loads each activity suggests (swimming: rotation, heavy breathing, "
             "arms away...) on sessions that have none"));
  cmd.footer(Footer(loc,
                    "  backsignal import-workouts ~/Downloads/export.zip --dry-run\n"
                    "  backsignal import-workouts ride.gpx\n"
                    "  backsignal import-workouts activities.csv --accept-loads"));
  cmd.callback([a, &ctx] { ctx.code = RunImportWorkouts(ctx.globals, *a); });
}

}  // namespace backsignal::cli
