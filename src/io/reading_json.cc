#include "backsignal/io/reading_json.h"

#include <cmath>

#include "json_util.h"

namespace backsignal {
namespace {

using io::ordered_json;

// Shares and slopes are shown to two decimals, as in reading.md §4.
ordered_json Rounded(const std::optional<double>& v) {
  if (!v) return nullptr;
  const double r = std::round(*v * 100) / 100;
  return io::NumberJson(r == 0 ? 0.0 : r);  // no "-0"
}

ordered_json Usual(const std::optional<double>& v) {
  return v ? io::NumberJson(*v) : ordered_json(nullptr);
}

ordered_json OptScore(const std::optional<Score>& s) {
  return s ? io::ScoreJson(*s) : ordered_json(nullptr);
}

}  // namespace

std::string ReadingToJson(const Reading& r, bool pretty) {
  ordered_json j;
  j["as_of"] = r.as_of.ToString();
  j["usual_morning_pain"] = Usual(r.usual.pain);
  j["usual_morning_stiffness"] = Usual(r.usual.stiffness);

  const Trend& t = r.trend;
  ordered_json trend;
  trend["verdict"] = Name(t.verdict);
  trend["baseline"] = Name(t.baseline);
  trend["comfort"] = Name(t.comfort);
  trend["session_days"] = t.session_days;
  trend["flared_days"] = t.flared_days;
  trend["flared_share"] = Rounded(t.flared_share);
  trend["baseline_slope_per_week"] = Rounded(t.baseline_slope_per_week);
  trend["comfort_slope_per_week"] = Rounded(t.comfort_slope_per_week);
  trend["window"] = {{"from", r.window_start.ToString()}, {"to", r.as_of.ToString()}};
  trend["mornings"] = t.mornings;
  trend["comfort_sessions"] = t.comfort_sessions;
  trend["needed"] = {{"mornings", t.mornings_needed}, {"session_days", t.session_days_needed}};
  j["trend"] = std::move(trend);

  ordered_json sessions = ordered_json::array();
  for (const SessionReading& s : r.sessions) {
    ordered_json o;
    o["date"] = s.date.ToString();
    o["time"] = s.session->time ? ordered_json(s.session->time->ToString()) : ordered_json(nullptr);
    o["during"] = Name(s.during);
    o["hour_after"] = Name(s.hour_after);
    o["morning"] = Name(s.morning);
    o["response"] = Name(s.response);
    ordered_json conf = ordered_json::array();
    for (Confounder c : s.confounders) conf.push_back(Name(c));
    o["confounders"] = std::move(conf);
    o["number"] = s.number;
    o["activity"] =
        s.session->activity ? ordered_json(*s.session->activity) : ordered_json(nullptr);
    o["minutes"] = s.session->minutes ? ordered_json(*s.session->minutes) : ordered_json(nullptr);
    ordered_json load = ordered_json::array();
    for (Load l : kAllLoads) {
      if (s.session->load.Has(l)) load.push_back(LoadName(l));
    }
    o["load"] = std::move(load);
    o["comfort"] = OptScore(s.comfort);
    o["morning_pain"] = OptScore(s.morning_pain);
    o["morning_stiffness"] = OptScore(s.morning_stiffness);
    o["usual_pain"] = Usual(s.usual.pain);
    o["usual_stiffness"] = Usual(s.usual.stiffness);
    sessions.push_back(std::move(o));
  }
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
    alerts.push_back(std::move(o));
  }
  j["alerts"] = std::move(alerts);

  ordered_json mornings = ordered_json::array();
  for (const MorningPoint& m : r.mornings) {
    ordered_json o;
    o["date"] = m.date.ToString();
    o["pain"] = io::ScoreJson(m.pain);
    o["stiffness"] = OptScore(m.stiffness);
    o["usual_pain"] = Usual(m.usual.pain);
    o["after_session"] = m.after_session;
    o["response"] = Name(m.response);
    mornings.push_back(std::move(o));
  }
  j["mornings"] = std::move(mornings);

  ordered_json associations = ordered_json::array();
  for (const Association& a : r.associations) {
    ordered_json o;
    o["factor"] = a.factor;
    o["with"] = {{"days", a.with_days}, {"flared", a.with_flared}};
    o["without"] = {{"days", a.without_days}, {"flared", a.without_flared}};
    o["enough"] = a.enough;
    o["measure"] = {{"test", "fisher_exact_two_sided"},
                    {"p_value", a.p_value ? ordered_json(std::round(*a.p_value * 1000) / 1000)
                                          : ordered_json(nullptr)},
                    {"difference", Rounded(a.difference)}};
    o["words"] = a.words;
    associations.push_back(std::move(o));
  }
  j["associations"] = std::move(associations);
  j["median_session_minutes"] = Usual(r.median_session_minutes);
  j["morning_shift"] = {{"rest_mornings", r.morning_shift.rest_mornings},
                        {"cusum", Rounded(r.morning_shift.cusum)},
                        {"alarm", r.morning_shift.alarm}};
  j["next_step"] = r.next_step;

  ordered_json non_default = ordered_json::array();
  for (const std::string& n : r.non_default_settings) non_default.push_back(n);
  j["non_default_settings"] = std::move(non_default);
  return pretty ? io::Dump(j, 2) + "\n" : io::Dump(j);
}

}  // namespace backsignal
