// Fuzz target: the diary JSON reader must never crash, and whatever it accepts must export and
// read back to the same diary.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/io/diary_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto diary = backsignal::ParseDiaryJson(text);
  if (!diary) return 0;
  auto again = backsignal::ParseDiaryJson(backsignal::DiaryToJson(*diary));
  if (!again || !(*again == *diary)) std::abort();
  return 0;
}
