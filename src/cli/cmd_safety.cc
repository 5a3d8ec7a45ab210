// `backsignal safety`: the red-flag screen on the command line. On a terminal it asks each
// question; otherwise it reads one answer a line (yes or no) from standard input, in order.
#include <unistd.h>

#include <iostream>

#include "backsignal/service/safety.h"
#include "backsignal/service/today.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

struct SafetyArgs {
  bool status = false;
  std::string cleared_on;
};

// The answers a language takes for yes and no, besides English's (a script written in English
// keeps working in any language): "y yes" and "n no" in the catalogue, space-separated.
bool IsAnswer(const std::string& a, const std::string& words) {
  size_t at = 0;
  while (at < words.size()) {
    size_t end = words.find(' ', at);
    if (end == std::string::npos) end = words.size();
    if (FoldAscii(words.substr(at, end - at)) == a) return true;
    at = end + 1;
  }
  return false;
}

// Reads a yes or a no; asks again on a terminal, refuses otherwise.
Result<bool> AskYesNo(const std::string& question, bool terminal, const Locale& loc) {
  // TRANSLATORS: the answers typed for yes, space-separated, lower case; English's "y yes"
  // are taken as well.
  const std::string yes = loc.TrC("answers", "y yes") + " y yes";
  // TRANSLATORS: the answers typed for no, space-separated, lower case; English's "n no" are
  // taken as well.
  const std::string no = loc.TrC("answers", "n no") + " n no";
  for (;;) {
    // TRANSLATORS: after a question, the keys for yes and no.
    if (terminal) std::cout << "  " << question << " " << loc.Tr("[y/n]") << " " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      // TRANSLATORS: {question} is the question left unanswered.
      return Fail(Error::Invalid(
          loc.Tr("the safety check needs an answer to every question: \"{question}\" has none",
                 {Arg("question", question)})));
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    const std::string a = FoldAscii(line);
    if (!a.empty() && IsAnswer(a, yes)) return true;
    if (!a.empty() && IsAnswer(a, no)) return false;
    if (!terminal) {
      // TRANSLATORS: {answer} is what was typed; {question} the question.
      return Fail(Error::Invalid(loc.Tr("\"{answer}\" is not yes or no (for \"{question}\")",
                                        {Arg("answer", line), Arg("question", question)})));
    }
    std::cout << "  " << loc.Tr("Please answer y (yes) or n (no).") << "\n";
  }
}

void PrintState(const service::SafetyState& s, const Locale& loc) {
  if (!s.record) {
    std::cout << loc.Tr("You have not answered the safety check yet: backsignal safety") << "\n";
    return;
  }
  const SafetyRecord& r = *s.record;
  if (r.outcome != Urgency::kClear && !s.stopped) {
    // TRANSLATORS: {urgency} is "see a clinician soon" or "be seen the same day"; {date} a date
    // as YYYY-MM-DD. "backsignal safety" is a command: keep it.
    std::cout << loc.Tr(
                     "Safety check: your answers said {urgency}, and a clinician cleared you "
                     "on {date}. Check-ins carry on.\nIf anything changes, answer again: "
                     "backsignal safety",
                     {Arg("urgency", UrgencyWords(r.outcome, loc)),
                      Arg("date", r.cleared_on->ToString())})
              << "\n";
  } else {
    // TRANSLATORS: {urgency} is "no red flags", "emergency", ...
    std::cout << loc.Tr("Safety check: {urgency}.", {Arg("urgency", UrgencyWords(r.outcome, loc))})
              << "\n"
              << SafetyAdvice(r.outcome, s.time_zone, loc) << "\n";
  }
  if (s.stopped) {
    // TRANSLATORS: the command on the second line stays as it is.
    std::cout << loc.Tr(
                     "Check-ins are paused until you answer again or record a clinician's "
                     "clearance:\n  backsignal safety --cleared-on YYYY-MM-DD")
              << "\n";
  }
  if (s.due) {
    // TRANSLATORS: {reason} is why the questions are due again.
    std::cout << "\n"
              << loc.Tr("Due again: {reason}", {Arg("reason", SafetyReasonText(*s.due, loc))})
              << "\n";
  }
}

int RunSafety(const Globals& g, const SafetyArgs& a) {
  const Locale& loc = *g.locale;
  auto opened = Open(g, a.status ? OpenMode::kRead : OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  const PersonId person = (*opened)->person();
  if (a.status) {
    auto s = service::SafetyStateOf(svc, person);
    if (!s) return Report(s.error());
    PrintState(*s, loc);
    return kOk;
  }
  if (!a.cleared_on.empty()) {
    auto today = service::TodayFor(svc, person);
    if (!today) return Report(today.error());
    auto d = ParseDateArg(a.cleared_on, "--cleared-on", *today, *g.locale);
    if (!d) return Report(d.error());
    auto s = service::RecordClearance(svc, person, *d);
    if (!s) return Report(s.error());
    // TRANSLATORS: {date} is a date as YYYY-MM-DD.
    std::cout << loc.Tr(
                     "Recorded that a clinician saw you and cleared you on {date}. Check-ins "
                     "carry on; the report shows the clearance.",
                     {Arg("date", d->ToString())})
              << "\n";
    return kOk;
  }
  const bool terminal = ::isatty(STDIN_FILENO) != 0;
  if (terminal) {
    std::cout << loc.TrC("heading, capitals", "SAFETY CHECK") << "\n" << SafetyIntro(loc) << "\n\n";
  }
  std::map<std::string, bool> answers;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    if (!q.follows.empty()) {
      auto lead = answers.find(std::string(q.follows));
      if (lead == answers.end() || !lead->second) continue;
    }
    auto yes = AskYesNo(SafetyQuestionText(q.id, loc), terminal, loc);
    if (!yes) return Report(yes.error());
    answers[std::string(q.id)] = *yes;
    if (*yes && q.if_yes == Urgency::kEmergency) break;  // help now, not more questions
  }
  auto s = service::AnswerSafety(svc, person, answers);
  if (!s) return Report(s.error());
  std::cout << "\n";
  PrintState(*s, loc);
  return kOk;
}

}  // namespace

void SetUpSafety(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<SafetyArgs>();
  auto* status = cmd.add_flag("--status", a->status,
                              loc.Tr("Show your answers' outcome, and whether "
                                     "the check is due again"));
  cmd.add_option("--cleared-on", a->cleared_on,
                 loc.Tr("Record that a clinician saw you on this date and cleared you to carry on"))
      ->excludes(status);
  cmd.footer(Footer(
      loc,
      "  backsignal safety                       (asks each question)\n"
      "  backsignal safety --status\n"
      "  backsignal safety --cleared-on 2026-11-20\n"
      "  printf 'no\\n%.0s' {1..18} | backsignal safety   (answers from a script, in order)"));
  cmd.callback([a, &ctx] { ctx.code = RunSafety(ctx.globals, *a); });
}

}  // namespace backsignal::cli
