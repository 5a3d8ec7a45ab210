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

// Reads a yes or a no; asks again on a terminal, refuses otherwise.
Result<bool> AskYesNo(std::string_view question, bool terminal) {
  for (;;) {
    if (terminal) std::cout << "  " << question << " [y/n] " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      return Fail(Error::Invalid("the safety check needs an answer to every question: \"" +
                                 std::string(question) + "\" has none"));
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    const std::string a = FoldAscii(line);
    if (a == "y" || a == "yes") return true;
    if (a == "n" || a == "no") return false;
    if (!terminal) {
      return Fail(Error::Invalid("\"" + line + "\" is not yes or no (for \"" +
                                 std::string(question) + "\")"));
    }
    std::cout << "  Please answer y (yes) or n (no).\n";
  }
}

void PrintState(const service::SafetyState& s) {
  if (!s.record) {
    std::cout << "You have not answered the safety check yet: backsignal safety\n";
    return;
  }
  const SafetyRecord& r = *s.record;
  if (r.outcome != Urgency::kClear && !s.stopped) {
    std::cout << "Safety check: your answers said " << UrgencyWords(r.outcome)
              << ", and a clinician cleared you on " << r.cleared_on->ToString()
              << ". Check-ins carry on.\nIf anything changes, answer again: backsignal safety\n";
  } else {
    std::cout << "Safety check: " << UrgencyWords(r.outcome) << ".\n"
              << SafetyAdvice(r.outcome, s.time_zone) << "\n";
  }
  if (s.stopped) {
    std::cout << "Check-ins are paused until you answer again or record a clinician's clearance:\n"
                 "  backsignal safety --cleared-on YYYY-MM-DD\n";
  }
  if (s.due) std::cout << "\nDue again: " << SafetyReasonText(*s.due) << "\n";
}

int RunSafety(const Globals& g, const SafetyArgs& a) {
  auto opened = Open(g, a.status ? OpenMode::kRead : OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  const PersonId person = (*opened)->person();
  if (a.status) {
    auto s = service::SafetyStateOf(svc, person);
    if (!s) return Report(s.error());
    PrintState(*s);
    return kOk;
  }
  if (!a.cleared_on.empty()) {
    auto today = service::TodayFor(svc, person);
    if (!today) return Report(today.error());
    auto d = ParseDateArg(a.cleared_on, "--cleared-on", *today);
    if (!d) return Report(d.error());
    auto s = service::RecordClearance(svc, person, *d);
    if (!s) return Report(s.error());
    std::cout << "Recorded that a clinician saw you and cleared you on " << d->ToString()
              << ". Check-ins carry on; the report shows the clearance.\n";
    return kOk;
  }
  const bool terminal = ::isatty(STDIN_FILENO) != 0;
  if (terminal) std::cout << "SAFETY CHECK\n" << kSafetyIntro << "\n\n";
  std::map<std::string, bool> answers;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    if (!q.follows.empty()) {
      auto lead = answers.find(std::string(q.follows));
      if (lead == answers.end() || !lead->second) continue;
    }
    auto yes = AskYesNo(SafetyQuestionText(q.id), terminal);
    if (!yes) return Report(yes.error());
    answers[std::string(q.id)] = *yes;
    if (*yes && q.if_yes == Urgency::kEmergency) break;  // help now, not more questions
  }
  auto s = service::AnswerSafety(svc, person, answers);
  if (!s) return Report(s.error());
  std::cout << "\n";
  PrintState(*s);
  return kOk;
}

}  // namespace

void SetUpSafety(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<SafetyArgs>();
  auto* status = cmd.add_flag("--status", a->status,
                              "Show your answers' outcome, and whether "
                              "the check is due again");
  cmd.add_option("--cleared-on", a->cleared_on,
                 "Record that a clinician saw you on this date and cleared you to carry on")
      ->excludes(status);
  cmd.footer(Footer(
      "  backsignal safety                       (asks each question)\n"
      "  backsignal safety --status\n"
      "  backsignal safety --cleared-on 2026-11-20\n"
      "  printf 'no\\n%.0s' {1..18} | backsignal safety   (answers from a script, in order)"));
  cmd.callback([a, &ctx] { ctx.code = RunSafety(ctx.globals, *a); });
}

}  // namespace backsignal::cli
