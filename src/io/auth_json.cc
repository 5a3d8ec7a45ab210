#include "backsignal/io/auth_json.h"

#include <initializer_list>
#include <vector>

#include "json_util.h"

namespace backsignal {
namespace {

using nlohmann::json;

// Reads one flat object of known keys, collecting every problem.
class BodyReader {
 public:
  BodyReader(std::string_view text, std::string_view what,
             std::initializer_list<std::string_view> keys)
      : what_(what) {
    auto doc = io::ParseStrictJson(text);
    if (!doc) {
      problems_.Add("$: " + doc.error());
      return;
    }
    if (!doc->is_object()) {
      problems_.Add("$: " + io::DescribeJson(*doc) + " is the wrong type; expected an object");
      return;
    }
    doc_ = std::move(*doc);
    for (auto it = doc_.begin(); it != doc_.end(); ++it) {
      bool known = false;
      for (std::string_view k : keys) known = known || k == it.key();
      if (!known) problems_.Add(it.key() + ": unknown key");
    }
  }

  std::string Text(const char* key, bool required, size_t max_bytes = 4096) {
    auto it = doc_.find(key);
    if (it == doc_.end() || it->is_null()) {
      if (required) problems_.Add(std::string(key) + ": required");
      return "";
    }
    if (!it->is_string()) {
      problems_.Add(std::string(key) + ": " + io::DescribeJson(*it) +
                    " is the wrong type; expected text (a string)");
      return "";
    }
    std::string s = it->get<std::string>();
    if (s.size() > max_bytes) {
      problems_.Add(std::string(key) + ": longer than " + std::to_string(max_bytes) + " bytes");
      return "";
    }
    return s;
  }

  std::optional<int> Int(const char* key) {
    auto it = doc_.find(key);
    if (it == doc_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) {
      problems_.Add(std::string(key) + ": " + io::DescribeJson(*it) +
                    " is the wrong type; expected a whole number");
      return std::nullopt;
    }
    const auto v = it->get<int64_t>();
    if (v < -1000000 || v > 1000000) {
      problems_.Add(std::string(key) + ": " + std::to_string(v) + " is out of range");
      return std::nullopt;
    }
    return static_cast<int>(v);
  }

  std::optional<Error> Refusal() { return problems_.Refusal(std::string(what_)); }

 private:
  std::string_view what_;
  json doc_ = json::object();
  ProblemList problems_{10};
};

}  // namespace

Result<SignUpBody> ParseSignUpJson(std::string_view text) {
  BodyReader r(text, "sign-up", {"username", "password", "role", "setup_code"});
  SignUpBody b{r.Text("username", true), r.Text("password", true), r.Text("role", false),
               r.Text("setup_code", false)};
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<SignInBody> ParseSignInJson(std::string_view text) {
  BodyReader r(text, "sign-in", {"username", "password"});
  SignInBody b{r.Text("username", true), r.Text("password", true)};
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<PasswordChangeBody> ParsePasswordChangeJson(std::string_view text) {
  BodyReader r(text, "password change", {"current", "new"});
  PasswordChangeBody b{r.Text("current", true), r.Text("new", true)};
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<std::string> ParsePasswordJson(std::string_view text) {
  BodyReader r(text, "confirmation", {"password"});
  std::string p = r.Text("password", true);
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return p;
}

Result<TokenBody> ParseTokenJson(std::string_view text) {
  BodyReader r(text, "token", {"name", "scope", "days"});
  TokenBody b;
  b.name = r.Text("name", false);
  if (std::string scope = r.Text("scope", false); !scope.empty()) b.scope = scope;
  if (auto days = r.Int("days")) b.days = *days;
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<std::string> ParseInviteCodeJson(std::string_view text) {
  BodyReader r(text, "invite", {"code"});
  std::string code = r.Text("code", true, 200);
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return code;
}

}  // namespace backsignal
