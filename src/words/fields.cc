// Each diary field in a person's words: made here once for the page, the command line's help
// and what a check-in of the day's context says back.
#include "backsignal/words/fields.h"

#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal {
namespace {

using words_detail::L;

// The rows' words are marked N_ here, and translated where they are shown (the API's
// /api/v1/fields, the command line's --help); what a check-in says of a field is made in the
// language of the call (ContextPhrase's scope, words_detail::L).
std::string Num(double v) { return L().Number(v); }
std::string Score10(const std::optional<Score>& s) { return s ? Num(s->value()) : std::string(); }

constexpr ChoiceWords kLoadWords[] = {
    {"rotation", N_("Sustained rotation")},
    {"breathing_under_load", N_("Heavy breathing under load")},
    {"arms_away", N_("Arms working away from the body")},
};

constexpr ChoiceWords kInjuryWords[] = {
    {"fall", N_("A fall")},
    {"other", N_("Another injury")},
};

constexpr ChoiceWords kPatternWords[] = {
    {"stable", N_("Stable")},
    {"building", N_("Building")},
    {"eased", N_("Easing")},
};

const FieldWords kContextWords[] = {
    {.name = "sleep_hours",
     .label = N_("Hours of sleep last night"),
     .help = N_("Hours slept last night (0-24, in half hours), recorded on the morning's date"),
     .low = N_("0 h"),
     .high = N_("10 h"),
     .half = N_("+½ hour"),
     .beyond = N_("Slept more than 10 hours?"),
     .beyond_label = N_("More than 10 hours: how many?"),
     .said =
         [](const Context& c) {
           // TRANSLATORS: in what a check-in says back; {hours} slept last night ("7.5").
           return c.sleep_hours ? L().Tr("slept {hours} h", {Arg("hours", Num(*c.sleep_hours))})
                                : std::string();
         }},
    {.name = "sleep_quality",
     .label = N_("How well you slept"),
     .help = N_("How well you slept, 0 (very poorly) to 10"),
     .low = N_("0 very poorly"),
     .high = N_("10 very well"),
     .folded = true,
     .said =
         [](const Context& c) {
           // TRANSLATORS: how well the person slept, {score} of 10.
           return c.sleep_quality
                      ? L().Tr("sleep {score}/10", {Arg("score", Score10(c.sleep_quality))})
                      : std::string();
         }},
    {.name = "stress",
     .label = N_("Stress today"),
     .help = N_("Stress, 0-10"),
     .said =
         [](const Context& c) {
           // TRANSLATORS: stress today, {score} 0-10.
           return c.stress ? L().Tr("stress {score}", {Arg("score", Score10(c.stress))})
                           : std::string();
         }},
    {.name = "upper_body_tension",
     .label = N_("Upper-body tension"),
     .help = N_("Upper-body tension, 0-10"),
     .low = N_("0 relaxed"),
     .high = N_("10 very tense"),
     .said =
         [](const Context& c) {
           // TRANSLATORS: upper-body tension today, {score} 0-10.
           return c.upper_body_tension ? L().Tr("upper-body tension {score}",
                                                {Arg("score", Score10(c.upper_body_tension))})
                                       : std::string();
         }},
    {.name = "sitting_hours",
     .label = N_("Hours of sitting"),
     .help = N_("Hours of sustained sitting earlier in the day (0-24)"),
     .said =
         [](const Context& c) {
           // TRANSLATORS: {hours} of sustained sitting that day ("7.5").
           return c.sitting_hours
                      ? L().Tr("sitting {hours} h", {Arg("hours", Num(*c.sitting_hours))})
                      : std::string();
         }},
    {.name = "prolonged_position",
     .label = N_("Long spells in one position"),
     .help = N_("Long spells in one position"),
     .off_help = N_("No long spells in one position"),
     .said =
         [](const Context& c) {
           return c.prolonged_position.value_or(false) ? L().Tr("long spells in one position")
                                                       : std::string();
         }},
    {.name = "painkillers",
     .label = N_("Took something for the pain"),
     .help = N_("Took something for the pain today"),
     .off_help = N_("Took nothing for the pain"),
     .said =
         [](const Context& c) {
           if (!c.painkillers.value_or(false)) return std::string();
           // TRANSLATORS: painkillers taken that day; {name} is the person's own ("ibuprofen").
           return c.painkiller_name
                      ? L().Tr("painkillers ({name})", {Arg("name", *c.painkiller_name)})
                      : L().Tr("painkillers");
         }},
    {.name = "painkiller_name",
     .label = N_("What you took (optional)"),
     .help = N_("What you took (up to 100 characters; implies --painkillers)")},
    {.name = "tags",
     .label = N_("Your own factors"),
     .help = N_("A factor of your own, like \"long drive\" (repeat for more; replaces the day's "
                "list)"),
     .off_help = N_("Clear the day's own factors"),
     .hint = N_("like long drive, period, new mattress"),
     .said =
         [](const Context& c) {
           std::string out;
           for (const std::string& t : c.tags.value_or(std::vector<std::string>{})) {
             if (!out.empty()) out += "; ";
             // TRANSLATORS: a factor of the person's own, in the language's quotation marks.
             out += L().Tr("\u201c{factor}\u201d", {Arg("factor", t)});
           }
           return out;
         }},
    {.name = "injury",
     .label = N_("A fall or an injury today"),
     .help = N_("A fall or another injury to your back or chest today: fall or other (the safety "
                "questions are asked again)"),
     .off_help = N_("No fall or injury that day (takes one out)"),
     .hint = N_("Recording one asks the safety questions again."),
     .choices = kInjuryWords,
     .said =
         [](const Context& c) {
           if (!c.injury) return std::string();
           return *c.injury == Injury::kFall ? L().Tr("a fall") : L().Tr("an injury");
         }},
};

const FieldWords kSessionWords[] = {
    {.name = "time", .label = N_("Started at"), .help = N_("Start time HH:MM")},
    {.name = "minutes", .label = N_("Minutes"), .help = N_("Length in minutes (1-600)")},
    {.name = "activity", .label = N_("Activity"), .help = N_("What you did")},
    {.name = "load",
     .label = N_("What it asked of your mid back"),
     .help = N_("Indirect demands, comma-separated: rotation, breathing_under_load, arms_away"),
     .choices = kLoadWords},
    {.name = "during_start",
     .label = N_("Discomfort early in the session"),
     .help = N_("Discomfort early in the session, 0-10")},
    {.name = "during_end",
     .label = N_("Discomfort at the end"),
     .help = N_("Discomfort at the end, 0-10")},
    {.name = "during_pattern",
     .label = N_("As it went on, the discomfort was"),
     .help = N_("How it moved: stable, building or eased"),
     .choices = kPatternWords},
    {.name = "during_sharp",
     .label = N_("Sharp or catching pain"),
     .help = N_("Sharp or catching pain during a twisting or reaching movement"),
     .off_help = N_("No sharp or catching pain")},
    {.name = "hour_after_pain", .label = N_("Pain now"), .help = N_("Pain now, 0-10")},
    {.name = "hour_after_tighter",
     .label = N_("Tighter or more restricted than before"),
     .help = N_("Noticeably tighter or more restricted than before"),
     .off_help = N_("Not tighter than before")},
    {.name = "effort",
     .label = N_("How hard it was"),
     .help = N_("How hard the session was, 0-10 (0 = rest, 10 = as hard as you can go)"),
     .low = N_("0 rest"),
     .high = N_("10 as hard as you can go")},
};

}  // namespace

std::span<const FieldWords> ContextFieldWords() { return kContextWords; }
std::span<const FieldWords> SessionFieldWords() { return kSessionWords; }

const FieldWords* WordsOfField(std::string_view name) {
  for (const FieldWords& w : kContextWords) {
    if (w.name == name) return &w;
  }
  for (const FieldWords& w : kSessionWords) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

}  // namespace backsignal
