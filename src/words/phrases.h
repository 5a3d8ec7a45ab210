// Pieces of the words, private to the words module.
#pragma once

#include <string>
#include <vector>

#include "backsignal/reading/reading.h"

namespace backsignal::words_detail {

std::string Num(double v);          // "3", "1.5", "0.25"
std::string Points(double v);       // "1 point", "1.5 points" (of the magnitude)
std::string OfTimes(int k, int n);  // "3 of 7"
std::string JoinAnd(const std::vector<std::string>& parts);  // "a, b and c"
std::string Capital(std::string s);
std::string ConfounderWords(Confounder c, const Settings& s);
// A factor of "what tends to go with a worse morning", in words.
std::string FactorWords(const std::string& factor, const Reading& r, const Settings& s);
// How an association's sentence names the days with a factor and without it, and the morning
// that follows them ("After nights of under 6 hours' sleep", "after longer nights", "the
// morning").
struct AfterWords {
  std::string with, without, morning;
};
AfterWords FactorAfterWords(const std::string& factor, bool exercise_days_only, const Reading& r,
                            const Settings& s);

}  // namespace backsignal::words_detail
