#include "backsignal/io/ical.h"

#include <algorithm>
#include <cstdio>

#include "backsignal/io/ids.h"
#include "backsignal/io/zone.h"

namespace backsignal {
namespace {

constexpr int kReminderYearsAhead = 10;  // how far the VTIMEZONE's explicit changes reach

std::string Offset(int seconds) {
  const int a = seconds < 0 ? -seconds : seconds;
  char buf[16];
  if (a % 60 != 0) {
    std::snprintf(buf, sizeof buf, "%c%02d%02d%02d", seconds < 0 ? '-' : '+', a / 3600,
                  (a % 3600) / 60, a % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%c%02d%02d", seconds < 0 ? '-' : '+', a / 3600,
                  (a % 3600) / 60);
  }
  return buf;
}

// Local wall time of an instant at a given offset, as "YYYYMMDDTHHMMSS".
std::string LocalBasic(int64_t unix_seconds, int offset) {
  std::string utc = FormatUtcBasic(unix_seconds + offset);
  utc.pop_back();  // the 'Z'
  return utc;
}

std::string DateBasic(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
  return buf;
}

std::string TimeBasic(int minute_of_day) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "T%02d%02d00", minute_of_day / 60, minute_of_day % 60);
  return buf;
}

class Writer {
 public:
  void Line(std::string_view s) { out_ += FoldIcsLine(s); }
  void Line(std::string_view name, std::string_view value) {
    std::string l(name);
    l += ':';
    l += value;
    Line(l);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

void WriteTimeZone(Writer& w, std::string_view zone, int64_t from, int64_t to) {
  const ZoneHistory h = ZoneHistoryBetween(zone, from, to);
  w.Line("BEGIN", "VTIMEZONE");
  w.Line("TZID", zone);
  const char* first = h.initial_daylight ? "DAYLIGHT" : "STANDARD";
  w.Line("BEGIN", first);
  w.Line("DTSTART", LocalBasic(from, h.initial_offset));
  w.Line("TZOFFSETFROM", Offset(h.initial_offset));
  w.Line("TZOFFSETTO", Offset(h.initial_offset));
  if (!h.initial_abbrev.empty()) w.Line("TZNAME", EscapeIcsText(h.initial_abbrev));
  w.Line("END", first);
  for (const ZoneTransition& t : h.transitions) {
    const char* kind = t.daylight ? "DAYLIGHT" : "STANDARD";
    w.Line("BEGIN", kind);
    // DTSTART is the local time of the change on the clock it ends (RFC 5545 §3.6.5).
    w.Line("DTSTART", LocalBasic(t.at, t.offset_before));
    w.Line("TZOFFSETFROM", Offset(t.offset_before));
    w.Line("TZOFFSETTO", Offset(t.offset_after));
    if (!t.abbrev.empty()) w.Line("TZNAME", EscapeIcsText(t.abbrev));
    w.Line("END", kind);
  }
  w.Line("END", "VTIMEZONE");
}

std::string SessionSummary(const Session& s) {
  std::string out = "Exercise";
  if (s.activity) out += ": " + *s.activity;
  if (s.minutes) out += " (" + std::to_string(*s.minutes) + " min)";
  return out;
}

}  // namespace

std::string EscapeIcsText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        // Other control characters are not allowed in a content line.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string FoldIcsLine(std::string_view line) {
  std::string out;
  size_t pos = 0;
  size_t limit = 75;  // the first line holds 75 octets; each continuation a space and 74
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    // Back up to the start of a UTF-8 sequence; a run of continuation bytes longer than a
    // line (not UTF-8 at all) is cut where it stands, so that each line always advances.
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + limit;
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string DiaryToIcs(const Diary& diary, const Profile& profile, std::string_view zone,
                       Date today, int64_t now) {
  Writer w;
  const std::string stamp = FormatUtcBasic(now);
  const std::string& key = profile.person_key;
  const Date reminder_start = diary.days.empty() ? today : std::min(today, diary.days.front().date);
  const int wake = WakeTimeOf(profile).minutes();

  w.Line("BEGIN", "VCALENDAR");
  w.Line("VERSION", "2.0");
  w.Line("PRODID", "-//backsignal//backsignal check-in reminders//EN");
  w.Line("CALSCALE", "GREGORIAN");
  w.Line("METHOD", "PUBLISH");
  w.Line("X-WR-CALNAME", "backsignal check-ins");
  w.Line("X-WR-TIMEZONE", zone);
  const int64_t from = LocalToUnix(zone, reminder_start - 1, 0);
  const int64_t to = LocalToUnix(zone, today + 366 * kReminderYearsAhead, 0);
  WriteTimeZone(w, zone, from, to);

  // The daily morning check-in, at the wake time in the person's zone: a recurring event with a
  // TZID keeps it at that wall-clock time on both sides of a daylight-saving change.
  w.Line("BEGIN", "VEVENT");
  w.Line("UID", StableUuid(key, "ics/morning") + "@backsignal");
  w.Line("DTSTAMP", stamp);
  w.Line("DTSTART;TZID=" + std::string(zone), DateBasic(reminder_start) + TimeBasic(wake));
  w.Line("DURATION", "PT5M");
  w.Line("RRULE", "FREQ=DAILY");
  w.Line("SUMMARY", "backsignal: morning check-in");
  w.Line("DESCRIPTION",
         EscapeIcsText("On waking: how is your mid back, pain and stiffness from 0 to 10? "
                       "Compare it with your usual morning."));
  w.Line("TRANSP", "TRANSPARENT");
  w.Line("BEGIN", "VALARM");
  w.Line("ACTION", "DISPLAY");
  w.Line("TRIGGER", "PT0S");
  w.Line("DESCRIPTION", EscapeIcsText("Morning check-in: how is your mid back today?"));
  w.Line("END", "VALARM");
  w.Line("END", "VEVENT");

  for (const Day& day : diary.days) {
    for (size_t i = 0; i < day.sessions.size(); ++i) {
      const Session& s = day.sessions[i];
      const std::string id = day.date.ToString() + "/" + std::to_string(i + 1);
      w.Line("BEGIN", "VEVENT");
      w.Line("UID", StableUuid(key, "ics/session/" + id) + "@backsignal");
      w.Line("DTSTAMP", stamp);
      if (s.time) {
        const int64_t start = LocalToUnix(zone, day.date, s.time->minutes());
        w.Line("DTSTART", FormatUtcBasic(start));
        // Without a length the event ends as it starts (RFC 5545 §3.6.1: no DTEND).
        if (s.minutes) w.Line("DTEND", FormatUtcBasic(start + int64_t{*s.minutes} * 60));
      } else {
        // No time logged: an all-day event, and no alarm (there is no end to count from).
        w.Line("DTSTART;VALUE=DATE", DateBasic(day.date));
        w.Line("DTEND;VALUE=DATE", DateBasic(day.date + 1));
      }
      w.Line("SUMMARY", EscapeIcsText(SessionSummary(s)));
      w.Line("CATEGORIES", "EXERCISE");
      w.Line("TRANSP", "TRANSPARENT");
      if (s.time) {
        w.Line("BEGIN", "VALARM");
        w.Line("ACTION", "DISPLAY");
        w.Line("TRIGGER;RELATED=END", "PT1H");
        w.Line("DESCRIPTION",
               EscapeIcsText("Hour-after check-in: is your mid back settling, or still rising? "
                             "Tighter than before?"));
        w.Line("END", "VALARM");
      }
      w.Line("END", "VEVENT");
    }
  }
  w.Line("END", "VCALENDAR");
  return w.Take();
}

}  // namespace backsignal
