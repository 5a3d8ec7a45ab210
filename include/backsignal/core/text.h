// A message made by pure code (a validator, a parser, a service) that a front door can translate
// with its placeholders (docs/languages.md, "Errors"). Core cannot use the words module, so a
// message is kept as its English source with named placeholders and their values: its English
// is Fill'ed here, and the words module's Locale::Tr(const Text&) looks the source up in the
// catalogue and fills the translation with the same values.
//
// Make one with T_ (a sentence) or NT_ (a plural); xgettext finds both (scripts/i18n.py), and a
// `// TRANSLATORS:` comment on the line before says what each placeholder is. A value that is a
// code (a field's name, a JSON path, a number, a person's own text) is a literal and stays as it
// is in every language; a value that is itself a T_ message is translated too.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace backsignal {

struct Text {
  std::string name;       // as a placeholder's value: the placeholder's name; else empty
  std::string id;         // the English source ("{value} is above ..."), or a literal's value
  std::string id_plural;  // a plural's other form (id is the form for one); else empty
  int64_t n = 0;          // a plural's count, {n} in its text
  bool literal = false;   // a code or a value: never looked up in a catalogue
  bool plural = false;
  bool marked = false;     // made by Marked
  std::vector<Text> args;  // the placeholders' values

  // The message in English: the source with its placeholders filled ({{ and }} are braces).
  std::string English() const;
  // The English, so that code that takes a std::string keeps working with a Text.
  operator std::string() const { return English(); }  // NOLINT(google-explicit-constructor)

  // A value that stays as it is in every language.
  static Text Literal(std::string value) {
    Text t;
    t.id = std::move(value);
    t.literal = true;
    return t;
  }
  // A message made before messages had placeholders, or marked N_ where it was written: the
  // catalogue may hold it whole (Locale::TrMarked), else it stays as it is.
  static Text Marked(std::string english) {
    Text t;
    t.id = std::move(english);
    t.marked = true;
    return t;
  }
};

// One placeholder's value: a literal (text, a number) or another message.
struct TextArg {
  Text value;
  TextArg(std::string_view name, std::string v) : value(Text::Literal(std::move(v))) {
    value.name = name;
  }
  TextArg(std::string_view name, const char* v) : TextArg(name, std::string(v)) {}
  TextArg(std::string_view name, std::string_view v) : TextArg(name, std::string(v)) {}
  TextArg(std::string_view name, Text v) : value(std::move(v)) { value.name = name; }
  template <typename I>
  requires std::is_integral_v<I> TextArg(std::string_view name, I v)
      : TextArg(name, std::to_string(v)) {}
};

// A message with its placeholders' values: T_("{value} is above the top of the scale (0 to 10)",
// {{"value", "11"}}).
inline Text T_(const char* id, std::initializer_list<TextArg> args = {}) {
  Text t;
  t.id = id;
  t.args.reserve(args.size());
  for (const TextArg& a : args) t.args.push_back(a.value);
  return t;
}

// A plural: the form for n by the language's rule; {n} is n.
inline Text NT_(const char* one, const char* many, int64_t n,
                std::initializer_list<TextArg> args = {}) {
  Text t = T_(one, args);
  t.id_plural = many;
  t.n = n;
  t.plural = true;
  return t;
}

// "days[0].morning.pain: 11 is above ...": a problem at its place (a JSON path, a CSV line and
// column, a field's name), the place a literal.
inline Text Problem(std::string place, Text problem) {
  // TRANSLATORS: {place} is where the problem is ("days[0].morning.pain", "line 2, flare_pain");
  // {problem} what is wrong there.
  return T_("{place}: {problem}", {{"place", std::move(place)}, {"problem", std::move(problem)}});
}

// Whether `t` was made by Problem(place, problem): then t.args[0] is the place (a literal) and
// t.args[1] the problem, so that a caller can put the place after its own ("tags" + "[1]").
inline bool IsProblem(const Text& t) {
  return !t.literal && !t.marked && !t.plural && t.args.size() == 2 && t.id == "{place}: {problem}";
}

// `text` with each {name} replaced by the value `lookup(name)` points to (a placeholder it gives
// none for, nullptr, stays as it is); "{{" and "}}" are literal braces. A value that ends with a
// full stop takes the one after it: "am {date}." with "So. 6. Dez." reads "am So. 6. Dez.", not
// "Dez..". The one loop under FillText here and the words module's Fill.
template <typename Lookup>
std::string FillWith(std::string_view text, const Lookup& lookup) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      i += 2;
      continue;
    }
    if (c == '{') {
      const size_t end = text.find('}', i + 1);
      if (end != std::string_view::npos) {
        if (const std::string* value = lookup(text.substr(i + 1, end - i - 1))) {
          out += *value;
          i = end + 1;
          if (!value->empty() && value->back() == '.' && i < text.size() && text[i] == '.' &&
              (i + 1 == text.size() || text[i + 1] != '.')) {
            ++i;
          }
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

// {name} in `text` replaced by its value in `args` (the last of a name wins), as FillWith.
std::string FillText(std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& args);

// English concatenation, for code that builds a message around a Text still in English.
inline std::string operator+(std::string a, const Text& b) { return a.append(b.English()); }
inline std::string operator+(const char* a, const Text& b) { return std::string(a) + b; }
inline std::string operator+(const Text& a, std::string_view b) { return a.English().append(b); }
inline std::string operator+(const Text& a, const char* b) { return a + std::string_view(b); }

inline bool operator==(const Text& a, std::string_view b) { return a.English() == b; }
inline std::ostream& operator<<(std::ostream& os, const Text& t) { return os << t.English(); }

}  // namespace backsignal
