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
    Error e = file.error();
    e.message += "; nothing was stored";
    return Report(e);
  }
  service::WorkoutOptions options{.dry_run = a.dry_run, .accept_loads = a.accept_loads};
  auto r = service::ImportWorkouts((*opened)->service(), (*opened)->person(), *file, options);
  if (!r) {
    Error e = r.error();
    if (e.kind == ErrorKind::kInvalid) e.message += "; nothing was stored";
    return Report(e);
  }
  const size_t n = r->workouts.size();
  std::cout << (a.dry_run ? "Would import " : "Imported ") << a.file << " ("
            << WorkoutFormatName(r->format) << "): " << n << (n == 1 ? " workout" : " workouts");
  if (r->skipped) std::cout << " (" << r->skipped << " too short or without a time, left out)";
  std::cout << ".\n";
  bool suggestions = false;
  for (const service::WorkoutResult& w : r->workouts) {
    std::cout << "  " << w.workout.date.ToString() << " " << w.workout.start.ToString() << "  "
              << w.workout.activity << ", " << w.workout.minutes << " min: ";
    switch (w.outcome) {
      case service::WorkoutOutcome::kAdded:
        std::cout << (a.dry_run ? "a new session" : "added as a new session");
        break;
      case service::WorkoutOutcome::kMerged:
        std::cout << "filled in session " << w.session << " of that day";
        break;
      case service::WorkoutOutcome::kUnchanged:
        std::cout << "already there (session " << w.session << ")";
        break;
      case service::WorkoutOutcome::kFuture:
        std::cout << "dated after today, left out";
        break;
    }
    if (w.loads_applied) {
      std::cout << "; loads: " << LoadList(w.workout.suggested);
    } else if (!w.workout.suggested.empty() && w.outcome != service::WorkoutOutcome::kFuture) {
      std::cout << "; suggested loads: " << LoadList(w.workout.suggested) << " (not recorded)";
      suggestions = true;
    }
    if (w.workout.capped) std::cout << " (longer than 600 minutes: kept as 600)";
    std::cout << "\n";
  }
  std::cout << r->added << " added, " << r->merged << " filled in, " << r->unchanged
            << " already there" << (r->future ? ", " + std::to_string(r->future) + " future" : "")
            << (a.dry_run ? " (a dry run: nothing was stored)" : "") << ".\n";
  if (suggestions) {
    std::cout << "Loads are only recorded when you say so: run again with --accept-loads to "
                 "record the ones suggested, or set each with backsignal session --edit.\n";
  }
  if (!a.dry_run && r->added + r->merged > 0) {
    std::cout << "Next: for each new session, check in on the three windows: how it went "
                 "(backsignal session --edit N --date D), the hour after, and the next morning.\n";
  }
  return kOk;
}

}  // namespace

void SetUpImportWorkouts(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<WorkoutArgs>();
  cmd.add_option("FILE", a->file,
                 "An Apple Health export (export.zip or export.xml), a Health Connect export "
                 "(zip), a Google Takeout of Fit (zip or a session's JSON), a GPX or TCX file, "
                 "or a Strava export (activities.csv or its zip)")
      ->required();
  cmd.add_flag("--dry-run", a->dry_run, "Say what would be added or filled in; store nothing");
  cmd.add_flag("--accept-loads", a->accept_loads,
               "Record the loads each activity suggests (swimming: rotation, heavy breathing, "
               "arms away...) on sessions that have none");
  cmd.footer(
      Footer("  backsignal import-workouts ~/Downloads/export.zip --dry-run\n"
             "  backsignal import-workouts ride.gpx\n"
             "  backsignal import-workouts activities.csv --accept-loads"));
  cmd.callback([a, &ctx] { ctx.code = RunImportWorkouts(ctx.globals, *a); });
}

}  // namespace backsignal::cli
