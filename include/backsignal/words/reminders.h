// The words of a push reminder: what a phone shows on its lock screen. They name the window and
// the date, never a score, an activity or anything else from the diary, since a lock screen is
// seen by others and the message passes through the browser vendor's push service.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/date.h"
#include "backsignal/words/i18n.h"

namespace backsignal {

struct ReminderWords {
  std::string title;
  std::string body;
};

// `kind` is "hour_after", "morning" or "test"; in the person's language (their profile's
// `language`, docs/languages.md), English when none is given.
ReminderWords ReminderText(std::string_view kind, Date date, const Locale& loc = Locale::English());

}  // namespace backsignal
