#include "backsignal/service/clock.h"

#include <chrono>
#include <string>

#include "backsignal/io/zone.h"

namespace backsignal::service {
namespace {

class System final : public Clock {
 public:
  int64_t Now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

const Clock& SystemClock() {
  static const System clock;
  return clock;
}

Date DateAt(int64_t now, std::string_view zone) {
  auto resolved = ResolveTimeZone(zone);
  if (!resolved) resolved = ResolveTimeZone("");
  const int64_t local = now + (resolved ? UtcOffsetAt(*resolved, now) : 0);
  return Date::FromDays(static_cast<int32_t>((local >= 0 ? local : local - 86399) / 86400));
}

}  // namespace backsignal::service
