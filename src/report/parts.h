// Pieces of the clinician's report (report.cc lays them out). Private to the report module.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/reading/settings.h"
#include "backsignal/words/i18n.h"

namespace backsignal::report_detail {

// HTML with `&`, `<`, `>`, `"` and `'` escaped.
std::string Esc(std::string_view s);

// Sleep, stress, painkillers and the person's own factors over [from, to], in one line each,
// or "" when none were recorded.
std::string OtherFactorsHtml(const Diary& diary, const Settings& s, Date from, Date to,
                             const Locale& loc);

// The weekly measures against four and eight weeks before, and the flares of [from, to]
// (measures.cc), or "" when there are none; words about `person_name`.
std::string MeasuresHtml(const Diary& diary, Date from, Date to, const std::string& person_name);
// A flare as a row of the sessions table.
std::string FlareRow(const Flare& flare);

}  // namespace backsignal::report_detail
