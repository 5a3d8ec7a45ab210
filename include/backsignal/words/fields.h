// How each diary field is asked for and said back, in a person's words: its label on the page,
// its help on the command line, the ends of its scale, its choices, and what a check-in says of
// it. One row a field (core/fields.h names the field, its kind and bounds); the page builds its
// controls from these rows as the API serves them (GET /api/v1/fields).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "backsignal/core/diary.h"

namespace backsignal {

// A choice's words: its name in the formats and what the page shows for it.
struct ChoiceWords {
  std::string_view name;
  std::string_view label;
};

struct FieldWords {
  std::string_view name;           // the field's name (core/fields.h)
  std::string_view label;          // on the page: "Stress today"
  std::string_view help;           // on the command line: "Stress, 0-10"
  std::string_view off_help = {};  // the option that says no, or clears it
  // A scale's ends and its half step ("0 none", "10 worst", "+½ point"); "" for the usual ones.
  std::string_view low = {};
  std::string_view high = {};
  std::string_view half = {};
  // An hours scale that ends before the field's top: the button that opens a field for more,
  // and that field's label ("Slept more than 10 hours?", "More than 10 hours: how many?").
  std::string_view beyond = {};
  std::string_view beyond_label = {};
  // Below the label, on the page: a line that says more; "" for none.
  std::string_view hint = {};
  std::span<const ChoiceWords> choices = {};  // kChoice, kLoads: each choice's words
  bool folded = false;  // on the page: folded under its label until opened or filled
  // What a check-in of the day's context says of it ("stress 7"), or "" when it holds nothing
  // (null for a field said with another: painkiller_name with painkillers).
  std::string (*said)(const Context&) = nullptr;
};

// The day's context in the order the page asks and a check-in says them back.
std::span<const FieldWords> ContextFieldWords();
// A session's fields, in the order of core/fields.h's table.
std::span<const FieldWords> SessionFieldWords();
// The words of the field of that name (context or session), or null.
const FieldWords* WordsOfField(std::string_view name);

}  // namespace backsignal
