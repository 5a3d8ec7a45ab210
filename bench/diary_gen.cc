// Prints a realistic diary of N days ending yesterday, in the exchange format, for the load
// benchmarks. usage: bench_diary [DAYS] [SEED]
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "backsignal/io/diary_json.h"
#include "test_diaries.h"

int main(int argc, char** argv) {
  const int days = argc > 1 ? std::atoi(argv[1]) : 365;
  const int seed = argc > 2 ? std::atoi(argv[2]) : 1;
  std::cout << backsignal::DiaryToJson(backsignal::testing::RealisticDiary(days, seed));
  return 0;
}
