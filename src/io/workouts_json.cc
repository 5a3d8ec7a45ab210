#include "backsignal/io/workouts_json.h"

#include <nlohmann/json.hpp>

namespace backsignal {

std::string_view Name(WorkoutOutcome o) {
  switch (o) {
    case WorkoutOutcome::kAdded:
      return "added";
    case WorkoutOutcome::kMerged:
      return "merged";
    case WorkoutOutcome::kUnchanged:
      return "unchanged";
    case WorkoutOutcome::kFuture:
      return "future";
  }
  return "?";
}

std::string WorkoutImportToJson(const WorkoutImport& r) {
  nlohmann::json list = nlohmann::json::array();
  for (const WorkoutResult& w : r.workouts) {
    nlohmann::json loads = nlohmann::json::array();
    for (Load l : kAllLoads) {
      if (w.workout.suggested.Has(l)) loads.push_back(LoadName(l));
    }
    list.push_back({{"date", w.workout.date.ToString()},
                    {"time", w.workout.start.ToString()},
                    {"minutes", w.workout.minutes},
                    {"activity", w.workout.activity},
                    {"outcome", Name(w.outcome)},
                    {"session", w.session},
                    {"suggested_loads", loads},
                    {"loads_applied", w.loads_applied},
                    {"capped", w.workout.capped}});
  }
  const nlohmann::json j = {{"format", WorkoutFormatName(r.format)},
                            {"dry_run", r.dry_run},
                            {"added", r.added},
                            {"merged", r.merged},
                            {"unchanged", r.unchanged},
                            {"future", r.future},
                            {"skipped", r.skipped},
                            {"capped", r.capped},
                            {"workouts", list}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace backsignal
