#include "backsignal/service/accounts.h"

#include <semaphore>

#include "backsignal/core/diary.h"
#include "backsignal/io/ids.h"
#include "backsignal/service/readings.h"
#include "backsignal/words/i18n.h"
#include "internal.h"

namespace backsignal::service {
namespace {

// Argon2id takes 64 MiB and about a tenth of a second: at most two run at once in a process,
// whatever the number of requests, so that a burst of sign-ins cannot take the memory.
class PasswordWork {
 public:
  PasswordWork() { Slots().acquire(); }
  ~PasswordWork() { Slots().release(); }
  PasswordWork(const PasswordWork&) = delete;
  PasswordWork& operator=(const PasswordWork&) = delete;

 private:
  static std::counting_semaphore<2>& Slots() {
    static std::counting_semaphore<2> slots(2);
    return slots;
  }
};

Result<std::string> Hash(const std::string& password) {
  PasswordWork slot;
  return HashPassword(password);
}

bool Verify(const std::string& password, const std::string& stored) {
  PasswordWork slot;
  return VerifyPassword(password, stored);
}

Error TooMany(int64_t retry_after) {
  const int64_t minutes = (retry_after + 59) / 60;
  // TRANSLATORS: {n} is how many minutes to wait before trying to sign in again.
  return Error::Throttled(NT_("too many attempts: wait {n} minute and try again",
                              "too many attempts: wait {n} minutes and try again", minutes),
                          retry_after);
}

// Reserves one attempt of each key, or says how long to wait. Keys reserved before a refusal
// are given back, so that a refused attempt costs nothing.
Result<void> Reserve(const Service& service, const std::vector<std::pair<std::string, int>>& keys,
                     int64_t now, int window) {
  for (size_t i = 0; i < keys.size(); ++i) {
    auto a = StoreOf(service).ReserveAttempt(keys[i].first, now, window, keys[i].second);
    if (!a) return Unexpected(a.error());
    if (!a->allowed) {
      for (size_t j = 0; j < i; ++j) (void)StoreOf(service).ReleaseAttempt(keys[j].first, now);
      return Fail(TooMany(a->retry_after));
    }
  }
  return {};
}

}  // namespace

Result<std::string> CheckUsername(const std::string& username) {
  const std::string u = FoldAscii(username);
  bool ok = u.size() >= 3 && u.size() <= 40;
  for (char c : u) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    return Fail(Error::Invalid(N_("username: 3 to 40 letters, digits, dots, dashes or underscores"),
                               {"username: \"" + username + "\""}));
  }
  return u;
}

Result<void> CheckPassword(const std::string& p, const Text& field) {
  const size_t n = CountCodePoints(p);
  if (!IsValidUtf8(p) || p.find('\0') != std::string::npos) {
    // TRANSLATORS: {field} is "password", "new" (a request's key) or "the new password".
    return Fail(Error::Invalid(T_("{field} is not valid text", {{"field", field}})));
  }
  if (n < kMinPasswordChars || n > kMaxPasswordChars) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {field} is "password", "new" (a request's key) or "the new password"; {min}
        // and {max} are the shortest and longest password allowed.
        T_("{field} must be {min} to {max} characters",
           {{"field", field}, {"min", kMinPasswordChars}, {"max", kMaxPasswordChars}}),
        // TRANSLATORS: {n} is how many characters the password given has. The English keeps
        // "characters" for one too.
        {NT_("{field}: {n} characters", "{field}: {n} characters", static_cast<int64_t>(n),
             {{"field", field}})}));
  }
  return {};
}

Result<Account> SignUp(const Service& service, const SignUpRequest& req,
                       const ThrottlePolicy& policy) {
  auto name = CheckUsername(req.username);
  if (!name) return Unexpected(name.error());
  if (auto ok = CheckPassword(req.password, Text::Literal("password")); !ok) {
    return Unexpected(ok.error());
  }
  const std::string role = req.role.empty() ? "person" : req.role;
  if (role != "person" && role != "clinician") {
    return Fail(Error::Invalid(
        // TRANSLATORS: {role} is the role asked for; "person" and "clinician" are the two roles'
        // names in a request and stay as they are.
        Problem("role", T_("\"{role}\" is not person or clinician", {{"role", role}}))));
  }
  const int64_t now = service.clock().Now();
  auto count = StoreOf(service).CountAccounts();
  if (!count) return Unexpected(count.error());
  if (*count == 0) {
    // The first account (the administrator) needs the code `serve` printed.
    auto ok = StoreOf(service).CheckSetupCode(HashSecret(req.setup_code));
    if (!ok) return Unexpected(ok.error());
    if (req.setup_code.empty() || !*ok) {
      return Fail(Error::Forbidden(
          N_("the first account needs the sign-up link that backsignal serve printed")));
    }
  }
  // Sign-ups cost a password hash each: limited per address like failed sign-ins.
  if (auto ok = Reserve(service, {{"signup:" + req.address, policy.address_failures}}, now,
                        policy.window_seconds);
      !ok) {
    return Unexpected(ok.error());
  }
  auto hash = Hash(req.password);
  if (!hash) return Unexpected(hash.error());
  // Whether this is the first account is decided again where it is made: the only account may
  // have been deleted meanwhile.
  return StoreOf(service).CreateAccount(*name, *hash, role, now, HashSecret(req.setup_code));
}

Result<Account> SignIn(const Service& service, const std::string& username,
                       const std::string& password, const std::string& address,
                       const ThrottlePolicy& policy) {
  const std::string name = FoldAscii(username);
  const int64_t now = service.clock().Now();
  // Each verification is reserved first, atomically in the database, so that at most the
  // limit of them run per window whatever the number of processes. The account's own limit is
  // kept per address, so that nobody can lock its owner out from elsewhere; a limit ten times
  // larger over all addresses stops guessing spread over many.
  const std::vector<std::pair<std::string, int>> keys = {
      {"signin:" + name + "@" + address, policy.account_failures},
      {"signin:" + name, policy.account_failures * 10},
      {"address:" + address, policy.address_failures}};
  if (auto ok = Reserve(service, keys, now, policy.window_seconds); !ok) {
    return Unexpected(ok.error());
  }
  auto login = StoreOf(service).FindLogin(name);
  if (!login) return Unexpected(login.error());
  bool ok = false;
  if (*login && password.size() <= kMaxPasswordChars * 4) {
    ok = Verify(password, (*login)->second);
  } else {
    PasswordWork slot;
    VerifyNothing(password);  // the same time whether or not the username exists
  }
  if (!ok) return Fail(Error::Unauthenticated(N_("wrong username or password")));
  // A success does not count against the account or the address.
  (void)StoreOf(service).ClearAttempts(keys[0].first);
  (void)StoreOf(service).ReleaseAttempt(keys[1].first, now);
  (void)StoreOf(service).ReleaseAttempt(keys[2].first, now);
  return (*login)->first;
}

Result<NewSession> StartSession(const Service& service, const Account& account) {
  NewSession s;
  s.token = NewSecretToken();
  s.csrf = NewSecretToken();
  s.token_hash = HashSecret(s.token);
  const int64_t now = service.clock().Now();
  s.expires_at = now + int64_t{kSessionDays} * 86400;
  if (auto ok = StoreOf(service).CreateSession(s.token_hash, account.id, s.csrf, now, s.expires_at);
      !ok) {
    return Unexpected(ok.error());
  }
  return s;
}

Result<std::optional<Caller>> FindSessionCaller(const Service& service, const std::string& token) {
  if (token.empty()) return std::optional<Caller>();
  const std::string hash = HashSecret(token);
  auto s = StoreOf(service).FindSession(hash, service.clock().Now());
  if (!s) return Unexpected(s.error());
  if (!*s) return std::optional<Caller>();
  return std::optional(Caller{(*s)->first, true, hash, (*s)->second, ""});
}

Result<std::optional<Caller>> FindTokenCaller(const Service& service, const std::string& token) {
  if (token.empty()) return std::optional<Caller>();
  auto t = StoreOf(service).FindApiToken(HashSecret(token), service.clock().Now());
  if (!t) return Unexpected(t.error());
  if (!*t) return std::optional<Caller>();
  return std::optional(Caller{(*t)->account, false, "", "", (*t)->scope});
}

namespace {

// A password given inside a signed-in session (to change it, or to delete the account):
// guesses are limited per account, under a key of their own, so that they never lock the
// owner out of signing in.
Result<void> CheckCurrentPassword(const Service& service, const Account& account,
                                  const std::string& password, const ThrottlePolicy& policy,
                                  const char* wrong) {
  const int64_t now = service.clock().Now();
  const std::string key = "guess:" + std::to_string(account.id);
  if (auto ok = Reserve(service, {{key, policy.account_failures}}, now, policy.window_seconds);
      !ok) {
    return ok;
  }
  auto login = StoreOf(service).FindLogin(account.username);
  if (!login) return Unexpected(login.error());
  if (!*login || !Verify(password, (*login)->second)) {
    return Fail(Error::Forbidden(Text::Marked(wrong)));
  }
  (void)StoreOf(service).ClearAttempts(key);
  return {};
}

}  // namespace

Result<void> ChangePassword(const Service& service, const Account& account,
                            const std::string& current, const std::string& next,
                            const std::string& keep_session_hash, const ThrottlePolicy& policy) {
  if (auto ok = CheckPassword(next, Text::Literal("new")); !ok) return ok;
  if (auto ok = CheckCurrentPassword(service, account, current, policy,
                                     N_("the current password is wrong"));
      !ok) {
    return ok;
  }
  auto hash = Hash(next);
  if (!hash) return Unexpected(hash.error());
  if (auto ok = StoreOf(service).SetPasswordHash(account.id, *hash); !ok) return ok;
  // Every other session of this account ends: whoever knew the old password is signed out.
  return StoreOf(service).DeleteOtherSessions(account.id, keep_session_hash);
}

Result<void> SetPassword(const Service& service, const Account& account, const std::string& next) {
  if (auto ok = CheckPassword(next, T_("the new password")); !ok) return ok;
  auto hash = Hash(next);
  if (!hash) return Unexpected(hash.error());
  if (auto ok = StoreOf(service).SetPasswordHash(account.id, *hash); !ok) return ok;
  return StoreOf(service).DeleteOtherSessions(account.id, "");
}

Result<void> DeleteAccount(const Service& service, const Account& account,
                           const std::string& password, const ThrottlePolicy& policy) {
  if (auto ok = CheckCurrentPassword(service, account, password, policy,
                                     N_("the password is wrong: nothing was deleted"));
      !ok) {
    return ok;
  }
  // The last administrator stays while others use the service: the store checks it in the
  // deletion's own transaction.
  if (auto ok = StoreOf(service).DeleteAccount(account.id); !ok) return ok;
  // Nothing of theirs stays in this process either (ids are never reused, so nobody else could
  // be shown it; it is simply gone).
  service.readings().Forget(account.person);
  return {};
}

Result<NewToken> CreateToken(const Service& service, const Account& account,
                             const std::string& name, const std::string& scope, int days) {
  NewToken t;
  t.name = name.empty() ? "script" : name;
  if (auto ok = ValidateText(t.name, kMaxTokenNameChars); !ok) {
    return Fail(
        Error::Invalid(Problem("name", T_("the text {problem}", {{"problem", ok.error()}}))));
  }
  bool known = false;
  for (const char* s : kTokenScopes) known = known || scope == s;
  if (!known) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {scope} is the scope asked for; read, checkins and diary are the scopes'
        // names and stay as they are.
        Problem("scope", T_("\"{scope}\" is not read, checkins or diary", {{"scope", scope}}))));
  }
  if (days < 1 || days > kMaxTokenDays) {
    return Fail(Error::Invalid(Problem(
        // TRANSLATORS: {days} is how many days a token was asked to last; {max} the most allowed.
        "days", T_("{days} is outside 1 to {max}", {{"days", days}, {"max", kMaxTokenDays}}))));
  }
  const int64_t now = service.clock().Now();
  t.scope = scope;
  t.expires_at = now + int64_t{days} * 86400;
  t.token = "bst_" + NewSecretToken();
  auto id = StoreOf(service).CreateApiToken(account.id, t.name, HashSecret(t.token), scope, now,
                                            t.expires_at);
  if (!id) return Unexpected(id.error());
  t.id = *id;
  return t;
}

}  // namespace backsignal::service

namespace backsignal::service {

Result<std::vector<ApiTokenInfo>> ListTokens(const Service& service, const Account& account) {
  return StoreOf(service).ListApiTokens(account.id);
}

Result<void> RevokeToken(const Service& service, const Account& account, int64_t token_id) {
  auto revoked = StoreOf(service).RevokeApiToken(account.id, token_id);
  if (!revoked) return Unexpected(revoked.error());
  if (!*revoked) {
    // TRANSLATORS: {id} is a token's number; {username} the account's name.
    return Fail(Error::NotFound(T_("no token {id} for {username} (see the list of tokens)",
                                   {{"id", token_id}, {"username", account.username}})));
  }
  return {};
}

Result<void> SignOut(const Service& service, const Caller& caller) {
  return StoreOf(service).DeleteSession(caller.session_hash);
}

Result<std::vector<Account>> ListAccounts(const Service& service,
                                          const std::optional<Account>& asker) {
  if (asker && !asker->admin) return Fail(Error::Forbidden(T_("this is for the administrator")));
  return StoreOf(service).ListAccounts();
}

Result<int64_t> CountAccounts(const Service& service) { return StoreOf(service).CountAccounts(); }

Result<std::optional<Account>> FindAccount(const Service& service, const std::string& username) {
  auto login = StoreOf(service).FindLogin(username);
  if (!login) return Unexpected(login.error());
  if (!*login) return std::optional<Account>();
  return std::optional<Account>((*login)->first);
}

PersonId LocalPerson(const Service& service) { return StoreOf(service).LocalPerson(); }

Result<std::optional<std::string>> NewSetupCodeIfNoAccount(const Service& service) {
  auto n = CountAccounts(service);
  if (!n) return Unexpected(n.error());
  if (*n != 0) return std::optional<std::string>();
  std::string code = NewSecretToken();
  if (auto ok = StoreOf(service).SetSetupCode(HashSecret(code)); !ok) {
    return Unexpected(ok.error());
  }
  return std::optional<std::string>(std::move(code));
}

}  // namespace backsignal::service
