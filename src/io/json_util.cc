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

std::optional<std::string> CheckJsonDepth(std::string_view text, size_t max_depth) {
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
        return "not accepted: arrays and objects nest deeper than " + std::to_string(max_depth) +
               " levels (at byte " + std::to_string(i + 1) + ")";
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

Expected<nlohmann::json, std::string> ParseStrictJson(std::string_view text) {
  // Before anything is allocated: a body of a million '[' is refused in one pass.
  if (auto deep = CheckJsonDepth(text, kMaxJsonDepth)) return Unexpected(*deep);
  std::vector<Frame> stack;
  std::string duplicate;
  auto note_element = [&stack]() {
    if (!stack.empty() && stack.back().is_array) ++stack.back().index;
  };
  auto callback = [&](int /*depth*/, nlohmann::json::parse_event_t event,
                      nlohmann::json& parsed) -> bool {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start:
        note_element();
        stack.push_back(Frame{});
        break;
      case E::array_start:
        note_element();
        stack.push_back(Frame{.is_array = true});
        break;
      case E::object_end:
      case E::array_end:
        if (!stack.empty()) stack.pop_back();
        break;
      case E::key: {
        Frame& f = stack.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second && duplicate.empty()) {
          stack.push_back(Frame{});  // so PathOf includes this key
          duplicate = PathOf(stack);
          stack.pop_back();
        }
        break;
      }
      case E::value:
        note_element();
        break;
    }
    return true;
  };
  try {
    nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), callback,
                                               /*allow_exceptions=*/true,
                                               /*ignore_comments=*/false);
    if (!duplicate.empty()) {
      return Unexpected(duplicate + ": this key appears twice in one object");
    }
    return doc;
  } catch (const nlohmann::json::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
    std::string what = e.what();
    const size_t close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
    return Unexpected("not valid JSON: " + what);
  }
}

}  // namespace backsignal::io
