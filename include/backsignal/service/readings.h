// A person's reading, as every surface shows it: made from the diary's recent days with the
// thresholds in force, and kept in memory per person while the diary's version stays the same
// (the version grows with every write, in every process; service/readings.cc).
#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "backsignal/core/mutex.h"
#include "backsignal/reading/reading.h"
#include "backsignal/service/service.h"
#include "backsignal/words/words.h"

namespace backsignal::service {

struct ReadingView {
  PersonId person = 0;
  DiarySnapshot snapshot;  // the days the reading borrows its sessions from
  Settings settings;       // in force
  Reading reading;
  ReadingWords words;  // what every surface says of it
  std::string json;    // the reading and its words as the API sends them (compact)
};

// Readings kept per person and as-of date, each with the diary version it was made at.
// Thread-safe; bounded by the memory the readings take (ReadingViewBytes), the least recently
// used dropped first; a reading larger than a quarter of the bound is not kept at all.
class ReadingCache {
 public:
  static constexpr size_t kDefaultBytes = size_t{16} * 1024 * 1024;
  explicit ReadingCache(size_t capacity_bytes = kDefaultBytes) : capacity_(capacity_bytes) {}
  std::shared_ptr<const ReadingView> Find(PersonId person, const std::string& as_of,
                                          int64_t version);
  void Put(PersonId person, const std::string& as_of, int64_t version,
           std::shared_ptr<const ReadingView> view);
  // Drops every reading of `person` (their account was deleted).
  void Forget(PersonId person);
  size_t hits() const;
  size_t misses() const;
  size_t bytes() const;  // what the readings kept take, as ReadingViewBytes counts it
  size_t size() const;   // how many are kept

 private:
  using Key = std::pair<PersonId, std::string>;
  struct Entry {
    int64_t version;
    std::shared_ptr<const ReadingView> view;
    size_t bytes;
    std::list<Key>::iterator lru;
  };
  void Drop(std::map<Key, Entry>::iterator it) REQUIRES(mu_);

  const size_t capacity_;
  mutable Mutex mu_;
  std::map<Key, Entry> entries_ GUARDED_BY(mu_);
  std::list<Key> lru_ GUARDED_BY(mu_);  // newest first
  size_t bytes_ GUARDED_BY(mu_) = 0;
  size_t hits_ GUARDED_BY(mu_) = 0;
  size_t misses_ GUARDED_BY(mu_) = 0;
};

// The memory a reading takes: its diary's days and sessions with their text, and the reading and
// its words (measured at about twice its JSON again). An estimate: readings_test checks it
// against what the allocator hands out.
size_t ReadingViewBytes(const ReadingView& view);

// The person's reading as of `as_of` (DefaultAsOf when not given; `today` is taken as the
// person's date now when the diary is empty, else service/today.h's TodayFor).
[[nodiscard]] Result<std::shared_ptr<const ReadingView>> ReadingOf(
    const Service& service, PersonId person, std::optional<Date> as_of,
    std::optional<Date> today = std::nullopt);

}  // namespace backsignal::service
