#include "backsignal/store/group_commit.h"

#include <exception>
#include <future>
#include <vector>

namespace backsignal {

Result<void> Writer::Run(PersonId person, Store::TxnBody body) {
  std::promise<Result<void>> promise;
  auto future = promise.get_future();
  Submit(person, std::move(body), [&promise](Result<void> r) { promise.set_value(std::move(r)); });
  return future.get();
}

void DirectWriter::Submit(PersonId person, Store::TxnBody body, Done done) {
  const Database::PersonBody one[] = {{person, std::move(body)}};
  std::vector<Result<void>> results = db_.TransactBatch(one);
  done(std::move(results[0]));
}

GroupCommitter::GroupCommitter(Database& db, size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Loop(); }) {}

GroupCommitter::~GroupCommitter() { Stop(); }

void GroupCommitter::Stop() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
  }
  wake_.SignalAll();
  if (thread_.joinable()) thread_.join();
}

void GroupCommitter::Submit(PersonId person, Store::TxnBody body, Done done) {
  Done refused;  // the server is stopping: answered outside the lock
  {
    MutexLock lock(mu_);
    if (stopped_) {
      refused = std::move(done);
    } else {
      queue_.emplace_back(Database::PersonBody{person, std::move(body)}, std::move(done));
    }
  }
  if (refused) {
    refused(Fail(Error::Storage(T_("the server is stopping: nothing was stored"))));
    return;
  }
  wake_.Signal();
}

size_t GroupCommitter::commits() const {
  MutexLock lock(mu_);
  return commits_;
}

size_t GroupCommitter::writes() const {
  MutexLock lock(mu_);
  return writes_;
}

std::vector<size_t> GroupCommitter::batch_histogram() const {
  MutexLock lock(mu_);
  return batches_;
}

void GroupCommitter::Loop() {
  std::vector<Database::PersonBody> bodies;
  std::vector<Done> dones;
  for (;;) {
    {
      MutexLock lock(mu_);
      while (!stopping_ && queue_.empty()) wake_.Wait(mu_);
      if (queue_.empty()) {  // stopping, and nothing left to write
        stopped_ = true;     // later writes fail at once (Submit)
        return;
      }
      while (!queue_.empty() && bodies.size() < max_batch_) {
        bodies.push_back(std::move(queue_.front().first));
        dones.push_back(std::move(queue_.front().second));
        queue_.pop_front();
      }
    }
    std::vector<Result<void>> results;
    // Nothing thrown on this thread may end the process: a batch that throws (bodies are
    // caught one by one in TransactBatch; this is for what is left) fails as a whole.
    try {
      results = db_.TransactBatch(bodies);
    } catch (const std::exception& e) {
      // TRANSLATORS: {reason} is the program's own reason (English).
      results.assign(
          bodies.size(),
          Fail(Error::Storage(T_("the write failed: {reason}", {{"reason", e.what()}}))));
    } catch (...) {
      results.assign(bodies.size(), Fail(Error::Storage(T_("the write failed"))));
    }
    {
      MutexLock lock(mu_);
      ++commits_;
      writes_ += bodies.size();
      size_t b = 0;
      while (b < std::size(kBatchBounds) && bodies.size() > kBatchBounds[b]) ++b;
      ++batches_[b];
    }
    for (size_t i = 0; i < dones.size(); ++i) {
      try {
        dones[i](std::move(results[i]));
      } catch (...) {
        // An acknowledgement that throws loses only its own answer.
      }
    }
    bodies.clear();
    dones.clear();
  }
}

}  // namespace backsignal
