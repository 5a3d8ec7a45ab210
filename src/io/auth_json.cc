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
  BodyReader(std::string_view text, backsignal::Text what,
             std::initializer_list<std::string_view> keys)
      : what_(std::move(what)) {
    auto doc = io::ParseStrictJson(text);
    if (!doc) {
      problems_.Add(Problem("$", doc.error()));
      return;
    }
    if (!doc->is_object()) {
      problems_.Add(Problem("$", io::WrongTypeText(*doc, T_("an object"))));
      return;
    }
    doc_ = std::move(*doc);
    for (auto it = doc_.begin(); it != doc_.end(); ++it) {
      bool known = false;
      for (std::string_view k : keys) known = known || k == it.key();
      // TRANSLATORS: after a key of a request's JSON body that is not one of its keys.
      if (!known) problems_.Add(Problem(it.key(), T_("unknown key")));
    }
  }

  std::string String(const char* key, bool required, size_t max_bytes = 4096) {
    auto it = doc_.find(key);
    if (it == doc_.end() || it->is_null()) {
      // TRANSLATORS: after a key of a request's JSON body that was not given.
      if (required) problems_.Add(Problem(key, T_("required")));
      return "";
    }
    if (!it->is_string()) {
      problems_.Add(Problem(key, io::WrongTypeText(*it, T_("text (a string)"))));
      return "";
    }
    std::string s = it->get<std::string>();
    if (s.size() > max_bytes) {
      // TRANSLATORS: {max} is the longest text allowed, in bytes.
      problems_.Add(Problem(key, T_("longer than {max} bytes", {{"max", max_bytes}})));
      return "";
    }
    return s;
  }

  std::optional<int> Int(const char* key) {
    auto it = doc_.find(key);
    if (it == doc_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) {
      problems_.Add(Problem(key, io::WrongTypeText(*it, T_("a whole number"))));
      return std::nullopt;
    }
    const auto v = it->get<int64_t>();
    if (v < -1000000 || v > 1000000) {
      // TRANSLATORS: {value} is the number given.
      problems_.Add(Problem(key, T_("{value} is out of range", {{"value", v}})));
      return std::nullopt;
    }
    return static_cast<int>(v);
  }

  std::optional<Error> Refusal() { return problems_.Refusal(what_); }

 private:
  backsignal::Text what_;
  json doc_ = json::object();
  ProblemList problems_{10};
};

}  // namespace

Result<SignUpBody> ParseSignUpJson(std::string_view text) {
  // TRANSLATORS: in "{what} refused: 2 problems".
  BodyReader r(text, T_("sign-up"), {"username", "password", "role", "setup_code"});
  SignUpBody b{r.String("username", true), r.String("password", true), r.String("role", false),
               r.String("setup_code", false)};
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<SignInBody> ParseSignInJson(std::string_view text) {
  // TRANSLATORS: in "{what} refused: 2 problems".
  BodyReader r(text, T_("sign-in"), {"username", "password"});
  SignInBody b{r.String("username", true), r.String("password", true)};
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<PasswordChangeBody> ParsePasswordChangeJson(std::string_view text) {
  // TRANSLATORS: in "{what} refused: 2 problems".
  BodyReader r(text, T_("password change"), {"current", "new"});
  PasswordChangeBody b{r.String("current", true), r.String("new", true)};
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<std::string> ParsePasswordJson(std::string_view text) {
  // TRANSLATORS: in "{what} refused: 1 problem": a password given to confirm a deletion.
  BodyReader r(text, T_("confirmation"), {"password"});
  std::string p = r.String("password", true);
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return p;
}

Result<TokenBody> ParseTokenJson(std::string_view text) {
  // TRANSLATORS: in "{what} refused: 1 problem": an API token asked for.
  BodyReader r(text, T_("token"), {"name", "scope", "days"});
  TokenBody b;
  b.name = r.String("name", false);
  if (std::string scope = r.String("scope", false); !scope.empty()) b.scope = scope;
  if (auto days = r.Int("days")) b.days = *days;
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return b;
}

Result<std::string> ParseInviteCodeJson(std::string_view text) {
  // TRANSLATORS: in "{what} refused: 1 problem": an invite code given.
  BodyReader r(text, T_("invite"), {"code"});
  std::string code = r.String("code", true, 200);
  if (auto e = r.Refusal()) return Fail(std::move(*e));
  return code;
}

}  // namespace backsignal
