// The point of view of the words (issue 20 #7): made in the person's own voice, and retold for a
// clinician reading about them. One pass over each sentence, word by word, so that the words
// module writes every sentence once.
#include <cctype>

#include "backsignal/words/words.h"

namespace backsignal {
namespace {

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The word before `at` (letters only), lower case.
std::string WordBefore(const std::string& text, size_t at) {
  size_t end = at;
  while (end > 0 && !IsLetter(text[end - 1])) --end;
  size_t begin = end;
  while (begin > 0 && IsLetter(text[begin - 1])) --begin;
  std::string w = text.substr(begin, end - begin);
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// "you" is the object after these, or before the end of a clause.
bool ObjectYou(const std::string& text, size_t begin, size_t end) {
  const std::string before = WordBefore(text, begin);
  if (before == "to" || before == "for" || before == "with") return true;
  size_t next = end;
  while (next < text.size() && text[next] == ' ') ++next;
  return next == text.size() || text[next] == '.' || text[next] == ',' || text[next] == ';' ||
         text[next] == ':' || text[next] == ')';
}

std::string Capitalised(std::string s, bool upper) {
  if (upper && !s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

std::string InVoice(const std::string& text, const Voice& voice) {
  if (!voice.third_person) return text;
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    if (!IsLetter(text[i])) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsLetter(text[end])) ++end;
    const std::string word = text.substr(i, end - i);
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool upper = std::isupper(static_cast<unsigned char>(word[0])) != 0;
    if (lower == "your") {
      // The person's usual morning, named where a sentence opens on it.
      if (upper && !voice.name.empty() && text.compare(end, 14, " usual morning") == 0) {
        out += voice.name + "'s";
      } else {
        out += Capitalised("their", upper);
      }
    } else if (lower == "you") {
      out += Capitalised(ObjectYou(text, i, end) ? "them" : "they", upper);
    } else if (lower == "yours") {
      out += Capitalised("theirs", upper);
    } else if (lower == "yourself") {
      out += Capitalised("themselves", upper);
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

// German's formal address is the third person plural: "bevor Sie ändern", "Ihre Morgen" retold
// about the person are "bevor sie ändern", "ihre Morgen" (a sentence's first word stays
// capitalised). An imperative keeps its "Sie" ("Lassen Sie ihre Einheiten, wie sie sind", "hören
// Sie auf"): lowercased it would read "they let", which is no German sentence; the advice then
// speaks to the reader about the person. An imperative is a verb's infinitive form, ending in
// -en, -rn or -ln, right before "Sie".
// Spanish's texts are written in usted forms without "usted", which read as the third person
// as they are (docs/languages.md).
std::string RetoldInVoice(const std::string& text, const Voice& voice, const Locale& loc) {
  if (!voice.third_person) return text;
  if (loc.tag() == "en") return InVoice(text, voice);
  if (loc.tag() != "de") return text;
  static const char* kFormal[] = {"Sie",   "Ihr",   "Ihre",  "Ihrer",
                                  "Ihren", "Ihrem", "Ihres", "Ihnen"};
  const auto imperative_verb = [](const std::string& w) {
    return w.size() > 2 && w.back() == 'n' &&
           (w[w.size() - 2] == 'e' || w[w.size() - 2] == 'r' || w[w.size() - 2] == 'l');
  };
  std::string out;
  std::string previous;  // the word before, when only spaces lie between
  size_t i = 0;
  bool sentence_start = true;
  while (i < text.size()) {
    if (!IsLetter(text[i])) {
      if (text[i] != ' ') previous.clear();
      if (text[i] == '.' || text[i] == ':' || text[i] == '!' || text[i] == '?') {
        sentence_start = true;
      }
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && (IsLetter(text[end]) || (text[end] & 0x80) != 0)) ++end;
    std::string word = text.substr(i, end - i);
    const bool keeps = word == "Sie" && imperative_verb(previous);
    if (!sentence_start && !keeps) {
      for (const char* f : kFormal) {
        if (word == f)
          word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
      }
    }
    sentence_start = false;
    previous = word;
    out += word;
    i = end;
  }
  return out;
}

ReadingWords InVoice(ReadingWords w, const Voice& voice) {
  return RetoldInVoice(std::move(w), voice, Locale::English());
}

ReadingWords RetoldInVoice(ReadingWords w, const Voice& voice, const Locale& loc) {
  if (!voice.third_person) return w;
  const auto retell = [&voice, &loc](std::string& s) { s = RetoldInVoice(s, voice, loc); };
  for (std::string* s : {&w.title, &w.explanation, &w.usual, &w.progress, &w.next_step,
                         &w.associations_note, &w.as_of}) {
    retell(*s);
  }
  for (std::string& s : w.evidence) retell(s);
  for (std::string& s : w.held_back) retell(s);
  for (std::string& s : w.cautions) retell(s);
  for (ActivityWords& a : w.activities) retell(a.text);
  for (AlertWords& a : w.alerts) retell(a.text);
  for (SessionWords& s : w.sessions) {
    for (std::string* t : {&s.heading, &s.during, &s.hour_after, &s.morning, &s.also}) retell(*t);
  }
  for (AssociationWords& a : w.associations) retell(a.text);
  return w;
}

}  // namespace backsignal
