// Pieces of the clinician's report (report.cc lays them out). Private to the report module.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/core/html.h"
#include "backsignal/reading/reading.h"
#include "backsignal/reading/settings.h"
#include "backsignal/words/i18n.h"

namespace backsignal::report_detail {

// Sleep, stress, painkillers and the person's own factors over [from, to], in one line each,
// or "" when none were recorded.
std::string OtherFactorsHtml(const Diary& diary, const Settings& s, Date from, Date to,
                             const Locale& loc);

// The thresholds in force, each with its value, the source beside a changed one (every one's is
// its tooltip); on paper only the changed ones, and a line saying the rest are at their defaults
// (`all_default`: none changed). No file a clinician cannot open. Each is named by its meaning,
// in the reader's language (the sources are citations, as written).
std::string ThresholdsHtml(const Settings& settings, bool all_default, const Locale& loc);

// The weekly measures against four and eight weeks before, and the flares of [from, to]
// (measures.cc), or "" when there are none; words about `person_name`.
std::string MeasuresHtml(const Diary& diary, Date from, Date to, const std::string& person_name,
                         const Locale& loc);
// A flare as a row of the sessions table.
std::string FlareRow(const Flare& flare, const Locale& loc);

// The sessions table's "during" cell: start and end scores, the pattern and the signal.
std::string WindowCell(const SessionReading& sr, const Locale& loc);

// A legend's key: a small drawing of the mark (SVG), to put beside its words.
std::string LegendKey(const std::string& mark);

// The morning chart's legend as HTML under it, a small drawing of each mark beside its words.
std::string MorningLegendHtml(const Locale& loc);

}  // namespace backsignal::report_detail
