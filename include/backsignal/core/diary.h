// The diary's types: days with a morning check-in, the day's context and its exercise
// sessions, each session with its during and hour-after check-ins (spec/diary-format.md).
// Values are validated when they are made, so a Diary in memory is always a valid diary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/measures.h"
#include "backsignal/core/result.h"
#include "backsignal/core/score.h"
#include "backsignal/core/text.h"

namespace backsignal {

// The indirect demands on the mid back that the article names.
enum class Load : uint8_t {
  kRotation = 1,            // sustained rotation
  kBreathingUnderLoad = 2,  // heavy breathing under load
  kArmsAway = 4,            // long spells with the arms working away from the body
};
inline constexpr Load kAllLoads[] = {Load::kRotation, Load::kBreathingUnderLoad, Load::kArmsAway};
std::string_view LoadName(Load load);
Expected<Load, Text> ParseLoad(std::string_view name);

// A set of loads, as a bit mask; its canonical order is that of kAllLoads.
class LoadSet {
 public:
  bool Has(Load l) const { return (bits_ & static_cast<uint8_t>(l)) != 0; }
  void Add(Load l) { bits_ |= static_cast<uint8_t>(l); }
  bool empty() const { return bits_ == 0; }
  uint8_t bits() const { return bits_; }
  static LoadSet FromBits(uint8_t bits) {
    LoadSet s;
    s.bits_ = bits & 7;
    return s;
  }
  bool operator==(const LoadSet&) const = default;

 private:
  uint8_t bits_ = 0;
};

// How discomfort moved during a session.
enum class Pattern { kStable, kBuilding, kEased };
inline constexpr std::string_view kPatternNames[] = {"stable", "building", "eased"};
std::string_view PatternName(Pattern p);
Expected<Pattern, Text> ParsePattern(std::string_view name);

// A fall or another injury recorded on a day (issue 19): which, for the clinician.
enum class Injury { kFall, kOther };
inline constexpr std::string_view kInjuryNames[] = {"fall", "other"};

struct Morning {
  Score pain;
  std::optional<Score> stiffness;
  bool operator==(const Morning&) const = default;
};

// What else shaped the day and the night before it: the article's other causes of a bad day
// (sitting, one position, upper-body tension), and the sleep, stress, painkillers and the
// person's own factors that people track beside pain (diary-format.md, additive fields).
struct Context {
  std::optional<double> sitting_hours;  // 0-24
  std::optional<bool> prolonged_position;
  std::optional<Score> upper_body_tension;
  // The night that ended on this date's morning: hours asleep (0-24 in half hours) and how
  // well (0 = very poorly, 10 = very well).
  std::optional<double> sleep_hours;
  std::optional<Score> sleep_quality;
  std::optional<bool> painkillers;             // took something for the pain this day
  std::optional<std::string> painkiller_name;  // what, optional; only with painkillers
  std::optional<Score> stress;
  // The person's own factors ("long drive", "new mattress"): distinct, in the order given.
  // Never an empty list (none is nullopt).
  std::optional<std::vector<std::string>> tags;
  // A fall or another injury that day: the safety questions are asked again at once.
  std::optional<Injury> injury;
  // True when no field holds anything (core/fields.h walks them).
  bool empty() const;
  bool operator==(const Context&) const = default;
};

// The check-in during a session.
struct During {
  std::optional<Score> start;
  std::optional<Score> end;
  std::optional<Pattern> pattern;
  std::optional<bool> sharp;  // sharp or catching pain in a twisting or reaching movement
  bool empty() const { return !start && !end && !pattern && !sharp; }
  bool operator==(const During&) const = default;
};

// The check-in about an hour after the session ended.
struct HourAfter {
  std::optional<Score> pain;
  std::optional<bool> tighter;  // noticeably tighter or more restricted than before
  bool empty() const { return !pain && !tighter; }
  bool operator==(const HourAfter&) const = default;
};

inline constexpr int kHardEffort = 7;

struct Session {
  std::optional<TimeOfDay> time;
  std::optional<int> minutes;  // 1-600
  std::optional<std::string> activity;
  LoadSet load;
  // How hard the session was, 0 (rest) to 10 (maximal): the session RPE (Foster 2001;
  // docs/measures.md). The associations compare harder sessions (kHardEffort or more).
  std::optional<int> effort;
  During during;
  HourAfter hour_after;
  bool operator==(const Session&) const = default;
};

struct Day {
  Date date;
  std::optional<Morning> morning;
  Context context;
  std::vector<Session> sessions;  // in the order they happened
  std::optional<std::string> note;
  // The note is pinned ("GP says osteopenia"): every report shows it, whatever its window.
  // Only with a note.
  bool note_pinned = false;
  // True when the day holds nothing at all (then a store keeps no row for it).
  bool empty() const { return !morning && context.empty() && sessions.empty() && !note; }
  bool operator==(const Day&) const = default;
};

struct UsualMorning {
  std::optional<Score> pain;  // the person's own statement of their usual morning
  std::optional<Score> stiffness;
  bool operator==(const UsualMorning&) const = default;
};

// A whole diary. Invariant: days are in date order and dates are unique.
struct Diary {
  UsualMorning usual;
  std::vector<Day> days;
  // The weekly questions and flares (core/measures.h): beside the days, never read by the
  // reading.
  Measures measures;
  bool operator==(const Diary&) const = default;

  // The day of `date`, or null.
  const Day* Find(Date date) const;
};

// `s` with ASCII letters in lower case: how tags (and activity names) are told apart.
std::string FoldAscii(std::string_view s);

// One of the person's own factors as used in a diary: spelled as last used, on how many days,
// and when last.
struct TagUse {
  std::string name;
  int days = 0;
  Date last;
  bool operator==(const TagUse&) const = default;
};
// The tags of `diary` (told apart ignoring ASCII case), the most recently used first, then by
// name; at most `limit`. Linear in the diary's tags.
std::vector<TagUse> TagsInUse(const Diary& diary, size_t limit);
// How many different tags (ignoring ASCII case) the list holds.
size_t CountDistinctTags(const std::vector<std::string>& tags);

// Limits of the format, named once.
inline constexpr int kMinMinutes = 1;
inline constexpr int kMaxMinutes = 600;
inline constexpr double kMaxSittingHours = 24;
inline constexpr size_t kMaxActivityChars = 200;
inline constexpr size_t kMaxNoteChars = 2000;
inline constexpr double kMaxSleepHours = 24;
inline constexpr size_t kMaxPainkillerChars = 100;
inline constexpr size_t kMaxTagChars = 40;
inline constexpr size_t kMaxTagsPerDay = 12;
// Bounds on a diary's shape, so that no one person's diary can cost the service much (a
// reading's memory grows with the sessions it covers; the tags are offered on every page).
inline constexpr size_t kMaxSessionsPerDay = 50;
inline constexpr size_t kMaxTagsPerPerson = 500;  // different tags over the whole diary

// Validators for single values, shared by every parser and check-in. Each returns the value or
// a message without a location ("11 is above the top of the scale (0 to 10)").
Expected<int, Text> ValidateMinutes(double value);
Expected<double, Text> ValidateSittingHours(double value);
Expected<std::string, Text> ValidateText(std::string_view text, size_t max_chars);
// 0-24 in steps of half an hour.
Expected<double, Text> ValidateSleepHours(double value);
// One of the person's own factors: trimmed, 1-40 characters, no control characters.
Expected<std::string, Text> ValidateTag(std::string_view tag);
// A day's tags: each valid, at most 12, no two the same ignoring case. The message starts
// with where: "[2]: ..." for one tag, ": ..." for the list.
Expected<std::vector<std::string>, Text> ValidateTags(const std::vector<std::string>& tags);

// Formats a number the shortest way that reads back the same ("3", "3.5", "0.1").
std::string FormatNumber(double value);

// Counts Unicode code points in UTF-8 text (what a JSON Schema maxLength counts).
size_t CountCodePoints(std::string_view utf8);

// Checks every value of a day against the format's limits (at most kMaxSessionsPerDay
// sessions among them): a Day built in code can hold any value, so the store checks each one
// before writing it. Each problem names its place
// ("2026-11-02 sessions[1].activity: is not valid UTF-8").
[[nodiscard]] Result<void> ValidateDay(const Day& day);

// Sorts days by date; returns the first repeated date if any.
std::optional<Date> SortDays(std::vector<Day>& days);

}  // namespace backsignal

namespace backsignal {
// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);
}  // namespace backsignal
