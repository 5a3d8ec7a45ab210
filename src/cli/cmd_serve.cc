// `backsignal serve`: the web app.
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "app.h"
#include "backsignal/core/mutex.h"
#include "backsignal/service/accounts.h"
#include "backsignal/service/backups.h"
#include "commands.h"
#include "http_server.h"
#include "serve_push.h"

namespace backsignal::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int threads = 2;
  int work_threads = 4;
  int read_timeout_seconds = 10;   // to receive one whole request; slower clients are cut off
  int stop_timeout_seconds = 10;   // on SIGTERM, for requests being worked on to finish
  bool accounts = false;           // sign-in required (always on PostgreSQL)
  bool secure_cookies = false;     // served over TLS, or behind a TLS-terminating proxy
  bool trust_proxy = false;        // client addresses from X-Forwarded-For
  std::vector<std::string> hosts;  // public names behind a proxy
  std::string backup_dir;          // a daily backup here (SQLite)
  int backup_keep = 7;             // ... keeping this many
  PushServeArgs push;              // push reminders (serve_push.h)
};

// The daily backup of `serve --backup-dir`: at start when today's is missing, then each day;
// the newest `keep` are kept. Stops when `stop` is set.
class DailyBackup {
 public:
  // REQUIRES: `clock` outlives this object.
  DailyBackup(const service::Clock& clock, std::string db, std::string dir, int keep)
      : clock_(clock), db_(std::move(db)), dir_(std::move(dir)), keep_(std::max(1, keep)) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~DailyBackup() {
    {
      MutexLock lock(mu_);
      stop_ = true;
    }
    wake_.SignalAll();
    thread_.join();
  }

 private:
  void Loop() {
    for (;;) {
      {
        MutexLock lock(mu_);
        if (stop_) return;
      }
      TakeIfDue();
      MutexLock lock(mu_);
      const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(10);
      while (!stop_ && wake_.WaitUntil(mu_, until)) {
      }
    }
  }
  void TakeIfDue() {
    auto r = service::TakeDailyBackupIfDue(clock_, db_, dir_, keep_);
    if (!r) {
      std::cerr << "backsignal: the daily backup failed: " << r.error().message << std::endl;
      return;
    }
    if (!r->taken) return;
    std::cout << "backsignal: backed up to " << *r->taken << std::endl;
    if (r->prune_failed) {
      std::cerr << "backsignal: old backups were not removed: " << r->prune_failed->message
                << std::endl;
      return;
    }
    if (!r->future.empty()) {
      std::string names;
      for (const std::string& n : r->future) names += (names.empty() ? "" : ", ") + n;
      std::cerr << "backsignal: the backup folder " << dir_ << " holds files dated after today ("
                << names
                << "): they are not counted among the backups kept, and are left alone; is the "
                   "clock right?"
                << std::endl;
    }
  }

  const service::Clock& clock_;
  std::string db_, dir_;
  int keep_;
  Mutex mu_;
  CondVar wake_;
  bool stop_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

struct HostPort {
  std::string host;
  unsigned short port = 0;
};

Result<HostPort> ParseListen(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos) {
    return Fail(
        Error::Invalid("--listen: \"" + text + "\" is not HOST:PORT (like 127.0.0.1:8080)"));
  }
  HostPort hp;
  hp.host = text.substr(0, colon);
  if (hp.host.size() >= 2 && hp.host.front() == '[' && hp.host.back() == ']') {
    hp.host = hp.host.substr(1, hp.host.size() - 2);
  }
  if (hp.host == "localhost") hp.host = "127.0.0.1";
  const std::string port = text.substr(colon + 1);
  unsigned value = 0;
  const auto r = std::from_chars(port.data(), port.data() + port.size(), value);
  if (r.ec != std::errc() || r.ptr != port.data() + port.size() || value > 65535) {
    return Fail(Error::Invalid("--listen: \"" + port + "\" is not a port (0 to 65535)"));
  }
  hp.port = static_cast<unsigned short>(value);
  return hp;
}

bool IsLoopback(const std::string& host) {
  in_addr a{};
  return host == "::1" ||
         (::inet_pton(AF_INET, host.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127);
}

int Serve(const Globals& g, const ServeArgs& args) {
  auto hp = ParseListen(args.listen);
  if (!hp) return Report(hp.error());
  auto overrides = CommandLineSettings(g);
  if (!overrides) return Report(overrides.error());
  OpenOptions options;
  options.create = true;
  // Destroyed explicitly below, while the server's event loop still exists: the last writes'
  // acknowledgements post to it.
  auto backend =
      service::Backend::Open(DatabaseLocation(g), options, *overrides, ServeClock(args.push));
  if (!backend) return Report(backend.error());
  // A shared database is many people's: accounts are always in force on it.
  const bool accounts = args.accounts || (*backend)->IsPostgres();
  if (!IsLoopback(hp->host) && !accounts) {
    std::cerr << "backsignal: --listen " << args.listen
              << " is not a loopback address. Without accounts backsignal serves this machine "
                 "only: use 127.0.0.1 (or ::1), or add --accounts so that everyone signs in.\n";
    return kInvalid;
  }
  if (!args.backup_dir.empty()) {
    if ((*backend)->IsPostgres()) {
      std::cerr << "backsignal: --backup-dir is for the embedded SQLite database; on PostgreSQL "
                   "use pg_dump or pg_basebackup (docs/operations.md).\n";
      return kInvalid;
    }
    if (auto ok = service::PrepareDailyBackups(DatabaseLocation(g), args.backup_dir); !ok) {
      return Report(ok.error());
    }
  }
  // Signals are taken by one thread with sigwait, so none interrupts the server's threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  (*backend)->StartGroupCommit();
  service::Service& svc = (*backend)->service();
  auto sender = StartPushSender(svc, args.push);
  if (!sender) return Report(sender.error());
  server::AppOptions app_options;
  app_options.accounts = accounts;
  app_options.secure_cookies = args.secure_cookies;
  app_options.trust_proxy = args.trust_proxy;
  app_options.hosts = args.hosts;
  app_options.listen_host = hp->host;
  app_options.work_threads = static_cast<size_t>(std::max(1, args.work_threads));
  app_options.push_reach = ServeReach(args.push);
  app_options.push_sender = sender->get();
  auto app = std::make_unique<server::App>(svc, app_options);
  server::HttpLimits limits;
  limits.read_timeout = std::chrono::seconds(std::max(1, args.read_timeout_seconds));
  limits.head_timeout = std::min(limits.head_timeout, limits.read_timeout);
  server::HttpServer http(*app, limits);
  if (auto ok = http.Listen(hp->host, hp->port); !ok) return Report(ok.error());
  app->SetPort(http.port());
  const std::string shown =
      hp->host.find(':') != std::string::npos ? "[" + hp->host + "]" : hp->host;
  const std::string base = "http://" + shown + ":" + std::to_string(http.port()) + "/";
  std::cout << "backsignal is serving " << (*backend)->Describe()
            << (accounts ? " with accounts" : "") << "\n";
  if (accounts) {
    // The first account is the administrator: only whoever reads this terminal can make it.
    auto code = service::NewSetupCodeIfNoAccount(svc);
    if (!code) return Report(code.error());
    if (*code) {
      std::cout << "No account yet. Create the first one (the administrator) here:\n  " << base
                << "#signup=" << **code << "\n";
    }
  }
  std::unique_ptr<DailyBackup> backups;
  if (!args.backup_dir.empty()) {
    backups = std::make_unique<DailyBackup>(svc.clock(), DatabaseLocation(g), args.backup_dir,
                                            args.backup_keep);
  }
  std::cout << "Open " << base << " in a browser. Ctrl-C stops it." << std::endl;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    http.Stop();
  });
  http.Run(std::max(1, args.threads));
  // Run ends only through Stop(), which the waiter calls after a signal.
  waiter.join();
  // Long work (an import) gives up when it sees this; the rest has the stop timeout to finish.
  svc.RequestStop();
  backups.reset();
  if (!app->Drain(std::chrono::seconds(std::max(1, args.stop_timeout_seconds)))) {
    // Something will not finish in time: every write already accepted is committed, and the
    // process ends without waiting for the rest (nothing of theirs was acknowledged).
    const size_t left = app->working();
    (*backend)->StopWrites();
    std::cerr << "backsignal: stopped after " << args.stop_timeout_seconds << " s with " << left
              << (left == 1 ? " request" : " requests") << " still running, cut off" << std::endl;
    std::cout << "backsignal stopped." << std::endl;
    std::_Exit(kOk);
  }
  app.reset();       // the pool is idle now
  sender->reset();   // finishes the round in hand
  backend->reset();  // the group commit finishes every write already accepted
  std::cout << "backsignal stopped." << std::endl;
  return kOk;
}

}  // namespace

void SetUpServe(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<ServeArgs>();
  // Each option may also come from the environment (BACKSIGNAL_LISTEN=...), as the systemd
  // unit gives them from /etc/backsignal/backsignal.conf.
  cmd.add_option("--listen", a->listen,
                 loc.Tr("Address and port (default 127.0.0.1:8080); another than loopback needs "
                        "--accounts"))
      ->envname("BACKSIGNAL_LISTEN");
  cmd.add_option("--threads", a->threads, loc.Tr("Threads serving connections (default 2)"));
  cmd.add_option(
      "--work-threads", a->work_threads,
      loc.Tr("Threads for work that waits on the database or hashes a password (default 4)"));
  cmd.add_option("--read-timeout", a->read_timeout_seconds,
                 loc.Tr("Seconds a client has to send one whole request (default 10)"));
  cmd.add_option(
         "--stop-timeout", a->stop_timeout_seconds,
         loc.Tr("Seconds requests still running at SIGTERM have to finish before the process "
                "ends anyway (default 10; imports give up at once)"))
      ->envname("BACKSIGNAL_STOP_TIMEOUT")
      ->check(CLI::Range(1, 3600));
  cmd.add_flag(
         "--accounts", a->accounts,
         loc.Tr("Everyone signs in (always on PostgreSQL); needed to listen beyond this machine"))
      ->envname("BACKSIGNAL_ACCOUNTS");
  cmd.add_flag("--secure-cookies", a->secure_cookies,
               loc.Tr("Mark cookies Secure: served over TLS, or behind a TLS-terminating proxy"))
      ->envname("BACKSIGNAL_SECURE_COOKIES");
  cmd.add_flag(
         "--trust-proxy", a->trust_proxy,
         loc.Tr("Behind a reverse proxy: take client addresses from X-Forwarded-For's last hop"))
      ->envname("BACKSIGNAL_TRUST_PROXY");
  cmd.add_option(
         "--host", a->hosts,
         loc.Tr("A host name the server answers to besides this machine's loopback names and "
                "the listen address (the public name behind a proxy); repeat for more"))
      ->envname("BACKSIGNAL_HOST")
      ->delimiter(',');
  cmd.add_option(
         "--backup-dir", a->backup_dir,
         loc.Tr("Take a backup of the SQLite database here every day (backsignal-DATE.db): a "
                "folder of its own, not the database's"))
      ->envname("BACKSIGNAL_BACKUP_DIR");
  cmd.add_option("--backup-keep", a->backup_keep, loc.Tr("Daily backups kept (default 7)"))
      ->envname("BACKSIGNAL_BACKUP_KEEP")
      ->check(CLI::Range(1, 3650));
  AddPushServeOptions(cmd, a->push);
  cmd.footer(Footer(
      loc,
      "  backsignal serve\n  backsignal --db diary.db serve --listen 127.0.0.1:9000\n"
      "  backsignal serve --accounts --listen 0.0.0.0:8080 --secure-cookies --trust-proxy "
      "--host backsignal.example.org\n"
      "  backsignal --db postgresql://backsignal@db/backsignal serve --listen 10.0.0.5:8080"));
  cmd.callback([a, &ctx] { ctx.code = Serve(ctx.globals, *a); });
}

}  // namespace backsignal::cli
