#include "backsignal/io/zone.h"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <exception>

namespace backsignal {
namespace {

using Seconds = std::chrono::seconds;
using SysSeconds = date::sys_time<Seconds>;

const date::time_zone* Locate(std::string_view name) {
  if (name.empty()) return date::current_zone();
  return date::locate_zone(name);
}

date::local_days LocalDays(Date d) { return date::local_days{date::days{d.days()}}; }

}  // namespace

Result<std::string> ResolveTimeZone(std::string_view name) {
  try {
    const date::time_zone* z = Locate(name);
    return std::string(z->name());
  } catch (const std::exception&) {
    if (name.empty()) return std::string("UTC");  // a machine without a configured zone
    return Fail(
        // TRANSLATORS: {name} is the time zone given; Europe/London is a zone's name and stays.
        Error::Invalid(T_("unknown time zone \"{name}\": expected an IANA name such as "
                          "Europe/London",
                          {{"name", std::string(name)}})));
  }
}

int64_t LocalToUnix(std::string_view zone, Date date, int minute_of_day) {
  const date::time_zone* z = Locate(zone);
  const auto local = LocalDays(date) + std::chrono::minutes(minute_of_day);
  const date::local_info info = z->get_info(local);
  // Unique: the one offset. Nonexistent (in a spring-forward gap): clocks jump from the old
  // offset to the new, so 02:30 in a one-hour gap is 03:30, which the old offset gives.
  // Ambiguous (autumn): the first of the two. In each case, info.first's offset.
  const SysSeconds t{(local - info.first.offset).time_since_epoch()};
  return std::chrono::duration_cast<Seconds>(t.time_since_epoch()).count();
}

int UtcOffsetAt(std::string_view zone, int64_t unix_seconds) {
  const date::time_zone* z = Locate(zone);
  const date::sys_info info = z->get_info(SysSeconds{Seconds{unix_seconds}});
  return static_cast<int>(info.offset.count());
}

std::string FormatLocalWithOffset(std::string_view zone, int64_t unix_seconds) {
  const int off = UtcOffsetAt(zone, unix_seconds);
  const auto local = date::local_seconds{Seconds{unix_seconds + off}};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<Seconds> hms{local - day};
  const int a = off < 0 ? -off : off;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                off < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
  return buf;
}

std::string FormatUtcBasic(int64_t unix_seconds) {
  const auto t = SysSeconds{Seconds{unix_seconds}};
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<Seconds> hms{t - day};
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

ZoneHistory ZoneHistoryBetween(std::string_view zone, int64_t from, int64_t to) {
  const date::time_zone* z = Locate(zone);
  ZoneHistory h;
  date::sys_info info = z->get_info(SysSeconds{Seconds{from}});
  h.initial_offset = static_cast<int>(info.offset.count());
  h.initial_daylight = info.save != std::chrono::minutes(0);
  h.initial_abbrev = info.abbrev;
  // Walk from one period's end to the next; a zone without changes ends at the far future.
  while (true) {
    const int64_t end = std::chrono::duration_cast<Seconds>(info.end.time_since_epoch()).count();
    if (end > to || end <= from) break;
    date::sys_info next = z->get_info(info.end);
    if (next.offset != info.offset ||
        (next.save != std::chrono::minutes(0)) != (info.save != std::chrono::minutes(0))) {
      h.transitions.push_back({end, static_cast<int>(info.offset.count()),
                               static_cast<int>(next.offset.count()),
                               next.save != std::chrono::minutes(0), next.abbrev});
    }
    info = next;
  }
  return h;
}

}  // namespace backsignal
