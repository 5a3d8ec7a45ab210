// The operator's commands: API tokens for an account, and the accounts themselves.
#include <charconv>
#include <iostream>

#include "backsignal/io/zone.h"
#include "backsignal/service/accounts.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

std::string When(int64_t t) { return FormatLocalWithOffset("UTC", t); }

struct TokenArgs {
  std::string action;  // create, list, revoke
  std::string id;
  std::string name = "script";
  std::string scope = "diary";
  int days = service::kDefaultTokenDays;
};

int RunToken(const Globals& g, const TokenArgs& a) {
  if (g.user.empty()) {
    return Report(Error::Invalid("token: give --user NAME, the account the token acts for"));
  }
  auto opened = Open(g, a.action == "list" ? OpenMode::kRead : OpenMode::kWrite);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  const Account& account = *(*opened)->account();
  if (a.action == "create") {
    auto t = service::CreateToken(svc, account, a.name, a.scope, a.days);
    if (!t) return Report(t.error());
    std::cout << t->token << "\n";
    std::cerr << "Token " << t->id << " (\"" << t->name << "\", " << t->scope << ") for "
              << account.username << ", until " << When(t->expires_at).substr(0, 10)
              << ": send it as `Authorization: Bearer <token>`. It is shown only now; "
                 "`backsignal token revoke "
              << t->id << "` ends it, and so does a new password.\n";
    return kOk;
  }
  if (a.action == "list") {
    auto list = service::ListTokens(svc, account);
    if (!list) return Report(list.error());
    if (list->empty()) std::cout << "No tokens for " << account.username << ".\n";
    const int64_t now = svc.clock().Now();
    for (const ApiTokenInfo& t : *list) {
      std::cout << t.id << "  " << t.name << "  " << t.scope << "  created " << When(t.created_at)
                << (t.expires_at <= now ? "  expired " : "  expires ") << When(t.expires_at)
                << (t.last_used_at ? "  last used " + When(*t.last_used_at)
                                   : std::string("  never used"))
                << "\n";
    }
    return kOk;
  }
  int64_t id = 0;
  const auto r = std::from_chars(a.id.data(), a.id.data() + a.id.size(), id);
  if (a.id.empty() || r.ec != std::errc() || r.ptr != a.id.data() + a.id.size()) {
    return Report(
        Error::Invalid("token revoke ID: \"" + a.id + "\" is not a token id (see token list)"));
  }
  if (auto ok = service::RevokeToken(svc, account, id); !ok) return Report(ok.error());
  std::cout << "Revoked token " << id << ".\n";
  return kOk;
}

struct AccountArgs {
  std::string action;  // list, set-password
};

int RunAccount(const Globals& g, const AccountArgs& a) {
  if (a.action == "list") {
    Globals anyone = g;
    anyone.user.clear();  // the list is the database's, not one person's
    auto opened = Open(anyone, OpenMode::kRead, /*for_person=*/false);
    if (!opened) return Report(opened.error());
    auto list = service::ListAccounts((*opened)->service(), std::nullopt);
    if (!list) return Report(list.error());
    if (list->empty()) {
      std::cout << "No accounts yet: `backsignal serve --accounts` prints a link for the first.\n";
    }
    for (const Account& acc : *list) {
      std::cout << acc.username << "  " << acc.role << (acc.admin ? "  administrator" : "")
                << "  since " << When(acc.created_at).substr(0, 10) << "\n";
    }
    return kOk;
  }
  // set-password: for a person who forgot theirs (backsignal sends no mail). The new password
  // comes on standard input, so that it is not in the shell's history or the process list.
  if (g.user.empty()) return Report(Error::Invalid("account set-password: give --user NAME"));
  auto opened = Open(g, OpenMode::kWrite);
  if (!opened) return Report(opened.error());
  std::string password;
  std::getline(std::cin, password);
  if (auto ok = service::SetPassword((*opened)->service(), *(*opened)->account(), password); !ok) {
    Error e = ok.error();
    e.message += " (one line on standard input)";
    return Report(e);
  }
  std::cout << "Set a new password for " << g.user
            << "; every session and API token of theirs has ended.\n";
  return kOk;
}

}  // namespace

void SetUpToken(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<TokenArgs>();
  cmd.add_option("ACTION", a->action, "create, list or revoke")
      ->required()
      ->check(CLI::IsMember({"create", "list", "revoke"}));
  cmd.add_option("ID", a->id, "The token to revoke (see token list)");
  cmd.add_option("--name", a->name, "A name to tell it by (create; default \"script\")");
  cmd.add_option("--scope", a->scope,
                 "What it may do (create): read, checkins (and read), or diary (everything but "
                 "the account; the default)")
      ->check(CLI::IsMember({"read", "checkins", "diary"}));
  cmd.add_option("--days", a->days, "Days until it expires (create; default 90, at most 365)");
  cmd.footer(
      Footer("  backsignal --user alice token create --name nightly-export --scope read\n"
             "  backsignal --user alice token list\n  backsignal --user alice token revoke 3\n"
             "  curl -H 'Authorization: Bearer bst_...' http://127.0.0.1:8080/api/v1/reading"));
  cmd.callback([a, &ctx] { ctx.code = RunToken(ctx.globals, *a); });
}

void SetUpAccount(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<AccountArgs>();
  cmd.add_option("ACTION", a->action,
                 "list, or set-password (with --user; the password on standard input)")
      ->required()
      ->check(CLI::IsMember({"list", "set-password"}));
  cmd.footer(
      Footer("  backsignal account list\n"
             "  backsignal --user maria account set-password < new-password.txt"));
  cmd.callback([a, &ctx] { ctx.code = RunAccount(ctx.globals, *a); });
}

}  // namespace backsignal::cli
