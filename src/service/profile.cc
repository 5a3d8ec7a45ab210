#include "backsignal/service/profile.h"

#include "backsignal/io/ids.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/reminders.h"
#include "internal.h"

namespace backsignal::service {

Result<Profile> ProfileOf(const Service& service, PersonId person) {
  return StoreOf(service).ForPerson(person)->LoadProfile();
}

Result<Profile> EditProfile(const Service& service, PersonId person,
                            const std::function<void(Profile&)>& edit) {
  auto p = StoreOf(service).ForPerson(person)->EditProfile([&](Profile& profile) {
    edit(profile);
    return Result<void>();
  });
  if (!p) return p;
  if (auto ok = ReplanReminders(service, person); !ok) return Unexpected(ok.error());
  return p;
}

Result<bool> FeedPublished(const Service& service, PersonId person) {
  auto p = ProfileOf(service, person);
  if (!p) return Unexpected(p.error());
  return !p->feed_token_hash.empty();
}

Result<std::string> PublishFeed(const Service& service, PersonId person) {
  std::string token = NewSecretToken();
  auto p = StoreOf(service).ForPerson(person)->EditProfile([&](Profile& profile) {
    profile.feed_token_hash = HashSecret(token);
    return Result<void>();
  });
  if (!p) return Unexpected(p.error());
  return token;
}

Result<void> RevokeFeed(const Service& service, PersonId person) {
  auto p = StoreOf(service).ForPerson(person)->EditProfile([](Profile& profile) {
    profile.feed_token_hash.clear();
    return Result<void>();
  });
  if (!p) return Unexpected(p.error());
  return {};
}

Result<ExportFile> CalendarFeed(const Service& service, const std::string& token) {
  auto person = StoreOf(service).FindPersonByFeed(HashSecret(token));
  if (!person) return Unexpected(person.error());
  if (!*person) {
    return Fail(Error::NotFound(T_("no such calendar: the link may have been revoked or renewed")));
  }
  return ExportFor(service, **person, ExportFormat::kIcs, std::nullopt);
}

}  // namespace backsignal::service
