#include "backsignal/reading/statistics.h"

#include <algorithm>
#include <cmath>

namespace backsignal {
namespace {

double LogChoose(int n, int k) {
  return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

}  // namespace

double FisherExactTwoSided(int a, int b, int c, int d) {
  const int row1 = a + b, row2 = c + d, col1 = a + c, n = row1 + row2;
  if (n == 0) return 1.0;
  auto log_p = [&](int x) {
    return LogChoose(row1, x) + LogChoose(row2, col1 - x) - LogChoose(n, col1);
  };
  const double observed = log_p(a);
  double p = 0;
  for (int x = std::max(0, col1 - row2); x <= std::min(row1, col1); ++x) {
    const double lp = log_p(x);
    // Tables as likely as the observed one count too (relative tolerance for rounding).
    if (lp <= observed + 1e-7) p += std::exp(lp);
  }
  return std::min(1.0, p);
}

std::vector<double> UpperCusum(const std::vector<double>& values, double reference) {
  std::vector<double> out;
  out.reserve(values.size());
  double s = 0;
  for (double x : values) {
    s = std::max(0.0, s + x - reference);
    out.push_back(s);
  }
  return out;
}

}  // namespace backsignal
