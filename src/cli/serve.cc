#include "serve.h"

#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <iostream>
#include <memory>
#include <thread>

#include "app.h"
#include "backsignal/io/ids.h"
#include "backsignal/store/group_commit.h"
#include "backsignal/store/store.h"
#include "http_server.h"

namespace backsignal::cli {
namespace {

struct HostPort {
  std::string host;
  unsigned short port = 0;
};

Result<HostPort> ParseListen(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos) {
    return Fail(Error::Invalid("--listen: \"" + text + "\" is not HOST:PORT (like 127.0.0.1:8080)"));
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
  return host == "::1" || host.starts_with("127.");
}

}  // namespace

int Serve(const std::string& db, const std::map<std::string, double>& overrides,
          const ServeArgs& args) {
  auto hp = ParseListen(args.listen);
  if (!hp) {
    std::cerr << "backsignal: " << hp.error().message << "\n";
    return 2;
  }
  auto database = OpenDatabase(db, true);
  if (!database) {
    std::cerr << "backsignal: " << database.error().message << "\n";
    return database.error().kind == ErrorKind::kInvalid ? 2 : 5;
  }
  // A shared database is many people's: accounts are always in force on it.
  const bool accounts = args.accounts || (*database)->IsPostgres();
  if (!IsLoopback(hp->host) && !accounts) {
    std::cerr << "backsignal: --listen " << args.listen
              << " is not a loopback address. Without accounts backsignal serves this machine "
                 "only: use 127.0.0.1 (or ::1), or add --accounts so that everyone signs in.\n";
    return 2;
  }
  // Signals are taken by one thread with sigwait, so none interrupts the server's threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // Destroyed explicitly below, while the server's event loop still exists: the last writes'
  // acknowledgements post to it.
  auto committer = std::make_unique<GroupCommitter>(**database);
  server::AuthOptions auth;
  auth.accounts = accounts;
  auth.secure_cookies = args.secure_cookies;
  auth.trust_proxy = args.trust_proxy;
  server::App app(**database, *committer, overrides, auth);
  server::HttpLimits limits;
  limits.read_timeout = std::chrono::seconds(std::max(1, args.read_timeout_seconds));
  server::HttpServer http(app, limits);
  if (auto ok = http.Listen(hp->host, hp->port); !ok) {
    std::cerr << "backsignal: " << ok.error().message << "\n";
    return ok.error().kind == ErrorKind::kInvalid ? 2 : 5;
  }
  const std::string shown = hp->host.find(':') != std::string::npos ? "[" + hp->host + "]" : hp->host;
  const std::string base = "http://" + shown + ":" + std::to_string(http.port()) + "/";
  std::cout << "backsignal is serving " << (*database)->Describe()
            << (accounts ? " with accounts" : "") << "\n";
  if (accounts) {
    auto n = (*database)->CountAccounts();
    if (n && *n == 0) {
      // The first account is the administrator: only whoever reads this terminal can make it.
      const std::string code = NewSecretToken();
      if (auto ok = (*database)->SetSetupCode(HashSecret(code)); !ok) {
        std::cerr << "backsignal: " << ok.error().message << "\n";
        return 5;
      }
      std::cout << "No account yet. Create the first one (the administrator) here:\n  " << base
                << "#signup=" << code << "\n";
    }
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
  committer.reset();  // finishes every write already accepted
  std::cout << "backsignal stopped." << std::endl;
  return 0;
}

}  // namespace backsignal::cli
