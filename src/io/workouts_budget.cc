// The import budget: what one import of a workout file may cost, and the refusals that name the
// limit passed (docs/security.md, "The import budget").
#include <string>

#include "backsignal/io/workouts.h"

namespace backsignal {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// "20,000": the thousands' separator is the language's ("20.000"), so a number is a text.
Text Grouped(uint64_t n) {
  if (n < 1000) return Text::Literal(std::to_string(n));
  std::string rest = std::to_string(n % 1000);
  rest.insert(0, 3 - rest.size(), '0');
  // TRANSLATORS: a large number with its thousands' separator: 20,000 is {thousands},{rest}
  // ({rest} is always three digits). Write the separator your language puts there.
  return T_("{thousands},{rest}", {{"thousands", Grouped(n / 1000)}, {"rest", std::move(rest)}});
}

// "512 MB", "16 GB", "64 KB" (binary units, as the page's "32 MB" is).
Text Size(uint64_t bytes) {
  if (bytes >= (kMiB << 10) && bytes % (kMiB << 10) == 0) {
    // TRANSLATORS: a size in gigabytes; {size} is a number.
    return T_("{size} GB", {{"size", Grouped(bytes / (kMiB << 10))}});
  }
  // TRANSLATORS: a size in kilobytes; {size} is a number.
  if (bytes < kMiB) return T_("{size} KB", {{"size", Grouped(bytes / 1024)}});
  // TRANSLATORS: a size in megabytes; {size} is a number.
  return T_("{size} MB", {{"size", Grouped(bytes / kMiB)}});
}

// Who the limits are for, in a refusal: "an upload", "one import".
Text Scope(const ImportLimits& limits) {
  const std::string_view scope(limits.scope);
  if (scope == "an upload") {
    // TRANSLATORS: what the import limits are for, the subject of "the most {scope} reads".
    return T_("an upload");
  }
  if (scope == "one import") {
    // TRANSLATORS: what the import limits are for, the subject of "the most {scope} reads".
    return T_("one import");
  }
  return Text::Literal(std::string(scope));
}

}  // namespace

ImportLimits ImportLimits::Upload() {
  return {.inflated_bytes = 512 * kMiB,
          .zip_entries = 100'000,
          .zip_ratio = 200,
          .workouts = 20'000,
          .xml_depth = 64,
          .database_memory = 32 * kMiB,
          .scope = "an upload"};
}

ImportLimits ImportLimits::LocalFile() {
  return {.inflated_bytes = uint64_t{16} * 1024 * kMiB,
          .zip_entries = 100'000,
          .zip_ratio = 200,
          .workouts = 100'000,
          .xml_depth = 64,
          .database_memory = 64 * kMiB,
          .scope = "one import"};
}

ImportBudget::ImportBudget(ImportLimits limits, ImportCancel cancel)
    : limits_(limits), cancel_(std::move(cancel)) {}

Result<void> ImportBudget::Check() {
  if (cancel_) {
    if (std::optional<Error> stop = cancel_()) return Fail(std::move(*stop));
  }
  return {};
}

Result<void> ImportBudget::AddBytes(uint64_t n, std::string_view where) {
  bytes_ += n;
  if (bytes_ > limits_.inflated_bytes) {
    // TRANSLATORS: {size} is the most one import may read ("512 MB"); {scope} who it is for
    // ("an upload").
    Text m = T_("more than {size} once inflated, the most {scope} reads",
                {{"size", Size(limits_.inflated_bytes)}, {"scope", Scope(limits_)}});
    if (std::string_view(limits_.scope) == ImportLimits::Upload().scope) {
      m =
          // TRANSLATORS: {problem} is the upload's limit passed; the command stays as it is.
          T_("{problem}; import a larger export with the command line on the machine that keeps "
             "the diary (backsignal import-workouts FILE)",
             {{"problem", std::move(m)}});
    }
    return Fail(Error::Invalid(Problem(std::string(where), std::move(m))));
  }
  return Check();
}

Result<void> ImportBudget::AddWorkout(std::string_view where) {
  ++workouts_;
  if (workouts_ > limits_.workouts) {
    // TRANSLATORS: {count} is the most workouts one import takes ("20,000"), and n the same
    // number; {scope} who it is for ("an upload").
    Text m = NT_("more than {count} workouts, the most {scope} takes",
                 "more than {count} workouts, the most {scope} takes",
                 static_cast<int64_t>(limits_.workouts),
                 {{"count", Grouped(limits_.workouts)}, {"scope", Scope(limits_)}});
    return Fail(Error::Invalid(Problem(std::string(where), std::move(m))));
  }
  if (workouts_ % 4096 == 0) return Check();
  return {};
}

Error ImportBudget::TooDeep(std::string_view where) const {
  Text m =
      // TRANSLATORS: {count} is how deep a file may nest ("64"), and n the same number.
      NT_("nested deeper than {count} levels, the most a workout file may "
          "nest; not a workout file",
          "nested deeper than {count} levels, the most a workout file may "
          "nest; not a workout file",
          static_cast<int64_t>(limits_.xml_depth), {{"count", Grouped(limits_.xml_depth)}});
  return Error::Invalid(Problem(std::string(where), std::move(m)));
}

Error ImportBudget::TooManyEntries(std::string_view where, uint64_t entries) const {
  // TRANSLATORS: {count} is how many entries the zip has, and n the same number; {most} how
  // many one import opens ("100,000"); {scope} who it is for ("an upload").
  Text m = NT_("a zip of {count} entries, more than the {most} {scope} opens",
               "a zip of {count} entries, more than the {most} {scope} opens",
               static_cast<int64_t>(entries),
               {{"count", Grouped(entries)},
                {"most", Grouped(limits_.zip_entries)},
                {"scope", Scope(limits_)}});
  return Error::Invalid(Problem(std::string(where), std::move(m)));
}

Error ImportBudget::TooInflated(std::string_view where) const {
  Text m =
      // TRANSLATORS: {count} is a ratio ("200"), and n the same number.
      NT_("inflates to more than {count} times its compressed size, which no "
          "export does (a zip bomb)",
          "inflates to more than {count} times its compressed size, which no "
          "export does (a zip bomb)",
          static_cast<int64_t>(limits_.zip_ratio), {{"count", Grouped(limits_.zip_ratio)}});
  return Error::Invalid(Problem(std::string(where), std::move(m)));
}

Error ImportBudget::TooMuchMemory(std::string_view where) const {
  // TRANSLATORS: {size} is the most memory a database may use ("32 MB"); {scope} who it is
  // for ("an upload").
  Text m = T_("the database needs more than {size} of memory to read, the most {scope} gives it",
              {{"size", Size(limits_.database_memory)}, {"scope", Scope(limits_)}});
  return Error::Invalid(Problem(std::string(where), std::move(m)));
}

}  // namespace backsignal
