// Each diary field in a person's words: made here once for the page, the command line's help
// and what a check-in of the day's context says back.
#include "backsignal/words/fields.h"

#include "backsignal/words/words.h"

namespace backsignal {
namespace {

std::string Score10(const std::optional<Score>& s) {
  return s ? FormatScoreNumber(s->value()) : std::string();
}

constexpr ChoiceWords kLoadWords[] = {
    {"rotation", "Sustained rotation"},
    {"breathing_under_load", "Heavy breathing under load"},
    {"arms_away", "Arms working away from the body"},
};

constexpr ChoiceWords kInjuryWords[] = {
    {"fall", "A fall"},
    {"other", "Another injury"},
};

constexpr ChoiceWords kPatternWords[] = {
    {"stable", "Stable"},
    {"building", "Building"},
    {"eased", "Easing"},
};

const FieldWords kContextWords[] = {
    {.name = "sleep_hours",
     .label = "Hours of sleep last night",
     .help = "Hours slept last night (0-24, in half hours), recorded on the morning's date",
     .low = "0 h",
     .high = "10 h",
     .half = "+½ hour",
     .beyond = "Slept more than 10 hours?",
     .beyond_label = "More than 10 hours: how many?",
     .said =
         [](const Context& c) {
           return c.sleep_hours ? "slept " + FormatScoreNumber(*c.sleep_hours) + " h"
                                : std::string();
         }},
    {.name = "sleep_quality",
     .label = "How well you slept",
     .help = "How well you slept, 0 (very poorly) to 10",
     .low = "0 very poorly",
     .high = "10 very well",
     .folded = true,
     .said =
         [](const Context& c) {
           return c.sleep_quality ? "sleep " + Score10(c.sleep_quality) + "/10" : std::string();
         }},
    {.name = "stress",
     .label = "Stress today",
     .help = "Stress, 0-10",
     .said =
         [](const Context& c) { return c.stress ? "stress " + Score10(c.stress) : std::string(); }},
    {.name = "upper_body_tension",
     .label = "Upper-body tension",
     .help = "Upper-body tension, 0-10",
     .low = "0 relaxed",
     .high = "10 very tense",
     .said =
         [](const Context& c) {
           return c.upper_body_tension ? "upper-body tension " + Score10(c.upper_body_tension)
                                       : std::string();
         }},
    {.name = "sitting_hours",
     .label = "Hours of sitting",
     .help = "Hours of sustained sitting earlier in the day (0-24)",
     .said =
         [](const Context& c) {
           return c.sitting_hours ? "sitting " + FormatScoreNumber(*c.sitting_hours) + " h"
                                  : std::string();
         }},
    {.name = "prolonged_position",
     .label = "Long spells in one position",
     .help = "Long spells in one position",
     .off_help = "No long spells in one position",
     .said =
         [](const Context& c) {
           return c.prolonged_position.value_or(false) ? std::string("long spells in one position")
                                                       : std::string();
         }},
    {.name = "painkillers",
     .label = "Took something for the pain",
     .help = "Took something for the pain today",
     .off_help = "Took nothing for the pain",
     .said =
         [](const Context& c) {
           if (!c.painkillers.value_or(false)) return std::string();
           return c.painkiller_name ? "painkillers (" + *c.painkiller_name + ")"
                                    : std::string("painkillers");
         }},
    {.name = "painkiller_name",
     .label = "What you took (optional)",
     .help = "What you took (up to 100 characters; implies --painkillers)"},
    {.name = "tags",
     .label = "Your own factors",
     .help = "A factor of your own, like \"long drive\" (repeat for more; replaces the day's "
             "list)",
     .off_help = "Clear the day's own factors",
     .hint = "like long drive, period, new mattress",
     .said =
         [](const Context& c) {
           std::string out;
           for (const std::string& t : c.tags.value_or(std::vector<std::string>{})) {
             out += (out.empty() ? "" : "; ") + ("\u201c" + t + "\u201d");
           }
           return out;
         }},
    {.name = "injury",
     .label = "A fall or an injury today",
     .help = "A fall or another injury to your back or chest today: fall or other (the safety "
             "questions are asked again)",
     .off_help = "No fall or injury that day (takes one out)",
     .hint = "Recording one asks the safety questions again.",
     .choices = kInjuryWords,
     .said =
         [](const Context& c) {
           if (!c.injury) return std::string();
           return std::string(*c.injury == Injury::kFall ? "a fall" : "an injury");
         }},
};

const FieldWords kSessionWords[] = {
    {.name = "time", .label = "Started at", .help = "Start time HH:MM"},
    {.name = "minutes", .label = "Minutes", .help = "Length in minutes (1-600)"},
    {.name = "activity", .label = "Activity", .help = "What you did"},
    {.name = "load",
     .label = "What it asked of your mid back",
     .help = "Indirect demands, comma-separated: rotation, breathing_under_load, arms_away",
     .choices = kLoadWords},
    {.name = "during_start",
     .label = "Discomfort early in the session",
     .help = "Discomfort early in the session, 0-10"},
    {.name = "during_end", .label = "Discomfort at the end", .help = "Discomfort at the end, 0-10"},
    {.name = "during_pattern",
     .label = "As it went on, the discomfort was",
     .help = "How it moved: stable, building or eased",
     .choices = kPatternWords},
    {.name = "during_sharp",
     .label = "Sharp or catching pain",
     .help = "Sharp or catching pain during a twisting or reaching movement",
     .off_help = "No sharp or catching pain"},
    {.name = "hour_after_pain", .label = "Pain now", .help = "Pain now, 0-10"},
    {.name = "hour_after_tighter",
     .label = "Tighter or more restricted than before",
     .help = "Noticeably tighter or more restricted than before",
     .off_help = "Not tighter than before"},
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
