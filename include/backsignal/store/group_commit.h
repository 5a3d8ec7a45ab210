// Group commit: one writer thread takes every write waiting in its queue and runs them in one
// transaction with one durable commit (Store::TransactBatch), so that many concurrent check-ins
// cost one fsync. Each write is acknowledged (its `done` called) only after that commit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "backsignal/store/store.h"

namespace backsignal {

class GroupCommitter {
 public:
  using Done = std::function<void(Result<void>)>;

  // REQUIRES: `db` outlives this object.
  explicit GroupCommitter(Database& db, size_t max_batch = 512);
  // Finishes every write already submitted, then stops.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write. `done` runs on the writer thread once the write is durably committed (or
  // has failed); it must not block.
  void Submit(PersonId person, Store::TxnBody body, Done done);

  // Runs a write and waits for it: for callers without an event loop.
  Result<void> Run(PersonId person, Store::TxnBody body);

  // Number of commits made and writes committed, for tests and benchmarks.
  size_t commits() const;
  size_t writes() const;

 private:
  void Loop();

  Database& db_;
  const size_t max_batch_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::pair<Database::PersonBody, Done>> queue_;  // GUARDED_BY(mu_)
  bool stopping_ = false;                              // GUARDED_BY(mu_)
  size_t commits_ = 0;                                 // GUARDED_BY(mu_)
  size_t writes_ = 0;                                  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace backsignal
