#include "backsignal/service/readings.h"

#include "backsignal/io/reading_json.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/today.h"

namespace backsignal::service {

std::shared_ptr<const ReadingView> ReadingCache::Find(PersonId person, const std::string& as_of,
                                                      int64_t version) {
  std::lock_guard lock(mu_);
  auto it = entries_.find({person, as_of});
  if (it == entries_.end() || it->second.version != version) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.view;
}

void ReadingCache::Put(PersonId person, const std::string& as_of, int64_t version,
                       std::shared_ptr<const ReadingView> view) {
  std::lock_guard lock(mu_);
  const std::pair<PersonId, std::string> key{person, as_of};
  if (auto it = entries_.find(key); it != entries_.end()) {
    it->second.version = version;
    it->second.view = std::move(view);
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return;
  }
  lru_.push_front(key);
  entries_.emplace(key, Entry{version, std::move(view), lru_.begin()});
  while (entries_.size() > capacity_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
}

void ReadingCache::Forget(PersonId person) {
  std::lock_guard lock(mu_);
  auto it = entries_.lower_bound({person, std::string()});
  while (it != entries_.end() && it->first.first == person) {
    lru_.erase(it->second.lru);
    it = entries_.erase(it);
  }
}

size_t ReadingCache::hits() const {
  std::lock_guard lock(mu_);
  return hits_;
}

size_t ReadingCache::misses() const {
  std::lock_guard lock(mu_);
  return misses_;
}

Result<std::shared_ptr<const ReadingView>> ReadingOf(const Service& service, PersonId person,
                                                     std::optional<Date> as_of,
                                                     std::optional<Date> today) {
  auto store = service.db().ForPerson(person);
  // The key: an as-of date given, or the default (which the version fixes, but for an empty
  // diary, whose default is today).
  const std::string key = as_of ? as_of->ToString() : std::string("latest");
  auto version = store->Version();
  if (!version) return Unexpected(version.error());
  if (auto hit = service.readings().Find(person, key, *version)) {
    if (as_of || hit->snapshot.latest) return hit;
  }
  // Loaded with the widest horizon any settings may need: the settings come with the snapshot.
  auto snapshot = store->Snapshot(as_of, MaxReadingHorizonDays());
  if (!snapshot) return Unexpected(snapshot.error());
  auto settings = SettingsInForce(snapshot->settings, service.overrides());
  if (!settings) return Unexpected(settings.error());
  Date when;
  if (as_of) {
    when = *as_of;
  } else if (snapshot->latest) {
    when = *snapshot->latest;
  } else {
    if (!today) {
      auto t = TodayFor(service, person);
      if (!t) return Unexpected(t.error());
      today = *t;
    }
    when = DefaultAsOf(std::nullopt, *today);
  }
  auto view = std::make_shared<ReadingView>();
  view->person = person;
  view->snapshot = std::move(*snapshot);
  view->settings = *settings;
  view->reading = Read(view->snapshot.diary, when, view->settings);
  view->words = WordsFor(view->reading, view->settings);
  view->json = ReadingToJson(view->reading, view->words, false);
  service.readings().Put(person, key, view->snapshot.version, view);
  return std::shared_ptr<const ReadingView>(std::move(view));
}

}  // namespace backsignal::service
