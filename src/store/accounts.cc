// Accounts, sign-in sessions, API tokens and throttling.
#include <algorithm>
#include <chrono>
#include <thread>

#include "sql_database.h"

namespace backsignal::sql {

namespace {

// Account creations and deletions, one at a time across every process (PostgreSQL; SQLite's
// write lock does it there): which account is the first, and whether the last administrator
// stays, are each decided on what is committed.
Result<void> LockAccounts(Conn& c) {
  if (c.dialect() != Dialect::kPostgres) return {};
  if (auto l = c.Query("SELECT pg_advisory_xact_lock(0)", {}); !l) return Unexpected(l.error());
  return {};
}

}  // namespace

Result<Account> SqlDatabase::CreateAccount(const std::string& username, const std::string& hash,
                                           const std::string& role, int64_t now,
                                           const std::optional<std::string>& setup_code_hash) {
  Account out;
  auto ok = Write([&](Conn& c) -> Result<void> {
    if (auto l = LockAccounts(c); !l) return l;
    auto taken = c.Query("SELECT 1 FROM accounts WHERE username = ?", {username});
    if (!taken) return Unexpected(taken.error());
    if (!taken->empty()) {
      return Fail(
          // TRANSLATORS: {username} is the name asked for.
          Error::Conflict(T_("the username \"{username}\" is taken", {{"username", username}})));
    }
    auto count = c.Query("SELECT COUNT(*) FROM accounts", {});
    if (!count) return Unexpected(count.error());
    const bool first = (*count)[0].Int(0) == 0;
    if (first && setup_code_hash) {
      // The first account is the administrator: only whoever holds a setup code makes it.
      auto code = c.Query("SELECT 1 FROM setup WHERE key = ?", {"signup:" + *setup_code_hash});
      if (!code) return Unexpected(code.error());
      if (code->empty()) {
        return Fail(Error::Forbidden(
            T_("the first account needs the sign-up link that backsignal serve printed")));
      }
    }
    PersonId person = 0;
    if (first && !IsPostgres()) {
      auto id = LocalPersonOn(c);
      if (!id) return Unexpected(id.error());
      auto local = c.Query("SELECT id FROM people WHERE id = ?", {*id});
      if (!local) return Unexpected(local.error());
      if (!local->empty()) person = *id;
    }
    if (person == 0) {
      auto p = c.Query("INSERT INTO people (usual_morning_pain) VALUES (NULL) RETURNING id", {});
      if (!p) return Unexpected(p.error());
      person = (*p)[0].Int(0);
      auto k = c.Run("INSERT INTO profile (person_id, key, value) VALUES (?, 'person_key', ?)",
                     {person, RandomKey()});
      if (!k) return Unexpected(k.error());
    }
    auto a = c.Query(
        "INSERT INTO accounts (person_id, username, password_hash, role, is_admin, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {person, username, hash, role, int64_t{first ? 1 : 0}, now});
    if (!a) return Unexpected(a.error());
    out = Account{(*a)[0].Int(0), person, username, role, first, now};
    if (first) {
      if (auto d = c.Run("DELETE FROM setup WHERE key LIKE 'signup:%'", {}); !d)
        return Unexpected(d.error());
    }
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<int64_t> SqlDatabase::CountAccounts() {
  return Read([&](Conn& c) -> Result<int64_t> {
    auto r = c.Query("SELECT COUNT(*) FROM accounts", {});
    if (!r) return Unexpected(r.error());
    return (*r)[0].Int(0);
  });
}

Result<std::vector<Account>> SqlDatabase::ListAccounts() {
  return Read([&](Conn& c) -> Result<std::vector<Account>> {
    auto r =
        c.Query("SELECT " BACKSIGNAL_ACCOUNT_COLUMNS " FROM accounts a ORDER BY a.username", {});
    if (!r) return Unexpected(r.error());
    std::vector<Account> out;
    for (const Row& row : *r) out.push_back(AccountFrom(row));
    return out;
  });
}

Account AccountFrom(const Row& r) {
  return Account{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4) != 0, r.Int(5)};
}

Result<std::optional<std::pair<Account, std::string>>> SqlDatabase::FindLogin(
    const std::string& username) {
  return Read([&](Conn& c) -> Result<std::optional<std::pair<Account, std::string>>> {
    auto r = c.Query("SELECT " BACKSIGNAL_ACCOUNT_COLUMNS
                     ", a.password_hash FROM accounts a WHERE a.username = ?",
                     {username});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return std::optional<std::pair<Account, std::string>>();
    return std::optional(std::pair(AccountFrom((*r)[0]), (*r)[0].Text(6)));
  });
}

Result<std::optional<Account>> SqlDatabase::GetAccount(int64_t id) {
  return Read([&](Conn& c) -> Result<std::optional<Account>> {
    auto r = c.Query("SELECT " BACKSIGNAL_ACCOUNT_COLUMNS " FROM accounts a WHERE a.id = ?", {id});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return std::optional<Account>();
    return std::optional(AccountFrom((*r)[0]));
  });
}

Result<std::optional<Account>> SqlDatabase::AccountOfPerson(PersonId person) {
  return Read([&](Conn& c) -> Result<std::optional<Account>> {
    auto r = c.Query("SELECT " BACKSIGNAL_ACCOUNT_COLUMNS " FROM accounts a WHERE a.person_id = ?",
                     {person});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return std::optional<Account>();
    return std::optional(AccountFrom((*r)[0]));
  });
}

Result<void> SqlDatabase::SetPasswordHash(int64_t id, const std::string& hash) {
  return Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("UPDATE accounts SET password_hash = ? WHERE id = ?", {hash, id});
    if (!r) return Unexpected(r.error());
    if (*r == 0) return Fail(Error::NotFound(T_("no such account")));
    // Whoever held a token made under the old password holds nothing now.
    if (auto d = c.Run("DELETE FROM api_tokens WHERE account_id = ?", {id}); !d) {
      return Unexpected(d.error());
    }
    return {};
  });
}

Result<void> SqlDatabase::DeleteAccount(int64_t id) {
  auto deleted = Write([&](Conn& c) -> Result<void> {
    if (auto l = LockAccounts(c); !l) return l;
    auto r = c.Query("SELECT person_id, username, is_admin FROM accounts WHERE id = ?", {id});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return Fail(Error::NotFound(T_("no such account")));
    const PersonId person = (*r)[0].Int(0);
    const std::string username = (*r)[0].Text(1);
    if ((*r)[0].Int(2) != 0) {
      // Someone must be able to run the service: the last administrator stays while others
      // use it.
      auto n = c.Query(
          "SELECT COUNT(*), COALESCE(SUM(CASE WHEN is_admin <> 0 THEN 1 ELSE 0 END), 0) FROM "
          "accounts WHERE id <> ?",
          {id});
      if (!n) return Unexpected(n.error());
      if ((*n)[0].Int(0) > 0 && (*n)[0].Int(1) == 0) {
        return Fail(Error::Conflict(T_(
            "you are the only administrator: the service needs one while other accounts use it")));
      }
    }
    // The person row cascades to every row of theirs: diary, settings, profile, summary,
    // invites, shares of their diary, the account, its sign-in sessions and tokens, and the
    // shares they held as a clinician.
    if (auto d = c.Run("DELETE FROM people WHERE id = ?", {person}); !d)
      return Unexpected(d.error());
    // Their throttling keys: "signin:NAME", "signin:NAME@ADDRESS", "guess:ID".
    const std::string signin = "signin:" + username;
    if (auto d = c.Run("DELETE FROM throttle WHERE key = ? OR substr(key, 1, ?) = ? OR key = ?",
                       {signin, static_cast<int64_t>(signin.size() + 1), signin + "@",
                        "guess:" + std::to_string(id)});
        !d) {
      return Unexpected(d.error());
    }
    return {};
  });
  if (!deleted || IsPostgres()) return deleted;
  // SQLite: secure_delete has zeroed the freed space in the database file; the write-ahead log
  // still holds earlier copies of the pages. Fold it into the file and empty it, so the deleted
  // text is nowhere on disk. A reader mid-transaction makes it wait a little (busy is 1).
  MutexLock lock(write_mu_);
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto r = writer_->Query("PRAGMA wal_checkpoint(TRUNCATE)", {});
    if (!r || r->empty() || (*r)[0].Int(0) == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return deleted;
}

Result<void> SqlDatabase::CreateSession(const std::string& token_hash, int64_t account,
                                        const std::string& csrf, int64_t now, int64_t expires_at) {
  return Write([&](Conn& c) -> Result<void> {
    // Expired sessions go as new ones come.
    if (auto d = c.Run("DELETE FROM auth_sessions WHERE expires_at <= ?", {now}); !d)
      return Unexpected(d.error());
    auto r = c.Run(
        "INSERT INTO auth_sessions (token_hash, account_id, csrf, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {token_hash, account, csrf, now, expires_at});
    if (!r) return Unexpected(r.error());
    // An account's newest sessions are kept: signing in again and again cannot grow the table.
    auto d = c.Run(
        "DELETE FROM auth_sessions WHERE account_id = ? AND token_hash NOT IN (SELECT token_hash "
        "FROM auth_sessions WHERE account_id = ? ORDER BY created_at DESC, token_hash DESC LIMIT "
        "?)",
        {account, account, kMaxSessionsPerAccount});
    if (!d) return Unexpected(d.error());
    return {};
  });
}

Result<std::optional<std::pair<Account, std::string>>> SqlDatabase::FindSession(
    const std::string& token_hash, int64_t now) {
  return Read([&](Conn& c) -> Result<std::optional<std::pair<Account, std::string>>> {
    auto r = c.Query("SELECT " BACKSIGNAL_ACCOUNT_COLUMNS
                     ", s.csrf FROM auth_sessions s JOIN accounts a ON "
                     "a.id = s.account_id WHERE s.token_hash = ? AND s.expires_at > ?",
                     {token_hash, now});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return std::optional<std::pair<Account, std::string>>();
    return std::optional(std::pair(AccountFrom((*r)[0]), (*r)[0].Text(6)));
  });
}

Result<void> SqlDatabase::DeleteSession(const std::string& token_hash) {
  return Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("DELETE FROM auth_sessions WHERE token_hash = ?", {token_hash});
    if (!r) return Unexpected(r.error());
    return {};
  });
}

Result<void> SqlDatabase::DeleteOtherSessions(int64_t account, const std::string& keep) {
  return Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("DELETE FROM auth_sessions WHERE account_id = ? AND token_hash <> ?",
                   {account, keep});
    if (!r) return Unexpected(r.error());
    return {};
  });
}

Result<int64_t> SqlDatabase::CreateApiToken(int64_t account, const std::string& name,
                                            const std::string& hash, const std::string& scope,
                                            int64_t now, int64_t expires_at) {
  int64_t id = 0;
  auto ok = Write([&](Conn& c) -> Result<void> {
    if (auto l = LockAccounts(c); !l) return l;
    if (auto d = c.Run("DELETE FROM api_tokens WHERE account_id = ? AND expires_at <= ?",
                       {account, now});
        !d) {
      return Unexpected(d.error());
    }
    auto n = c.Query("SELECT COUNT(*) FROM api_tokens WHERE account_id = ?", {account});
    if (!n) return Unexpected(n.error());
    if ((*n)[0].Int(0) >= kMaxTokensPerAccount) {
      return Fail(
          // TRANSLATORS: {count} is the most API tokens an account may have.
          Error::Conflict(T_("this account has {count} API tokens: revoke one it no "
                             "longer needs first",
                             {{"count", kMaxTokensPerAccount}})));
    }
    auto r = c.Query(
        "INSERT INTO api_tokens (account_id, name, token_hash, scope, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {account, name, hash, scope, now, expires_at});
    if (!r) return Unexpected(r.error());
    id = (*r)[0].Int(0);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return id;
}

Result<std::vector<ApiTokenInfo>> SqlDatabase::ListApiTokens(int64_t account) {
  return Read([&](Conn& c) -> Result<std::vector<ApiTokenInfo>> {
    auto r = c.Query(
        "SELECT id, name, created_at, last_used_at, scope, COALESCE(expires_at, 0) FROM "
        "api_tokens WHERE account_id = ? ORDER BY id",
        {account});
    if (!r) return Unexpected(r.error());
    std::vector<ApiTokenInfo> out;
    for (const Row& row : *r) {
      out.push_back({row.Int(0), row.Text(1), row.Int(2), row.OptInt(3), row.Text(4), row.Int(5)});
    }
    return out;
  });
}

Result<bool> SqlDatabase::RevokeApiToken(int64_t account, int64_t token) {
  bool removed = false;
  auto ok = Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("DELETE FROM api_tokens WHERE id = ? AND account_id = ?", {token, account});
    if (!r) return Unexpected(r.error());
    removed = *r > 0;
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return removed;
}

Result<std::optional<TokenGrant>> SqlDatabase::FindApiToken(const std::string& hash, int64_t now) {
  std::optional<int64_t> last_used;
  auto found = Read([&](Conn& c) -> Result<std::optional<TokenGrant>> {
    auto r = c.Query("SELECT " BACKSIGNAL_ACCOUNT_COLUMNS
                     ", t.last_used_at, t.scope FROM api_tokens t JOIN accounts a "
                     "ON a.id = t.account_id WHERE t.token_hash = ? AND t.expires_at > ?",
                     {hash, now});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return std::optional<TokenGrant>();
    last_used = (*r)[0].OptInt(6);
    return std::optional(TokenGrant{AccountFrom((*r)[0]), (*r)[0].Text(7)});
  });
  if (found && *found && (!last_used || *last_used < now - 60)) {
    // When it was last used, to the minute: a write at most once a minute per token, not one
    // per request. A failure to note it does not refuse the request.
    (void)Write([&](Conn& c) -> Result<void> {
      auto r = c.Run("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?", {now, hash});
      if (!r) return Unexpected(r.error());
      return {};
    });
  }
  return found;
}

Result<Database::Attempt> SqlDatabase::ReserveAttempt(const std::string& key, int64_t now,
                                                      int64_t window, int64_t limit) {
  Attempt out;
  auto ok = Write([&](Conn& c) -> Result<void> {
    if (IsPostgres()) {
      // One reservation of a key at a time across every process.
      auto l = c.Query("SELECT pg_advisory_xact_lock(hashtext(?))", {key});
      if (!l) return Unexpected(l.error());
    }
    if (auto r = c.Run("UPDATE throttle SET at = ? WHERE key = ? AND at > ?", {now, key, now});
        !r) {
      return Unexpected(r.error());
    }
    if (auto d = c.Run("DELETE FROM throttle WHERE key = ? AND at <= ?", {key, now - window}); !d) {
      return Unexpected(d.error());
    }
    auto r = c.Query("SELECT COUNT(*), MIN(at) FROM throttle WHERE key = ?", {key});
    if (!r) return Unexpected(r.error());
    const int64_t count = (*r)[0].Int(0);
    if (count >= limit) {
      out.allowed = false;
      out.retry_after = std::max<int64_t>(1, (*r)[0].Int(1) + window - now);
      return {};
    }
    if (auto i = c.Run("INSERT INTO throttle (key, at) VALUES (?, ?)", {key, now}); !i) {
      return Unexpected(i.error());
    }
    out.allowed = true;
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<void> SqlDatabase::ReleaseAttempt(const std::string& key, int64_t now) {
  return Write([&](Conn& c) -> Result<void> {
    auto r = IsPostgres()
                 ? c.Run(
                       "DELETE FROM throttle WHERE ctid = (SELECT ctid FROM throttle WHERE key = "
                       "? AND at = ? LIMIT 1)",
                       {key, now})
                 : c.Run(
                       "DELETE FROM throttle WHERE rowid = (SELECT rowid FROM throttle WHERE "
                       "key = ? AND at = ? LIMIT 1)",
                       {key, now});
    if (!r) return Unexpected(r.error());
    return {};
  });
}

Result<int64_t> SqlDatabase::CountAttempts(const std::string& key, int64_t now, int64_t window) {
  return Read([&](Conn& c) -> Result<int64_t> {
    auto r = c.Query("SELECT COUNT(*) FROM throttle WHERE key = ? AND at > ?", {key, now - window});
    if (!r) return Unexpected(r.error());
    return (*r)[0].Int(0);
  });
}

Result<void> SqlDatabase::ClearAttempts(const std::string& key) {
  return Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("DELETE FROM throttle WHERE key = ?", {key});
    if (!r) return Unexpected(r.error());
    return {};
  });
}

}  // namespace backsignal::sql
