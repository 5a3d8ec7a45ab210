// Fills a database for the clinician's-list benchmark: N people with D days of a realistic
// diary each, all sharing with one clinician account "dr.bench" (password "bench password").
// Writes go in batches of one transaction each (the server's group-commit path), so that the
// set-up takes seconds, not minutes. usage: bench_clinician_setup DATABASE [PEOPLE] [DAYS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "backsignal/io/ids.h"
#include "backsignal/service/summaries.h"
#include "backsignal/store/store.h"
#include "test_diaries.h"

using namespace backsignal;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATABASE [PEOPLE] [DAYS]\n", argv[0]);
    return 1;
  }
  const int people = argc > 2 ? std::atoi(argv[2]) : 10000;
  const int days = argc > 3 ? std::atoi(argv[3]) : 90;
  auto db = OpenDatabase(argv[1], {.create = true, .summariser = service::ReadingSummariser({})});
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().message.c_str());
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const std::string hash = HashPassword("bench password").value();
  auto clin = (*db)->CreateAccount("dr.bench", hash, "clinician", 1);
  if (!clin) {
    std::fprintf(stderr, "%s\n", clin.error().message.c_str());
    return 1;
  }
  // The diaries end yesterday, so that the list mixes the silent with the active.
  std::vector<Diary> diaries;
  for (int i = 0; i < 16; ++i) diaries.push_back(testing::RealisticDiary(days, 100 + i));
  constexpr int kBatch = 250;
  std::vector<Database::PersonBody> batch;
  for (int i = 0; i < people; ++i) {
    auto a = (*db)->CreateAccount("person" + std::to_string(i), hash, "person", 1);
    if (!a) {
      std::fprintf(stderr, "%s\n", a.error().message.c_str());
      return 1;
    }
    const std::string code = "bench-" + std::to_string(i);
    if (!(*db)->CreateInvite(a->person, code, 1, 4102444800) ||
        !(*db)->RedeemInvite(code, clin->id, 2)) {
      std::fprintf(stderr, "sharing failed\n");
      return 1;
    }
    const Diary* d = &diaries[static_cast<size_t>(i) % diaries.size()];
    batch.push_back({a->person, [d](DiaryTxn& txn) { return ReplaceDiaryIn(txn, *d); }});
    if (batch.size() == kBatch || i + 1 == people) {
      for (const Result<void>& r : (*db)->TransactBatch(batch)) {
        if (!r) {
          std::fprintf(stderr, "%s\n", r.error().message.c_str());
          return 1;
        }
      }
      batch.clear();
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("   set up %d people x %d days on %s in %.1f s\n", people, days,
              (*db)->Describe().c_str(), secs);
  return 0;
}
