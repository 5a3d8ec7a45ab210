#include "backsignal/report/report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "backsignal/words/i18n.h"
#include "backsignal/words/words.h"
#include "parts.h"
#include "style.h"

namespace backsignal {
namespace {

using report_detail::FlareRow;
using report_detail::MeasuresHtml;
using report_detail::OtherFactorsHtml;
using report_detail::ThresholdsHtml;
using report_detail::WindowCell;

// Coordinates with one decimal: deterministic across machines, and small.
std::string F(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::abs(v) < 0.05 ? 0.0 : v);
  return buf;
}

// "22 Nov": a chart's axis label (day, month), in the reader's language.
std::string ShortDate(Date d, const Locale& loc) {
  // TRANSLATORS: a chart's axis label: {day} of the month and the month's short name, as in
  // the dates ("22 Nov").
  return loc.TrC("date", "{day} {month}",
                 {Arg("day", d.day()), Arg("month", loc.Month(d.month()))});
}

// A reading whose lists (sessions, mornings) reach back to `from`, for the charts and the
// table: the same engine, with the listing window widened. Its verdict is not shown.
Reading ListingReading(const Diary& diary, const Settings& settings, Date from, Date to) {
  Settings wide = settings;
  wide.comfort_days = std::max(wide.comfort_days, static_cast<double>(to - from + 1));
  return Read(diary, to, wide);
}

// The frame both charts share: a plot area with a 0-10 scale and one column per day.
struct Frame {
  Date from, to;
  double width = 720, height = 150;
  double left = 34, right = 8, top = 12, bottom = 44;
  double label_offset = 26;  // day labels below the plot (under the session marks)
  bool legend = true;        // the legend inside the chart (else it is below, in HTML)
  bool narrow = false;       // drawn for a phone's screen (shown instead of the wide one there)
  const Locale* loc = &Locale::English();  // the reader's language
  int days() const { return (to - from) + 1; }
  double dx() const { return (width - left - right) / days(); }
  double X(Date d) const { return left + ((d - from) + 0.5) * dx(); }
  double Y(double v) const { return top + (10 - v) / 10 * (height - top - bottom); }
  double plot_bottom() const { return height - bottom; }
};

std::string Axes(const Frame& f) {
  std::string s;
  for (int v = 0; v <= 10; v += 2) {
    s += "<line class=\"grid\" x1=\"" + F(f.left) + "\" y1=\"" + F(f.Y(v)) + "\" x2=\"" +
         F(f.width - f.right) + "\" y2=\"" + F(f.Y(v)) + "\"/>";
    s += "<text class=\"tick\" x=\"" + F(f.left - 5) + "\" y=\"" + F(f.Y(v) + 3.5) +
         "\" text-anchor=\"end\">" + std::to_string(v) + "</text>";
  }
  const int n = f.days();
  const double min_gap = f.width < 500 ? 44 : 30;  // px between day labels
  const int step = f.dx() >= min_gap ? 1 : 2 * f.dx() >= min_gap && n <= 28 ? 2 : 7;
  for (int i = 0; i < n; i += step) {
    const Date d = f.from + i;
    const bool month = i == 0 || d.day() <= static_cast<unsigned>(step);
    const std::string label = month ? ShortDate(d, *f.loc) : std::to_string(d.day());
    s += "<text class=\"tick\" x=\"" + F(f.X(d)) + "\" y=\"" + F(f.plot_bottom() + f.label_offset) +
         "\" text-anchor=\"middle\">" + EscapeHtml(label) + "</text>";
  }
  return s;
}

std::string Svg(const Frame& f, std::string_view title, std::string_view desc,
                const std::string& body) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + F(f.width) + " " +
         F(f.height) + "\" role=\"img\" class=\"chart" + (f.narrow ? " narrow" : " wide") +
         "\"><title>" + EscapeHtml(title) + "</title><desc>" + EscapeHtml(desc) + "</desc>" + body +
         "</svg>";
}

// The same chart drawn for a phone's screen: as wide as a phone, so that its labels are as big
// as the text around them; its legend is HTML below it.
Frame Narrow(Frame f, double height) {
  f.width = 360;
  f.height = height;
  f.left = 26;
  f.right = 6;
  f.bottom = f.bottom - 16;
  f.legend = false;
  f.narrow = true;
  return f;
}

// The report's wide morning chart: its legend below it in HTML, which wraps in any language
// (drawn inside, a long translation ran over the next key), so the chart ends under the day
// labels, and it is a little flatter, to leave the page's room to the words.
Frame ReportMorningFrame(Date from, Date to, const Locale& loc) {
  Frame f{from, to};
  f.loc = &loc;
  f.legend = false;
  f.top = 8;
  f.bottom = 30;
  f.height = 118;
  return f;
}

}  // namespace

bool IsReportWeeks(int weeks) { return weeks == 2 || weeks == 4 || weeks == 12; }

namespace {

// The charts from a listing reading already made (the report makes it once for both charts and
// the table).
std::string MorningChart(const Diary& diary, const Settings& settings, const Reading& r, Date from,
                         Date to, Frame f) {
  std::string body = Axes(f);

  // The usual range: from `marginal_better` below the usual morning to `significant_change`
  // above it, as it stood each day (a step band; gaps where no usual is known).
  std::string band;
  auto flush = [&](std::vector<std::pair<double, double>>& upper,
                   std::vector<std::pair<double, double>>& lower) {
    if (upper.empty()) return;
    band += "<polygon class=\"band\" points=\"";
    for (const auto& [x, y] : upper) band += F(x) + "," + F(y) + " ";
    for (auto it = lower.rbegin(); it != lower.rend(); ++it)
      band += F(it->first) + "," + F(it->second) + " ";
    band.pop_back();
    band += "\"/>";
    upper.clear();
    lower.clear();
  };
  std::vector<std::pair<double, double>> upper, lower;
  std::string usual_line;
  for (Date d = from; d <= to; d = d + 1) {
    const UsualAt u = UsualMorningAt(diary, d, settings);
    if (!u.pain) {
      flush(upper, lower);
      continue;
    }
    const double x0 = f.X(d) - f.dx() / 2, x1 = f.X(d) + f.dx() / 2;
    const double hi = std::min(10.0, *u.pain + settings.significant_change);
    const double lo = std::max(0.0, *u.pain - settings.marginal_better);
    upper.push_back({x0, f.Y(hi)});
    upper.push_back({x1, f.Y(hi)});
    lower.push_back({x0, f.Y(lo)});
    lower.push_back({x1, f.Y(lo)});
    usual_line += "<line class=\"usual\" x1=\"" + F(x0) + "\" y1=\"" + F(f.Y(*u.pain)) +
                  "\" x2=\"" + F(x1) + "\" y2=\"" + F(f.Y(*u.pain)) + "\"/>";
  }
  flush(upper, lower);
  body += band + usual_line;

  // Sessions: a mark under the plot on each exercise day; a sharp session is marked "!".
  for (const SessionReading& sr : r.sessions) {
    if (sr.date < from || sr.date > to) continue;
    const double x = f.X(sr.date);
    const double y = f.plot_bottom() + 4;
    const bool sharp = sr.during == DuringSignal::kSharp;
    body += "<path class=\"" + std::string(sharp ? "session sharp" : "session") + "\" d=\"M" +
            F(x) + " " + F(y) + "l5 9h-10z\"/>";
  }

  // Mornings: a line through them, each a dot; a morning after a flared session day is red.
  std::string line, dots;
  for (const MorningPoint& m : r.mornings) {
    if (m.date < from || m.date > to) continue;
    const double x = f.X(m.date), y = f.Y(m.pain.value());
    line += (line.empty() ? "" : " ") + F(x) + "," + F(y);
    const bool flare = m.kind == MorningKind::kAfterSession && m.response == Response::kFlared;
    dots += "<circle class=\"" + std::string(flare ? "morning flare" : "morning") + "\" cx=\"" +
            F(x) + "\" cy=\"" + F(y) + "\" r=\"" + (flare ? "5" : "3.5") + "\"/>";
  }
  if (!line.empty()) body += "<polyline class=\"mline\" points=\"" + line + "\"/>";
  body += dots;
  const Locale& loc = *f.loc;
  if (r.mornings.empty()) {
    body += "<text class=\"empty\" x=\"" + F(f.width / 2) + "\" y=\"" + F(f.Y(5)) +
            "\" text-anchor=\"middle\">" +
            EscapeHtml(loc.Tr("No mornings recorded in these dates")) + "</text>";
  }
  const std::string title = loc.Tr("Morning pain against the usual range");
  // TRANSLATORS: {from} and {to} are dates ("Tue 3 Nov").
  const std::string desc = loc.Tr(
      "Morning pain from 0 to 10 each day from {from} to {to}, with the usual range shaded and "
      "exercise days marked.",
      {Arg("from", loc.Day(from)), Arg("to", loc.Day(to))});
  if (!f.legend) return Svg(f, title, desc, std::move(body));
  // Legend.
  const double ly = f.height - 6;
  body += "<rect class=\"band\" x=\"" + F(f.left) + "\" y=\"" + F(ly - 8) +
          "\" width=\"14\" height=\"9\"/><text class=\"legend\" x=\"" + F(f.left + 18) + "\" y=\"" +
          F(ly) + "\">" + EscapeHtml(loc.TrC("chart legend", "usual range")) + "</text>";
  body += "<circle class=\"morning\" cx=\"" + F(f.left + 112) + "\" cy=\"" + F(ly - 3.5) +
          "\" r=\"3.5\"/><text class=\"legend\" x=\"" + F(f.left + 120) + "\" y=\"" + F(ly) +
          "\">" + EscapeHtml(loc.TrC("chart legend", "morning pain")) + "</text>";
  body += "<circle class=\"morning flare\" cx=\"" + F(f.left + 224) + "\" cy=\"" + F(ly - 3.5) +
          "\" r=\"5\"/><text class=\"legend\" x=\"" + F(f.left + 232) + "\" y=\"" + F(ly) + "\">" +
          EscapeHtml(loc.TrC("chart legend", "worse morning after exercise (flare)")) + "</text>";
  body += "<path class=\"session\" d=\"M" + F(f.left + 468) + " " + F(ly - 9) +
          "l5 9h-10z\"/><text class=\"legend\" x=\"" + F(f.left + 478) + "\" y=\"" + F(ly) + "\">" +
          EscapeHtml(loc.TrC("chart legend", "exercise day")) + "</text>";
  body += "<path class=\"session sharp\" d=\"M" + F(f.left + 572) + " " + F(ly - 9) +
          "l5 9h-10z\"/><text class=\"legend\" x=\"" + F(f.left + 582) + "\" y=\"" + F(ly) + "\">" +
          EscapeHtml(loc.TrC("chart legend", "sharp pain")) + "</text>";
  return Svg(f, title, desc, std::move(body));
}

Frame ComfortFrame(Date from, Date to, const Locale& loc = Locale::English()) {
  Frame f{from, to};
  f.loc = &loc;
  f.width = 440;
  f.height = 100;
  f.bottom = 30;
  f.label_offset = 14;
  return f;
}

// Several sessions on one day: the line joins each day's highest, and each session is a mark on
// its day (no zigzag up and down one day).
std::string ComfortChart(const Reading& r, Date from, Date to, Frame f) {
  std::string body = Axes(f);
  std::string dots;
  std::vector<std::pair<Date, double>> highest;  // each day's highest, in date order
  int n = 0;
  for (const SessionReading& sr : r.sessions) {
    if (sr.date < from || sr.date > to || !sr.comfort) continue;
    const double v = sr.comfort->value();
    const double x = f.X(sr.date), y = f.Y(v);
    dots += "<rect class=\"comfort\" x=\"" + F(x - 3.5) + "\" y=\"" + F(y - 3.5) +
            "\" width=\"7\" height=\"7\"/>";
    if (!highest.empty() && highest.back().first == sr.date) {
      highest.back().second = std::max(highest.back().second, v);
    } else {
      highest.emplace_back(sr.date, v);
    }
    ++n;
  }
  std::string line;
  for (const auto& [d, v] : highest)
    line += (line.empty() ? "" : " ") + F(f.X(d)) + "," + F(f.Y(v));
  if (!line.empty()) body += "<polyline class=\"cline\" points=\"" + line + "\"/>";
  body += dots;
  const Locale& loc = *f.loc;
  if (n == 0) {
    body += "<text class=\"empty\" x=\"" + F(f.width / 2) + "\" y=\"" + F(f.Y(5)) +
            "\" text-anchor=\"middle\">" + EscapeHtml(loc.Tr("No rated sessions in these dates")) +
            "</text>";
  }
  const std::string title = loc.Tr("Comfort during and after sessions");
  // TRANSLATORS: {from} and {to} are dates ("Tue 3 Nov").
  const std::string desc = loc.Tr(
      "The highest discomfort rated during or an hour after each session, 0 to 10, from {from} "
      "to {to}.",
      {Arg("from", loc.Day(from)), Arg("to", loc.Day(to))});
  if (!f.legend) return Svg(f, title, desc, std::move(body));
  const double ly = f.height - 6;
  body += "<rect class=\"comfort\" x=\"" + F(f.left) + "\" y=\"" + F(ly - 7) +
          "\" width=\"7\" height=\"7\"/><text class=\"legend\" x=\"" + F(f.left + 12) + "\" y=\"" +
          F(ly) + "\">" +
          EscapeHtml(
              loc.TrC("chart legend", "highest discomfort during or an hour after each session")) +
          "</text>";
  return Svg(f, title, desc, std::move(body));
}

}  // namespace

std::string MorningChartSvg(const Diary& diary, const Settings& settings, Date from, Date to) {
  return MorningChart(diary, settings, ListingReading(diary, settings, from, to), from, to,
                      Frame{from, to});
}

std::string ComfortChartSvg(const Diary& diary, const Settings& settings, Date from, Date to) {
  return ComfortChart(ListingReading(diary, settings, from, to), from, to, ComfortFrame(from, to));
}

namespace {

// A legend's key: a small drawing of the mark, beside its words (the narrow charts' legend).
std::string Key(const std::string& mark) {
  return "<svg class=\"key\" viewBox=\"0 0 14 10\" aria-hidden=\"true\">" + mark + "</svg>";
}

std::string MorningLegend(const Locale& loc) {
  return "<ul class=\"legend-html always\"><li>" +
         Key("<rect class=\"band\" x=\"0\" y=\"1\" width=\"14\" height=\"8\"/>") +
         EscapeHtml(loc.TrC("chart legend", "usual range")) + "</li><li>" +
         Key("<circle class=\"morning\" cx=\"7\" cy=\"5\" r=\"3.5\"/>") +
         EscapeHtml(loc.TrC("chart legend", "morning pain")) + "</li><li>" +
         Key("<circle class=\"morning flare\" cx=\"7\" cy=\"5\" r=\"4.5\"/>") +
         EscapeHtml(loc.TrC("chart legend", "worse morning after exercise (flare)")) + "</li><li>" +
         Key("<path class=\"session\" d=\"M7 1l5 8h-10z\"/>") +
         EscapeHtml(loc.TrC("chart legend", "exercise day")) + "</li><li>" +
         Key("<path class=\"session sharp\" d=\"M7 1l5 8h-10z\"/>") +
         EscapeHtml(loc.TrC("chart legend", "sharp pain")) + "</li></ul>";
}

}  // namespace

std::string RenderReportHtml(const Diary& diary, const Settings& settings, const ReportOptions& o) {
  const Date to = o.as_of;
  const Date from = to - (o.weeks * 7 - 1);
  const Reading r = Read(diary, to, settings);
  // A report is read by a clinician: the words speak of the person, never to them.
  const Voice voice = Voice::About(o.person_name);
  const Locale& loc = o.locale != nullptr ? *o.locale : Locale::English();
  const ReadingWords w = WordsFor(r, settings, voice, loc);
  const Reading list = ListingReading(diary, settings, from, to);
  const ReadingWords list_words = WordsFor(list, settings, voice, loc);
  const Trend& t = r.trend;
  const auto num = [&loc](double v) { return loc.Number(v); };
  // TRANSLATORS: {from} and {to} are dates with their years.
  const std::string span =
      loc.Tr("{from} to {to}", {Arg("from", loc.Day(from, true)), Arg("to", loc.Day(to, true))});

  std::string h;
  h += "<!doctype html>\n<html lang=\"" + EscapeHtml(loc.tag()) +
       "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // TRANSLATORS: the report's title; {name} is the person's name, {span} its dates.
  h += "<title>" +
       EscapeHtml(o.person_name.empty() ? loc.Tr("backsignal report, {span}", {Arg("span", span)})
                                        : loc.Tr("backsignal report for {name}, {span}",
                                                 {Arg("name", o.person_name), Arg("span", span)})) +
       "</title>\n";
  h += "<style>" + std::string(ReportStyle()) + "</style>\n</head>\n<body>\n";
  // TRANSLATORS: "&#8984;" is the Mac's command key sign: keep it.
  h += "<p class=\"screen-only\">" +
       loc.Tr(
           "To keep or share this report, print it or save it as PDF from your browser "
           "(Ctrl+P, or &#8984;P on a Mac). It fits A4 and Letter.") +
       "</p>\n";
  // TRANSLATORS: the report's heading; {weeks} is 2, 4 or 12; {name} the person's name.
  h +=
      "<header><h1>" +
      EscapeHtml(o.person_name.empty()
                     ? loc.Tr("Mid back and exercise: {weeks}-week report", {Arg("weeks", o.weeks)})
                     : loc.Tr("Mid back and exercise: {weeks}-week report for {name}",
                              {Arg("weeks", o.weeks), Arg("name", o.person_name)})) +
      "</h1>";
  // TRANSLATORS: under the heading: {span} the dates; {days} the verdict's window (14).
  h += "<p class=\"sub\">" +
       EscapeHtml(
           loc.Tr("{span} · the person's own 0-10 check-ins · verdict over the last {days} days",
                  {Arg("span", span), Arg("days", num(settings.trend_days))})) +
       "</p></header>\n";

  // The verdict with its evidence, in the reading's own words.
  h += "<div class=\"top\">";
  h += "<section class=\"verdict v-" + std::string(Name(t.verdict)) + "\"><h2>" +
       EscapeHtml(loc.Tr("Verdict: {title}", {Arg("title", w.title)})) + "</h2><p>" +
       EscapeHtml(w.explanation) + "</p>";
  if (!w.held_back.empty()) {
    h += "<p class=\"held\"><b>" + EscapeHtml(loc.Tr("Holding it back:")) +
         "</b></p><ul class=\"held\">";
    for (const std::string& line : w.held_back)
      h += "<li class=\"worse\">" + EscapeHtml(line) + "</li>";
    h += "</ul>";
  }
  h += "<ul>";
  for (const std::string& e : w.evidence) h += "<li>" + EscapeHtml(e) + "</li>";
  // TRANSLATORS: a label before a note, and before the next step, in the report.
  for (const std::string& c : w.cautions) {
    h += "<li><b>" + EscapeHtml(loc.TrC("label", "Note:")) + "</b> " + EscapeHtml(c) + "</li>";
  }
  h += "</ul>";
  h += "<p><b>" + EscapeHtml(loc.TrC("label", "Next step:")) + "</b> " + EscapeHtml(w.next_step) +
       "</p></section>\n";

  h += "<div class=\"aside\">";
  if (!w.alerts.empty()) {
    h += "<section class=\"alerts\"><h2>" + EscapeHtml(loc.TrC("heading", "Alerts")) + "</h2>";
    for (const AlertWords& a : w.alerts) h += "<p>" + EscapeHtml(a.text) + "</p>";
    h += "</section>\n";
  }
  h += "<section class=\"usual\"><h2>" + EscapeHtml(loc.TrC("heading", "Usual morning")) +
       "</h2><p>" + EscapeHtml(w.usual);
  if (r.usual.pain) {
    // TRANSLATORS: {worse} and {higher} are thresholds in points ("2", "1").
    h += " " + EscapeHtml(loc.Tr("{worse}+ points above it is significantly worse; {higher}+ is "
                                 "noticeably higher.",
                                 {Arg("worse", num(settings.significant_change)),
                                  Arg("higher", num(settings.noticeably_higher))}));
  }
  if (!w.progress.empty()) h += " " + EscapeHtml(w.progress);
  h += "</p></section>";
  // Each activity on its own, beside the verdict (the aside has the room).
  if (!w.activities.empty()) {
    h += "<section class=\"acts\"><h2>" +
         EscapeHtml(loc.TrC("heading", "Each activity (four weeks)")) + "</h2><ul class=\"acts\">";
    for (const ActivityWords& a : w.activities) {
      h += std::string("<li") + (a.setting_off ? " class=\"worse\"" : "") + ">" +
           EscapeHtml(a.text) + "</li>";
    }
    h += "</ul></section>";
  }
  if (!o.safety.empty()) {
    h += "<section class=\"safety\"><h2>" + EscapeHtml(loc.TrC("heading", "Safety screen")) +
         "</h2><p>" + EscapeHtml(o.safety) + "</p></section>";
  }
  h += "</div></div>\n";

  // The person's notes: pinned ones under the verdict whatever their date, the others below.
  std::string notes, pinned;
  for (const Day& d : diary.days) {
    if (!d.note || d.date > to) continue;
    const std::string line =
        "<p><b>" +
        // TRANSLATORS: a date before the day's note.
        EscapeHtml(loc.TrC("label", "{date}:", {Arg("date", loc.Day(d.date, d.date < from))})) +
        "</b> " + EscapeHtml(*d.note) + "</p>";
    if (d.note_pinned) {
      pinned += line;
    } else if (d.date >= from) {
      notes += line;
    }
  }
  if (!pinned.empty()) {
    h += "<section class=\"notes pinned\"><h2>" + EscapeHtml(loc.TrC("heading", "Pinned notes")) +
         "</h2>" + pinned + "</section>\n";
  }

  const Frame wide = ReportMorningFrame(from, to, loc);
  Frame phone{from, to};  // Narrow() takes the in-chart legend's room away itself
  phone.loc = &loc;
  h += "<h2>" + EscapeHtml(loc.TrC("heading", "Mornings")) + "</h2><figure>" +
       MorningChart(diary, settings, list, from, to, wide) +
       MorningChart(diary, settings, list, from, to, Narrow(phone, 176)) + MorningLegend(loc) +
       "</figure>\n";
  h += "<div class=\"row2\"><section class=\"comfort\"><h2>" +
       EscapeHtml(loc.TrC("heading", "Comfort during and after sessions")) + "</h2><figure>" +
       ComfortChart(list, from, to, ComfortFrame(from, to, loc)) +
       ComfortChart(list, from, to, Narrow(ComfortFrame(from, to, loc), 120)) +
       "<ul class=\"legend-html\"><li>" +
       Key("<rect class=\"comfort\" x=\"3\" y=\"1.5\" "
           "width=\"7\" height=\"7\"/>") +
       EscapeHtml(
           loc.TrC("chart legend",
                   "a session's highest discomfort during or an hour after (the line: each day's "
                   "highest)")) +
       "</li></ul></figure></section>";
  // TRANSLATORS: {worse} and {higher} are thresholds in points ("2", "1"); <b> and </b> mark
  // the word "flare" in bold: keep them around its translation.
  h += "<section class=\"howto\"><h2>" + EscapeHtml(loc.TrC("heading", "How to read this")) +
       "</h2><p>" +
       loc.Tr(
           "Each morning is compared with the usual morning (from mornings after days without "
           "exercise). A <b>flare</b> is an exercise day followed by a morning {worse}+ points "
           "worse than usual; {higher}+ is noticeably higher. The verdict weighs these against "
           "mornings after rest, the fortnight's baseline against the one before, and strain "
           "and comfort over weeks, never one session. Sitting, long spells in one position "
           "and upper-body tension are other causes of a bad day.",
           {Arg("worse", num(settings.significant_change)),
            Arg("higher", num(settings.noticeably_higher))}) +
       "</p></section></div>\n";
  // Sessions with their three windows.
  h += MeasuresHtml(diary, from, to, o.person_name, loc);
  h += "<h2>" + EscapeHtml(loc.TrC("heading", "Sessions")) + "</h2>";
  bool any = false;
  std::string rows;
  const std::string col_date = EscapeHtml(loc.TrC("table column", "Date"));
  const std::string col_activity = EscapeHtml(loc.TrC("table column", "Activity"));
  const std::string col_during = EscapeHtml(loc.TrC("table column", "During"));
  const std::string col_hour = EscapeHtml(loc.TrC("table column", "Hour after"));
  const std::string col_morning = EscapeHtml(loc.TrC("table column", "Next morning"));
  // Flares sit in the table in the order of the day: before a session when their time is
  // earlier than its, after the day's sessions otherwise (and when either has no time).
  std::vector<Flare> flares = FlaresBetween(diary.measures, from, to);
  std::stable_sort(flares.begin(), flares.end(), [](const Flare& a, const Flare& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.time.has_value() != b.time.has_value()) return a.time.has_value();  // untimed last
    return a.time < b.time;
  });
  size_t next_flare = 0;
  const auto flares_before = [&](Date date, std::optional<TimeOfDay> time) {
    for (; next_flare < flares.size(); ++next_flare) {
      const Flare& f = flares[next_flare];
      const bool earlier = f.date < date || (f.date == date && f.time && time && *f.time < *time);
      if (!earlier) break;
      rows += FlareRow(f, loc);
      any = true;
    }
  };
  // Each day's sessions in the order of their times (the untimed last), as they were entered on
  // a tie.
  std::vector<size_t> order(list.sessions.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&list](size_t a, size_t b) {
    const SessionReading& x = list.sessions[a];
    const SessionReading& y = list.sessions[b];
    if (x.date != y.date) return x.date < y.date;
    const auto& tx = x.session->time;
    const auto& ty = y.session->time;
    if (tx.has_value() != ty.has_value()) return tx.has_value();
    return tx < ty;
  });
  for (size_t k : order) {
    const SessionReading& sr = list.sessions[k];
    const SessionWords& sw = list_words.sessions[k];
    if (sr.date < from || sr.date > to) continue;
    flares_before(sr.date, sr.session->time);
    any = true;
    const Session& x = *sr.session;
    rows += std::string(sw.also.empty() ? "<tr>" : "<tr class=\"has-also\">") +
            "<td class=\"nw\" data-label=\"" + col_date + "\">" + EscapeHtml(loc.Day(sr.date));
    if (x.time) rows += " " + x.time->ToString();
    rows +=
        "</td><td data-label=\"" + col_activity + "\">" + EscapeHtml(x.activity.value_or("")) +
        (x.minutes ? ", " + EscapeHtml(loc.Tr("{minutes} min", {Arg("minutes", *x.minutes)})) : "");
    // TRANSLATORS: {effort} is how hard the session was, 0 to 10.
    if (x.effort)
      rows += ", " + EscapeHtml(loc.Tr("effort {effort}/10", {Arg("effort", *x.effort)}));
    if (!x.load.empty())
      rows += " <span class=\"load\">(" + EscapeHtml(LoadShortList(x.load, loc)) + ")</span>";
    rows += "</td><td data-label=\"";
    rows += col_during;
    rows += "\">";
    rows += WindowCell(sr, loc);
    rows += "</td><td data-label=\"";
    rows += col_hour;
    rows += "\">";
    if (x.hour_after.pain) rows += num(x.hour_after.pain->value()) + " ";
    if (x.hour_after.tighter && *x.hour_after.tighter) {
      rows += EscapeHtml(loc.TrC("in a table", "tighter")) + " ";
    }
    rows += "<span" + std::string(sr.strain == Strain::kStillRising ? " class=\"worse\"" : "") +
            ">" + EscapeHtml(ShortHourAfter(sr.hour_after, loc)) + "</span></td><td data-label=\"" +
            col_morning + "\"><span" +
            std::string(sr.morning == MorningSignal::kWorse || sr.morning == MorningSignal::kHigher
                            ? " class=\"worse\""
                            : "") +
            ">" + EscapeHtml(sw.morning) + "</span></td></tr>\n";
    // What else, unusual for the person, may have set the morning off: a row of its own under
    // the session, the table's width (on a phone, the last line of the session's card; its words
    // say what it is: "That day also had ...").
    if (!sw.also.empty()) {
      rows += "<tr class=\"also\"><td class=\"gap\"></td>";
      rows += "<td colspan=\"4\">" + EscapeHtml(sw.also) + "</td></tr>\n";
    }
  }
  flares_before(to + 1, std::nullopt);
  if (any) {
    h += "<div class=\"tablewrap\">";
    // The date column holds "Mon 23 Nov 18:30" on one line; the activity and its loads fit one
    // line on A4 and Letter, so that two weeks of sessions stay on one page.
    h += "<table><colgroup><col style=\"width:14%\"><col style=\"width:33%\"><col "
         "style=\"width:12%\"><col style=\"width:11%\"><col style=\"width:30%\"></colgroup>";
    h += "<thead><tr><th>" + col_date + "</th><th>" +
         EscapeHtml(loc.TrC("table column", "Activity, load")) + "</th><th>" + col_during +
         "</th><th>" + col_hour + "</th><th>" + col_morning + "</th></tr></thead><tbody>\n" + rows +
         "</tbody></table></div>\n";
  } else {
    h += "<p>" + EscapeHtml(loc.Tr("No sessions recorded in these dates.")) + "</p>\n";
  }

  if (!notes.empty()) {
    h += "<section class=\"notes\"><h2>" + EscapeHtml(loc.TrC("heading", "Notes")) + "</h2>" +
         notes + "</section>\n";
  }
  h += OtherFactorsHtml(diary, settings, from, to, loc);

  // What tends to go with a worse morning, when there is enough to compare.
  std::string assoc;
  for (const AssociationWords& a : w.associations) assoc += "<li>" + EscapeHtml(a.text) + "</li>";
  if (!assoc.empty()) {
    // TRANSLATORS: {weeks} is a number of weeks (8).
    h += "<div class=\"screen-extra\"><h2>" +
         EscapeHtml(
             loc.TrC("heading",
                     "What tends to go with a worse morning (last {weeks} weeks; associations, "
                     "not causes)",
                     {Arg("weeks", num(settings.association_weeks))})) +
         "</h2><ul class=\"small\">" + assoc + "</ul></div>\n";
  }

  h += ThresholdsHtml(settings, r.non_default_settings.empty(), loc);
  h +=
      "<footer>" +
      // TRANSLATORS: {version} is the number of the reading rules (3).
      EscapeHtml(loc.Tr("Ratings 0 (none) to 10 (worst imaginable), read by backsignal's published "
                        "reading rules (version {version}). Not a diagnosis.",
                        {Arg("version", kReadingRules)}));
  // TRANSLATORS: {when} is the date and time the report was made.
  if (!o.generated.empty())
    h += " " + EscapeHtml(loc.Tr("Generated {when}.", {Arg("when", o.generated)}));
  h += "</footer>\n</body>\n</html>\n";
  return h;
}

}  // namespace backsignal
