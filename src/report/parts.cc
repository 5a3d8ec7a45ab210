// Pieces of the clinician's report kept apart from its layout: the stylesheet and the line on
// sleep, stress, painkillers and the person's own factors. Private to the report module.
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

const std::string_view kStyle = R"css(
*{box-sizing:border-box}
body{font:10pt/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;margin:0 auto;max-width:190mm;padding:8mm 6mm}
h1{font-size:15pt;margin:0 0 1mm}
h2{font-size:11pt;margin:4mm 0 1.5mm;border-bottom:0.3mm solid #999;padding-bottom:0.5mm}
p{margin:0 0 1.5mm}
.sub{color:#444;font-size:9pt}
.verdict{border:0.5mm solid #555;border-radius:2mm;padding:2mm 3mm;margin-top:3mm}
.verdict h2{border:0;margin:0 0 1mm;font-size:12.5pt}
.v-stirring_up{border-color:#b3261e;background:#fdf0ef}
.v-helpful{border-color:#1e6b3a;background:#eef7f1}
.v-mixed{border-color:#8a6d00;background:#fbf6e6}
.verdict ul{margin:1mm 0;padding-left:5mm}
.verdict p.held{margin:1.5mm 0 0}
ul.acts{margin:0;padding-left:4mm}
.verdict li.worse{color:#b3261e;font-weight:600}
.alerts{border-left:1.5mm solid #b3261e;padding:1mm 3mm;margin:3mm 0 0;background:#fdf0ef}
.alerts p{margin:0.5mm 0}
.row2{display:flex;gap:4mm;align-items:flex-start}
.row2 .comfort{flex:3}
.row2 .howto{flex:2;font-size:8pt;color:#333}
td.nw{white-space:nowrap}
.top{display:flex;gap:4mm;align-items:flex-start;margin-top:3mm}
.top .verdict{flex:16;margin:0}
.aside{flex:9}
.aside h2{margin-top:0}
.alerts{margin:0 0 2mm}
@media (max-width:600px){.top{display:block}.aside{margin-top:3mm}.row2{display:block}
.tablewrap{overflow-x:auto}.tablewrap table{min-width:36rem}.thresholds{columns:2}.thresholds li{overflow-wrap:anywhere}}
figure{margin:1mm 0}
svg.chart{width:100%;height:auto;display:block}
svg .grid{stroke:#ddd;stroke-width:1}
svg .tick,svg .legend{font-size:11px;fill:#333}
svg .empty{font-size:13px;fill:#666}
svg .band{fill:#cfe3f5;stroke:none}
svg .usual{stroke:#4a78a8;stroke-width:1.5;stroke-dasharray:4 3}
svg .mline{fill:none;stroke:#777;stroke-width:1.2}
svg .morning{fill:#1f3f66}
svg .flare{fill:#c62828;stroke:#fff;stroke-width:1}
svg .session{fill:#2e7d32}
svg .sharp{fill:#c62828}
svg .cline{fill:none;stroke:#8a6d00;stroke-width:1.2}
svg .comfort{fill:#8a6d00}
table{border-collapse:collapse;width:100%;font-size:8.5pt}
th,td{border-bottom:0.2mm solid #ccc;padding:0.8mm 1.2mm;text-align:left;vertical-align:top}
th{background:#f2f2f2}
.worse{color:#b3261e;font-weight:600}
tr.also td{padding-top:0;color:#333;font-style:italic}
tr.has-also td{border-bottom:0}
.small{font-size:7.5pt;color:#333;margin:0;padding-left:4mm}
.load{color:#555;font-size:7.5pt}
.thresholds{columns:5;column-gap:3mm;font-size:6.8pt;color:#333;margin:0;padding:0;list-style:none}
.thresholds li{break-inside:avoid;margin:0 0 0.3mm}
.notes p{margin:0.5mm 0}
footer{margin-top:3mm;font-size:7.5pt;color:#555}
.print-only{display:none}
.screen-only{background:#eef3f8;border-radius:2mm;padding:2mm 3mm;margin-bottom:3mm;font-size:9pt}
@page{margin:8mm 9mm}
@media print{
  body{padding:0;max-width:none;font-size:8pt;line-height:1.25}
  h1{font-size:13pt}
  h2{margin:1.6mm 0 0.6mm;font-size:9.5pt}
  .verdict h2{font-size:11pt}
  p{margin:0 0 1mm}
  .thresholds{font-size:5.8pt;columns:3;column-gap:2mm}
  .thresholds li{margin:0}
  .thresholds li.dflt{display:none}
  .row2 .comfort,.row2 .howto{flex:1}
  .print-only{display:inline}
  .verdict{padding:1.5mm 3mm}
  .verdict ul{font-size:7.5pt;line-height:1.2;margin:0.5mm 0}
  .screen-extra{display:none}
  table{font-size:7.5pt}
  th,td{padding:0.5mm 1mm}
  .screen-only{display:none}
  h2,figure,table,tr,.verdict,.alerts{break-inside:avoid}
}
)css";

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
