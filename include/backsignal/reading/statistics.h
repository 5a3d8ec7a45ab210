// The statistics behind associations and the early warning, kept small and exact enough to
// test against hand-worked examples.
#pragma once

#include <vector>

namespace backsignal {

// Two-sided Fisher's exact test on the 2x2 table
//            flared   not flared
//   with       a          b
//   without    c          d
// : the probability, with the margins fixed, of a table at most as likely as this one.
double FisherExactTwoSided(int a, int b, int c, int d);

// One-sided upper CUSUM: S_t = max(0, S_{t-1} + x_t - reference). Returns S after each value.
std::vector<double> UpperCusum(const std::vector<double>& values, double reference);

}  // namespace backsignal
