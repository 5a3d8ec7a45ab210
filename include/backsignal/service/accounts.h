// Accounts: signing up and in (with throttling), the password rules, sign-in sessions, API
// tokens, changing the password and deleting an account. The server's auth layer renders
// these as cookies and statuses; the command line as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backsignal/core/result.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

struct ThrottlePolicy {
  int account_failures = 5;   // wrong passwords per account in the window
  int address_failures = 20;  // per client address
  int window_seconds = 15 * 60;
};

inline constexpr size_t kMinPasswordChars = 10;
inline constexpr size_t kMaxPasswordChars = 200;
inline constexpr size_t kMaxTokenNameChars = 100;
inline constexpr int kSessionDays = 30;

// "3 to 40 letters, digits, dots, dashes or underscores" (lower-cased first).
[[nodiscard]] Result<std::string> CheckUsername(const std::string& username);
// `field` names the password in the refusal: a request's key ("password") as a literal, or
// words ("the new password") as a T_ text.
[[nodiscard]] Result<void> CheckPassword(const std::string& password, const Text& field);

struct SignUpRequest {
  std::string username;
  std::string password;
  std::string role = "person";  // or "clinician"
  std::string setup_code;       // the first account's, printed by serve
  std::string address;          // the client's, for throttling
};
[[nodiscard]] Result<Account> SignUp(const Service& service, const SignUpRequest& request,
                                     const ThrottlePolicy& policy);

// kUnauthenticated for a wrong username or password (never saying which), kThrottled when
// too many attempts were made.
[[nodiscard]] Result<Account> SignIn(const Service& service, const std::string& username,
                                     const std::string& password, const std::string& address,
                                     const ThrottlePolicy& policy);

struct NewSession {
  std::string token;  // the cookie's secret (only its hash is stored)
  std::string csrf;
  std::string token_hash;
  int64_t expires_at = 0;
};
[[nodiscard]] Result<NewSession> StartSession(const Service& service, const Account& account);

// Who a cookie's secret or an API token belongs to.
struct Caller {
  Account account;
  bool by_cookie = false;  // a sign-in session (its writes carry the CSRF token)
  std::string session_hash;
  std::string csrf;
  std::string scope;  // an API token's scope; empty for a sign-in session (it may do anything)
};
[[nodiscard]] Result<std::optional<Caller>> FindSessionCaller(const Service& service,
                                                              const std::string& token);
[[nodiscard]] Result<std::optional<Caller>> FindTokenCaller(const Service& service,
                                                            const std::string& token);

// Ends every other sign-in session of the account (keeping `keep_session_hash`).
[[nodiscard]] Result<void> ChangePassword(const Service& service, const Account& account,
                                          const std::string& current, const std::string& next,
                                          const std::string& keep_session_hash,
                                          const ThrottlePolicy& policy);
// Sets a password without the old one (the operator's `account set-password`).
[[nodiscard]] Result<void> SetPassword(const Service& service, const Account& account,
                                       const std::string& next);
[[nodiscard]] Result<void> DeleteAccount(const Service& service, const Account& account,
                                         const std::string& password, const ThrottlePolicy& policy);

// What a token may do: read the diary and reading; also record check-ins; or also import,
// replace and change the diary's thresholds. Never the account (that needs a signed-in
// session).
inline constexpr const char* kTokenScopes[] = {"read", "checkins", "diary"};
inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaxTokenDays = 365;

struct NewToken {
  int64_t id = 0;
  std::string name;
  std::string scope;
  int64_t expires_at = 0;
  std::string token;  // shown once
};
// kInvalid for an unknown scope, a name too long, or days outside 1 to 365.
[[nodiscard]] Result<NewToken> CreateToken(const Service& service, const Account& account,
                                           const std::string& name, const std::string& scope,
                                           int days);

// The account's tokens, and revoking one of them (kNotFound when the account has no such token).
[[nodiscard]] Result<std::vector<ApiTokenInfo>> ListTokens(const Service& service,
                                                           const Account& account);
[[nodiscard]] Result<void> RevokeToken(const Service& service, const Account& account,
                                       int64_t token_id);

// Ends the sign-in session of `caller` on the server.
[[nodiscard]] Result<void> SignOut(const Service& service, const Caller& caller);

// Every account, by username: for the administrator (`asker`, kForbidden for anyone else) or,
// with no asker, the operator at the command line.
[[nodiscard]] Result<std::vector<Account>> ListAccounts(const Service& service,
                                                        const std::optional<Account>& asker);
[[nodiscard]] Result<int64_t> CountAccounts(const Service& service);
// The account named `username`, if there is one.
[[nodiscard]] Result<std::optional<Account>> FindAccount(const Service& service,
                                                         const std::string& username);

// The diary of whoever is at this machine, without accounts (store.h Database::LocalPerson).
PersonId LocalPerson(const Service& service);

// While there is no account, a new one-time setup code for the first (the administrator's)
// sign-up: returned to be shown where only the operator sees it (only its hash is kept). None
// once an account exists.
[[nodiscard]] Result<std::optional<std::string>> NewSetupCodeIfNoAccount(const Service& service);

}  // namespace backsignal::service
