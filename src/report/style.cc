// The report's stylesheet, inline in its one HTML file: laid out for a desk's screen, for a
// phone's (under 600 px: the charts drawn phone-wide, the sessions table as cards) and for one
// printed A4 or Letter page.
#include "style.h"

namespace backsignal {
namespace {

constexpr std::string_view kStyle = R"css(
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
tr.also td{padding-top:0;color:#333;font-style:italic}
tr.has-also td{border-bottom:0}
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
svg.chart.narrow,.legend-html{display:none}
.legend-html.always{display:flex}
.legend-html{list-style:none;margin:1mm 0 0;padding:0;flex-wrap:wrap;gap:1mm 4mm;font-size:9.5pt;color:#333}
.legend-html li{display:flex;align-items:center;gap:1.5mm}
svg.key{width:14px;height:10px;flex:none}
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
.small{font-size:7.5pt;color:#333;margin:0;padding-left:4mm}
.load{color:#555;font-size:7.5pt}
.thresholds{columns:5;column-gap:3mm;font-size:6.8pt;color:#333;margin:0;padding:0;list-style:none}
.thresholds li{break-inside:avoid;margin:0 0 0.3mm}
.notes p{margin:0.5mm 0}
footer{margin-top:3mm;font-size:7.5pt;color:#555}
.print-only{display:none}
.screen-only{background:#eef3f8;border-radius:2mm;padding:2mm 3mm;margin-bottom:3mm;font-size:9pt}
/* A phone's screen, after the rules it overrides (same specificity: the later wins). */
@media screen and (max-width:600px){body{font-size:11.5pt;padding:4mm 3mm}.top{display:block}.aside{margin-top:3mm}.row2{display:block}
.row2 .howto{font-size:10pt}
svg.chart.wide{display:none}svg.chart.narrow{display:block}.legend-html{display:flex}
svg.narrow .tick{font-size:12.5px}
.tablewrap table,.tablewrap tbody,.tablewrap tr,.tablewrap td{display:block;width:auto}
.tablewrap colgroup,.tablewrap thead{display:none}
.tablewrap table{font-size:10.5pt}
.tablewrap tr{border-top:0.3mm solid #999;padding:1.5mm 0}
.tablewrap td{border:0;padding:0.4mm 0}
.tablewrap td::before{content:attr(data-label) ": ";font-weight:600;color:#444}
.tablewrap td.nw{white-space:normal;font-weight:600}
.tablewrap td.nw::before{content:none}
.tablewrap tr.has-also{padding-bottom:0}
.tablewrap tr.also{border-top:0;padding-top:0}
.tablewrap tr.also td.gap{display:none}.tablewrap tr.also td::before{content:none}
.thresholds{columns:1;font-size:9pt}.thresholds li{overflow-wrap:anywhere}.small,.load{font-size:9.5pt}footer{font-size:9pt}}
/* Paper: one A4 or Letter page, read in a minute. Text at 8.5pt (tables, lists and the legend
   at 8pt, the fine print at 7pt); the table sizes its columns to their words. */
@page{margin:7mm 8mm}
@media print{
  body{padding:0;max-width:none;font-size:8.5pt;line-height:1.22}
  h1{font-size:13pt}
  .sub{font-size:8pt}
  h2{margin:1.6mm 0 0.6mm;font-size:9.5pt}
  .verdict h2{font-size:10.5pt}
  p{margin:0 0 1mm}
  .top{margin-top:2mm}
  .thresholds{font-size:7pt;columns:2;column-gap:4mm}
  .thresholds li{margin:0}
  .thresholds li.dflt{display:none}
  .top .verdict{flex:19}
  .row2 .comfort{flex:4}
  .row2 .howto{flex:5}
  .row2 .howto{font-size:8pt}
  .legend-html{font-size:8pt;margin:0.5mm 0 0}
  .print-only{display:inline}
  .verdict{padding:1.5mm 3mm}
  .verdict ul{font-size:8pt;line-height:1.2;margin:0.5mm 0}
  .screen-extra{display:none}
  table{font-size:8pt}
  .tablewrap col{width:auto!important}
  th,td{padding:0.4mm 1mm;line-height:1.2}
  .small,.load{font-size:7.5pt}
  footer{margin-top:1.5mm;font-size:7pt}
  .screen-only{display:none}
  h2{break-after:avoid}
  h2,figure,tr,.verdict,.alerts{break-inside:avoid}
}
)css";

}  // namespace

std::string_view ReportStyle() { return kStyle; }

}  // namespace backsignal
