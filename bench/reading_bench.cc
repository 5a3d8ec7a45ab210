// Speed of the reading engine, import and the CLI end to end (make bench).
// Goals: read 90 days <= 100 us; read 10 years <= 5 ms; import 10 years <= 200 ms;
// `backsignal read` on a 10-year SQLite diary <= 20 ms end to end (the structure issue).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "backsignal/io/diary_json.h"
#include "backsignal/io/reading_json.h"
#include "backsignal/reading/reading.h"
#include "backsignal/service/readings.h"
#include "backsignal/service/summaries.h"
#include "backsignal/store/group_commit.h"
#include "backsignal/store/store.h"
#include "backsignal/words/words.h"
#include "test_diaries.h"

extern char** environ;

namespace backsignal {
namespace {

std::string g_cli = "build/backsignal";
constexpr int kTenYears = 3650;

std::unique_ptr<Store> OpenSqliteStore(const std::string& path) {
  auto db = OpenDatabase(path, {.create = true, .summariser = service::ReadingSummariser({})});
  if (!db) std::abort();
  return OwningPersonStore(std::move(*db), kLocalPerson);
}

const Diary& DiaryOf(int days) {
  static std::map<int, Diary> cache;
  auto it = cache.find(days);
  if (it == cache.end()) it = cache.emplace(days, testing::RealisticDiary(days)).first;
  return it->second;
}

void BM_Read(benchmark::State& state) {
  const Diary& d = DiaryOf(static_cast<int>(state.range(0)));
  const Date as_of = d.days.back().date;
  for (auto _ : state) {
    Reading r = Read(d, as_of, {});
    benchmark::DoNotOptimize(r);
  }
  state.SetLabel(std::to_string(d.days.size()) + " days");
}
BENCHMARK(BM_Read)->Arg(90)->Arg(kTenYears)->Unit(benchmark::kMicrosecond);

void BM_ReadToJson(benchmark::State& state) {
  const Diary& d = DiaryOf(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const Reading r = Read(d, d.days.back().date, {});
    std::string s = ReadingToJson(r, WordsFor(r, Settings{}));
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ReadToJson)->Arg(90)->Arg(kTenYears)->Unit(benchmark::kMicrosecond);

void BM_ParseDiaryJson(benchmark::State& state) {
  const std::string text = DiaryToJson(DiaryOf(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    auto d = ParseDiaryJson(text);
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseDiaryJson)->Arg(kTenYears)->Unit(benchmark::kMillisecond);

std::filesystem::path BenchDir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("backsignal-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

// Parse + validate + store a 10-year diary into a new SQLite database, durably committed.
void BM_ImportSqlite(benchmark::State& state) {
  const std::string text = DiaryToJson(DiaryOf(kTenYears));
  const auto db = BenchDir() / "import.db";
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + ext);
    state.ResumeTiming();
    auto diary = ParseDiaryJson(text);
    auto store = OpenSqliteStore(db.string());
    auto report = store->Import(*diary, ImportMode::kRefuseClashes);
    if (!report) state.SkipWithError(report.error().message.c_str());
  }
}
BENCHMARK(BM_ImportSqlite)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadDiarySqlite(benchmark::State& state) {
  const auto db = BenchDir() / "load.db";
  std::filesystem::remove(db);
  auto store = OpenSqliteStore(db.string());
  (void)store->Import(DiaryOf(kTenYears), ImportMode::kRefuseClashes);
  for (auto _ : state) {
    auto d = store->LoadDiary();
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_LoadDiarySqlite)->Unit(benchmark::kMillisecond);

// The reading the API serves, from a 10-year SQLite diary: made (the diary's recent days
// loaded, read, written as JSON) when `state.range(0)` is 0; kept in memory and checked
// against the diary's version when 1.
void BM_ServiceReading(benchmark::State& state) {
  const auto db_path = BenchDir() / "service.db";
  std::filesystem::remove(db_path);
  auto db = OpenDatabase(db_path.string(),
                         {.create = true, .summariser = service::ReadingSummariser({})});
  (void)(*db)->ForPerson(kLocalPerson)->Import(DiaryOf(kTenYears), ImportMode::kRefuseClashes);
  DirectWriter writer(**db);
  service::Service svc(**db, writer, service::SystemClock());
  for (auto _ : state) {
    if (state.range(0) == 0) {
      state.PauseTiming();
      service::Service fresh(**db, writer, service::SystemClock());
      state.ResumeTiming();
      auto v = service::ReadingOf(fresh, kLocalPerson, std::nullopt);
      benchmark::DoNotOptimize(v);
    } else {
      auto v = service::ReadingOf(svc, kLocalPerson, std::nullopt);
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetLabel(state.range(0) ? "kept, version checked" : "made");
}
BENCHMARK(BM_ServiceReading)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The whole `backsignal --db DB read [--json]` process, start to exit.
void BM_CliRead(benchmark::State& state) {
  const auto db = BenchDir() / "cli.db";
  std::filesystem::remove(db);
  {
    auto store = OpenSqliteStore(db.string());
    (void)store->Import(DiaryOf(kTenYears), ImportMode::kRefuseClashes);
  }
  std::vector<std::string> args = {g_cli, "--db", db.string(), "read"};
  if (state.range(0)) args.push_back("--json");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    pid_t pid;
    if (posix_spawn(&pid, g_cli.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      state.SkipWithError("cannot run the CLI (pass --cli=PATH)");
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("the CLI failed");
      break;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
  state.SetLabel(state.range(0) ? "read --json, 10 years" : "read, 10 years");
}
BENCHMARK(BM_CliRead)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace backsignal

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--cli=", 6) == 0) {
      backsignal::g_cli = argv[i] + 6;
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                              ("backsignal-bench-" + std::to_string(getpid())));
  return 0;
}
