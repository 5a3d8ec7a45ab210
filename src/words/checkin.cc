// The words of a check-in: made here once, for the API's answers, the page and the CLI.
#include "backsignal/words/checkin.h"

#include "backsignal/words/fields.h"
#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal {

using words_detail::Capital;

namespace {

std::string Score10(const Score& s) { return FormatScoreNumber(s.value()); }

std::string Sentence(const std::string& phrase) { return Capital(phrase) + "."; }

std::string PatternWords(Pattern p) {
  switch (p) {
    case Pattern::kStable:
      return "stable";
    case Pattern::kBuilding:
      return "building";
    case Pattern::kEased:
      return "easing off";
  }
  return "";
}

std::string Clock(int minute_of_day) {
  return TimeOfDay::FromMinutes(((minute_of_day % 1440) + 1440) % 1440).ToString();
}

}  // namespace

std::string MorningPhrase(const Morning& m) {
  std::string out = "pain " + Score10(m.pain);
  if (m.stiffness) out += ", stiffness " + Score10(*m.stiffness);
  return out;
}

std::string SessionPhrase(const Session& s) {
  std::string out = s.activity ? *s.activity : "a session";
  if (s.time && s.minutes) {
    out += ", started " + s.time->ToString() + ", ended " + Clock(s.time->minutes() + *s.minutes) +
           " (" + std::to_string(*s.minutes) + " min)";
  } else if (s.time) {
    out += " at " + s.time->ToString();
  } else if (s.minutes) {
    out += " (" + std::to_string(*s.minutes) + " min)";
  }
  return out;
}

std::string HourAfterPhrase(const HourAfter& h) {
  std::string out;
  if (h.pain) out = "pain " + Score10(*h.pain);
  if (h.tighter.value_or(false))
    out += std::string(out.empty() ? "" : ", ") + "tighter than before";
  return out.empty() ? "not recorded" : out;
}

std::string ContextPhrase(const Context& c) {
  std::string out;
  for (const FieldWords& w : ContextFieldWords()) {
    const std::string part = w.said ? w.said(c) : std::string();
    if (!part.empty()) out += (out.empty() ? "" : "; ") + part;
  }
  return out.empty() ? "nothing of note" : out;
}

std::optional<int> HourAfterDueMinute(const Session& s) {
  if (!s.time) return std::nullopt;
  return s.time->minutes() + s.minutes.value_or(0) + 60;
}

std::vector<std::string> SessionLines(const Session& s) {
  std::vector<std::string> lines = {Sentence(SessionPhrase(s))};
  const During& d = s.during;
  std::string during;
  if (d.start && d.end) {
    during = Score10(*d.start) + " to " + Score10(*d.end);
  } else if (d.start) {
    during = Score10(*d.start) + " early on";
  } else if (d.end) {
    during = Score10(*d.end) + " at the end";
  }
  if (d.pattern) during += (during.empty() ? "" : ", ") + PatternWords(*d.pattern);
  if (!during.empty()) lines.push_back("During: " + during + ".");
  if (d.sharp.value_or(false)) lines.push_back("Sharp or catching pain.");
  if (!s.load.empty()) lines.push_back("Asked of the mid back: " + LoadList(s.load) + ".");
  return lines;
}

DayWords WordsForDay(const Day& day) {
  DayWords w;
  if (day.morning) w.morning = Sentence(MorningPhrase(*day.morning));
  for (const Session& s : day.sessions) {
    SessionEntryWords e;
    e.lines = SessionLines(s);
    if (!s.hour_after.empty()) e.hour_after = Sentence(HourAfterPhrase(s.hour_after));
    if (auto due = HourAfterDueMinute(s)) e.due = "From about " + Clock(*due) + ".";
    w.sessions.push_back(std::move(e));
  }
  if (!day.context.empty()) w.context = Sentence(ContextPhrase(day.context));
  return w;
}

std::string MorningAfterText(const MorningAfterWords& m) {
  return "This is the morning after your session of " + PersonDate(m.session_date) + ": " +
         DescribeMorningAfter(m.signal);
}

CheckinWords WordsForCheckin(const Day& day, Entry entry, std::optional<size_t> session,
                             DuringSignal during, HourAfterSignal hour_after,
                             std::optional<MorningAfterWords> morning_after) {
  CheckinWords w;
  const Session* s = session && *session >= 1 && *session <= day.sessions.size()
                         ? &day.sessions[*session - 1]
                         : nullptr;
  switch (entry) {
    case Entry::kMorning:
      if (!day.morning) break;
      w.lines.push_back(Sentence(MorningPhrase(*day.morning)));
      if (morning_after) w.meaning = MorningAfterText(*morning_after);
      w.next = "Next: when you exercise, check in during the session and about an hour after.";
      break;
    case Entry::kSession:
    case Entry::kDuring:
      if (!s) break;
      w.lines = SessionLines(*s);
      if (during == DuringSignal::kBuilding) {
        w.meaning =
            "Discomfort that builds steadily, particularly with rotation or deep breathing, is "
            "worth paying attention to. See how the next hour and tomorrow morning go.";
      }
      if (auto due = HourAfterDueMinute(*s)) {
        w.next = "Next: the hour-after check-in, from about " + Clock(*due) + ".";
      } else {
        w.next = "Next: about an hour after you finished, the hour-after check-in.";
      }
      break;
    case Entry::kHourAfter:
      if (!s) break;
      w.lines.push_back(Sentence(HourAfterPhrase(s->hour_after)));
      w.meaning = HourAfterMeaning(hour_after);
      w.next = "Next: tomorrow on waking, the morning check-in.";
      break;
    case Entry::kContext:
      w.lines.push_back(Sentence(ContextPhrase(day.context)));
      if (!day.context.empty()) {
        w.meaning =
            "These are other things that can set the mid back off: a worse morning after such a "
            "day may be from them, not from the exercise.";
      }
      break;
    case Entry::kNote:
      if (!day.note) break;
      w.lines.push_back(*day.note);
      // Said back with the note, so that the saved card still says so once the server answers.
      if (day.note_pinned) w.lines.push_back("Pinned: every report shows it.");
      break;
    case Entry::kDay:
      break;
  }
  return w;
}

}  // namespace backsignal
