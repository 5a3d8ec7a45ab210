// Pieces of the clinician's report kept apart from its layout: the line on
// sleep, stress, painkillers, the person's own factors and falls or injuries, and the thresholds
// in force, a session's "during" cell (the stylesheet is style.cc). Private to the report module.
#include "parts.h"

#include <cctype>
#include <cmath>

#include "backsignal/reading/reading.h"
#include "backsignal/words/words.h"

namespace backsignal::report_detail {

// Sleep, stress, painkillers and the person's own factors over [from, to], in one line each,
// or "" when none were recorded.
std::string OtherFactorsHtml(const Diary& diary, const Settings& s, Date from, Date to,
                             const Locale& loc) {
  int nights = 0, short_nights = 0, stress_days = 0, high_stress = 0, pk_days = 0;
  double sleep_sum = 0, stress_sum = 0;
  std::vector<std::pair<std::string, int>> names, tags;
  std::vector<std::string> injuries;  // "a fall on Mon 23 Nov"
  auto count = [](std::vector<std::pair<std::string, int>>& list, const std::string& key) {
    for (auto& [k, n] : list) {
      if (k == key) {
        ++n;
        return;
      }
    }
    list.emplace_back(key, 1);
  };
  for (const Day& d : diary.days) {
    if (d.date < from || d.date > to) continue;
    const Context& c = d.context;
    if (c.sleep_hours) {
      ++nights;
      sleep_sum += *c.sleep_hours;
      if (*c.sleep_hours < s.short_sleep_hours) ++short_nights;
    }
    if (c.stress) {
      ++stress_days;
      stress_sum += c.stress->value();
      if (c.stress->value() >= s.stress) ++high_stress;
    }
    if (c.painkillers.value_or(false)) {
      ++pk_days;
      if (c.painkiller_name) count(names, *c.painkiller_name);
    }
    for (const std::string& t : c.tags.value_or(std::vector<std::string>{})) count(tags, t);
    if (c.injury) {
      injuries.push_back(*c.injury == Injury::kFall
                             // TRANSLATORS: {date} is a day ("Mon 23 Nov").
                             ? loc.Tr("a fall on {date}", {Arg("date", loc.Day(d.date))})
                             // TRANSLATORS: {date} is a day ("Mon 23 Nov").
                             : loc.Tr("another injury on {date}", {Arg("date", loc.Day(d.date))}));
    }
  }
  auto one_decimal = [&loc](double v) { return loc.Number(std::round(v * 10) / 10); };
  // TRANSLATORS: a count of days in the report's line on other factors.
  auto days = [&loc](int n) { return loc.Ntr("{n} day", "{n} days", n); };
  auto label = [](const std::string& text) { return "<b>" + EscapeHtml(text) + "</b> "; };
  std::vector<std::string> parts;
  if (nights > 0) {
    // TRANSLATORS: {n} nights recorded; {hours} their average in hours; {short} how many were
    // under {under} hours.
    parts.push_back(
        label(loc.TrC("label", "Sleep:")) +
        EscapeHtml(
            loc.Ntr("{n} night recorded, {hours} h on average, {short} under {under} h.",
                    "{n} nights recorded, {hours} h on average, {short} under {under} h.", nights,
                    {Arg("hours", one_decimal(sleep_sum / nights)), Arg("short", short_nights),
                     Arg("under", loc.Number(s.short_sleep_hours))})));
  }
  if (stress_days > 0) {
    const std::string line = loc.Tr(
        // TRANSLATORS: {days} is "5 days"; {average} a score; {high} how many at {at} or more.
        "{days} rated, {average}/10 on average, {high} at {at} or more.",
        {Arg("days", days(stress_days)), Arg("average", one_decimal(stress_sum / stress_days)),
         Arg("high", high_stress), Arg("at", loc.Number(s.stress))});
    parts.push_back(label(loc.TrC("label", "Stress:")) + EscapeHtml(line));
  }
  if (pk_days > 0) {
    std::string which;
    for (size_t i = 0; i < names.size(); ++i) {
      which += (i ? ", " : "") + names[i].first + " " + days(names[i].second);
    }
    // TRANSLATORS: {days} is "3 days"; {which} lists the painkillers by name, each with its days.
    parts.push_back(label(loc.TrC("label", "Painkillers:")) +
                    EscapeHtml(names.empty()
                                   ? loc.Tr("on {days}.", {Arg("days", days(pk_days))})
                                   : loc.Tr("on {days} ({which}).",
                                            {Arg("days", days(pk_days)), Arg("which", which)})));
  }
  if (!tags.empty()) {
    std::string p;
    for (size_t i = 0; i < tags.size(); ++i) {
      p += (i ? ", " : "") + tags[i].first + " " + days(tags[i].second);
    }
    parts.push_back(label(loc.TrC("label", "Own factors:")) + EscapeHtml(p) + ".");
  }
  if (!injuries.empty()) {
    parts.push_back(label(loc.TrC("label", "Falls or injuries:")) + EscapeHtml(loc.List(injuries)) +
                    ".");
  }
  if (parts.empty()) return "";
  std::string h = "<p class=\"small\">";
  for (size_t i = 0; i < parts.size(); ++i) h += (i ? " " : "") + parts[i];
  return h + "</p>\n";
}

std::string ThresholdsHtml(const Settings& settings, bool all_default, const Locale& loc) {
  const auto num = [&loc](double v) { return loc.Number(v); };
  std::string h = "<h2>" + EscapeHtml(loc.TrC("heading", "Thresholds in force")) +
                  "</h2><ul class=\"thresholds\">";
  // A source a clinician can follow: papers stay; "reading.md v3" becomes the rules' name.
  const auto clinician_source = [](std::string_view source) {
    std::string out(source);
    for (size_t at; (at = out.find(" (docs/")) != std::string::npos;) {
      const size_t end = out.find(')', at);
      out.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
    }
    for (size_t at; (at = out.find("reading.md v")) != std::string::npos;) {
      out.replace(at, 12, "backsignal reading rules v");
    }
    return out;
  };
  const Settings defaults;
  for (const SettingInfo& info : AllSettings()) {
    const double v = settings.*(info.field);
    const bool changed = v != defaults.*(info.field);
    std::string label = loc.TrMarked(info.meaning);
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
    h += "<li" + std::string(changed ? "" : " class=\"dflt\"") + " title=\"" +
         EscapeHtml(clinician_source(info.source)) + "\">" + EscapeHtml(label) + ": <b>" + num(v) +
         "</b>" +
         // TRANSLATORS: {value} is the setting's default; {source} where it comes from (papers).
         (changed ? " " + EscapeHtml(loc.Tr("(changed; default {value}; source: {source})",
                                            {Arg("value", num(defaults.*(info.field))),
                                             Arg("source", clinician_source(info.source))}))
                  : "") +
         "</li>";
  }
  h += "</ul><p class=\"small\"><span class=\"print-only\">" +
       EscapeHtml(all_default ? loc.Tr("Every threshold is at its default.")
                              : loc.Tr("Every threshold not listed is at its default.")) +
       " </span>" +
       EscapeHtml(
           // TRANSLATORS: {version} is the number of the reading rules (3).
           loc.Tr("The defaults follow the published evidence on a meaningful change in pain "
                  "(about 2 points, or 30%: Farrar et al., Pain 2001; Salaffi et al., Eur J Pain "
                  "2004) and the reading rules, version {version}.",
                  {Arg("version", kReadingRules)})) +
       "</p>\n";
  return h;
}

std::string WindowCell(const SessionReading& sr, const Locale& loc) {
  const Session& x = *sr.session;
  std::string s;
  if (x.during.start || x.during.end) {
    s += x.during.start ? loc.Number(x.during.start->value()) : "?";
    s += "&rarr;";
    s += x.during.end ? loc.Number(x.during.end->value()) : "?";
    s += " ";
  }
  if (x.during.pattern == Pattern::kEased) s += EscapeHtml(loc.TrC("in a table", "(eased)")) + " ";
  const bool sharp = sr.during == DuringSignal::kSharp;
  s += "<span" +
       std::string(sharp || sr.during == DuringSignal::kBuilding ? " class=\"worse\"" : "") + ">" +
       EscapeHtml(ShortDuring(sr.during, &loc)) + "</span>";
  return s;
}

std::string LegendKey(const std::string& mark) {
  return "<svg class=\"key\" viewBox=\"0 0 14 10\" aria-hidden=\"true\">" + mark + "</svg>";
}

std::string MorningLegendHtml(const Locale& loc) {
  return "<ul class=\"legend-html always\"><li>" +
         LegendKey("<rect class=\"band\" x=\"0\" y=\"1\" width=\"14\" height=\"8\"/>") +
         EscapeHtml(loc.TrC("chart legend", "usual range")) + "</li><li>" +
         LegendKey("<circle class=\"morning\" cx=\"7\" cy=\"5\" r=\"3.5\"/>") +
         EscapeHtml(loc.TrC("chart legend", "morning pain")) + "</li><li>" +
         LegendKey("<circle class=\"morning flare\" cx=\"7\" cy=\"5\" r=\"4.5\"/>") +
         EscapeHtml(loc.TrC("chart legend", "worse morning after exercise (flare)")) + "</li><li>" +
         LegendKey("<path class=\"session\" d=\"M7 1l5 8h-10z\"/>") +
         EscapeHtml(loc.TrC("chart legend", "exercise day")) + "</li><li>" +
         LegendKey("<path class=\"session sharp\" d=\"M7 1l5 8h-10z\"/>") +
         EscapeHtml(loc.TrC("chart legend", "sharp pain")) + "</li></ul>";
}

}  // namespace backsignal::report_detail
