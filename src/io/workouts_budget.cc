// The import budget: what one import of a workout file may cost, and the refusals that name the
// limit passed (docs/security.md, "The import budget").
#include <string>

#include "backsignal/io/workouts.h"

namespace backsignal {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// "20,000"
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "512 MB", "16 GB", "64 KB" (binary units, as the page's "32 MB" is).
std::string Size(uint64_t bytes) {
  if (bytes >= (kMiB << 10) && bytes % (kMiB << 10) == 0) {
    return Grouped(bytes / (kMiB << 10)) + " GB";
  }
  if (bytes < kMiB) return Grouped(bytes / 1024) + " KB";
  return Grouped(bytes / kMiB) + " MB";
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
    std::string m(where);
    m += ": more than " + Size(limits_.inflated_bytes) + " once inflated, the most " +
         limits_.scope + " reads";
    if (std::string_view(limits_.scope) == ImportLimits::Upload().scope) {
      m += "; import a larger export with the command line on the machine that keeps the diary "
           "(backsignal import-workouts FILE)";
    }
    return Fail(Error::Invalid(std::move(m)));
  }
  return Check();
}

Result<void> ImportBudget::AddWorkout(std::string_view where) {
  ++workouts_;
  if (workouts_ > limits_.workouts) {
    return Fail(Error::Invalid(std::string(where) + ": more than " + Grouped(limits_.workouts) +
                               " workouts, the most " + limits_.scope + " takes"));
  }
  if (workouts_ % 4096 == 0) return Check();
  return {};
}

Error ImportBudget::TooDeep(std::string_view where) const {
  return Error::Invalid(std::string(where) + ": nested deeper than " + Grouped(limits_.xml_depth) +
                        " levels, the most a workout file may nest; not a workout file");
}

Error ImportBudget::TooManyEntries(std::string_view where, uint64_t entries) const {
  return Error::Invalid(std::string(where) + ": a zip of " + Grouped(entries) +
                        " entries, more than the " + Grouped(limits_.zip_entries) + " " +
                        limits_.scope + " opens");
}

Error ImportBudget::TooInflated(std::string_view where) const {
  return Error::Invalid(std::string(where) + ": inflates to more than " +
                        Grouped(limits_.zip_ratio) +
                        " times its compressed size, which no export does (a zip bomb)");
}

Error ImportBudget::TooMuchMemory(std::string_view where) const {
  return Error::Invalid(std::string(where) + ": the database needs more than " +
                        Size(limits_.database_memory) + " of memory to read, the most " +
                        limits_.scope + " gives it");
}

}  // namespace backsignal
