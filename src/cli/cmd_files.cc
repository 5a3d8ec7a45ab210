// What crosses the border as files: import, export, and the clinician's report.
#include <iostream>

#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/exports.h"
#include "backsignal/report/report.h"
#include "backsignal/service/checkins.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/today.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

struct ImportArgs {
  std::string file;
  bool replace = false;
};

int RunImport(const Globals& g, const ImportArgs& a) {
  const Locale& loc = *g.locale;
  auto text = ReadFile(loc, a.file);
  if (!text) return Report(text.error());
  auto diary = LooksLikeJson(*text) ? ParseDiaryJson(*text) : ParseDiaryCsv(*text);
  if (!diary) {
    Error e = loc.Translated(diary.error());
    // TRANSLATORS: {file} is the file's name; {problem} what is wrong with it.
    e.message = loc.Tr("{file}: {problem}; nothing was stored",
                       {Arg("file", a.file), Arg("problem", e.message)});
    return Report(e);
  }
  auto opened = Open(g, OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  auto report =
      service::ImportDiary((*opened)->service(), (*opened)->person(), *diary,
                           a.replace ? ImportMode::kReplace : ImportMode::kRefuseClashes, a.file);
  if (!report) {
    Error e = loc.Translated(report.error());
    if (e.kind == ErrorKind::kConflict) {
      // TRANSLATORS: after a list of days that differ from the file's; "--replace" stays.
      e.message.append(
          loc.Tr(". Import with --replace to replace those days with the file's version"));
    } else if (e.kind == ErrorKind::kInvalid) {
      e.message.append(loc.Tr("; nothing was stored"));
    }
    return Report(e);
  }
  // TRANSLATORS: {file} is the file; {database} where it went; {n} the count of new days.
  std::cout << loc.Ntr("Imported {file} into {database}: {n} new day",
                       "Imported {file} into {database}: {n} new days",
                       static_cast<int64_t>(report->added),
                       {Arg("file", a.file), Arg("database", (*opened)->Describe())});
  if (report->replaced) {
    // TRANSLATORS: added to "Imported ...: 3 new days".
    std::cout << loc.Ntr(", {n} replaced", ", {n} replaced",
                         static_cast<int64_t>(report->replaced));
  }
  if (report->unchanged) {
    // TRANSLATORS: added to "Imported ...: 3 new days": days already stored as in the file.
    std::cout << loc.Ntr(", {n} already there unchanged", ", {n} already there unchanged",
                         static_cast<int64_t>(report->unchanged));
  }
  std::cout << ".\n" << loc.Tr("Next: backsignal read") << "\n";
  return kOk;
}

struct ExportArgs {
  std::string format = "json";
  std::string out;
};

int RunExport(const Globals& g, const ExportArgs& a) {
  auto format = ParseExportFormat(a.format);
  if (!format) return Report(format.error());
  auto opened = Open(g, OpenMode::kRead);
  if (!opened) return Report(opened.error());
  auto file =
      service::ExportFor((*opened)->service(), (*opened)->person(), *format, (*opened)->account());
  if (!file) return Report(file.error());
  if (auto ok = WriteFile(*g.locale, a.out, file->body); !ok) return Report(ok.error());
  if (!a.out.empty() && a.out != "-") {
    // TRANSLATORS: {format} is json, csv, fhir, ics or all; {file} the file written.
    std::cerr << g.locale->Tr("Wrote {format} to {file}",
                              {Arg("format", a.format), Arg("file", a.out)})
              << "\n";
  }
  return kOk;
}

struct ReportArgs {
  int weeks = 2;
  std::string as_of;
  std::string out;
};

int RunReport(const Globals& g, const ReportArgs& a) {
  const Locale& loc = *g.locale;
  if (!IsReportWeeks(a.weeks)) {
    // TRANSLATORS: {weeks} is the number given.
    return Report(
        Error::Invalid(loc.Tr("--weeks {weeks}: expected 2, 4 or 12", {Arg("weeks", a.weeks)})));
  }
  auto opened = Open(g, OpenMode::kRead);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  service::ReportRequest request;
  request.weeks = a.weeks;
  request.locale = g.locale;
  if (!a.as_of.empty()) {
    auto today = service::TodayFor(svc, (*opened)->person());
    if (!today) return Report(today.error());
    auto d = ParseDateArg(a.as_of, "--as-of", *today, *g.locale);
    if (!d) return Report(d.error());
    auto bounded = service::CheckDiaryDate(*d, "--as-of");
    if (!bounded) return Report(bounded.error());
    request.as_of = *d;
  }
  auto html = service::ReportFor(svc, (*opened)->person(), request);
  if (!html) return Report(html.error());
  if (auto ok = WriteFile(loc, a.out, *html); !ok) return Report(ok.error());
  if (!a.out.empty() && a.out != "-") {
    // TRANSLATORS: {n} is 2, 4 or 12; {file} the file written.
    std::cerr << loc.Ntr(
                     "Wrote the {n}-week report to {file}: open it in a browser, and print "
                     "it or save it as PDF from there",
                     "Wrote the {n}-week report to {file}: open it in a browser, and print "
                     "it or save it as PDF from there",
                     a.weeks, {Arg("file", a.out)})
              << "\n";
  }
  return kOk;
}

}  // namespace

void SetUpImport(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ImportArgs>();
  cmd.add_option("FILE", a->file, loc.Tr("The diary file, or - for standard input"))->required();
  cmd.add_flag(
      "--replace", a->replace,
      loc.Tr("Replace days already stored with different content (default: refuse and list "
             "them)"));
  cmd.footer(
      Footer(loc, "  backsignal import diary.json\n  backsignal import diary.csv --replace"));
  cmd.callback([a, &ctx] { ctx.code = RunImport(ctx.globals, *a); });
}

void SetUpExport(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ExportArgs>();
  cmd.add_option("--format", a->format,
                 loc.Tr("json (the diary, default), csv, fhir (a FHIR R4 Bundle), ics (calendar "
                        "reminders), all (everything you entered, one JSON file)"))
      ->check(CLI::IsMember({"json", "csv", "fhir", "ics", "all"}));
  cmd.add_option("--out", a->out, loc.Tr("File to write (default: standard output)"));
  cmd.footer(
      Footer(loc,
             "  backsignal export > diary.json\n  backsignal export --format csv --out diary.csv\n"
             "  backsignal export --format fhir --out diary-fhir.json\n"
             "  backsignal export --format ics --out backsignal.ics\n"
             "  backsignal export --format all --out my-backsignal-data.json"));
  cmd.callback([a, &ctx] { ctx.code = RunExport(ctx.globals, *a); });
}

void SetUpReport(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ReportArgs>();
  cmd.add_option("--weeks", a->weeks, loc.Tr("Weeks charted and listed: 2 (default), 4 or 12"))
      ->check(CLI::IsMember({2, 4, 12}));
  cmd.add_option("--as-of", a->as_of,
                 loc.Tr("The report's last day (default: the latest date in the diary)"));
  cmd.add_option("--out", a->out, loc.Tr("File to write (default: standard output)"));
  cmd.footer(Footer(loc,
                    "  backsignal report --out report.html\n"
                    "  backsignal report --weeks 4 --as-of 2026-11-20 --out report.html"));
  cmd.callback([a, &ctx] { ctx.code = RunReport(ctx.globals, *a); });
}

}  // namespace backsignal::cli
