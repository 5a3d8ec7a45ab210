// Helpers shared by the io module's JSON readers and writers (private to io).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "backsignal/core/diary.h"

namespace backsignal::io {

using ordered_json = nlohmann::ordered_json;

// A short description of a JSON value for an error message: "\"3\" (a string)", "true", "an
// object", "12.5".
std::string DescribeJson(const nlohmann::json& value);
// The same as a message: "an array" and "(a string)" are words, the JSON itself a literal.
Text DescribeJsonText(const nlohmann::json& value);
// "\"3\" (a string) is the wrong type; expected a whole number": `expected` a T_ text.
Text WrongTypeText(const nlohmann::json& value, Text expected);

// Scores and other numbers as JSON: whole numbers as integers ("3", not "3.0").
ordered_json NumberJson(double value);
inline ordered_json ScoreJson(Score s) { return NumberJson(s.value()); }

// JSON text of `j`: `indent` -1 is compact. Text that is not UTF-8 (which validation keeps out
// of the diary) becomes U+FFFD rather than throwing.
template <typename Json>
std::string Dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// The deepest nesting of arrays and objects any reader takes (a diary needs 4).
inline constexpr size_t kMaxJsonDepth = 64;

// A message when `text` nests arrays and objects deeper than `max_depth`, found in one pass
// without parsing (so without allocating for each level).
std::optional<Text> CheckJsonDepth(std::string_view text, size_t max_depth);

// nlohmann's exception text ("[json.exception.parse_error.101] parse error at line 1, column 9:
// syntax error ...") as "parse error at line 1, column 9: {reason}", the reason of each common
// kind translated (its own English for another kind).
Text JsonParseErrorText(std::string what);

// Parses JSON text, refusing duplicate keys and nesting deeper than kMaxJsonDepth; on failure
// returns a message naming the line and column (or the path of a duplicated key). The parser's
// own reason ("syntax error while parsing value ...") stays English, a value of the message.
Expected<nlohmann::json, Text> ParseStrictJson(std::string_view text);

}  // namespace backsignal::io
