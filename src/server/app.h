// The web app's request handler: the JSON API under /api/v1, /healthz, the report, the calendar
// feed and the page. Holds no domain logic: it finds out who is asking, parses, calls
// core/reading/io/store, and renders. Every diary read and write goes through a Store scoped
// to one person by the store layer. Writes go through the group committer and are
// acknowledged only once durably committed. No state lives in the process: sessions,
// throttling and sharing are in the database, so several processes can serve one database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backsignal/reading/settings.h"
#include "backsignal/store/group_commit.h"
#include "backsignal/store/store.h"
#include "http_server.h"

namespace backsignal::server {

struct AuthOptions {
  // Accounts in force: every request signs in (cookie session or API token). Off: the server
  // is one person's, on this machine only (the local diary).
  bool accounts = false;
  // Cookies marked Secure (served over TLS, or behind a TLS-terminating proxy).
  bool secure_cookies = false;
  // Take the client's address from X-Forwarded-For (behind a reverse proxy) for throttling.
  bool trust_proxy = false;
  // Sign-in throttling: failures allowed per account and per address in the window.
  int account_failures = 5;
  int address_failures = 20;
  int window_seconds = 15 * 60;
  int session_days = 30;
};

class App final : public Handler {
 public:
  // REQUIRES: db and committer outlive the App.
  // `overrides`: thresholds from the command line, which win over those the person stored.
  App(Database& db, GroupCommitter& committer, std::map<std::string, double> overrides,
      AuthOptions auth = {});

  size_t BodyLimit(const std::string& method, const std::string& path) const override;
  void Handle(Request request, std::function<void(Response)> respond) override;

  // Who is asking, found from the request.
  struct Caller {
    bool signed_in = false;
    std::optional<Account> account;  // with accounts in force
    PersonId person = kLocalPerson;  // whose diary is theirs
    bool by_cookie = false;          // signed in with a session cookie (needs CSRF tokens)
    std::string session_hash;
    std::string csrf;
  };

 private:
  using Respond = std::function<void(Response)>;
  Result<Caller> Identify(const Request& req);
  Result<bool> CanView(const Caller& caller, PersonId person);
  std::string ClientAddress(const Request& req) const;
  void HandleAuth(const Request& req, const std::vector<std::string_view>& seg,
                  const Respond& respond, const Caller& caller);
  void HandleAccount(const Request& req, const std::vector<std::string_view>& seg,
                     const Respond& respond, const Caller& caller);
  void HandleDiary(Request& req, const std::vector<std::string_view>& seg, const Respond& respond,
                   Store& store, PersonId person);
  void HandleReport(const Request& req, const Respond& respond, Store& store);
  Response SignedIn(int status, const Account& account, int64_t now);
  std::string CookieAttributes() const;
  // The thresholds in force: defaults, then stored, then the command line's.
  Result<Settings> CurrentSettings(Store& store);

  Database& db_;
  GroupCommitter& committer_;
  const std::map<std::string, double> overrides_;
  const AuthOptions auth_;
  const bool accounts_;
};

// Limits of request bodies: a whole diary, and everything else.
inline constexpr size_t kDiaryBodyLimit = 8 * 1024 * 1024;
inline constexpr size_t kCheckinBodyLimit = 64 * 1024;

}  // namespace backsignal::server
