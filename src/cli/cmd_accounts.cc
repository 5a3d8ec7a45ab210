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
  const Locale& loc = *g.locale;
  if (g.user.empty()) {
    return Report(
        Error::Invalid(loc.Tr("token: give --user NAME, the account the token acts for")));
  }
  auto opened = Open(g, a.action == "list" ? OpenMode::kRead : OpenMode::kWrite);
  if (!opened) return Report(opened.error());
  const service::Service& svc = (*opened)->service();
  const Account& account = *(*opened)->account();
  if (a.action == "create") {
    auto t = service::CreateToken(svc, account, a.name, a.scope, a.days);
    if (!t) return Report(t.error());
    std::cout << t->token << "\n";
    // TRANSLATORS: {id} is the token's number; {name} its name; {scope} read, checkins or
    // diary; {user} the account; {date} YYYY-MM-DD. The parts in `backquotes` stay as they are.
    std::cerr << loc.Tr(
                     "Token {id} (\"{name}\", {scope}) for {user}, until {date}: send it as "
                     "`Authorization: Bearer <token>`. It is shown only now; `backsignal "
                     "token revoke {id}` ends it, and so does a new password.",
                     {Arg("id", t->id), Arg("name", t->name), Arg("scope", t->scope),
                      Arg("user", account.username),
                      Arg("date", When(t->expires_at).substr(0, 10))})
              << "\n";
    return kOk;
  }
  if (a.action == "list") {
    auto list = service::ListTokens(svc, account);
    if (!list) return Report(list.error());
    if (list->empty()) {
      // TRANSLATORS: {user} is the account's name.
      std::cout << loc.Tr("No tokens for {user}.", {Arg("user", account.username)}) << "\n";
    }
    const int64_t now = svc.clock().Now();
    for (const ApiTokenInfo& t : *list) {
      // TRANSLATORS: in the list of tokens; {time} is a date and time.
      const Args created = {Arg("time", When(t.created_at))};
      const Args expires = {Arg("time", When(t.expires_at))};
      std::cout << t.id << "  " << t.name << "  " << t.scope << "  "
                << loc.Tr("created {time}", created)
                << "  "
                // TRANSLATORS: in the list of tokens; {time} is a date and time.
                << (t.expires_at <= now
                        ? loc.Tr("expired {time}", expires)
                        // TRANSLATORS: in the list of tokens; {time} a date and time.
                        : loc.Tr("expires {time}", expires))
                << "  "
                // TRANSLATORS: in the list of tokens; {time} is a date and time.
                << (t.last_used_at
                        ? loc.Tr("last used {time}", {Arg("time", When(*t.last_used_at))})
                        : loc.Tr("never used"))
                << "\n";
    }
    return kOk;
  }
  int64_t id = 0;
  const auto r = std::from_chars(a.id.data(), a.id.data() + a.id.size(), id);
  if (a.id.empty() || r.ec != std::errc() || r.ptr != a.id.data() + a.id.size()) {
    // TRANSLATORS: {id} is what was given; "token list" is a command.
    return Report(Error::Invalid(
        loc.Tr("token revoke ID: \"{id}\" is not a token id (see token list)", {Arg("id", a.id)})));
  }
  if (auto ok = service::RevokeToken(svc, account, id); !ok) return Report(ok.error());
  // TRANSLATORS: {id} is the token's number.
  std::cout << loc.Tr("Revoked token {id}.", {Arg("id", id)}) << "\n";
  return kOk;
}

struct AccountArgs {
  std::string action;  // list, set-password
};

int RunAccount(const Globals& g, const AccountArgs& a) {
  const Locale& loc = *g.locale;
  if (a.action == "list") {
    Globals anyone = g;
    anyone.user.clear();  // the list is the database's, not one person's
    auto opened = Open(anyone, OpenMode::kRead, /*for_person=*/false);
    if (!opened) return Report(opened.error());
    auto list = service::ListAccounts((*opened)->service(), std::nullopt);
    if (!list) return Report(list.error());
    if (list->empty()) {
      std::cout << loc.Tr(
                       "No accounts yet: `backsignal serve --accounts` prints a link for the "
                       "first.")
                << "\n";
    }
    for (const Account& acc : *list) {
      std::cout << acc.username << "  " << acc.role;
      if (acc.admin) std::cout << "  " << loc.Tr("administrator");
      // TRANSLATORS: in the list of accounts; {date} is YYYY-MM-DD.
      std::cout << "  " << loc.Tr("since {date}", {Arg("date", When(acc.created_at).substr(0, 10))})
                << "\n";
    }
    return kOk;
  }
  // set-password: for a person who forgot theirs (backsignal sends no mail). The new password
  // comes on standard input, so that it is not in the shell's history or the process list.
  if (g.user.empty()) {
    return Report(Error::Invalid(loc.Tr("account set-password: give --user NAME")));
  }
  auto opened = Open(g, OpenMode::kWrite);
  if (!opened) return Report(opened.error());
  std::string password;
  std::getline(std::cin, password);
  if (auto ok = service::SetPassword((*opened)->service(), *(*opened)->account(), password); !ok) {
    Error e = loc.Translated(ok.error());
    e.message.append(" ").append(loc.Tr("(one line on standard input)"));
    return Report(e);
  }
  // TRANSLATORS: {user} is the account's name.
  std::cout << loc.Tr(
                   "Set a new password for {user}; every session and API token of theirs has "
                   "ended.",
                   {Arg("user", g.user)})
            << "\n";
  return kOk;
}

}  // namespace

void SetUpToken(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<TokenArgs>();
  cmd.add_option("ACTION", a->action, loc.Tr("create, list or revoke"))
      ->required()
      ->check(CLI::IsMember({"create", "list", "revoke"}));
  cmd.add_option("ID", a->id, loc.Tr("The token to revoke (see token list)"));
  cmd.add_option("--name", a->name, loc.Tr("A name to tell it by (create; default \"script\")"));
  cmd.add_option(
         "--scope", a->scope,
         loc.Tr("What it may do (create): read, checkins (and read), or diary (everything but "
                "the account; the default)"))
      ->check(CLI::IsMember({"read", "checkins", "diary"}));
  cmd.add_option("--days", a->days,
                 loc.Tr("Days until it expires (create; default 90, at most 365)"));
  cmd.footer(
      Footer(loc,
             "  backsignal --user alice token create --name nightly-export --scope read\n"
             "  backsignal --user alice token list\n  backsignal --user alice token revoke 3\n"
             "  curl -H 'Authorization: Bearer bst_...' http://127.0.0.1:8080/api/v1/reading"));
  cmd.callback([a, &ctx] { ctx.code = RunToken(ctx.globals, *a); });
}

void SetUpAccount(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<AccountArgs>();
  cmd.add_option("ACTION", a->action,
                 loc.Tr("list, or set-password (with --user; the password on standard input)"))
      ->required()
      ->check(CLI::IsMember({"list", "set-password"}));
  cmd.footer(Footer(loc,
                    "  backsignal account list\n"
                    "  backsignal --user maria account set-password < new-password.txt"));
  cmd.callback([a, &ctx] { ctx.code = RunAccount(ctx.globals, *a); });
}

}  // namespace backsignal::cli
