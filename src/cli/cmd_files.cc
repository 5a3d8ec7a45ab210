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
  auto text = ReadFile(a.file);
  if (!text) return Report(text.error());
  auto diary = LooksLikeJson(*text) ? ParseDiaryJson(*text) : ParseDiaryCsv(*text);
  if (!diary) {
    Error e = diary.error();
    e.message = a.file + ": " + e.message + "; nothing was stored";
    return Report(e);
  }
  auto opened = Open(g, OpenMode::kCreate);
  if (!opened) return Report(opened.error());
  auto report =
      service::ImportDiary((*opened)->service(), (*opened)->person(), *diary,
                           a.replace ? ImportMode::kReplace : ImportMode::kRefuseClashes, a.file);
  if (!report) {
    Error e = report.error();
    if (e.kind == ErrorKind::kConflict) {
      e.message += ". Import with --replace to replace those days with the file's version";
    } else if (e.kind == ErrorKind::kInvalid) {
      e.message += "; nothing was stored";
    }
    return Report(e);
  }
  std::cout << "Imported " << a.file << " into " << (*opened)->Describe() << ": " << report->added
            << " new days";
  if (report->replaced) std::cout << ", " << report->replaced << " replaced";
  if (report->unchanged) std::cout << ", " << report->unchanged << " already there unchanged";
  std::cout << ".\nNext: backsignal read\n";
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
  if (auto ok = WriteFile(a.out, file->body); !ok) return Report(ok.error());
  if (!a.out.empty() && a.out != "-") std::cerr << "Wrote " << a.format << " to " << a.out << "\n";
  return kOk;
}

struct ReportArgs {
  int weeks = 2;
  std::string as_of;
  std::string out;
};

int RunReport(const Globals& g, const ReportArgs& a) {
  if (!IsReportWeeks(a.weeks)) {
    return Report(Error::Invalid("--weeks " + std::to_string(a.weeks) + ": expected 2, 4 or 12"));
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
    auto d = ParseDateArg(a.as_of, "--as-of", *today);
    if (!d) return Report(d.error());
    auto bounded = service::CheckDiaryDate(*d, "--as-of");
    if (!bounded) return Report(bounded.error());
    request.as_of = *d;
  }
  auto html = service::ReportFor(svc, (*opened)->person(), request);
  if (!html) return Report(html.error());
  if (auto ok = WriteFile(a.out, *html); !ok) return Report(ok.error());
  if (!a.out.empty() && a.out != "-") {
    std::cerr << "Wrote the " << a.weeks << "-week report to " << a.out
              << ": open it in a browser, and print it or save it as PDF from there\n";
  }
  return kOk;
}

}  // namespace

void SetUpImport(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<ImportArgs>();
  cmd.add_option("FILE", a->file, "The diary file, or - for standard input")->required();
  cmd.add_flag("--replace", a->replace,
               "Replace days already stored with different content (default: refuse and list "
               "them)");
  cmd.footer(Footer("  backsignal import diary.json\n  backsignal import diary.csv --replace"));
  cmd.callback([a, &ctx] { ctx.code = RunImport(ctx.globals, *a); });
}

void SetUpExport(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<ExportArgs>();
  cmd.add_option("--format", a->format,
                 "json (the diary, default), csv, fhir (a FHIR R4 Bundle), ics (calendar "
                 "reminders), all (everything you entered, one JSON file)")
      ->check(CLI::IsMember({"json", "csv", "fhir", "ics", "all"}));
  cmd.add_option("--out", a->out, "File to write (default: standard output)");
  cmd.footer(
      Footer("  backsignal export > diary.json\n  backsignal export --format csv --out diary.csv\n"
             "  backsignal export --format fhir --out diary-fhir.json\n"
             "  backsignal export --format ics --out backsignal.ics\n"
             "  backsignal export --format all --out my-backsignal-data.json"));
  cmd.callback([a, &ctx] { ctx.code = RunExport(ctx.globals, *a); });
}

void SetUpReport(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<ReportArgs>();
  cmd.add_option("--weeks", a->weeks, "Weeks charted and listed: 2 (default), 4 or 12")
      ->check(CLI::IsMember({2, 4, 12}));
  cmd.add_option("--as-of", a->as_of,
                 "The report's last day (default: the latest date in the diary)");
  cmd.add_option("--out", a->out, "File to write (default: standard output)");
  cmd.footer(
      Footer("  backsignal report --out report.html\n"
             "  backsignal report --weeks 4 --as-of 2026-11-20 --out report.html"));
  cmd.callback([a, &ctx] { ctx.code = RunReport(ctx.globals, *a); });
}

}  // namespace backsignal::cli
