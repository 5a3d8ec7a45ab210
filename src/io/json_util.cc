#include "json_util.h"

#include <cmath>
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

// nlohmann's "parse error at line 1, column 9: syntax error ...": the frame translated, the
// parser's own reason kept as it is.
Text NlohmannErrorText(const std::string& what) {
  static constexpr std::string_view kAt = "parse error at line ";
  if (what.starts_with(kAt)) {
    const size_t comma = what.find(", column ", kAt.size());
    const size_t colon = comma == std::string::npos ? comma : what.find(": ", comma);
    if (colon != std::string::npos) {
      // TRANSLATORS: {line} and {column} are where the JSON went wrong; {reason} is the JSON
      // parser's own reason, in English.
      return T_("parse error at line {line}, column {column}: {reason}",
                {{"line", what.substr(kAt.size(), comma - kAt.size())},
                 {"column", what.substr(comma + 9, colon - comma - 9)},
                 {"reason", what.substr(colon + 2)}});
    }
  }
  return Text::Literal(what);
}

}  // namespace

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
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
    std::string what = e.what();
    const size_t close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
    // TRANSLATORS: {problem} says where and why (the parser's own words).
    return Unexpected(T_("not valid JSON: {problem}", {{"problem", NlohmannErrorText(what)}}));
  }
}

}  // namespace backsignal::io
