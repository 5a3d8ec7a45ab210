// The diary's fields as the page builds its controls from them (GET /api/v1/fields): each
// field's name, kind, bounds and control (core/fields.h) with its words (words/fields.h), so
// that the page copies no limit of the format.
#pragma once

#include <string>

#include "backsignal/words/i18n.h"

namespace backsignal {

// {"context": [...], "session": [...], "day": [...]}: the context's fields in the order the
// page asks them, a session's in the formats' order, and the day's note; their words in `loc`'s
// language (the reader's).
std::string FieldsToJson(const Locale& loc = Locale::English());

}  // namespace backsignal
