// The weekly questions and flares inside the diary file's JSON (private to io).
#pragma once

#include <nlohmann/json.hpp>

#include "backsignal/core/measures.h"
#include "backsignal/core/result.h"

namespace backsignal::io {

// Reads "weekly" and "flares" of a diary document into `out`, each problem added with its
// path; they are sorted (dates given twice are problems).
void ReadMeasuresJson(const nlohmann::json& doc, Measures& out, ProblemList& problems);
// Adds "weekly" and "flares" to `doc` when there are any.
void WriteMeasuresJson(const Measures& measures, nlohmann::ordered_json& doc);

nlohmann::ordered_json WeeklyJson(const Weekly& weekly);
nlohmann::ordered_json FlareJson(const Flare& flare);

}  // namespace backsignal::io
