// The bodies of the account routes as JSON: sign-up, sign-in, password change, deletion,
// API tokens, invite codes. Strict like every reader: an object with the keys named and no
// others, each of the right type; errors name the key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backsignal/core/result.h"

namespace backsignal {

struct SignUpBody {
  std::string username;
  std::string password;
  std::string role;        // "" means person
  std::string setup_code;  // the first account's
};
[[nodiscard]] Result<SignUpBody> ParseSignUpJson(std::string_view text);

struct SignInBody {
  std::string username;
  std::string password;
};
[[nodiscard]] Result<SignInBody> ParseSignInJson(std::string_view text);

struct PasswordChangeBody {
  std::string current;
  std::string next;  // "new" in JSON
};
[[nodiscard]] Result<PasswordChangeBody> ParsePasswordChangeJson(std::string_view text);

// {"password": "..."}: to confirm deleting the account.
[[nodiscard]] Result<std::string> ParsePasswordJson(std::string_view text);

struct TokenBody {
  std::string name;             // "" means "script"
  std::string scope = "diary";  // read, checkins or diary
  int days = 90;
};
[[nodiscard]] Result<TokenBody> ParseTokenJson(std::string_view text);

// {"code": "K7QM-2XPA-..."}.
[[nodiscard]] Result<std::string> ParseInviteCodeJson(std::string_view text);

}  // namespace backsignal
