#include "backsignal/core/diary.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "backsignal/core/fields.h"

namespace backsignal {

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

Expected<Score, Text> Score::FromDouble(double value) {
  const std::string v = FormatNumber(value);
  if (!std::isfinite(value)) {
    // TRANSLATORS: {value} is the number given, as it was written ("NaN", "Infinity").
    return Unexpected(T_("{value} is not a number from 0 to 10", {{"value", v}}));
  }
  if (value < 0) {
    // TRANSLATORS: {value} is the number given ("-1").
    return Unexpected(T_("{value} is below the bottom of the scale (0 to 10)", {{"value", v}}));
  }
  if (value > 10) {
    // TRANSLATORS: {value} is the number given ("11").
    return Unexpected(T_("{value} is above the top of the scale (0 to 10)", {{"value", v}}));
  }
  const double halves = value * 2;
  if (halves != std::floor(halves)) {
    return Unexpected(
        // TRANSLATORS: {value} is the number given ("3.25").
        T_("{value} is not in steps of 0.5 (a score is like 3 or 3.5)", {{"value", v}}));
  }
  return Score(static_cast<int>(halves));
}

std::string_view LoadName(Load load) {
  switch (load) {
    case Load::kRotation:
      return "rotation";
    case Load::kBreathingUnderLoad:
      return "breathing_under_load";
    case Load::kArmsAway:
      return "arms_away";
  }
  return "?";
}

Expected<Load, Text> ParseLoad(std::string_view name) {
  for (Load l : kAllLoads) {
    if (LoadName(l) == name) return l;
  }
  // TRANSLATORS: after a value ("\"twist\" is not a load..."); the three names are codes.
  return Unexpected(T_("is not a load; expected rotation, breathing_under_load or arms_away"));
}

std::string_view PatternName(Pattern p) {
  const auto i = static_cast<size_t>(p);
  return i < std::size(kPatternNames) ? kPatternNames[i] : "?";
}

Expected<Pattern, Text> ParsePattern(std::string_view name) {
  for (size_t i = 0; i < std::size(kPatternNames); ++i) {
    if (kPatternNames[i] == name) return static_cast<Pattern>(i);
  }
  // TRANSLATORS: after a value; the three names are codes.
  return Unexpected(T_("is not a pattern; expected stable, building or eased"));
}

Expected<int, Text> ValidateMinutes(double value) {
  const std::string v = FormatNumber(value);
  if (!std::isfinite(value) || value != std::floor(value)) {
    // TRANSLATORS: {value} is the number given ("12.5").
    return Unexpected(T_("{value} is not a whole number of minutes (1 to 600)", {{"value", v}}));
  }
  if (value < kMinMinutes || value > kMaxMinutes) {
    // TRANSLATORS: {value} is the number given ("700").
    return Unexpected(T_("{value} minutes is outside 1 to 600", {{"value", v}}));
  }
  return static_cast<int>(value);
}

Expected<double, Text> ValidateSittingHours(double value) {
  if (!std::isfinite(value) || value < 0 || value > kMaxSittingHours) {
    // TRANSLATORS: {value} is the number given ("30").
    return Unexpected(T_("{value} hours is outside 0 to 24", {{"value", FormatNumber(value)}}));
  }
  return value;
}

Expected<double, Text> ValidateSleepHours(double value) {
  const std::string v = FormatNumber(value);
  if (!std::isfinite(value) || value < 0 || value > kMaxSleepHours) {
    // TRANSLATORS: {value} is the number given ("30").
    return Unexpected(T_("{value} hours of sleep is outside 0 to 24", {{"value", v}}));
  }
  if (value * 2 != std::floor(value * 2)) {
    // TRANSLATORS: {value} is the number given ("6.2").
    return Unexpected(T_("{value} is not in half hours (like 6 or 6.5)", {{"value", v}}));
  }
  return value;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

Expected<std::string, Text> ValidateText(std::string_view text, size_t max_chars) {
  // TRANSLATORS: after "the text" or a factor's name.
  if (!IsValidUtf8(text)) return Unexpected(T_("is not valid UTF-8"));
  if (text.find('\0') != std::string_view::npos) {
    // TRANSLATORS: after "the text" or a factor's name.
    return Unexpected(T_("holds a NUL character (U+0000), which text cannot hold"));
  }
  const size_t n = CountCodePoints(text);
  if (n > max_chars) {
    return Unexpected(
        // TRANSLATORS: after "the text"; {count} is its length, {max} the most that fits.
        T_("is {count} characters long; at most {max} fit", {{"count", n}, {"max", max_chars}}));
  }
  return std::string(text);
}

Expected<std::string, Text> ValidateTag(std::string_view tag) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!tag.empty() && space(tag.front())) tag.remove_prefix(1);
  while (!tag.empty() && space(tag.back())) tag.remove_suffix(1);
  // TRANSLATORS: of one of the person's own factors ("long drive"), after its place.
  if (tag.empty()) return Unexpected(T_("is empty; a factor needs a name"));
  auto text = ValidateText(tag, kMaxTagChars);
  if (!text) return Unexpected(text.error());
  for (unsigned char c : *text) {
    if (c < 0x20 || c == 0x7f) {
      // TRANSLATORS: of a factor's name.
      return Unexpected(T_("holds a control character (a line break or tab)"));
    }
    // TRANSLATORS: of a factor's name; ';' stays.
    if (c == ';') return Unexpected(T_("holds a ';', which separates factors in CSV"));
  }
  return text;
}

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Expected<std::vector<std::string>, Text> ValidateTags(const std::vector<std::string>& tags) {
  if (tags.size() > kMaxTagsPerDay) {
    // The list's own place is the caller's: ": 21 factors; ..." after it.
    // TRANSLATORS: {count} factors were given; {max} is the most a day holds.
    return Unexpected(Problem("", T_("{count} factors; at most {max} fit in a day",
                                     {{"count", tags.size()}, {"max", kMaxTagsPerDay}})));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string at = "[" + std::to_string(i) + "]";
    auto t = ValidateTag(tags[i]);
    if (!t) return Unexpected(Problem(at, t.error()));
    for (const std::string& seen : out) {
      if (FoldAscii(seen) == FoldAscii(*t)) {
        // TRANSLATORS: {name} is a name given twice in one list.
        return Unexpected(Problem(at, T_("\"{name}\" is given twice", {{"name", *t}})));
      }
    }
    out.push_back(std::move(*t));
  }
  return out;
}

std::vector<TagUse> TagsInUse(const Diary& diary, size_t limit) {
  // One pass, newest day first: each tag's first sighting is its last use. Linear in the tags
  // of the diary.
  std::vector<TagUse> out;
  std::unordered_map<std::string, size_t> index;  // folded name -> its place in `out`
  for (auto it = diary.days.rbegin(); it != diary.days.rend(); ++it) {
    if (!it->context.tags) continue;
    for (const std::string& t : *it->context.tags) {
      const auto [found, inserted] = index.try_emplace(FoldAscii(t), out.size());
      if (inserted) {
        out.push_back({t, 1, it->date});
      } else {
        ++out[found->second].days;
      }
    }
  }
  const size_t n = std::min(limit, out.size());
  const auto order = [](const TagUse& a, const TagUse& b) {
    return a.last > b.last || (a.last == b.last && a.name < b.name);
  };
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), order);
  out.resize(n);
  return out;
}

size_t CountDistinctTags(const std::vector<std::string>& tags_of_days) {
  std::unordered_set<std::string> seen;
  for (const std::string& t : tags_of_days) seen.insert(FoldAscii(t));
  return seen.size();
}

Result<void> ValidateDay(const Day& day) {
  ProblemList problems(20);
  const std::string at = day.date.ToString() + " ";
  // Each field's value as every format would check it.
  auto check = [&](const FieldSpec& f, const FieldValue& v, const std::string& where) {
    auto ok = CheckField(f, v);
    if (!ok) {
      if (f.kind == FieldKind::kTags && IsProblem(ok.error())) {
        // a factor's place ("[1]: ...")
        problems.Add(Problem(at + where + ok.error().args[0].English(), ok.error().args[1]));
      } else {
        problems.Add(Problem(at + where, ok.error()));
      }
    } else if (f.kind == FieldKind::kTags && *ok != v) {
      problems.Add(Problem(at + where, T_("a factor has spaces around it")));
    }
  };
  if (day.morning) {
    check({.kind = FieldKind::kScore}, day.morning->pain.value(), "morning.pain");
    if (day.morning->stiffness) {
      check({.kind = FieldKind::kScore}, day.morning->stiffness->value(), "morning.stiffness");
    }
  }
  for (const Field<Context>& f : ContextFields()) {
    check(f.spec, f.get(day.context), "context." + std::string(f.spec.json_key));
  }
  if (day.context.painkiller_name && day.context.painkillers != true) {
    problems.Add(
        // TRANSLATORS: "painkillers: true" is JSON and stays.
        Problem(at + "context.painkiller_name", T_("a painkiller's name needs painkillers: true")));
  }
  if (day.context.tags && day.context.tags->empty()) {
    problems.Add(Problem(at + "context.tags", T_("an empty list (leave tags out instead)")));
  }
  if (day.note) {
    if (auto ok = ValidateText(*day.note, kMaxNoteChars); !ok) {
      problems.Add(Problem(at + "note", T_("the text {problem}", {{"problem", ok.error()}})));
    }
  }
  if (day.note_pinned && !day.note)
    problems.Add(Problem(at + "note_pinned", T_("a pin needs a note")));
  if (day.sessions.size() > kMaxSessionsPerDay) {
    problems.Add(Problem(at + "sessions",
                         // TRANSLATORS: {count} sessions were given; {max} is the most a day holds.
                         T_("{count} sessions; at most {max} fit in a day",
                            {{"count", day.sessions.size()}, {"max", kMaxSessionsPerDay}})));
  }
  for (size_t i = 0; i < day.sessions.size() && i < kMaxSessionsPerDay; ++i) {
    const std::string p = "sessions[" + std::to_string(i) + "].";
    for (const Field<Session>& f : SessionFields()) {
      const std::string where =
          p + (f.spec.json_object.empty()
                   ? std::string(f.spec.json_key)
                   : std::string(f.spec.json_object) + "." + std::string(f.spec.json_key));
      check(f.spec, f.get(day.sessions[i]), where);
    }
  }
  // TRANSLATORS: {date} is YYYY-MM-DD; in "the day 2026-01-05 refused: 2 problems".
  if (auto refusal = problems.Refusal(T_("the day {date}", {{"date", day.date.ToString()}}))) {
    return Fail(*refusal);
  }
  return {};
}

const Day* Diary::Find(Date date) const {
  auto it = std::lower_bound(days.begin(), days.end(), date,
                             [](const Day& d, Date x) { return d.date < x; });
  return (it != days.end() && it->date == date) ? &*it : nullptr;
}

std::optional<Date> SortDays(std::vector<Day>& days) {
  std::stable_sort(days.begin(), days.end(),
                   [](const Day& a, const Day& b) { return a.date < b.date; });
  for (size_t i = 1; i < days.size(); ++i) {
    if (days[i].date == days[i - 1].date) return days[i].date;
  }
  return std::nullopt;
}

}  // namespace backsignal

namespace backsignal {

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace backsignal
