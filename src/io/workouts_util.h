// What the workout readers share (private to io): small text helpers, the readers of each
// format on a stream, and the zip directory check.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/io/workouts.h"

namespace backsignal::workouts_detail {

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

inline bool EndsWithI(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && FoldAscii(s.substr(s.size() - suffix.size())) == suffix;
}

// The most of an activity's name (or any text kept from a cell or an element) a reader keeps:
// enough for kMaxActivityChars code points of any width, so that the cut to kMaxActivityChars
// (CutActivityName) sees every code point it keeps. A 30 MB name costs nothing more.
inline constexpr size_t kMaxKeptText = kMaxActivityChars * 4 + 4;

// The chunk every reader reads at once.
inline constexpr size_t kChunk = size_t{1} << 16;

// The XML formats: their root says which. `only` refuses the others (a fuzz target's format).
[[nodiscard]] Result<WorkoutFile> ReadWorkoutXml(const ByteSource& source, std::string_view name,
                                                 ImportBudget& budget,
                                                 std::optional<WorkoutFormat> only = {});
[[nodiscard]] Result<WorkoutFile> ReadStravaCsv(const ByteSource& source, std::string_view name,
                                                ImportBudget& budget);
[[nodiscard]] Result<WorkoutFile> ReadGoogleFitJson(const ByteSource& source, std::string_view name,
                                                    ImportBudget& budget);
// Health Connect's database at `path`, opened read-only and immutable (it is never written, and
// no -wal or -shm file is made beside it).
[[nodiscard]] Result<WorkoutFile> ReadHealthConnectDb(const std::string& path,
                                                      std::string_view name, ImportBudget& budget);

// Reads up to `n` bytes at `offset` of a zip (fewer at its end).
using RandomRead = std::function<Result<std::string>(uint64_t offset, size_t n)>;

// The zip's directory as its bytes state it, checked before libzip opens it: at most
// `budget`'s entries, and no two entries sharing bytes (one deflated stream inflated once per
// entry pointing at it). `size` is the zip's length.
[[nodiscard]] Result<void> CheckZipLayout(const RandomRead& read, uint64_t size,
                                          std::string_view where, ImportBudget& budget);

}  // namespace backsignal::workouts_detail
