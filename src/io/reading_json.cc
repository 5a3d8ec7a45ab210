#include "backsignal/io/reading_json.h"

#include <cmath>

#include "json_util.h"

namespace backsignal {
namespace {

using io::ordered_json;

// Shares and slopes to two decimals, half away from zero (reading.md §6).
ordered_json Rounded(const std::optional<double>& v) {
  if (!v) return nullptr;
  const double r = std::round(*v * 100) / 100;
  return io::NumberJson(r == 0 ? 0.0 : r);  // no "-0"
}

ordered_json Exact(const std::optional<double>& v) {
  return v ? io::NumberJson(*v) : ordered_json(nullptr);
}

ordered_json OptScore(const std::optional<Score>& s) {
  return s ? io::ScoreJson(*s) : ordered_json(nullptr);
}

ordered_json NameOrNull(std::string_view name) {
  return name.empty() ? ordered_json(nullptr) : ordered_json(std::string(name));
}

std::string_view KindName(MorningKind k) {
  switch (k) {
    case MorningKind::kRest:
      return "rest";
    case MorningKind::kAfterSession:
      return "after_session";
    case MorningKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

template <typename T>
ordered_json Names(const std::vector<T>& values) {
  ordered_json out = ordered_json::array();
  for (const T& v : values) out.push_back(Name(v));
  return out;
}

ordered_json TrendJson(const Reading& r) {
  const Trend& t = r.trend;
  ordered_json o;
  o["verdict"] = Name(t.verdict);
  o["held_back_by"] = Names(t.held_back_by);
  o["baseline"] = Name(t.baseline);
  o["comfort"] = Name(t.comfort);
  o["session_days"] = t.session_days;
  o["flared_days"] = t.flared_days;
  o["raised_days"] = t.raised_days;
  o["recorded_days"] = t.recorded_days;
  o["flared_share"] = Rounded(t.flared_share);
  o["raised_share"] = Rounded(t.raised_share);
  o["strained_share"] = Rounded(t.strained_share);
  o["sharp_sessions"] = t.sharp_sessions;
  o["built_sessions"] = t.built_sessions;
  o["still_rising_sessions"] = t.still_rising_sessions;
  o["missing_mornings"] = t.missing_mornings;
  o["exercise_effect"] = Exact(t.exercise_effect);
  o["baseline_change"] = Exact(t.baseline_change);
  o["baseline_basis"] = NameOrNull(Name(t.baseline_basis));
  o["comfort_slope_per_week"] = Rounded(t.comfort_slope_per_week);
  o["covered_mornings"] = t.covered_mornings;
  o["rest_covered_share"] = Rounded(t.rest_covered_share);
  o["masked"] = t.masked;
  o["rest_mornings"] = t.rest_mornings;
  o["rest_covered"] = t.rest_covered;
  o["window"] = {{"from", r.window_start.ToString()}, {"to", r.as_of.ToString()}};
  o["mornings"] = t.mornings;
  o["exercise_days"] = t.exercise_days;
  o["strain_sessions"] = t.strain_sessions;
  o["strained_sessions"] = t.strained_sessions;
  o["effect_mornings"] = {{"after_exercise", t.effect_after_mornings},
                          {"after_rest", t.effect_rest_mornings}};
  o["baseline_levels"] = {{"now", Exact(t.baseline_now)}, {"before", Exact(t.baseline_before)}};
  o["comfort_sessions"] = t.comfort_sessions;
  o["needed"] = {{"mornings", t.mornings_needed},
                 {"session_days", t.session_days_needed},
                 {"recorded_days", t.recorded_days_needed}};
  return o;
}

ordered_json SessionJson(const SessionReading& s) {
  ordered_json o;
  o["date"] = s.date.ToString();
  o["time"] = s.session->time ? ordered_json(s.session->time->ToString()) : ordered_json(nullptr);
  o["activity"] = s.activity ? ordered_json(*s.activity) : ordered_json(nullptr);
  o["during"] = Name(s.during);
  o["hour_after"] = Name(s.hour_after);
  o["morning"] = Name(s.morning);
  o["response"] = Name(s.response);
  o["strain"] = s.strain ? ordered_json(Name(*s.strain)) : ordered_json(nullptr);
  o["confounders"] = Names(s.confounders);
  o["unusual_confounders"] = Names(s.unusual_confounders);
  o["number"] = s.number;
  o["activity_text"] =
      s.session->activity ? ordered_json(*s.session->activity) : ordered_json(nullptr);
  o["minutes"] = s.session->minutes ? ordered_json(*s.session->minutes) : ordered_json(nullptr);
  ordered_json load = ordered_json::array();
  for (Load l : kAllLoads) {
    if (s.session->load.Has(l)) load.push_back(LoadName(l));
  }
  o["load"] = std::move(load);
  o["rise"] = Exact(s.rise);
  o["comfort"] = OptScore(s.comfort);
  o["morning_pain"] = OptScore(s.morning_pain);
  o["morning_stiffness"] = OptScore(s.morning_stiffness);
  o["usual_pain"] = Exact(s.usual.pain);
  o["usual_stiffness"] = Exact(s.usual.stiffness);
  o["morning_covered"] = s.morning_covered;
  return o;
}

ordered_json AssociationJson(const Association& a) {
  ordered_json o;
  o["factor"] = a.factor;
  o["over"] = a.exercise_days_only ? "exercise_days" : "days";
  o["with"] = {
      {"days", a.with_days}, {"higher", a.with_higher}, {"points", Rounded(a.with_points)}};
  o["without"] = {{"days", a.without_days},
                  {"higher", a.without_higher},
                  {"points", Rounded(a.without_points)}};
  o["enough"] = a.enough;
  o["difference"] = Rounded(a.difference);
  o["p_value"] = a.p_value ? ordered_json(std::round(*a.p_value * 1000) / 1000) : nullptr;
  o["test"] = "fisher_exact_two_sided";
  o["clears_bar"] = a.clears_bar;
  o["same_days_as"] = a.same_days_as;
  return o;
}

ordered_json WordsJson(const ReadingWords& w) {
  ordered_json o;
  o["title"] = w.title;
  o["explanation"] = w.explanation;
  o["evidence"] = w.evidence;
  o["held_back"] = w.held_back;
  o["cautions"] = w.cautions;
  ordered_json activities = ordered_json::array();
  for (const ActivityWords& a : w.activities) {
    activities.push_back({{"name", a.name}, {"text", a.text}, {"setting_off", a.setting_off}});
  }
  o["activities"] = std::move(activities);
  ordered_json alerts = ordered_json::array();
  for (const AlertWords& a : w.alerts) {
    alerts.push_back({{"kind", Name(a.kind)},
                      {"date", a.date.ToString()},
                      {"text", a.text},
                      {"see_clinician", a.see_clinician}});
  }
  o["alerts"] = std::move(alerts);
  o["usual"] = w.usual;
  o["progress"] = w.progress;
  ordered_json sessions = ordered_json::array();
  for (const SessionWords& s : w.sessions) {
    sessions.push_back({{"date", s.date.ToString()},
                        {"number", s.number},
                        {"heading", s.heading},
                        {"during", s.during},
                        {"hour_after", s.hour_after},
                        {"morning", s.morning},
                        {"also", s.also}});
  }
  o["sessions"] = std::move(sessions);
  o["next_step"] = w.next_step;
  ordered_json assoc = ordered_json::array();
  for (const AssociationWords& a : w.associations) {
    assoc.push_back({{"factor", a.factor}, {"text", a.text}, {"named", a.named}});
  }
  o["associations"] = std::move(assoc);
  o["associations_note"] = w.associations_note;
  o["as_of"] = w.as_of;
  return o;
}

}  // namespace

std::string ReadingToJson(const Reading& r, const ReadingWords& words, bool pretty) {
  ordered_json j;
  j["rules"] = r.rules;
  j["as_of"] = r.as_of.ToString();
  j["usual_morning_pain"] = Exact(r.usual.pain);
  j["usual_morning_stiffness"] = Exact(r.usual.stiffness);
  j["usual_source"] = NameOrNull(Name(r.usual.pain_source));
  j["progress"] = {{"now", Exact(r.progress.now)},
                   {"four_weeks_before", Exact(r.progress.four_weeks_before)},
                   {"eight_weeks_before", Exact(r.progress.eight_weeks_before)}};
  j["trend"] = TrendJson(r);
  ordered_json activities = ordered_json::array();
  for (const ActivityReading& a : r.activities) {
    activities.push_back({{"name", a.name},
                          {"days", a.days},
                          {"raised_days", a.raised_days},
                          {"flared_days", a.flared_days},
                          {"setting_off", a.setting_off}});
  }
  j["activities"] = std::move(activities);
  ordered_json sessions = ordered_json::array();
  for (const SessionReading& s : r.sessions) sessions.push_back(SessionJson(s));
  j["sessions"] = std::move(sessions);

  ordered_json alerts = ordered_json::array();
  for (const Alert& a : r.alerts) {
    ordered_json o;
    o["kind"] = Name(a.kind);
    o["date"] = a.date.ToString();
    if (a.kind == AlertKind::kModifyOrStop) o["session"] = a.session_number;
    if (!a.dates.empty()) {
      ordered_json dates = ordered_json::array();
      for (Date d : a.dates) dates.push_back(d.ToString());
      o["dates"] = std::move(dates);
    }
    if (a.rise) {
      o["weeks"] = a.rise->weeks;
      o["from"] = io::NumberJson(a.rise->from);
      o["to"] = io::NumberJson(a.rise->to);
      o["basis"] = a.rise->all_mornings ? "all_mornings" : "rest_mornings";
    }
    alerts.push_back(std::move(o));
  }
  j["alerts"] = std::move(alerts);

  ordered_json mornings = ordered_json::array();
  for (const MorningPoint& m : r.mornings) {
    ordered_json o;
    o["date"] = m.date.ToString();
    o["pain"] = io::ScoreJson(m.pain);
    o["stiffness"] = OptScore(m.stiffness);
    o["usual_pain"] = Exact(m.usual.pain);
    o["after_session"] = m.kind == MorningKind::kAfterSession;
    o["kind"] = KindName(m.kind);
    o["signal"] = Name(m.signal);
    o["response"] = Name(m.response);
    o["covered"] = m.covered;
    mornings.push_back(std::move(o));
  }
  j["mornings"] = std::move(mornings);

  ordered_json associations = ordered_json::array();
  for (const Association& a : r.associations) associations.push_back(AssociationJson(a));
  j["associations"] = std::move(associations);
  j["factors_compared"] = r.factors_compared;
  j["median_session_minutes"] = Exact(r.median_session_minutes);
  j["morning_shift"] = {{"rest_mornings", r.morning_shift.rest_mornings},
                        {"cusum", Rounded(r.morning_shift.cusum)},
                        {"alarm", r.morning_shift.alarm}};
  ordered_json non_default = ordered_json::array();
  for (const std::string& n : r.non_default_settings) non_default.push_back(n);
  j["non_default_settings"] = std::move(non_default);
  j["words"] = WordsJson(words);
  return pretty ? io::Dump(j, 2) + "\n" : io::Dump(j);
}

}  // namespace backsignal
