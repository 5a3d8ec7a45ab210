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

std::string ReadingToText(const Reading& r, const ReadingWords& w,
                          const std::string& safety_prompt) {
  std::string out = "backsignal reading. " + w.as_of + "\n";
  if (!safety_prompt.empty()) out += "\nSAFETY QUESTIONS\n  " + Wrap(safety_prompt, 2) + "\n";
  if (!w.alerts.empty()) {
    out += "\nALERTS\n";
    for (const AlertWords& a : w.alerts) out += "  ! " + Wrap(a.text, 4, 4) + "\n";
  }
  out += "\nVERDICT: " + w.title + "\n  " + Wrap(w.explanation, 2) + "\n";
  if (!w.held_back.empty()) {
    out += "  Holding it back:\n";
    for (const std::string& e : w.held_back) out += "  ! " + Wrap(e, 4, 4) + "\n";
  }
  for (const std::string& e : w.evidence) out += "  - " + Wrap(e, 4, 4) + "\n";
  for (const std::string& c : w.cautions) out += "  Note: " + Wrap(c, 8, 8) + "\n";
  out += "  Next step: " + Wrap(w.next_step, 4, 13) + "\n";

  if (!w.activities.empty()) {
    out += "\nEACH ACTIVITY ON ITS OWN (the last four weeks)\n";
    for (const ActivityWords& a : w.activities) {
      out += std::string(a.setting_off ? "  ! " : "  - ") + Wrap(a.text, 4, 4) + "\n";
    }
  }

  out += "\nUSUAL MORNING\n  " + Wrap(w.usual, 2) + "\n";
  if (!w.progress.empty()) out += "  " + Wrap(w.progress, 2) + "\n";

  out += "\nWHAT TENDS TO GO WITH A HIGHER MORNING (associations, not causes)\n";
  for (const AssociationWords& a : w.associations) out += "  - " + Wrap(a.text, 4, 4) + "\n";
  if (!w.associations_note.empty()) out += "  " + Wrap(w.associations_note, 2) + "\n";

  out += "\nSESSIONS IN THE LAST TWO WEEKS\n";
  bool any = false;
  for (const SessionWords& s : w.sessions) {
    if (s.date < r.window_start) continue;
    any = true;
    out += "  " + s.heading + "\n";
    out += "    during: " + s.during + "\n";
    out += "    an hour after: " + s.hour_after + "\n";
    out += "    next morning: " + s.morning + "\n";
    if (!s.also.empty()) out += "    " + Wrap(s.also, 4, 4) + "\n";
  }
  if (!any) out += "  none recorded\n";
  return out;
}

}  // namespace backsignal::cli
