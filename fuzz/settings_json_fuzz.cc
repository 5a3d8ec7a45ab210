// Fuzz target: the settings reader must never crash and never accept an out-of-bounds setting.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/io/settings_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  backsignal::Settings s;
  if (!backsignal::ApplySettingsJson(text, s)) return 0;
  for (const auto& info : backsignal::AllSettings()) {
    const double v = s.*info.field;
    if (v < info.min || v > info.max) std::abort();
  }
  if (!backsignal::CheckSettings(s)) std::abort();
  return 0;
}
