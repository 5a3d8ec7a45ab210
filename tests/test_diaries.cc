#include "test_diaries.h"

#include <algorithm>

#include "backsignal/core/fields.h"

namespace backsignal::testing {

Day& DiaryBuilder::DayAt(Date d) {
  for (Day& day : diary_.days) {
    if (day.date == d) return day;
  }
  diary_.days.push_back(Day{.date = d});
  return diary_.days.back();
}

DiaryBuilder& DiaryBuilder::Morning(const char* date, double pain,
                                    std::optional<double> stiffness) {
  backsignal::Morning m{S(pain), std::nullopt};
  if (stiffness) m.stiffness = S(*stiffness);
  DayAt(D(date)).morning = m;
  return *this;
}

DiaryBuilder& DiaryBuilder::Session(const char* date, std::optional<double> start,
                                    std::optional<double> end, std::optional<double> after) {
  backsignal::Session s;
  if (start) s.during.start = S(*start);
  if (end) s.during.end = S(*end);
  if (after) s.hour_after.pain = S(*after);
  return With(date, s);
}

DiaryBuilder& DiaryBuilder::With(const char* date, const backsignal::Session& s) {
  DayAt(D(date)).sessions.push_back(s);
  return *this;
}

DiaryBuilder& DiaryBuilder::Context(const char* date, const backsignal::Context& c) {
  DayAt(D(date)).context = c;
  return *this;
}

DiaryBuilder& DiaryBuilder::Usual(std::optional<double> pain, std::optional<double> stiffness) {
  diary_.usual.pain = pain ? std::optional<Score>(S(*pain)) : std::nullopt;
  diary_.usual.stiffness = stiffness ? std::optional<Score>(S(*stiffness)) : std::nullopt;
  return *this;
}

DiaryBuilder& DiaryBuilder::Mornings(const char* first, int n, double pain) {
  for (int i = 0; i < n; ++i) DayAt(D(first) + i).morning = backsignal::Morning{S(pain), {}};
  return *this;
}

Diary DiaryBuilder::Build() const {
  Diary d = diary_;
  SortDays(d.days);
  return d;
}

namespace {

Score RandomScore(std::mt19937_64& rng, int lo = 0, int hi = 20) {
  return Score::FromHalves(std::uniform_int_distribution<int>(lo, hi)(rng));
}

bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

}  // namespace

Diary RandomDiary(uint64_t seed, int days, Date first) {
  std::mt19937_64 rng(seed);
  std::mt19937_64 extra(seed ^ 0x9e3779b97f4a7c15ULL);  // the additive context (below)
  Diary d;
  if (Chance(rng, 0.3)) d.usual.pain = RandomScore(rng);
  if (Chance(rng, 0.2)) d.usual.stiffness = RandomScore(rng);
  // A per-diary tendency so that verdicts vary: base level and how much sessions flare.
  const int base = std::uniform_int_distribution<int>(2, 12)(rng);
  const double flare_p = std::uniform_real_distribution<double>(0, 0.9)(rng);
  const double session_p = std::uniform_real_distribution<double>(0.2, 0.8)(rng);
  const double morning_p = std::uniform_real_distribution<double>(0.5, 1.0)(rng);
  const int drift = std::uniform_int_distribution<int>(-1, 1)(rng);
  bool flare_next = false;
  for (int i = 0; i < days; ++i) {
    Day day{.date = first + i};
    if (Chance(rng, morning_p)) {
      int h = base + (drift * i) / 7 + std::uniform_int_distribution<int>(-2, 2)(rng) +
              (flare_next ? std::uniform_int_distribution<int>(2, 6)(rng) : 0);
      h = std::clamp(h, 0, 20);
      Morning m{Score::FromHalves(h), std::nullopt};
      if (Chance(rng, 0.5))
        m.stiffness = Score::FromHalves(
            std::clamp(h + std::uniform_int_distribution<int>(-3, 5)(rng), 0, 20));
      day.morning = m;
    }
    flare_next = false;
    if (Chance(rng, 0.3)) {
      if (Chance(rng, 0.6))
        day.context.sitting_hours = std::uniform_int_distribution<int>(0, 48)(rng) / 4.0;
      if (Chance(rng, 0.5)) day.context.prolonged_position = Chance(rng, 0.5);
      if (Chance(rng, 0.5)) day.context.upper_body_tension = RandomScore(rng);
    }
    // The additive context, from a generator of its own so that diaries made before these
    // fields existed stay the same in everything else.
    if (Chance(extra, 0.35)) {
      Context& c = day.context;
      if (Chance(extra, 0.6))
        c.sleep_hours = std::uniform_int_distribution<int>(0, 48)(extra) / 2.0;
      if (Chance(extra, 0.4)) c.sleep_quality = RandomScore(extra);
      if (Chance(extra, 0.4)) c.stress = RandomScore(extra);
      if (Chance(extra, 0.3)) c.painkillers = Chance(extra, 0.7);
      if (c.painkillers == true && Chance(extra, 0.5)) {
        c.painkiller_name = Chance(extra, 0.5) ? "ibuprofen 400 mg" : "=paracetamol, \"500\"";
      }
      if (Chance(extra, 0.3)) {
        std::vector<std::string> tags;
        for (const char* t : {"long drive", "period", "New mattress", "garden, digging"}) {
          if (Chance(extra, 0.4)) tags.emplace_back(t);
        }
        if (!tags.empty()) c.tags = std::move(tags);
      }
    }
    if (Chance(rng, session_p)) {
      const int n = Chance(rng, 0.15) ? 2 : 1;
      for (int k = 0; k < n; ++k) {
        Session s;
        if (Chance(rng, 0.7))
          s.time = TimeOfDay::FromMinutes(std::uniform_int_distribution<int>(0, 1439)(rng));
        if (Chance(rng, 0.7)) s.minutes = std::uniform_int_distribution<int>(1, 120)(rng);
        if (Chance(rng, 0.5)) s.activity = Chance(rng, 0.5) ? "swimming" : "rowing, easy";
        s.load =
            LoadSet::FromBits(static_cast<uint8_t>(std::uniform_int_distribution<int>(0, 7)(rng)));
        if (Chance(rng, 0.8)) s.during.start = RandomScore(rng, 0, 12);
        if (Chance(rng, 0.7)) s.during.end = RandomScore(rng, 0, 16);
        if (Chance(rng, 0.3))
          s.during.pattern = static_cast<Pattern>(std::uniform_int_distribution<int>(0, 2)(rng));
        if (Chance(rng, 0.3)) s.during.sharp = Chance(rng, 0.15);
        if (Chance(rng, 0.7)) s.hour_after.pain = RandomScore(rng, 0, 16);
        if (Chance(rng, 0.3)) s.hour_after.tighter = Chance(rng, 0.3);
        day.sessions.push_back(std::move(s));
      }
      flare_next = Chance(rng, flare_p);
    }
    if (Chance(rng, 0.05)) day.note = "note for day " + std::to_string(i);
    if (!day.empty()) d.days.push_back(std::move(day));
  }
  return d;
}

Diary RealisticDiary(int days, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Diary d;
  const Date first = Date::FromCivil(2016, 1, 1);
  for (int i = 0; i < days; ++i) {
    Day day{.date = first + i};
    day.morning = Morning{RandomScore(rng, 4, 10), RandomScore(rng, 4, 12)};
    if (i % 2 == 0) {
      Session s;
      s.time = TimeOfDay::FromMinutes(18 * 60);
      s.minutes = 40;
      s.activity = "swimming";
      s.load.Add(Load::kRotation);
      s.during.start = RandomScore(rng, 4, 8);
      s.during.end = RandomScore(rng, 4, 10);
      s.during.pattern = Pattern::kStable;
      s.during.sharp = false;
      s.hour_after.pain = RandomScore(rng, 4, 10);
      s.hour_after.tighter = false;
      day.sessions.push_back(s);
      day.context.sitting_hours = 7;
      day.context.prolonged_position = true;
      day.context.upper_body_tension = RandomScore(rng, 4, 14);
    }
    d.days.push_back(std::move(day));
  }
  return d;
}

}  // namespace backsignal::testing

namespace backsignal::testing {
namespace {

// A value of the field's kind, within its bounds, that is not its first or last.
FieldValue SomeValue(const FieldSpec& f) {
  switch (f.kind) {
    case FieldKind::kScore:
      return 3.5;
    case FieldKind::kNumber:
      return f.step > 0 ? f.min + f.step * 15 : f.min + 7.25;
    case FieldKind::kWhole:
      return f.min + 39;
    case FieldKind::kFlag:
      return true;
    case FieldKind::kText:
      return std::string("some ") + std::string(f.name) + ", \"quoted\"; =1+1";
    case FieldKind::kChoice:
      return std::string(f.choices.back());
    case FieldKind::kTags:
      return std::vector<std::string>{"long drive", "Period"};
    case FieldKind::kLoads: {
      std::vector<std::string> all;
      for (Load l : kAllLoads) all.emplace_back(LoadName(l));
      return all;
    }
    case FieldKind::kTime:
      return std::string("18:05");
  }
  return {};
}

}  // namespace

Day EveryFieldDay(Date date) {
  Day day{.date = date,
          .morning = backsignal::Morning{S(3), S(4)},
          .note = "a note",
          .note_pinned = true};
  for (const Field<backsignal::Context>& f : ContextFields()) f.set(day.context, SomeValue(f.spec));
  backsignal::Session s;
  for (const Field<backsignal::Session>& f : SessionFields()) f.set(s, SomeValue(f.spec));
  day.sessions.push_back(s);
  return day;
}

}  // namespace backsignal::testing
