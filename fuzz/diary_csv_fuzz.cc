// Fuzz target: the diary CSV reader must never crash, and whatever it accepts must round-trip
// through CSV and JSON unchanged.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto diary = backsignal::ParseDiaryCsv(text);
  if (!diary) return 0;
  auto csv = backsignal::ParseDiaryCsv(backsignal::DiaryToCsv(*diary));
  if (!csv || !(*csv == *diary)) std::abort();
  auto json = backsignal::ParseDiaryJson(backsignal::DiaryToJson(*diary));
  if (!json || !(*json == *diary)) std::abort();
  return 0;
}
