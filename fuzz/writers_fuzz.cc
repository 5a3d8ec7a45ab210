// Fuzz target: the writers that take stored text (CSV, FHIR, iCalendar, the clinician's report)
// must finish and never crash on any text a store may hold, valid UTF-8 or not (older versions
// and other tools wrote the database too). The input is split into the days' notes and
// activities; its bytes also give scores and times. Checked: iCalendar lines are at most 75
// octets; the report holds no script; a diary the store would accept comes back from its CSV.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/core/profile.h"
#include "backsignal/io/diary_csv.h"
#include "backsignal/io/fhir.h"
#include "backsignal/io/ical.h"
#include "backsignal/reading/settings.h"
#include "backsignal/report/report.h"

using namespace backsignal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diary d;
  Date date = Date::FromCivil(2026, 10, 1);
  size_t pos = 0;
  for (int k = 0; k < 6 && pos <= text.size(); ++k) {
    const size_t cut = text.find('\n', pos);
    const std::string_view piece =
        text.substr(pos, cut == std::string_view::npos ? std::string_view::npos : cut - pos);
    pos = cut == std::string_view::npos ? text.size() + 1 : cut + 1;
    const uint8_t b = piece.empty() ? 0 : static_cast<uint8_t>(piece.front());
    Day day{.date = date};
    day.morning = Morning{*Score::FromDouble((b % 21) / 2.0), std::nullopt};
    day.note = std::string(piece);
    Session s;
    s.activity = std::string(piece);
    s.time = TimeOfDay::FromMinutes((b * 7) % 1440);
    s.minutes = 1 + b % 120;
    s.load = LoadSet::FromBits(b & 7);
    s.during.start = *Score::FromDouble((b % 11));
    s.during.sharp = (b & 8) != 0;
    day.sessions.push_back(s);
    d.days.push_back(day);
    date = date + 1 + b % 3;
  }
  Profile profile;
  profile.person_key = "0123456789abcdef0123456789abcdef";

  const std::string ics = DiaryToIcs(d, profile, "Europe/London", date, 1795176000);
  for (size_t start = 0, end; (end = ics.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    if (end - start > 75) std::abort();
  }
  (void)DiaryToFhirJson(d, profile, "Europe/London", 1795176000);
  ReportOptions o;
  o.as_of = date;
  const std::string html = RenderReportHtml(d, Settings{}, o);
  if (html.find("<script") != std::string::npos) std::abort();

  // The same diary as the store would hold it (text validated, empty text left out) comes back
  // whole from its CSV, formulas defused and restored included.
  Diary clean = d;
  for (Day& day : clean.days) {
    auto note = ValidateText(*day.note, kMaxNoteChars);
    day.note = note && !note->empty() ? std::optional<std::string>(*note) : std::nullopt;
    for (Session& s : day.sessions) {
      auto a = ValidateText(*s.activity, kMaxActivityChars);
      s.activity = a && !a->empty() ? std::optional<std::string>(*a) : std::nullopt;
    }
    if (!ValidateDay(day)) std::abort();
  }
  auto back = ParseDiaryCsv(DiaryToCsv(clean));
  if (!back || !(*back == clean)) std::abort();
  return 0;
}
