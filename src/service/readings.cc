#include "backsignal/service/readings.h"

#include "backsignal/io/reading_json.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/today.h"
#include "internal.h"

namespace backsignal::service {

namespace {

size_t TextBytes(const std::optional<std::string>& s) {
  return s && s->capacity() > 15 ? s->capacity() + 1 : 0;  // beyond the small-string buffer
}

size_t DiaryBytes(const Diary& d) {
  size_t n = d.days.capacity() * sizeof(Day);
  for (const Day& day : d.days) {
    n += day.sessions.capacity() * sizeof(Session) + TextBytes(day.note) +
         TextBytes(day.context.painkiller_name);
    if (day.context.tags) {
      n += day.context.tags->capacity() * sizeof(std::string);
      for (const std::string& t : *day.context.tags) n += TextBytes(t);
    }
    for (const Session& s : day.sessions) n += TextBytes(s.activity);
  }
  return n;
}

}  // namespace

size_t ReadingViewBytes(const ReadingView& view) {
  return sizeof(ReadingView) + DiaryBytes(view.snapshot.diary) + 3 * (view.json.capacity() + 1);
}

std::shared_ptr<const ReadingView> ReadingCache::Find(PersonId person, const std::string& as_of,
                                                      int64_t version) {
  MutexLock lock(mu_);
  auto it = entries_.find({person, as_of});
  if (it == entries_.end() || it->second.version != version) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.view;
}

void ReadingCache::Drop(std::map<Key, Entry>::iterator it) {
  bytes_ -= it->second.bytes;
  lru_.erase(it->second.lru);
  entries_.erase(it);
}

void ReadingCache::Put(PersonId person, const std::string& as_of, int64_t version,
                       std::shared_ptr<const ReadingView> view) {
  const size_t bytes = ReadingViewBytes(*view) + sizeof(Entry) + as_of.capacity() + 64;
  MutexLock lock(mu_);
  const Key key{person, as_of};
  if (auto it = entries_.find(key); it != entries_.end()) Drop(it);
  if (bytes > capacity_ / 4) return;  // too large to keep: made again when asked
  lru_.push_front(key);
  entries_.emplace(key, Entry{version, std::move(view), bytes, lru_.begin()});
  bytes_ += bytes;
  while (bytes_ > capacity_) Drop(entries_.find(lru_.back()));
}

void ReadingCache::Forget(PersonId person) {
  MutexLock lock(mu_);
  auto it = entries_.lower_bound({person, std::string()});
  while (it != entries_.end() && it->first.first == person) Drop(it++);
}

size_t ReadingCache::hits() const {
  MutexLock lock(mu_);
  return hits_;
}

size_t ReadingCache::misses() const {
  MutexLock lock(mu_);
  return misses_;
}

size_t ReadingCache::bytes() const {
  MutexLock lock(mu_);
  return bytes_;
}

size_t ReadingCache::size() const {
  MutexLock lock(mu_);
  return entries_.size();
}

Result<std::shared_ptr<const ReadingView>> ReadingOf(const Service& service, PersonId person,
                                                     std::optional<Date> as_of,
                                                     std::optional<Date> today) {
  auto store = StoreOf(service).ForPerson(person);
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
