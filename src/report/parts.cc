// Pieces of the clinician's report kept apart from its layout: HTML escaping and the line on
// sleep, stress, painkillers and the person's own factors (the stylesheet is style.cc). Private
// to the report module.
#include "parts.h"

#include <cmath>

#include "backsignal/words/words.h"

namespace backsignal::report_detail {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Sleep, stress, painkillers and the person's own factors over [from, to], in one line each,
// or "" when none were recorded.
std::string OtherFactorsHtml(const Diary& diary, const Settings& s, Date from, Date to) {
  int nights = 0, short_nights = 0, stress_days = 0, high_stress = 0, pk_days = 0;
  double sleep_sum = 0, stress_sum = 0;
  std::vector<std::pair<std::string, int>> names, tags;
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
  }
  auto one_decimal = [](double v) { return FormatScoreNumber(std::round(v * 10) / 10); };
  auto days = [](int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); };
  std::vector<std::string> parts;
  if (nights > 0) {
    parts.push_back(
        "<b>Sleep:</b> " + std::to_string(nights) + (nights == 1 ? " night" : " nights") +
        " recorded, " + one_decimal(sleep_sum / nights) + " h on average, " +
        std::to_string(short_nights) + " under " + FormatScoreNumber(s.short_sleep_hours) + " h.");
  }
  if (stress_days > 0) {
    parts.push_back("<b>Stress:</b> " + days(stress_days) + " rated, " +
                    one_decimal(stress_sum / stress_days) + "/10 on average, " +
                    std::to_string(high_stress) + " at " + FormatScoreNumber(s.stress) +
                    " or more.");
  }
  if (pk_days > 0) {
    std::string p = "<b>Painkillers:</b> on " + days(pk_days);
    if (!names.empty()) {
      p += " (";
      for (size_t i = 0; i < names.size(); ++i) {
        p += (i ? ", " : "") + Esc(names[i].first) + " " + days(names[i].second);
      }
      p += ")";
    }
    parts.push_back(p + ".");
  }
  if (!tags.empty()) {
    std::string p = "<b>Own factors:</b> ";
    for (size_t i = 0; i < tags.size(); ++i) {
      p += (i ? ", " : "") + Esc(tags[i].first) + " " + days(tags[i].second);
    }
    parts.push_back(p + ".");
  }
  if (parts.empty()) return "";
  std::string h = "<p class=\"small\">";
  for (size_t i = 0; i < parts.size(); ++i) h += (i ? " " : "") + parts[i];
  return h + "</p>\n";
}

}  // namespace backsignal::report_detail
