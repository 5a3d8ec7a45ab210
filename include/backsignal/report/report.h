// The clinician's report: one self-contained HTML page (inline CSS and SVG, no script, no
// outside request) that reads in a minute and prints on one A4 or Letter page for two weeks.
// Pure: the same diary, settings and options give the same bytes.
#pragma once

#include <string>

#include "backsignal/core/diary.h"
#include "backsignal/reading/reading.h"
#include "backsignal/reading/settings.h"
#include "backsignal/words/i18n.h"

namespace backsignal {

struct ReportOptions {
  int weeks = 2;  // 2, 4 or 12: the span charted and tabled, ending at as_of
  Date as_of;
  std::string generated;  // shown in the footer ("2026-11-25 10:42 UTC"); may be empty
  std::string safety;     // the safety screen's state in words (service/safety.h); may be empty
  // Who the report is about, as they chose to be named (else their username); may be empty.
  // The report is read by a clinician, so its words speak of the person ("their mornings",
  // "Sam's usual morning"), never to them.
  std::string person_name;
  // The reader's language (the clinician's, docs/languages.md); English when not given.
  const Locale* locale = nullptr;
};

// The weeks a report can span.
bool IsReportWeeks(int weeks);

std::string RenderReportHtml(const Diary& diary, const Settings& settings,
                             const ReportOptions& options);

// The charts, alone (for the golden-file tests and the page). `diary` is cut at `to` by the
// caller or not: nothing after `to` is drawn. Dates [from, to].
std::string MorningChartSvg(const Diary& diary, const Settings& settings, Date from, Date to);
std::string ComfortChartSvg(const Diary& diary, const Settings& settings, Date from, Date to);

}  // namespace backsignal
