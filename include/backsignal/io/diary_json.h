// The diary exchange format v1 (spec/diary-format.md) in JSON: a strict reader that names the
// JSON path, the value and what was expected for every problem, and a canonical writer.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"

namespace backsignal {

// At most this many problems are listed for one refused file.
inline constexpr size_t kMaxListedProblems = 50;

// Parses and validates a whole diary. Any problem refuses the whole file (kInvalid), with one
// detail line per problem: "days[3].morning.pain: 11 is above the top of the scale (0 to 10)".
// Canonical form: days sorted by date; empty context, during and hour_after objects and empty
// activity or note strings are dropped (they carry nothing).
[[nodiscard]] Result<Diary> ParseDiaryJson(std::string_view text);

// Writes the canonical JSON of a diary: days in date order, keys in the order of the spec.
std::string DiaryToJson(const Diary& diary, bool pretty = true);

// True when the text looks like JSON (its first non-blank character is '{' or '[').
bool LooksLikeJson(std::string_view text);

}  // namespace backsignal
