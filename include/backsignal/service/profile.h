// A person's profile (core/profile.h) through the service: reading it, editing it (which moves
// the push reminders planned), and the secret link of their calendar feed.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "backsignal/core/profile.h"
#include "backsignal/io/exports.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

[[nodiscard]] Result<Profile> ProfileOf(const Service& service, PersonId person);

// Lets `edit` change the profile, stores it in one transaction, and plans the push reminders
// again (a new wake time or zone moves them). Returns the profile as stored.
[[nodiscard]] Result<Profile> EditProfile(const Service& service, PersonId person,
                                          const std::function<void(Profile&)>& edit);

// The calendar feed (docs/reminders.md): whether a link is published; publishing a new one
// (the old stops working), whose secret is returned once and only its hash kept; revoking it.
[[nodiscard]] Result<bool> FeedPublished(const Service& service, PersonId person);
[[nodiscard]] Result<std::string> PublishFeed(const Service& service, PersonId person);
[[nodiscard]] Result<void> RevokeFeed(const Service& service, PersonId person);

// The calendar of whoever published the feed of secret `token`; kNotFound when no feed has it
// (revoked, renewed, or never).
[[nodiscard]] Result<ExportFile> CalendarFeed(const Service& service, const std::string& token);

}  // namespace backsignal::service
