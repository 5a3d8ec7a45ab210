// Where writes go. A Writer runs one person's write in a transaction and says when it is
// durable. The server's is the GroupCommitter: one writer thread takes every write waiting in
// its queue and runs them in one transaction with one durable commit (Database::TransactBatch),
// so that many concurrent check-ins cost one fsync; each write is acknowledged (its `done`
// called) only after that commit. The command line's is a DirectWriter.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "backsignal/core/mutex.h"
#include "backsignal/store/store.h"

namespace backsignal {

class Writer {
 public:
  using Done = std::function<void(Result<void>)>;
  virtual ~Writer() = default;
  // Runs `body` in a transaction on `person`'s diary; `done` is called exactly once, when the
  // write is durably committed or has failed, on any thread. It must not block.
  virtual void Submit(PersonId person, Store::TxnBody body, Done done) = 0;
  // Runs a write and waits for it: for callers without an event loop.
  [[nodiscard]] Result<void> Run(PersonId person, Store::TxnBody body);
};

// Runs each write at once, on the caller's thread, in a transaction of its own.
class DirectWriter final : public Writer {
 public:
  // REQUIRES: `db` outlives this object.
  explicit DirectWriter(Database& db) : db_(db) {}
  void Submit(PersonId person, Store::TxnBody body, Done done) override;

 private:
  Database& db_;
};

class GroupCommitter final : public Writer {
 public:
  // REQUIRES: `db` outlives this object.
  explicit GroupCommitter(Database& db, size_t max_batch = 512);
  // Finishes every write already submitted, then stops.
  ~GroupCommitter() override;
  // The same, leaving the object in place: a write submitted afterwards fails at once ("the
  // server is stopping"), for a process that stops while some requests still run.
  void Stop();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues a write. `done` runs on the writer thread once the write is durably committed (or
  // has failed).
  void Submit(PersonId person, Store::TxnBody body, Done done) override;

  // Number of commits made and writes committed, for tests, benchmarks and /metrics.
  size_t commits() const;
  size_t writes() const;
  // Commits by the number of writes they held: bucket i counts batches of at most
  // kBatchBounds[i] writes (the last, any size), for /metrics.
  static constexpr size_t kBatchBounds[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
  std::vector<size_t> batch_histogram() const;

 private:
  void Loop();

  Database& db_;
  const size_t max_batch_;
  mutable Mutex mu_;
  CondVar wake_;
  std::deque<std::pair<Database::PersonBody, Done>> queue_ GUARDED_BY(mu_);
  bool stopping_ GUARDED_BY(mu_) = false;
  bool stopped_ GUARDED_BY(mu_) = false;  // the writer thread has finished
  size_t commits_ GUARDED_BY(mu_) = 0;
  size_t writes_ GUARDED_BY(mu_) = 0;
  std::vector<size_t> batches_ GUARDED_BY(mu_) = std::vector<size_t>(std::size(kBatchBounds) + 1);
  std::thread thread_;
};

}  // namespace backsignal
