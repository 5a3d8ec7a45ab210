// The words of a check-in: made here once, for the API's answers, the page and the CLI.
#include "backsignal/words/checkin.h"

#include "backsignal/words/fields.h"
#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal {

using words_detail::Capital;
using words_detail::L;
using words_detail::MaybeScope;

namespace {

std::string Score10(const Score& s) { return L().Number(s.value()); }

std::string EndedSentence(const std::string& phrase) { return Capital(phrase) + "."; }

std::string PatternWords(Pattern p) {
  switch (p) {
    case Pattern::kStable:
      // TRANSLATORS: how discomfort moved during a session: it stayed the same.
      return L().TrC("during pattern", "stable");
    case Pattern::kBuilding:
      // TRANSLATORS: how discomfort moved during a session: it grew.
      return L().TrC("during pattern", "building");
    case Pattern::kEased:
      // TRANSLATORS: how discomfort moved during a session: it went down.
      return L().TrC("during pattern", "easing off");
  }
  return "";
}

std::string Clock(int minute_of_day) {
  return TimeOfDay::FromMinutes(((minute_of_day % 1440) + 1440) % 1440).ToString();
}

}  // namespace

std::string MorningPhrase(const Morning& m, const Locale* loc) {
  const MaybeScope scope(loc);
  // TRANSLATORS: a phrase inside a sentence; {score} is 0-10 ("3", "2.5").
  std::string out = L().Tr("pain {score}", {Arg("score", Score10(m.pain))});
  if (m.stiffness) {
    // TRANSLATORS: added to "pain 3"; {score} is 0-10.
    out.append(L().Tr(", stiffness {score}", {Arg("score", Score10(*m.stiffness))}));
  }
  return out;
}

std::string SessionPhrase(const Session& s, const Locale* loc) {
  const MaybeScope scope(loc);
  // TRANSLATORS: a session with no activity named, inside a sentence.
  std::string out = s.activity ? *s.activity : L().Tr("a session");
  if (s.time && s.minutes) {
    // TRANSLATORS: after the activity ("swimming"); {start} and {end} are times (HH:MM),
    // {minutes} the minutes.
    out.append(
        L().Tr(", started {start}, ended {end} ({minutes} min)",
               {Arg("start", s.time->ToString()), Arg("end", Clock(s.time->minutes() + *s.minutes)),
                Arg("minutes", *s.minutes)}));
  } else if (s.time) {
    // TRANSLATORS: after the activity ("swimming"); {time} is HH:MM.
    out.append(L().Tr(" at {time}", {Arg("time", s.time->ToString())}));
  } else if (s.minutes) {
    // TRANSLATORS: after the activity ("swimming"); {minutes} the minutes.
    out.append(L().Tr(" ({minutes} min)", {Arg("minutes", *s.minutes)}));
  }
  return out;
}

std::string HourAfterPhrase(const HourAfter& h, const Locale* loc) {
  const MaybeScope scope(loc);
  std::string out;
  // TRANSLATORS: a phrase inside a sentence; {score} is 0-10 ("3", "2.5").
  if (h.pain) out = L().Tr("pain {score}", {Arg("score", Score10(*h.pain))});
  if (h.tighter.value_or(false)) {
    if (!out.empty()) out += ", ";
    // TRANSLATORS: the hour after a session: the back feels tighter than before it.
    out.append(L().Tr("tighter than before"));
  }
  // TRANSLATORS: the hour after a session, when nothing of it was recorded.
  return out.empty() ? L().Tr("not recorded") : out;
}

std::string ContextPhrase(const Context& c, const Locale* loc) {
  const MaybeScope scope(loc);
  std::string out;
  for (const FieldWords& w : ContextFieldWords()) {
    const std::string part = w.said ? w.said(c) : std::string();
    if (part.empty()) continue;
    if (!out.empty()) out += "; ";
    out += part;
  }
  // TRANSLATORS: a day's context when nothing in it is worth saying.
  return out.empty() ? L().Tr("nothing of note") : out;
}

std::optional<int> HourAfterDueMinute(const Session& s) {
  if (!s.time) return std::nullopt;
  return s.time->minutes() + s.minutes.value_or(0) + 60;
}

std::vector<std::string> SessionLines(const Session& s, const Locale* loc) {
  const MaybeScope scope(loc);
  std::vector<std::string> lines = {EndedSentence(SessionPhrase(s))};
  const During& d = s.during;
  std::string during;
  if (d.start && d.end) {
    // TRANSLATORS: discomfort during a session; {start} and {end} are 0-10.
    during =
        L().Tr("{start} to {end}", {Arg("start", Score10(*d.start)), Arg("end", Score10(*d.end))});
  } else if (d.start) {
    // TRANSLATORS: discomfort early in a session; {score} is 0-10.
    during = L().Tr("{score} early on", {Arg("score", Score10(*d.start))});
  } else if (d.end) {
    // TRANSLATORS: discomfort at the end of a session; {score} is 0-10.
    during = L().Tr("{score} at the end", {Arg("score", Score10(*d.end))});
  }
  if (d.pattern) {
    if (!during.empty()) during += ", ";
    during += PatternWords(*d.pattern);
  }
  // TRANSLATORS: {during} is "3 to 5, building".
  if (!during.empty()) lines.push_back(L().Tr("During: {during}.", {Arg("during", during)}));
  if (d.sharp.value_or(false)) lines.push_back(L().Tr("Sharp or catching pain."));
  if (!s.load.empty()) {
    // TRANSLATORS: {loads} is a list of the session's demands ("sustained rotation and ...").
    lines.push_back(
        L().Tr("Asked of the mid back: {loads}.", {Arg("loads", LoadList(s.load, &L()))}));
  }
  // The same line as the page's own (web/src/cards/said.js), so that a saved card reads the same
  // before and after the server has answered.
  // TRANSLATORS: {effort} is 0-10.
  if (s.effort) {
    lines.push_back(L().Tr("Effort {effort} of 10.", {Arg("effort", std::to_string(*s.effort))}));
  }
  return lines;
}

DayWords WordsForDay(const Day& day, const Locale* loc) {
  const MaybeScope scope(loc);
  DayWords w;
  if (day.morning) w.morning = EndedSentence(MorningPhrase(*day.morning));
  for (const Session& s : day.sessions) {
    SessionEntryWords e;
    e.lines = SessionLines(s);
    if (!s.hour_after.empty()) e.hour_after = EndedSentence(HourAfterPhrase(s.hour_after));
    if (auto due = HourAfterDueMinute(s)) {
      // TRANSLATORS: when the hour-after check-in is due; {time} is HH:MM.
      e.due = L().Tr("From about {time}.", {Arg("time", Clock(*due))});
    }
    w.sessions.push_back(std::move(e));
  }
  if (!day.context.empty()) w.context = EndedSentence(ContextPhrase(day.context));
  return w;
}

std::string MorningAfterText(const MorningAfterWords& m, const Locale* loc) {
  const MaybeScope scope(loc);
  // TRANSLATORS: {date} is a day ("Mon 2 Nov"); {what} what the morning says ("within your
  // usual range.").
  return L().Tr(
      "This is the morning after your session of {date}: {what}",
      {Arg("date", PersonDate(m.session_date)), Arg("what", DescribeMorningAfter(m.signal, &L()))});
}

CheckinWords WordsForCheckin(const Day& day, Entry entry, std::optional<size_t> session,
                             DuringSignal during, HourAfterSignal hour_after,
                             std::optional<MorningAfterWords> morning_after, const Locale* loc) {
  const MaybeScope scope(loc);
  CheckinWords w;
  const Session* s = session && *session >= 1 && *session <= day.sessions.size()
                         ? &day.sessions[*session - 1]
                         : nullptr;
  switch (entry) {
    case Entry::kMorning:
      if (!day.morning) break;
      w.lines.push_back(EndedSentence(MorningPhrase(*day.morning)));
      if (morning_after) w.meaning = MorningAfterText(*morning_after);
      w.next =
          L().Tr("Next: when you exercise, check in during the session and about an hour after.");
      break;
    case Entry::kSession:
    case Entry::kDuring:
      if (!s) break;
      w.lines = SessionLines(*s);
      if (during == DuringSignal::kBuilding) {
        w.meaning = L().Tr(
            "Discomfort that builds steadily, particularly with rotation or deep breathing, is "
            "worth paying attention to. See how the next hour and tomorrow morning go.");
      }
      if (auto due = HourAfterDueMinute(*s)) {
        // TRANSLATORS: {time} is HH:MM.
        w.next =
            L().Tr("Next: the hour-after check-in, from about {time}.", {Arg("time", Clock(*due))});
      } else {
        w.next = L().Tr("Next: about an hour after you finished, the hour-after check-in.");
      }
      break;
    case Entry::kHourAfter:
      if (!s) break;
      w.lines.push_back(EndedSentence(HourAfterPhrase(s->hour_after)));
      w.meaning = HourAfterMeaning(hour_after, &L());
      w.next = L().Tr("Next: tomorrow on waking, the morning check-in.");
      break;
    case Entry::kContext:
      w.lines.push_back(EndedSentence(ContextPhrase(day.context)));
      if (!day.context.empty()) {
        w.meaning = L().Tr(
            "These are other things that can set the mid back off: a worse morning after such a "
            "day may be from them, not from the exercise.");
      }
      break;
    case Entry::kNote:
      if (!day.note) break;
      w.lines.push_back(*day.note);
      // Said back with the note, so that the saved card still says so once the server answers.
      if (day.note_pinned) w.lines.push_back(L().Tr("Pinned: every report shows it."));
      break;
    case Entry::kDay:
      break;
  }
  return w;
}

}  // namespace backsignal
