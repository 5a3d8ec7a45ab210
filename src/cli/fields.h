// Diary fields as command-line options, from the field tables (core/fields.h) and their words
// (words/fields.h): each field's option, and the one that says no or clears it, read with the
// format's own checks. A message names the option: "--sitting: 25 hours is outside 0 to 24".
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/fields.h"
#include "backsignal/core/result.h"
#include "backsignal/words/i18n.h"

namespace backsignal::cli {

template <typename Record>
class FieldOptions {
 public:
  // Adds to `cmd` the options of the fields that have one and that `take` accepts.
  // Their descriptions are in `loc`'s words where the catalogue has them.
  void Add(CLI::App& cmd, const Locale& loc, std::span<const Field<Record>> fields,
           bool (*take)(const FieldSpec&) = nullptr);
  // Sets each field given on `record`. A kTags field's off option sets an empty list (which a
  // merge takes as "clear them"); a kChoice's adds its name to `cleared`.
  // Its messages are in `loc`'s words.
  [[nodiscard]] Result<void> Apply(Record& record, std::vector<std::string>& cleared,
                                   const Locale& loc) const;
  // Whether any of the options was given; whether the field `name`'s were.
  bool any() const;
  bool Given(std::string_view name) const;
  // The options, for "give at least one of ...": "--sitting, --prolonged, ... or --no-tags".
  std::string List() const;

 private:
  struct Option {
    const Field<Record>* field = nullptr;
    std::string text;               // the value given (kLoads: comma-separated names)
    std::vector<std::string> list;  // kTags: each option given
    bool on = false;                // a kFlag's option
    bool off = false;               // its off option: false, or clear
  };
  std::vector<std::unique_ptr<Option>> given_;  // the addresses CLI11 writes to
};

extern template class FieldOptions<Context>;
extern template class FieldOptions<Session>;

}  // namespace backsignal::cli
