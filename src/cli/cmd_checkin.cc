// The check-ins: morning, session, after, context, note; and show, delete, usual.
#include <iostream>

#include "backsignal/core/checkin.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/service/checkins.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/today.h"
#include "backsignal/words/checkin.h"
#include "backsignal/words/safety.h"
#include "backsignal/words/words.h"
#include "commands.h"
#include "fields.h"

namespace backsignal::cli {
namespace {

// Opens the diary for a check-in (made when missing: then the safety check comes first), and
// resolves the date the person gave against their own today.
struct CheckinTarget {
  std::unique_ptr<Opened> opened;
  Date date;
  Date today;
  const Locale* locale = &Locale::English();
};

Result<CheckinTarget> OpenForCheckin(const Globals& g, const std::string& date_arg) {
  auto opened = Open(g, OpenMode::kCreate);
  if (!opened) return Unexpected(opened.error());
  auto today = service::TodayFor((*opened)->service(), (*opened)->person());
  if (!today) return Unexpected(today.error());
  auto date = ParseDateArg(date_arg, "--date", *today, *g.locale);
  if (!date) return Unexpected(date.error());
  return CheckinTarget{std::move(*opened), *date, *today, g.locale};
}

// The safety check when it is due, or when the check-in itself asks for it at once (a fall or an
// injury recorded: `asked`).
void PrintSafetyDue(const CheckinTarget& t, std::optional<SafetyReason> asked = std::nullopt) {
  auto s = service::SafetyStateOf(t.opened->service(), t.opened->person());
  std::optional<SafetyReason> due = s ? s->due : std::nullopt;
  if (!due || (asked && *due != SafetyReason::kFirstUse)) due = asked;
  if (!due) return;
  const Locale& loc = *t.locale;
  // TRANSLATORS: "backsignal safety" is a command: keep it.
  std::cout << "\n"
            << loc.TrC("heading, capitals", "SAFETY CHECK") << "\n"
            << SafetyReasonText(*due, loc) << "\n"
            << loc.Tr("Answer it now: backsignal safety") << "\n";
}

Result<service::CheckinResult> Run(const CheckinTarget& t, service::DayEdit edit) {
  return service::CheckinNow(t.opened->service(), t.opened->person(), t.date, std::move(edit));
}

// What this morning says about yesterday's session, under the thresholds in force.
void PrintMorningAfter(const CheckinTarget& t) {
  auto after = service::MorningAfterOf(t.opened->service(), t.opened->person(), t.date);
  if (!after || !*after) return;
  std::cout << MorningAfterText({(*after)->session_date, (*after)->signal}, t.locale) << "\n";
}

struct MorningArgs {
  std::string pain, stiffness, date;
};

int RunMorning(const Globals& g, const MorningArgs& a) {
  const Locale& loc = *g.locale;
  auto pain = ParseScoreArg(a.pain, "PAIN", loc);
  if (!pain) return Report(pain.error());
  std::optional<Score> stiffness;
  if (!a.stiffness.empty()) {
    auto s = ParseScoreArg(a.stiffness, "--stiffness", loc);
    if (!s) return Report(s.error());
    stiffness = *s;
  }
  auto t = OpenForCheckin(g, a.date);
  if (!t) return Report(t.error());
  auto r = Run(*t, service::CorrectMorning(*pain, stiffness));
  if (!r) return Report(r.error());
  const bool corrected = r->before && r->before->morning;
  const std::string what = MorningPhrase(*r->day.morning, &loc);
  if (corrected) {
    // TRANSLATORS: {date} is YYYY-MM-DD; {what} "pain 3, stiffness 4"; {pain} the pain before.
    std::cout << loc.Tr("Corrected the morning of {date}: {what} (was pain {pain}).",
                        {Arg("date", t->date.ToString()), Arg("what", what),
                         Arg("pain", loc.Number(r->before->morning->pain.value()))});
  } else {
    // TRANSLATORS: {date} is YYYY-MM-DD; {what} "pain 3, stiffness 4".
    std::cout << loc.Tr("Recorded the morning of {date}: {what}.",
                        {Arg("date", t->date.ToString()), Arg("what", what)});
  }
  std::cout << "\n";
  PrintMorningAfter(*t);
  PrintSafetyDue(*t);
  // TRANSLATORS: the command stays as it is.
  std::cout << loc.Tr("Next: when you exercise, backsignal session --minutes 40 --start 3 --end 4")
            << "\n";
  return kOk;
}

struct SessionArgs {
  std::string date;
  FieldOptions<Session> fields;  // the session's own and its during check-in's
  size_t edit = 0;
};

// A session's options: its own fields and its during check-in's (the hour after is `after`).
bool SessionOption(const FieldSpec& f) { return f.json_object != "hour_after"; }

Result<SessionPatch> BuildPatch(const SessionArgs& a, const Locale& loc) {
  Session given;
  std::vector<std::string> cleared;
  if (auto ok = a.fields.Apply(given, cleared, loc); !ok) return Unexpected(ok.error());
  return PatchFrom(given, a.fields.Given("load"));
}

int RunSession(const Globals& g, const SessionArgs& a) {
  const Locale& loc = *g.locale;
  auto patch = BuildPatch(a, loc);
  if (!patch) return Report(patch.error());
  if (a.edit > 0 && patch->empty()) {
    return Report(Error::Invalid(loc.Tr("--edit: give at least one field to change")));
  }
  auto t = OpenForCheckin(g, a.date);
  if (!t) return Report(t.error());
  auto r = Run(
      *t, a.edit > 0 ? service::EditSessionEdit(a.edit, *patch) : service::AddSessionEdit(*patch));
  if (!r) return Report(r.error());
  const size_t number = *r->session;
  const Session& s = r->day.sessions[number - 1];
  if (r->modify_or_stop) {
    std::cout << t->locale->TrC("heading, capitals", "STOP OR MODIFY") << "\n"
              << ModifyOrStopAdvice(*t->locale) << "\n\n";
  }
  const CheckinWords w = WordsForCheckin(r->day, Entry::kSession, r->session, r->during,
                                         r->hour_after, std::nullopt, &loc);
  const Args what = {Arg("n", number), Arg("date", t->date.ToString()),
                     Arg("what", SessionPhrase(s, &loc))};
  // TRANSLATORS: {n} is the session's number that day; {date} YYYY-MM-DD; {what} the session
  // ("swimming, started 18:00, ended 18:40 (40 min)").
  std::cout << (a.edit ? loc.Tr("Corrected session {n} of {date}: {what}.", what)
                       // TRANSLATORS: as "Corrected session {n} of {date}: {what}.".
                       : loc.Tr("Recorded session {n} of {date}: {what}.", what))
            << "\n  "
            // TRANSLATORS: {signal} is what the discomfort during the session says.
            << loc.Tr("During: {signal}", {Arg("signal", DescribeDuring(r->during, &loc))});
  if (s.during.start || s.during.end) {
    // TRANSLATORS: discomfort at the start and the end of a session, 0-10 ("?" when not given).
    std::cout << " "
              << loc.Tr("({start} to {end})",
                        {Arg("start", s.during.start ? loc.Number(s.during.start->value()) : "?"),
                         Arg("end", s.during.end ? loc.Number(s.during.end->value()) : "?")});
  }
  std::cout << "\n";
  if (!w.meaning.empty()) std::cout << "  " << w.meaning << "\n";
  PrintSafetyDue(*t);
  std::cout << w.next << "\n      backsignal after PAIN [--tighter]";
  if (t->date != t->today) std::cout << " --date " << t->date.ToString();
  // TRANSLATORS: the command stays as it is.
  std::cout << "\n      " << loc.Tr("tomorrow on waking, backsignal morning PAIN") << "\n";
  return kOk;
}

struct AfterArgs {
  std::string pain, date;
  FieldOptions<Session> fields;  // the hour after's, but its pain (PAIN)
  size_t session = 0;
};

bool AfterOption(const FieldSpec& f) { return f.json_object == "hour_after"; }

int RunAfter(const Globals& g, const AfterArgs& a) {
  const Locale& loc = *g.locale;
  Session given;
  std::vector<std::string> cleared;
  if (auto ok = a.fields.Apply(given, cleared, loc); !ok) return Report(ok.error());
  HourAfter after = given.hour_after;
  if (!a.pain.empty()) {
    auto p = ParseScoreArg(a.pain, "PAIN", loc);
    if (!p) return Report(p.error());
    after.pain = *p;
  }
  if (after.empty()) {
    // TRANSLATORS: the options stay as they are.
    return Report(
        Error::Invalid(loc.Tr("give the pain now (0 to 10), --tighter or --not-tighter")));
  }
  auto t = OpenForCheckin(g, a.date);
  if (!t) return Report(t.error());
  auto r = Run(*t, service::HourAfterEdit(
                       a.session ? std::optional<size_t>(a.session) : std::nullopt, after, false));
  if (!r) {
    Error e = loc.Translated(r.error());
    if (e.kind == ErrorKind::kNotFound) {
      // TRANSLATORS: after "no session on DATE"; {date} is YYYY-MM-DD; the command stays.
      e.message.append(loc.Tr("; record the session first: backsignal session --date {date}",
                              {Arg("date", t->date.ToString())}));
    }
    return Report(e);
  }
  const size_t number = *r->session;
  const Session& s = r->day.sessions[number - 1];
  const CheckinWords w = WordsForCheckin(r->day, Entry::kHourAfter, r->session, r->during,
                                         r->hour_after, std::nullopt, &loc);
  // TRANSLATORS: {n} is the session's number that day; {date} YYYY-MM-DD; {what} "pain 3,
  // tighter than before".
  std::cout << loc.Tr("Recorded the hour after session {n} of {date}: {what}.",
                      {Arg("n", number), Arg("date", t->date.ToString()),
                       Arg("what", HourAfterPhrase(s.hour_after, &loc))})
            << "\n";
  std::cout << "  " << w.meaning << "\n";
  PrintSafetyDue(*t);
  // TRANSLATORS: the command stays as it is.
  std::cout << loc.Tr("Next: tomorrow on waking, backsignal morning PAIN") << "\n";
  return kOk;
}

struct ContextArgs {
  std::string date;
  FieldOptions<Context> fields;
};

int RunContext(const Globals& g, const ContextArgs& a) {
  const Locale& loc = *g.locale;
  Context patch;
  std::vector<std::string> cleared;
  if (auto ok = a.fields.Apply(patch, cleared, loc); !ok) return Report(ok.error());
  if (!a.fields.any()) {
    // TRANSLATORS: {options} is the list of options ("--sitting, --prolonged, ... or --no-tags").
    return Report(Error::Invalid(
        loc.Tr("give at least one of {options}", {Arg("options", a.fields.List())})));
  }
  auto t = OpenForCheckin(g, a.date);
  if (!t) return Report(t.error());
  auto r = Run(*t, service::ContextEdit(patch, true, std::move(cleared)));
  if (!r) return Report(r.error());
  const CheckinWords w = WordsForCheckin(r->day, Entry::kContext, std::nullopt, r->during,
                                         r->hour_after, std::nullopt, &loc);
  // TRANSLATORS: {date} is YYYY-MM-DD; {what} the day's context ("slept 5 h; stress 7").
  std::cout << loc.Tr("Recorded the context of {date}: {what}.",
                      {Arg("date", t->date.ToString()),
                       Arg("what", ContextPhrase(r->day.context, &loc))})
            << "\n";
  if (!w.meaning.empty()) std::cout << "  " << w.meaning << "\n";
  // A fall or an injury just recorded: the safety check at once.
  PrintSafetyDue(*t, r->safety_again ? std::optional(SafetyReason::kFallOrInjury) : std::nullopt);
  return kOk;
}

struct NoteArgs {
  std::string text, date;
  bool pin = false, unpin = false;
};

int RunNote(const Globals& g, const NoteArgs& a) {
  const Locale& loc = *g.locale;
  auto text = ValidateText(a.text, kMaxNoteChars);
  // TRANSLATORS: {problem} is what is wrong with it ("is longer than 2000 characters").
  if (!text) {
    return Report(
        Error::Invalid(loc.Tr("NOTE: the text {problem}", {Arg("problem", text.error())})));
  }
  if (text->empty()) {
    // TRANSLATORS: the command stays as it is.
    return Report(
        Error::Invalid(loc.Tr("NOTE is empty; to remove a note: backsignal delete note")));
  }
  auto t = OpenForCheckin(g, a.date);
  if (!t) return Report(t.error());
  const std::optional<bool> pinned = a.pin     ? std::optional(true)
                                     : a.unpin ? std::optional(false)
                                               : std::nullopt;
  auto r = Run(*t, service::NoteEdit(*text, pinned));
  if (!r) return Report(r.error());
  const Args date = {Arg("date", t->date.ToString())};
  // TRANSLATORS: {date} is YYYY-MM-DD.
  std::cout << (r->day.note_pinned
                    ? loc.Tr("Noted for {date} (pinned: every report shows it).", date)
                    // TRANSLATORS: {date} is YYYY-MM-DD.
                    : loc.Tr("Noted for {date}.", date))
            << "\n";
  return kOk;
}

struct ShowArgs {
  std::string date;
};

int RunShow(const Globals& g, const ShowArgs& a) {
  auto opened = Open(g, OpenMode::kRead);
  if (!opened) return Report(opened.error());
  auto today = service::TodayFor((*opened)->service(), (*opened)->person());
  if (!today) return Report(today.error());
  auto date = ParseDateArg(a.date, "--date", *today, *g.locale);
  if (!date) return Report(date.error());
  auto day = service::DayOf((*opened)->service(), (*opened)->person(), *date);
  if (!day) return Report(day.error());
  if (!*day) {
    // TRANSLATORS: {date} is YYYY-MM-DD.
    std::cout << g.locale->Tr("Nothing recorded on {date}.", {Arg("date", date->ToString())})
              << "\n";
    return kOk;
  }
  Diary one;
  one.days.push_back(**day);
  std::cout << DiaryToJson(one);
  return kOk;
}

struct DeleteArgs {
  std::string what, date;
  size_t session = 0;
};

int RunDelete(const Globals& g, const DeleteArgs& a) {
  const Locale& loc = *g.locale;
  const std::optional<Entry> entry = ParseEntry(a.what);
  if (!entry) {
    // TRANSLATORS: {what} is what was given; the words after "expected" are what to type: keep
    // them.
    return Report(Error::Invalid(
        loc.Tr("\"{what}\" is not something to delete; expected morning, session, during, "
               "after, context, note or day",
               {Arg("what", a.what)})));
  }
  auto opened = Open(g, OpenMode::kWrite);
  if (!opened) return Report(opened.error());
  auto today = service::TodayFor((*opened)->service(), (*opened)->person());
  if (!today) return Report(today.error());
  auto date = ParseDateArg(a.date, "--date", *today, loc);
  if (!date) return Report(date.error());
  auto r = service::CheckinNow(
      (*opened)->service(), (*opened)->person(), *date,
      service::DeleteEdit(*entry, a.session ? std::optional<size_t>(a.session) : std::nullopt),
      {.deletes = true});
  if (!r) return Report(r.error());
  // TRANSLATORS: {what} is the entry as typed (morning, session, during, after, context, note,
  // day); {date} YYYY-MM-DD.
  std::cout << loc.Tr("Deleted the {what} of {date}.",
                      {Arg("what", a.what), Arg("date", date->ToString())})
            << "\n";
  return kOk;
}

struct UsualArgs {
  std::string pain, stiffness;
  bool clear = false;
};

int RunUsual(const Globals& g, const UsualArgs& a) {
  const Locale& loc = *g.locale;
  UsualMorning u;
  if (!a.pain.empty()) {
    auto p = ParseScoreArg(a.pain, "--pain", loc);
    if (!p) return Report(p.error());
    u.pain = *p;
  }
  if (!a.stiffness.empty()) {
    auto s = ParseScoreArg(a.stiffness, "--stiffness", loc);
    if (!s) return Report(s.error());
    u.stiffness = *s;
  }
  if (!a.clear && !u.pain && !u.stiffness) {
    // TRANSLATORS: the options stay as they are.
    return Report(Error::Invalid(loc.Tr("give --pain and/or --stiffness, or --clear")));
  }
  auto opened = Open(g, OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  if (auto ok = service::SetUsualMorning((*opened)->service(), (*opened)->person(), u); !ok) {
    return Report(ok.error());
  }
  if (a.clear && !u.pain && !u.stiffness) {
    std::cout << loc.Tr("Cleared your stated usual morning.") << "\n";
  } else {
    std::vector<std::string> parts;
    // TRANSLATORS: {score} is 0-10.
    if (u.pain)
      parts.push_back(loc.Tr("pain {score}", {Arg("score", loc.Number(u.pain->value()))}));
    if (u.stiffness) {
      // TRANSLATORS: {score} is 0-10.
      parts.push_back(
          loc.Tr("stiffness {score}", {Arg("score", loc.Number(u.stiffness->value()))}));
    }
    std::string what = parts[0];
    if (parts.size() > 1) what.append(", ").append(parts[1]);
    // TRANSLATORS: {what} is "pain 3, stiffness 4".
    std::cout << loc.Tr(
                     "Your usual morning: {what}. It is used only until the diary has enough "
                     "mornings to tell.",
                     {Arg("what", what)})
              << "\n";
  }
  return kOk;
}

}  // namespace

void SetUpMorning(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<MorningArgs>();
  cmd.add_option("PAIN", a->pain, loc.Tr("Pain on waking, 0 to 10 in steps of 0.5"))->required();
  cmd.add_option("--stiffness", a->stiffness, loc.Tr("Stiffness on waking, 0 to 10"));
  cmd.add_option("--date", a->date, loc.Tr("Date (YYYY-MM-DD, today, yesterday; default today)"));
  cmd.footer(
      Footer(loc,
             "  backsignal morning 3 --stiffness 4\n"
             "  backsignal morning 2.5 --date yesterday   (again on the same date corrects it)"));
  cmd.callback([a, &ctx] { ctx.code = RunMorning(ctx.globals, *a); });
}

void SetUpSession(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<SessionArgs>();
  a->fields.Add(cmd, loc, SessionFields(), SessionOption);
  cmd.add_option("--date", a->date, loc.Tr("Date (default today)"));
  cmd.add_option("--edit", a->edit, loc.Tr("Correct session N of the date instead of adding one"));
  cmd.footer(Footer(loc,
                    "  backsignal session --time 18:00 --minutes 40 --activity swimming --load "
                    "rotation,arms_away --start 3 --end 5 --pattern building\n"
                    "  backsignal session --sharp\n"
                    "  backsignal session --edit 1 --end 4   (correct session 1 of today)"));
  cmd.callback([a, &ctx] { ctx.code = RunSession(ctx.globals, *a); });
}

void SetUpAfter(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<AfterArgs>();
  cmd.add_option("PAIN", a->pain, loc.Tr("Pain now, 0-10"));
  a->fields.Add(cmd, loc, SessionFields(), AfterOption);
  cmd.add_option("--session", a->session, loc.Tr("Which session of the day (default: the latest)"));
  cmd.add_option("--date", a->date, loc.Tr("Date of the session (default today)"));
  cmd.footer(Footer(loc, "  backsignal after 3\n  backsignal after 5 --tighter --date yesterday"));
  cmd.callback([a, &ctx] { ctx.code = RunAfter(ctx.globals, *a); });
}

void SetUpContext(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ContextArgs>();
  a->fields.Add(cmd, loc, ContextFields());
  cmd.add_option("--date", a->date, loc.Tr("Date (default today)"));
  cmd.footer(
      Footer(loc,
             "  backsignal context --sitting 7 --prolonged --tension 6\n"
             "  backsignal context --sleep 5.5 --sleep-quality 4 --stress 7 --tag \"long drive\"\n"
             "  backsignal context --painkillers --painkiller-name ibuprofen --date yesterday"));
  cmd.callback([a, &ctx] { ctx.code = RunContext(ctx.globals, *a); });
}

void SetUpNote(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<NoteArgs>();
  cmd.add_option("NOTE", a->text, loc.Tr("The note, up to 2000 characters"))->required();
  cmd.add_option("--date", a->date, loc.Tr("Date (default today)"));
  auto* pin =
      cmd.add_flag("--pin", a->pin,
                   loc.Tr("Pin the note: every report shows it, whatever its dates (\"GP says "
                          "osteopenia\")"));
  cmd.add_flag("--unpin", a->unpin, loc.Tr("Unpin the note"))->excludes(pin);
  cmd.footer(Footer(loc,
                    "  backsignal note \"long day at the desk\"\n"
                    "  backsignal note \"GP says osteopenia\" --pin"));
  cmd.callback([a, &ctx] { ctx.code = RunNote(ctx.globals, *a); });
}

void SetUpShow(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ShowArgs>();
  cmd.add_option("--date", a->date, loc.Tr("Date (default today)"));
  cmd.footer(Footer(loc, "  backsignal show --date yesterday"));
  cmd.callback([a, &ctx] { ctx.code = RunShow(ctx.globals, *a); });
}

void SetUpDelete(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<DeleteArgs>();
  cmd.add_option("WHAT", a->what, loc.Tr("morning, session, during, after, context, note or day"))
      ->required();
  cmd.add_option("--session", a->session, loc.Tr("Which session (default: the latest of the day)"));
  cmd.add_option("--date", a->date, loc.Tr("Date (default today)"));
  cmd.footer(Footer(
      loc,
      "  backsignal delete morning --date 2026-11-02\n  backsignal delete session --session 2"));
  cmd.callback([a, &ctx] { ctx.code = RunDelete(ctx.globals, *a); });
}

void SetUpUsual(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<UsualArgs>();
  cmd.add_option("--pain", a->pain, loc.Tr("Usual pain on waking, 0-10"));
  cmd.add_option("--stiffness", a->stiffness, loc.Tr("Usual stiffness on waking, 0-10"));
  cmd.add_flag("--clear", a->clear, loc.Tr("Forget the stated usual morning"));
  cmd.footer(Footer(loc, "  backsignal usual --pain 3 --stiffness 4"));
  cmd.callback([a, &ctx] { ctx.code = RunUsual(ctx.globals, *a); });
}

}  // namespace backsignal::cli
