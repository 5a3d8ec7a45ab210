// `backsignal weekly` (the PEG and PSFS: answers, the chosen day, what is due, the trend) and
// `backsignal flare` (pain between check-ins, at any time): docs/measures.md.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "backsignal/core/measures.h"
#include "backsignal/service/measures.h"
#include "backsignal/service/today.h"
#include "backsignal/words/measures.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

// "--psfs: ...": core's "{place}: {problem}" (Problem(), by another name in a front door:
// tests/layering_test.py).
Text OptionProblem(std::string option, Text problem) {
  return T_("{place}: {problem}", {{"place", std::move(option)}, {"problem", std::move(problem)}});
}

struct WeeklyArgs {
  std::string peg;
  std::vector<std::string> psfs;
  std::string date;
  std::string day;
  bool remove = false;
};

// "5,4,6": the PEG's three items in order.
Result<Peg> ParsePegArg(const std::string& text, const Locale& loc) {
  std::vector<int> items;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto n = ParseNumberArg(part, "--peg", loc);
    if (!n) return Unexpected(n.error());
    auto i = ValidateItem(*n);
    if (!i) {
      return Fail(
          // TRANSLATORS: {n} is the item's place (1, 2 or 3); {problem} what is wrong with it.
          Error::Invalid(loc.Tr("--peg: item {n}: {problem}",
                                {Arg("n", items.size() + 1), Arg("problem", loc.Tr(i.error()))})));
    }
    items.push_back(*i);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (items.size() != 3) {
    // TRANSLATORS: {given} is what was given; {n} how many items it has.
    return Fail(Error::Invalid(loc.Ntr(
        "--peg: \"{given}\" has {n} item; give the three, pain,enjoyment,activity (like 5,4,6)",
        "--peg: \"{given}\" has {n} items; give the three, pain,enjoyment,activity (like 5,4,6)",
        static_cast<int64_t>(items.size()), {Arg("given", text)})));
  }
  return Peg{items[0], items[1], items[2]};
}

// "reaching overhead=4".
Result<PsfsRating> ParsePsfsArg(const std::string& text, const Locale& loc) {
  const size_t eq = text.rfind('=');
  if (eq == std::string::npos) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {given} is what was given; ACTIVITY=SCORE is the form to type.
        loc.Tr("--psfs: \"{given}\" has no score; give ACTIVITY=SCORE, like \"reaching "
               "overhead=4\"",
               {Arg("given", text)})));
  }
  auto name = ValidatePsfsActivity(text.substr(0, eq));
  if (!name) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {problem} is what is wrong with the activity's name.
        loc.Tr("--psfs: the activity {problem}", {Arg("problem", loc.Tr(name.error()))})));
  }
  auto n = ParseNumberArg(text.substr(eq + 1), "--psfs", loc);
  if (!n) return Unexpected(n.error());
  auto s = ValidateItem(*n);
  if (!s) {
    return Fail(Error::Invalid(OptionProblem("--psfs", OptionProblem(*name, s.error()))));
  }
  return PsfsRating{*name, *s};
}

void PrintLines(const std::vector<std::string>& lines) {
  for (const std::string& l : lines) std::cout << l << "\n";
}

int ShowWeekly(const service::Service& svc, PersonId person, const Locale& loc) {
  auto v = service::MeasuresViewOf(svc, person, Voice::Self(), loc);
  if (!v) return Report(v.error());
  const service::WeeklyState& s = v->weekly;
  std::cout << "Weekly questions on " << WeekdayName(s.day) << "s: ";
  if (s.due_since) {
    std::cout << WeeklyDueWords(*s.due_since, s.today, loc)
              << " (backsignal weekly --peg P,E,A --psfs \"ACTIVITY=SCORE\")\n";
  } else {
    std::cout << loc.Tr("answered for this week") << "\n";
  }
  if (!s.activities.empty()) {
    std::cout << loc.Tr("Your activities:");
    for (size_t i = 0; i < s.activities.size(); ++i) {
      std::cout << (i ? ", " : " ") << s.activities[i];
    }
    std::cout << "\n";
  }
  PrintLines(v->words.psfs);
  PrintLines(v->words.peg);
  if (!v->words.flares.empty()) {
    std::cout << v->words.flares << " " << loc.Tr("(last two weeks)") << "\n";
  }
  return kOk;
}

int RunWeekly(const Globals& g, const WeeklyArgs& a) {
  const bool answers = !a.peg.empty() || !a.psfs.empty();
  auto opened =
      Open(g, answers || a.remove || !a.day.empty() ? OpenMode::kCreate : OpenMode::kRead);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  const PersonId person = (*opened)->person();
  if (!a.day.empty()) {
    std::optional<Weekday> day;
    if (a.day != "default") {
      auto d = ParseWeekday(a.day);
      if (!d) return Report(Error::Invalid(OptionProblem("--day", d.error())));
      day = *d;
    }
    auto set = service::SetWeeklyDay(svc, person, day);
    if (!set) return Report(set.error());
    std::cout << "The weekly questions are due on " << WeekdayName(*set) << "s.\n";
    if (!answers && !a.remove) return kOk;
  }
  if (!answers && !a.remove) return ShowWeekly(svc, person, *g.locale);
  auto today = service::TodayFor(svc, person);
  if (!today) return Report(today.error());
  auto date = ParseDateArg(a.date, "--date", *today, *g.locale);
  if (!date) return Report(date.error());
  if (a.remove) {
    if (answers) {
      return Report(
          Error::Invalid(g.locale->Tr("--delete takes no answers: give one or the other")));
    }
    if (auto ok = service::DeleteWeekly(svc, person, *date); !ok) return Report(ok.error());
    // TRANSLATORS: {date} is YYYY-MM-DD.
    std::cout << g.locale->Tr("Deleted the weekly answers of {date}.",
                              {Arg("date", date->ToString())})
              << "\n";
    return kOk;
  }
  Weekly w{.date = *date};
  if (!a.peg.empty()) {
    auto p = ParsePegArg(a.peg, *g.locale);
    if (!p) return Report(p.error());
    w.peg = *p;
  }
  for (const std::string& item : a.psfs) {
    auto r = ParsePsfsArg(item, *g.locale);
    if (!r) return Report(r.error());
    w.psfs.push_back(std::move(*r));
  }
  auto saved = service::SaveWeekly(svc, person, w);
  if (!saved) return Report(saved.error());
  PrintLines(WeeklySaidWords(*saved, *g.locale));
  return kOk;
}

struct FlareArgs {
  double pain = -1;
  std::string time;
  bool sharp = false;
  std::string note;
  std::string date;
};

int RunFlare(const Globals& g, const FlareArgs& a) {
  auto pain = Score::FromDouble(a.pain);
  if (!pain) return Report(Error::Invalid(ScoreProblem(a.pain, "PAIN", *g.locale)));
  auto opened = Open(g, OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  auto today = service::TodayFor(svc, (*opened)->person());
  if (!today) return Report(today.error());
  auto date = ParseDateArg(a.date, "--date", *today, *g.locale);
  if (!date) return Report(date.error());
  Flare f{.date = *date, .pain = *pain};
  if (!a.time.empty()) {
    auto t = ParseTimeArg(a.time, "--time");
    if (!t) return Report(t.error());
    f.time = *t;
  }
  if (a.sharp) f.sharp = true;
  if (!a.note.empty()) f.note = a.note;
  auto saved = service::AddFlare(svc, (*opened)->person(), f);
  if (!saved) return Report(saved.error());
  PrintLines(FlareSaidWords(saved->flare, *g.locale));
  // TRANSLATORS: {n} is the flare's number that day; {date} YYYY-MM-DD.
  std::cout << g.locale->Tr("Saved as flare {n} of {date}.",
                            {Arg("n", saved->number), Arg("date", date->ToString())})
            << "\n";
  return kOk;
}

}  // namespace

void SetUpWeekly(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<WeeklyArgs>();
  cmd.add_option(
      "--peg", a->peg,
      loc.Tr("The PEG over the past week, three whole numbers 0-10: average pain, how much it "
             "interfered with enjoyment of life, with general activity (like 5,4,6)"));
  cmd.add_option(
         "--psfs", a->psfs,
         loc.Tr("A PSFS activity and how well you can do it now, 0 (unable) to 10 (as before): "
                "ACTIVITY=SCORE; up to five, the same ones each week"))
      ->take_all();
  cmd.add_option("--date", a->date,
                 loc.Tr("The date the answers are for (default today; late is fine)"));
  cmd.add_option("--day", a->day,
                 loc.Tr("The day of the week they are due (monday ... sunday; default sunday)"));
  cmd.add_flag("--delete", a->remove, loc.Tr("Delete the answers of --date"));
  cmd.footer(Footer(
      loc,
      "  backsignal weekly                       # what is due, and the trend\n"
      "  backsignal weekly --peg 5,4,6 --psfs \"reaching overhead=4\" \"sitting for an hour=6\"\n"
      "  backsignal weekly --date 2026-11-29 --peg 6,5,6   # filled in late\n"
      "  backsignal weekly --day monday"));
  cmd.callback([a, &ctx] { ctx.code = RunWeekly(ctx.globals, *a); });
}

void SetUpFlare(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<FlareArgs>();
  cmd.add_option("PAIN", a->pain, loc.Tr("Pain now, 0-10"))->required();
  cmd.add_option("--time", a->time, loc.Tr("When (HH:MM)"));
  cmd.add_flag("--sharp", a->sharp, loc.Tr("It was sharp or catching"));
  cmd.add_option("--note", a->note, loc.Tr("What happened (up to 500 characters)"));
  cmd.add_option("--date", a->date, loc.Tr("Date (default today)"));
  cmd.footer(
      Footer(loc, "  backsignal flare 7 --time 14:20 --sharp --note \"lifting the kettle\""));
  cmd.callback([a, &ctx] { ctx.code = RunFlare(ctx.globals, *a); });
}

}  // namespace backsignal::cli
