#include "backsignal/store/group_commit.h"

#include <future>
#include <vector>

namespace backsignal {

GroupCommitter::GroupCommitter(Database& db, size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Loop(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void GroupCommitter::Submit(PersonId person, Store::TxnBody body, Done done) {
  {
    std::lock_guard lock(mu_);
    queue_.emplace_back(Database::PersonBody{person, std::move(body)}, std::move(done));
  }
  wake_.notify_one();
}

Result<void> GroupCommitter::Run(PersonId person, Store::TxnBody body) {
  std::promise<Result<void>> promise;
  auto future = promise.get_future();
  Submit(person, std::move(body), [&promise](Result<void> r) { promise.set_value(std::move(r)); });
  return future.get();
}

size_t GroupCommitter::commits() const {
  std::lock_guard lock(mu_);
  return commits_;
}

size_t GroupCommitter::writes() const {
  std::lock_guard lock(mu_);
  return writes_;
}

void GroupCommitter::Loop() {
  std::vector<Database::PersonBody> bodies;
  std::vector<Done> dones;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      while (!queue_.empty() && bodies.size() < max_batch_) {
        bodies.push_back(std::move(queue_.front().first));
        dones.push_back(std::move(queue_.front().second));
        queue_.pop_front();
      }
    }
    std::vector<Result<void>> results = db_.TransactBatch(bodies);
    {
      std::lock_guard lock(mu_);
      ++commits_;
      writes_ += bodies.size();
    }
    for (size_t i = 0; i < dones.size(); ++i) dones[i](std::move(results[i]));
    bodies.clear();
    dones.clear();
  }
}

}  // namespace backsignal
