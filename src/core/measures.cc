#include "backsignal/core/measures.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "backsignal/core/diary.h"

namespace backsignal {

const Weekly* Measures::FindWeekly(Date date) const {
  for (const Weekly& w : weekly) {
    if (w.date == date) return &w;
  }
  return nullptr;
}

Expected<int, Text> ValidateItem(double value) {
  const std::string v = FormatNumber(value);
  if (!std::isfinite(value)) {
    // TRANSLATORS: {value} is the number given, as written.
    return Unexpected(T_("{value} is not a number from 0 to 10", {{"value", v}}));
  }
  if (value < 0) {
    // TRANSLATORS: {value} is the number given ("-1").
    return Unexpected(T_("{value} is below the bottom of the scale (0 to 10)", {{"value", v}}));
  }
  if (value > kMaxItem) {
    // TRANSLATORS: {value} is the number given ("11").
    return Unexpected(T_("{value} is above the top of the scale (0 to 10)", {{"value", v}}));
  }
  if (value != std::floor(value)) {
    return Unexpected(
        // TRANSLATORS: {value} is the number given ("4.5").
        T_("{value} is not a whole number (this scale counts 0, 1, ... 10)", {{"value", v}}));
  }
  return static_cast<int>(value);
}

Expected<std::string, Text> ValidatePsfsActivity(std::string_view name) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!name.empty() && space(name.front())) name.remove_prefix(1);
  while (!name.empty() && space(name.back())) name.remove_suffix(1);
  // TRANSLATORS: of an activity of the weekly questions (PSFS), after its place.
  if (name.empty()) return Unexpected(T_("is empty; an activity needs a name"));
  auto text = ValidateText(name, kMaxPsfsActivityChars);
  if (!text) return Unexpected(text.error());
  for (unsigned char c : *text) {
    if (c < 0x20 || c == 0x7f) {
      // TRANSLATORS: of a name (a factor's, an activity's).
      return Unexpected(T_("holds a control character (a line break or tab)"));
    }
    if (c == ';' || c == '=') {
      return Unexpected(
          // TRANSLATORS: of an activity's name; {char} is ';' or '='.
          T_("holds a '{char}', which separates activities in CSV and on the "
             "command line",
             {{"char", std::string(1, static_cast<char>(c))}}));
    }
  }
  return *text;
}

namespace {

Result<void> At(const std::string& where, Text what) {
  return Fail(Error::Invalid(Problem(where, std::move(what))));
}

Result<void> CheckItem(int value, const std::string& where) {
  if (auto ok = ValidateItem(value); !ok) return At(where, ok.error());
  return {};
}

}  // namespace

Result<void> ValidateWeekly(const Weekly& w) {
  const std::string at = w.date.ToString() + " ";
  if (w.empty()) {
    return At(at + "weekly", T_("holds no answer; give the PEG, the PSFS, or both"));
  }
  if (w.peg) {
    if (auto ok = CheckItem(w.peg->pain, at + "peg.pain"); !ok) return ok;
    if (auto ok = CheckItem(w.peg->enjoyment, at + "peg.enjoyment"); !ok) return ok;
    if (auto ok = CheckItem(w.peg->activity, at + "peg.activity"); !ok) return ok;
  }
  if (w.psfs.size() > kMaxPsfsActivities) {
    // TRANSLATORS: {count} activities were given; {max} is the most the scale has.
    return At(at + "psfs", T_("{count} activities; the scale has at most {max}",
                              {{"count", w.psfs.size()}, {"max", kMaxPsfsActivities}}));
  }
  for (size_t i = 0; i < w.psfs.size(); ++i) {
    const std::string where = at + "psfs[" + std::to_string(i) + "]";
    auto name = ValidatePsfsActivity(w.psfs[i].activity);
    if (!name) return At(where + ".activity", name.error());
    if (*name != w.psfs[i].activity) {
      return At(where + ".activity", T_("has white space around it; give it trimmed"));
    }
    if (auto ok = CheckItem(w.psfs[i].score, where + ".score"); !ok) return ok;
    for (size_t j = 0; j < i; ++j) {
      if (FoldAscii(w.psfs[j].activity) == FoldAscii(w.psfs[i].activity)) {
        return At(where + ".activity",
                  // TRANSLATORS: {name} is a name given twice in one list.
                  T_("\"{name}\" is given twice", {{"name", w.psfs[i].activity}}));
      }
    }
  }
  return {};
}

Result<void> ValidateFlare(const Flare& f) {
  const std::string at = f.date.ToString() + " flare";
  if (f.pain.halves() < 0 || f.pain.halves() > Score::kMaxHalves) {
    return At(at + ".pain", T_("is outside the scale (0 to 10)"));
  }
  if (f.time && (f.time->minutes() < 0 || f.time->minutes() >= 24 * 60)) {
    return At(at + ".time", T_("is not a time of day (HH:MM)"));
  }
  if (f.note) {
    if (auto ok = ValidateText(*f.note, kMaxFlareNoteChars); !ok)
      return At(at + ".note", ok.error());
  }
  return {};
}

Result<void> NormaliseMeasures(Measures& m) {
  std::stable_sort(m.weekly.begin(), m.weekly.end(),
                   [](const Weekly& a, const Weekly& b) { return a.date < b.date; });
  for (size_t i = 1; i < m.weekly.size(); ++i) {
    if (m.weekly[i].date == m.weekly[i - 1].date) {
      return Fail(Error::Invalid(Problem(
          // TRANSLATORS: {date} is a day (YYYY-MM-DD).
          "weekly", T_("{date} is given twice; one date holds one set of weekly answers",
                       {{"date", m.weekly[i].date.ToString()}}))));
    }
  }
  std::stable_sort(m.flares.begin(), m.flares.end(),
                   [](const Flare& a, const Flare& b) { return a.date < b.date; });
  size_t run = 0;
  for (size_t i = 0; i < m.flares.size(); ++i) {
    run = (i > 0 && m.flares[i].date == m.flares[i - 1].date) ? run + 1 : 1;
    if (run > kMaxFlaresPerDay) {
      return Fail(Error::Invalid(
          Problem("flares",
                  // TRANSLATORS: {date} is a day (YYYY-MM-DD); {max} the most flares a day holds.
                  T_("{date} has more than {max} flares",
                     {{"date", m.flares[i].date.ToString()}, {"max", kMaxFlaresPerDay}}))));
    }
  }
  return {};
}

Weekday WeekdayOf(Date date) {
  // 1970-01-01 was a Thursday (3 with Monday as 0).
  const int w = ((date.days() % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(w);
}

namespace {
constexpr std::string_view kWeekdayNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};
}  // namespace

std::string_view WeekdayName(Weekday day) { return kWeekdayNames[static_cast<int>(day)]; }

Expected<Weekday, Text> ParseWeekday(std::string_view name) {
  const std::string folded = FoldAscii(name);
  for (int i = 0; i < 7; ++i) {
    if (folded == kWeekdayNames[i]) return static_cast<Weekday>(i);
  }
  // TRANSLATORS: {day} is the day given; monday ... sunday are the days' codes and stay.
  return Unexpected(T_("\"{day}\" is not a day of the week (monday, tuesday, ... sunday)",
                       {{"day", std::string(name)}}));
}

std::optional<Date> WeeklyDueSince(const std::vector<Weekly>& weekly, Weekday day, Date today) {
  bool any = false;
  for (const Weekly& w : weekly) any = any || w.date <= today;
  if (!any) return today;
  const int back = (static_cast<int>(WeekdayOf(today)) - static_cast<int>(day) + 7) % 7;
  const Date since = today - back;
  for (const Weekly& w : weekly) {
    if (w.date >= since - kWeeklyEarlyDays && w.date <= today) return std::nullopt;
  }
  return since;
}

std::string_view ChangeName(Change change) {
  switch (change) {
    case Change::kBetter:
      return "better";
    case Change::kWorse:
      return "worse";
    case Change::kSame:
      break;
  }
  return "about_the_same";
}

Change PsfsAverageChange(int delta_sum, int n) {
  if (n <= 0) return Change::kSame;
  if (delta_sum >= kPsfsAverageChange * n) return Change::kBetter;
  if (-delta_sum >= kPsfsAverageChange * n) return Change::kWorse;
  return Change::kSame;
}

Change PsfsActivityChange(int delta) {
  if (delta >= kPsfsActivityChange) return Change::kBetter;
  if (-delta >= kPsfsActivityChange) return Change::kWorse;
  return Change::kSame;
}

Change PegChange(int then_sum, int now_sum) {
  const int delta = now_sum - then_sum;  // in thirds of a PEG point
  // At least 1 point (3 thirds) and at least 30% of the earlier score, exactly.
  if (std::abs(delta) < 3 || std::abs(delta) * 100 < kPegChangePercent * then_sum) {
    return Change::kSame;
  }
  return delta < 0 ? Change::kBetter : Change::kWorse;  // lower pain and interference is better
}

bool MeasuresTrend::function_worse() const {
  if (!psfs) return false;
  const auto worse = [](const std::optional<Compared>& c) {
    return c && c->change == Change::kWorse;
  };
  return worse(psfs->four_weeks) || worse(psfs->eight_weeks);
}

namespace {

// The entry nearest `target` (within kTrendSlackDays) that `has` something; the earlier on a tie.
template <typename Has>
const Weekly* Nearest(const std::vector<Weekly>& weekly, Date target, Has has) {
  const Weekly* best = nullptr;
  for (const Weekly& w : weekly) {
    if (!has(w) || std::abs(w.date - target) > kTrendSlackDays) continue;
    if (!best || std::abs(w.date - target) < std::abs(best->date - target)) best = &w;
  }
  return best;
}

template <typename Has>
const Weekly* Latest(const std::vector<Weekly>& weekly, Date as_of, Has has) {
  for (auto it = weekly.rbegin(); it != weekly.rend(); ++it) {
    if (it->date > as_of) continue;
    if (it->date < as_of - (kTrendFreshDays - 1)) return nullptr;
    if (has(*it)) return &*it;
  }
  return nullptr;
}

std::optional<Compared> ComparePeg(const Weekly& now, const Weekly* then) {
  if (!then) return std::nullopt;
  Compared c;
  c.then_date = then->date;
  c.then = then->peg->Score();
  c.delta = now.peg->Score() - c.then;
  c.change = PegChange(then->peg->Sum(), now.peg->Sum());
  return c;
}

const PsfsRating* FindActivity(const Weekly& w, const std::string& name) {
  const std::string key = FoldAscii(name);
  for (const PsfsRating& r : w.psfs) {
    if (FoldAscii(r.activity) == key) return &r;
  }
  return nullptr;
}

std::optional<Compared> ComparePsfs(const Weekly& now, const Weekly* then) {
  if (!then) return std::nullopt;
  int n = 0, sum_then = 0, sum_now = 0;
  for (const PsfsRating& r : now.psfs) {
    if (const PsfsRating* t = FindActivity(*then, r.activity)) {
      ++n;
      sum_then += t->score;
      sum_now += r.score;
    }
  }
  if (n == 0) return std::nullopt;
  Compared c;
  c.then_date = then->date;
  c.then = static_cast<double>(sum_then) / n;
  c.delta = static_cast<double>(sum_now - sum_then) / n;
  c.change = PsfsAverageChange(sum_now - sum_then, n);
  return c;
}

std::optional<Compared> CompareActivity(const PsfsRating& now, const Weekly* then) {
  if (!then) return std::nullopt;
  const PsfsRating* t = FindActivity(*then, now.activity);
  if (!t) return std::nullopt;
  return Compared{then->date, static_cast<double>(t->score),
                  static_cast<double>(now.score - t->score),
                  PsfsActivityChange(now.score - t->score)};
}

}  // namespace

MeasuresTrend TrendOf(const Measures& m, Date as_of) {
  MeasuresTrend out;
  const auto has_peg = [](const Weekly& w) { return w.peg.has_value(); };
  const auto has_psfs = [](const Weekly& w) { return !w.psfs.empty(); };
  if (const Weekly* now = Latest(m.weekly, as_of, has_peg)) {
    PegTrend t{.date = now->date, .now = *now->peg};
    t.four_weeks = ComparePeg(*now, Nearest(m.weekly, now->date - 28, has_peg));
    t.eight_weeks = ComparePeg(*now, Nearest(m.weekly, now->date - 56, has_peg));
    out.peg = t;
  }
  if (const Weekly* now = Latest(m.weekly, as_of, has_psfs)) {
    PsfsTrend t{.date = now->date};
    int sum = 0;
    for (const PsfsRating& r : now->psfs) sum += r.score;
    t.average = static_cast<double>(sum) / static_cast<double>(now->psfs.size());
    const Weekly* four = Nearest(m.weekly, now->date - 28, has_psfs);
    const Weekly* eight = Nearest(m.weekly, now->date - 56, has_psfs);
    t.four_weeks = ComparePsfs(*now, four);
    t.eight_weeks = ComparePsfs(*now, eight);
    for (const PsfsRating& r : now->psfs) {
      t.activities.push_back(
          {r.activity, r.score, CompareActivity(r, four), CompareActivity(r, eight)});
    }
    out.psfs = std::move(t);
  }
  return out;
}

std::vector<Flare> FlaresBetween(const Measures& m, Date from, Date to) {
  std::vector<Flare> out;
  for (const Flare& f : m.flares) {
    if (f.date >= from && f.date <= to) out.push_back(f);
  }
  return out;
}

}  // namespace backsignal
