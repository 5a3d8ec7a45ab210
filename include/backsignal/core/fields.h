// The diary's fields, each described once: its name, kind and bounds, its key in the JSON
// format, its CSV and SQL columns, its command-line option, how the page asks for it and where
// it goes in FHIR. Every reader and writer of the day's context and of a session walks these
// tables (as the API walks the reading's thresholds in kSettings), so that a new optional
// field is a member of its struct and a row here (CONTRIBUTING.md, "Adding a field").
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "backsignal/core/diary.h"

namespace backsignal {

// What a field holds, which says how every format writes it.
enum class FieldKind : uint8_t {
  kScore,   // 0 to 10 in steps of 0.5
  kNumber,  // a number within [min, max] (in steps of `step` when it is not 0)
  kWhole,   // a whole number within [min, max]
  kFlag,    // true or false
  kText,    // text of at most `max_chars` characters (empty text is none)
  kChoice,  // one of `choices`, by name
  kTags,    // the person's own factors: a list of texts (ValidateTags)
  kLoads,   // a set of the loads (kAllLoads), by name; none is empty
  kTime,    // a time of day, "HH:MM"
};
std::string_view Name(FieldKind kind);  // "score", "number", ...

// One field's value whatever its kind: none; a number (kScore, kNumber, kWhole); a flag; a text
// (kText, a kChoice's name, a kTime as "HH:MM"); or a list (kTags, a kLoads' names in the
// order of kAllLoads).
using FieldValue =
    std::variant<std::monostate, double, bool, std::string, std::vector<std::string>>;

// Where a value of the field sits in a FHIR R4 Bundle (docs/fhir.md).
enum class FhirPlace : uint8_t {
  kNone,         // written by hand where it belongs (a session's check-ins)
  kComponent,    // a component of the day's context Observation, coded `fhir_code`
  kObservation,  // an Observation of its own, coded LOINC `fhir_code` (sleep duration)
};

// Everything about one field but where it lives in its struct.
struct FieldSpec {
  // The CSV column, and the SQL column unless `sql` says otherwise: "during_start".
  std::string_view name;
  FieldKind kind;
  // The JSON object holding it, "" for the context or session object itself ("during",
  // "hour_after"), and its key there ("start").
  std::string_view json_object;
  std::string_view json_key;
  std::string_view sql = {};  // the SQL column when it is not `name` ("time_minutes")
  // kNumber, kWhole: bounds, step (0: any) and unit ("hours": "a number of hours from 0 to 24");
  // `check` is the format's own check, with its message ("25 hours is outside 0 to 24").
  double min = 0;
  double max = 0;
  double step = 0;
  std::string_view unit = {};
  Expected<double, Text> (*check)(double) = nullptr;
  size_t max_chars = 0;                            // kText
  std::span<const std::string_view> choices = {};  // kChoice: the names, in the enum's order
  std::string_view what = {};                      // kChoice: "a pattern"
  // The command line: the option that sets it ("--sitting"; "" when its command takes it
  // otherwise), and for kFlag the option that says false ("--not-prolonged"), for kTags and
  // kChoice the one that clears it ("--no-tags").
  std::string_view flag = {};
  std::string_view off_flag = {};
  // The page: how it asks ("scale", "hours_scale", "number", "toggle", "text", "tags",
  // "choice", "loads", "time"), and for a text shown only beside a flag, that flag's name.
  std::string_view control = {};
  std::string_view shown_with = {};
  // Any value of it brings the safety questions back at once (service/safety.h): a fall or an
  // injury. The page opens them when such a field is saved.
  bool rescreens = false;
  FhirPlace fhir = FhirPlace::kNone;
  std::string_view fhir_code = {};
  std::string_view fhir_display = {};
  std::string_view fhir_unit = {};  // kNumber: the UCUM unit of its valueQuantity ("h")

  std::string_view sql_column() const { return sql.empty() ? name : sql; }
};

// A field of `Record` (Context or Session): its spec, and how to read and set it there.
template <typename Record>
struct Field {
  FieldSpec spec;
  FieldValue (*get)(const Record&);
  // REQUIRES: a value CheckField accepts for the field, or monostate (none).
  void (*set)(Record&, const FieldValue&);
};

// The day's context, in the order the formats write it (JSON keys, CSV columns).
std::span<const Field<Context>> ContextFields();
// A session's fields and those of its during and hour-after check-ins, in the formats' order.
std::span<const Field<Session>> SessionFields();
// The field of that name (its CSV column), or null.
const Field<Context>* FindContextField(std::string_view name);
const Field<Session>* FindSessionField(std::string_view name);

// Checks a value given for `field`, whatever the format it came from, and returns it in its
// canonical form (a kText's empty text is none; kTags trimmed; kLoads in kAllLoads' order, none
// when empty). Messages carry no place: "11 is above the top of the scale (0 to 10)"; for
// kChoice and kTime they follow the value, which the caller shows its own way ("\"up\"" + " is
// not a pattern; expected stable, building or eased"); for kTags they are ValidateTags' ("[1]:
// ..." or ": 13 factors; ..."). A value of the wrong alternative "is the wrong type".
Expected<FieldValue, Text> CheckField(const FieldSpec& field, const FieldValue& value);

// Loads by name: each known and listed once; else the position of the first problem and what
// it is ("\"twist\" is not a load; expected ...", "\"rotation\" is listed twice").
struct LoadProblem {
  size_t index;
  std::string message;
};
std::optional<LoadProblem> CheckLoadNames(const std::vector<std::string>& names);

// What a kind expects, for a message about a value of the wrong type: "a number of hours from 0
// to 24", "true or false", "a score (a number from 0 to 10 in steps of 0.5)".
Text Expects(const FieldSpec& field);

// The field's choices joined for a message: "stable, building or eased".
std::string JoinChoices(std::span<const std::string_view> names, std::string_view last = " or ");

}  // namespace backsignal
