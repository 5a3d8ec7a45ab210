#include "text_reading.h"

namespace backsignal::cli {
namespace {

// Wraps `text` at 96 columns: the first line starts at column `first` (what is already
// written there), the others are indented by `indent` spaces.
std::string Wrap(const std::string& text, size_t indent, size_t first = 2) {
  constexpr size_t kWidth = 96;
  std::string out;
  size_t col = first;
  bool has_word = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (has_word && col + 1 + word.size() > kWidth) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
      has_word = false;
    }
    if (has_word) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    has_word = true;
  }
  return out;
}

}  // namespace

std::string ReadingToText(const Reading& r, const ReadingWords& w, const Locale& loc,
                          const std::string& safety_prompt) {
  // TRANSLATORS: the first line of `backsignal read`; {as_of} says the date and window.
  std::string out = loc.Tr("backsignal reading. {as_of}", {Arg("as_of", w.as_of)}) + "\n";
  if (!safety_prompt.empty()) {
    out += "\n" + loc.TrC("heading, capitals", "SAFETY QUESTIONS") + "\n  " +
           Wrap(safety_prompt, 2) + "\n";
  }
  if (!w.alerts.empty()) {
    out += "\n" + loc.TrC("heading, capitals", "ALERTS") + "\n";
    for (const AlertWords& a : w.alerts) out += "  ! " + Wrap(a.text, 4, 4) + "\n";
  }
  // TRANSLATORS: {title} is the verdict ("Not enough data yet").
  out += "\n" + loc.Tr("VERDICT: {title}", {Arg("title", w.title)}) + "\n  " +
         Wrap(w.explanation, 2) + "\n";
  if (!w.held_back.empty()) {
    out += "  " + loc.Tr("Holding it back:") + "\n";
    for (const std::string& e : w.held_back) out += "  ! " + Wrap(e, 4, 4) + "\n";
  }
  for (const std::string& e : w.evidence) out += "  - " + Wrap(e, 4, 4) + "\n";
  // TRANSLATORS: a note under the verdict; {note} is a sentence or two.
  for (const std::string& c : w.cautions)
    out += "  " + Wrap(loc.Tr("Note: {note}", {Arg("note", c)}), 8) + "\n";
  // TRANSLATORS: {step} is the next step, a few sentences.
  out += "  " + Wrap(loc.Tr("Next step: {step}", {Arg("step", w.next_step)}), 4) + "\n";

  if (!w.activities.empty()) {
    out += "\n" + loc.TrC("heading, capitals", "EACH ACTIVITY ON ITS OWN (the last four weeks)") +
           "\n";
    for (const ActivityWords& a : w.activities) {
      out += std::string(a.setting_off ? "  ! " : "  - ") + Wrap(a.text, 4, 4) + "\n";
    }
  }

  out += "\n" + loc.TrC("heading, capitals", "USUAL MORNING") + "\n  " + Wrap(w.usual, 2) + "\n";
  if (!w.progress.empty()) out += "  " + Wrap(w.progress, 2) + "\n";

  out += "\n" +
         loc.TrC("heading, capitals",
                 "WHAT TENDS TO GO WITH A HIGHER MORNING (associations, not causes)") +
         "\n";
  for (const AssociationWords& a : w.associations) out += "  - " + Wrap(a.text, 4, 4) + "\n";
  if (!w.associations_note.empty()) out += "  " + Wrap(w.associations_note, 2) + "\n";

  out += "\n" + loc.TrC("heading, capitals", "SESSIONS IN THE LAST TWO WEEKS") + "\n";
  bool any = false;
  for (const SessionWords& s : w.sessions) {
    if (s.date < r.window_start) continue;
    any = true;
    out += "  " + s.heading + "\n";
    // TRANSLATORS: a session's three windows, each {text} a few words.
    out += "    " + loc.Tr("during: {text}", {Arg("text", s.during)}) + "\n";
    out += "    " + loc.Tr("an hour after: {text}", {Arg("text", s.hour_after)}) + "\n";
    out += "    " + loc.Tr("next morning: {text}", {Arg("text", s.morning)}) + "\n";
    if (!s.also.empty()) out += "    " + Wrap(s.also, 4, 4) + "\n";
  }
  if (!any) out += "  " + loc.Tr("none recorded") + "\n";
  return out;
}

}  // namespace backsignal::cli
