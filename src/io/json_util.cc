#include "json_util.h"

#include <cmath>
#include <optional>
#include <set>
#include <vector>

namespace backsignal::io {

std::string DescribeJson(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return value.dump();
    case nlohmann::json::value_t::string: {
      std::string s = value.get<std::string>();
      if (CountCodePoints(s) > 40) {
        size_t cut = 0, count = 0;
        while (cut < s.size() && count < 37) {
          ++cut;
          while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
          ++count;
        }
        s = s.substr(0, cut) + "...";
      }
      return Dump(nlohmann::json(s)) + " (a string)";
    }
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::object:
      return "an object";
    default:
      return "a value";
  }
}

Text DescribeJsonText(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: {
      const std::string s = DescribeJson(value);
      // TRANSLATORS: {json} is a JSON string as it was sent ("\"abc\"").
      return T_("{json} (a string)",
                {{"json", s.substr(0, s.size() - std::string_view(" (a string)").size())}});
    }
    case nlohmann::json::value_t::array:
      // TRANSLATORS: a JSON value of the wrong kind, in "an array is the wrong type; ...".
      return T_("an array");
    case nlohmann::json::value_t::object:
      // TRANSLATORS: a JSON value of the wrong kind.
      return T_("an object");
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::boolean:
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return Text::Literal(DescribeJson(value));
    default:
      // TRANSLATORS: a JSON value of another kind.
      return T_("a value");
  }
}

Text WrongTypeText(const nlohmann::json& value, Text expected) {
  // TRANSLATORS: {value} is a value as it was sent; {expected} what was expected there.
  return T_("{value} is the wrong type; expected {expected}",
            {{"value", DescribeJsonText(value)}, {"expected", std::move(expected)}});
}

ordered_json NumberJson(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return static_cast<int64_t>(value);
  }
  return value;
}

namespace {

// Tracks where the parser is, to name a duplicated key by its path.
struct Frame {
  bool is_array = false;
  long index = -1;
  std::string key;
  std::set<std::string> keys;
};

std::string PathOf(const std::vector<Frame>& stack) {
  std::string path;
  for (size_t i = 0; i + 1 < stack.size(); ++i) {
    const Frame& f = stack[i];
    if (f.is_array) {
      path += "[" + std::to_string(f.index) + "]";
    } else {
      if (!path.empty()) path += ".";
      path += f.key;
    }
  }
  return path;
}

}  // namespace

std::optional<Text> CheckJsonDepth(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character, whatever it is
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        // TRANSLATORS: {max} is how deep JSON may nest; {byte} where it went deeper.
        return T_("not accepted: arrays and objects nest deeper than {max} levels (at byte {byte})",
                  {{"max", max_depth}, {"byte", i + 1}});
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

namespace {

// Builds the document as nlohmann's own DOM parser does, keeping the path of where it is and
// the first key given twice. (nlohmann's parser with a callback is not used: in 3.11.2 it looks
// through the whole enclosing array each time an object or array ends, so that an array of n
// objects takes n^2 steps: 200,000 took 16 s.)
class StrictSax {
 public:
  using json = nlohmann::json;
  explicit StrictSax(json& out) : dom_(out, /*allow_exceptions=*/true) {}
  const std::string& duplicate() const { return duplicate_; }

  bool null() {
    Value();
    return dom_.null();
  }
  bool boolean(bool v) {
    Value();
    return dom_.boolean(v);
  }
  bool number_integer(json::number_integer_t v) {
    Value();
    return dom_.number_integer(v);
  }
  bool number_unsigned(json::number_unsigned_t v) {
    Value();
    return dom_.number_unsigned(v);
  }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    Value();
    return dom_.number_float(v, s);
  }
  bool string(json::string_t& v) {
    Value();
    return dom_.string(v);
  }
  bool binary(json::binary_t& v) {
    Value();
    return dom_.binary(v);
  }
  bool start_object(std::size_t n) {
    Value();
    stack_.push_back(Frame{});
    return dom_.start_object(n);
  }
  bool key(json::string_t& k) {
    Frame& f = stack_.back();
    f.key = k;
    if (!f.keys.insert(f.key).second && duplicate_.empty()) {
      stack_.push_back(Frame{});  // so PathOf includes this key
      duplicate_ = PathOf(stack_);
      stack_.pop_back();
    }
    return dom_.key(k);
  }
  bool end_object() {
    if (!stack_.empty()) stack_.pop_back();
    return dom_.end_object();
  }
  bool start_array(std::size_t n) {
    Value();
    stack_.push_back(Frame{.is_array = true});
    return dom_.start_array(n);
  }
  bool end_array() {
    if (!stack_.empty()) stack_.pop_back();
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& e) {
    return dom_.parse_error(position, token, e);
  }

 private:
  // One more element of the enclosing array.
  void Value() {
    if (!stack_.empty() && stack_.back().is_array) ++stack_.back().index;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<Frame> stack_;
  std::string duplicate_;
};

}  // namespace

namespace {

// A token nlohmann names ("number literal", "'}'") as a person reads it: a
// kind translated, a code (a bracket, true, null) as it is.
Text JsonTokenText(std::string_view name) {
  if (name == "number literal") return T_("a number");
  // TRANSLATORS: a JSON string, found where something else was expected.
  if (name == "string literal") return T_("a string");
  if (name == "true literal") return Text::Literal("true");
  if (name == "false literal") return Text::Literal("false");
  if (name == "null literal") return Text::Literal("null");
  if (name.size() == 3 && name.front() == '\'' && name.back() == '\'') {
    return Text::Literal(std::string(name.substr(1, 1)));
  }
  return Text::Literal(std::string(name));
}

// The lexer's own reason ("invalid literal", "invalid string: missing closing quote", ...) with
// what it last read, as a short reason; nullopt for one not known here.
std::optional<Text> JsonLexerReason(std::string_view why, const std::string& read) {
  if (why == "invalid literal") {
    // TRANSLATORS: {read} is what the JSON parser last read ("x", "tru}"): a word that is not
    // true, false or null, often a text without its double quotes.
    return T_("not a JSON value; text needs double quotes (last read: '{read}')", {{"read", read}});
  }
  if (why == "invalid string: missing closing quote") {
    // TRANSLATORS: {read} is what the JSON parser last read: a string that is not closed.
    return T_("a string has no closing double quote (last read: '{read}')", {{"read", read}});
  }
  if (why.starts_with("invalid string: control character")) {
    // TRANSLATORS: {read} is what the JSON parser last read; a line break or a tab inside a
    // string must be written \n or \t.
    return T_(
        "a string holds a line break, tab or other control character; write it as an "
        "escape such as \\n (last read: '{read}')",
        {{"read", read}});
  }
  if (why == "invalid string: ill-formed UTF-8 byte") {
    // TRANSLATORS: {read} is what the JSON parser last read.
    return T_("a string holds a byte that is not UTF-8 (last read: '{read}')", {{"read", read}});
  }
  if (why.starts_with("invalid string: ")) {  // backslash-u without 4 hex digits, ...
    // TRANSLATORS: {read} is what the JSON parser last read: a backslash escape such as \x, or
    // a backslash-u not followed by four hex digits.
    return T_("a string holds an invalid escape after a backslash (last read: '{read}')",
              {{"read", read}});
  }
  if (why.starts_with("invalid number; ")) {  // "-", "1.", "1e"
    // TRANSLATORS: {read} is what the JSON parser last read: a number cut short ("1.", "-").
    return T_("a number is not complete (last read: '{read}')", {{"read", read}});
  }
  return std::nullopt;
}

// What went wrong after one token, by what nlohmann expected instead (`expected` as it names
// it; empty when it named nothing); `found` is the token it met.
std::optional<Text> JsonSyntaxReason(std::string_view found, std::string_view expected) {
  if (found == "end of input") return T_("the text ends before the JSON does");
  Text f = JsonTokenText(found);
  if (expected == "':'") {
    // TRANSLATORS: {found} is what stands where the colon after an object's key belongs ("a
    // number", "a string", "}").
    return T_("a colon (:) is missing after a key; found {found}", {{"found", std::move(f)}});
  }
  if (expected == "'}'") {
    // TRANSLATORS: {found} is what stands after a value in an object ("a string", "true").
    return T_("a comma (,) or a closing brace (}}) is missing; found {found}",
              {{"found", std::move(f)}});
  }
  if (expected == "']'") {
    // TRANSLATORS: {found} is what stands after a value in a list ("a number", "{").
    return T_("a comma (,) or a closing bracket (]) is missing; found {found}",
              {{"found", std::move(f)}});
  }
  if (expected == "string literal") {
    // TRANSLATORS: {found} is what stands where an object's next key belongs (often "}" after
    // a comma too many).
    return T_("a key in double quotes is missing; found {found}", {{"found", std::move(f)}});
  }
  if (expected == "end of input") {
    // TRANSLATORS: {found} is what follows a whole JSON value ("a string", "{").
    return T_("more follows the end of the JSON; found {found}", {{"found", std::move(f)}});
  }
  if (expected == "'[', '{', or a literal") {
    // TRANSLATORS: {found} is what stands where a value belongs ("}", "]", ",").
    return T_("a value is missing; found {found}", {{"found", std::move(f)}});
  }
  return std::nullopt;
}

// nlohmann's "syntax error while parsing value - invalid literal; last read: 'x'" (and the
// other kinds of its reason) as a short reason, the text it last read a value; its own English
// for a kind not known here.
Text JsonReasonText(const std::string& reason) {
  static constexpr std::string_view kSyntax = "syntax error ";
  std::string_view r = reason;
  if (!r.starts_with(kSyntax)) return Text::Literal(reason);
  const size_t dash = r.find("- ");
  if (dash == std::string_view::npos) return Text::Literal(reason);
  std::string_view body = r.substr(dash + 2);
  static constexpr std::string_view kUnexpected = "unexpected ";
  static constexpr std::string_view kExpected = "; expected ";
  static constexpr std::string_view kLastRead = "; last read: '";
  std::optional<Text> out;
  if (body.starts_with(kUnexpected)) {
    body.remove_prefix(kUnexpected.size());
    const size_t e = body.find(kExpected);
    out = JsonSyntaxReason(body.substr(0, e),
                           e == std::string_view::npos ? "" : body.substr(e + kExpected.size()));
  } else if (const size_t at = body.find(kLastRead); at != std::string_view::npos) {
    std::string_view read = body.substr(at + kLastRead.size());
    // What was read ends at its closing quote, before "; expected ..." if any.
    const size_t expected = read.rfind("'; expected ");
    read = expected != std::string_view::npos ? read.substr(0, expected)
                                              : read.substr(0, read.rfind('\''));
    out = JsonLexerReason(body.substr(0, at), std::string(read));
  }
  return out ? std::move(*out) : Text::Literal(reason);
}

// nlohmann's "parse error at line 1, column 9: syntax error ...": the frame translated, and the
// parser's own reason (JsonReasonText) too when it is of a kind known here.
Text NlohmannErrorText(const std::string& what) {
  static constexpr std::string_view kAt = "parse error at line ";
  if (what.starts_with(kAt)) {
    const size_t comma = what.find(", column ", kAt.size());
    const size_t colon = comma == std::string::npos ? comma : what.find(": ", comma);
    if (colon != std::string::npos) {
      // TRANSLATORS: {line} and {column} are where the JSON went wrong; {reason} is what is
      // wrong there (translated, or the JSON parser's own reason in English).
      return T_("parse error at line {line}, column {column}: {reason}",
                {{"line", what.substr(kAt.size(), comma - kAt.size())},
                 {"column", what.substr(comma + 9, colon - comma - 9)},
                 {"reason", JsonReasonText(what.substr(colon + 2))}});
    }
  }
  // A number too large for a double: "number overflow parsing '1e999'".
  static constexpr std::string_view kOverflow = "number overflow parsing '";
  if (what.starts_with(kOverflow) && what.ends_with('\'')) {
    // TRANSLATORS: {number} is the number as written in the JSON ("1e999").
    return T_("the number {number} is too large",
              {{"number", what.substr(kOverflow.size(), what.size() - kOverflow.size() - 1)}});
  }
  return Text::Literal(what);
}

}  // namespace

Text JsonParseErrorText(std::string what) {
  // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
  const size_t close = what.find("] ");
  if (what.starts_with("[json.exception.") && close != std::string::npos) {
    what = what.substr(close + 2);
  }
  return NlohmannErrorText(what);
}

Expected<nlohmann::json, Text> ParseStrictJson(std::string_view text) {
  // Before anything is allocated: a body of a million '[' is refused in one pass.
  if (auto deep = CheckJsonDepth(text, kMaxJsonDepth)) return Unexpected(*deep);
  try {
    nlohmann::json doc;
    StrictSax sax(doc);
    nlohmann::json::sax_parse(text.begin(), text.end(), &sax, nlohmann::json::input_format_t::json,
                              /*strict=*/true, /*ignore_comments=*/false);
    if (!sax.duplicate().empty()) {
      return Unexpected(Problem(sax.duplicate(), T_("this key appears twice in one object")));
    }
    return doc;
  } catch (const nlohmann::json::exception& e) {
    // TRANSLATORS: {problem} says where and why (the parser's own words).
    return Unexpected(T_("not valid JSON: {problem}", {{"problem", JsonParseErrorText(e.what())}}));
  }
}

}  // namespace backsignal::io
