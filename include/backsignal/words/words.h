// A reading in plain words, shared by every surface that speaks (the CLI's text, the
// clinician's report). Pure: strings from the reading's fields, nothing recomputed.
#pragma once

#include <string>

#include "backsignal/reading/reading.h"

namespace backsignal {

// A score or share the shortest honest way: "3", "3.5", "0.25".
std::string FormatScoreNumber(double v);
// A slope with its sign, one decimal: "+0.6", "-1.0", "+0.0".
std::string FormatSlope(double v);
std::string Plural(int n, const char* one, const char* many);

std::string DescribeDuring(DuringSignal s);
std::string DescribeHourAfter(HourAfterSignal s);
// The next morning against the usual, with its evidence: "significantly worse than usual
// (pain 6, usual 3)".
std::string DescribeMorning(const SessionReading& sr);
std::string DescribeConfounder(Confounder c, const Settings& s);

// "exercise looks helpful", and a short explanation of what that means.
std::string VerdictTitle(Verdict v);
std::string VerdictExplanation(Verdict v);

// The morning trend and the comfort trend in words: "creeping upward", "getting less comfortable".
std::string DescribeBaseline(Baseline b);
std::string DescribeComfort(Comfort c);

// One alert as one paragraph.
std::string DescribeAlert(const Alert& a);

// The loads by name, comma separated ("rotation, arms_away"); empty when none.
std::string LoadList(LoadSet load);

}  // namespace backsignal
