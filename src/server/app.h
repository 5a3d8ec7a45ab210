// The web app's request handler: the JSON API under /api/v1, /healthz, the report, the calendar
// feed and the page. A router over route files by area (routes_*.cc); it finds out who is
// asking (auth.cc), checks what the route needs, and runs the handler, off the I/O threads for
// anything that blocks. It holds no domain logic (that is the service's) and no state: sessions,
// throttling and sharing are in the database, so several processes can serve one database.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "backsignal/core/mutex.h"
#include "backsignal/push/endpoint.h"
#include "backsignal/service/accounts.h"
#include "backsignal/service/reminder_sender.h"
#include "backsignal/service/service.h"
#include "backsignal/words/i18n.h"
#include "http_server.h"
#include "metrics.h"
#include "router.h"

namespace backsignal::server {

// The language a call is answered in: ?lang=, else the signed-in reader's own setting (their
// profile's language), else Accept-Language (docs/languages.md). A clinician reading about a
// person is answered in the clinician's language.
const Locale& ReaderLocale(const service::Service& svc, const Call& c);

struct AppOptions {
  // Accounts in force: every request signs in (cookie session or API token). Off: the server
  // is one person's, on this machine only (the local diary).
  bool accounts = false;
  // Cookies marked Secure and named __Host- (served over TLS, or behind a TLS proxy).
  bool secure_cookies = false;
  // Take the client's address from X-Forwarded-For's last hop (behind a reverse proxy).
  bool trust_proxy = false;
  service::ThrottlePolicy throttle;
  // Host names the server answers to besides the loopback names and the listen address (the
  // public name behind a reverse proxy). With a wildcard listen address and none given, any
  // Host is taken (accounts guard the data there).
  std::vector<std::string> hosts;
  std::string listen_host;  // as given to --listen
  unsigned short port = 0;
  size_t work_threads = 4;  // the pool that runs blocking work
  // Web Push (docs/reminders.md): where subscriptions may point (loopback only for tests), and
  // this process's sender, woken for a test reminder and counted in /metrics; null when none.
  push::Reach push_reach = push::Reach::kPublicOnly;
  service::ReminderSender* push_sender = nullptr;
};

class App final : public Handler {
 public:
  // REQUIRES: `service` outlives the App.
  App(service::Service& service, AppOptions options);
  ~App() override;

  HeadVerdict OnHead(const Request& head) override;
  void Handle(Request request, std::shared_ptr<void> context,
              std::function<void(HttpResponse)> respond) override;

  // Sets the port once it is known (listening on port 0 picks one).
  void SetPort(unsigned short port) { options_.port = port; }

  // Waits until no request is being worked on, for at most `deadline`; false when some still
  // are then (the App must then not be destroyed: its pool would wait for them).
  bool Drain(std::chrono::milliseconds deadline);
  size_t working() const;  // requests being worked on now

  const service::Service& service() const { return service_; }
  const AppOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }

 private:
  void Dispatch(Call call, std::optional<Who> known, const Route& route,
                std::function<void(HttpResponse)> respond);
  std::optional<HttpResponse> CheckHost(const Request& req) const;
  std::optional<HttpResponse> CheckOrigin(const Request& req) const;

  service::Service& service_;
  AppOptions options_;
  Router router_;
  Metrics metrics_;
  mutable Mutex work_mu_;
  CondVar work_done_;
  size_t working_ GUARDED_BY(work_mu_) = 0;  // requests on the pool
  boost::asio::thread_pool pool_;
};

// Limits of request bodies: a whole diary, and everything else.
inline constexpr size_t kDiaryBodyLimit = size_t{8} * 1024 * 1024;
inline constexpr size_t kCheckinBodyLimit = size_t{64} * 1024;
// A workout file uploaded from the page: GPX, TCX, Strava's CSV, Health Connect's and Google
// Fit's zips fit well within it; a larger Apple Health export goes through the CLI, which
// streams it (docs/workouts.md).
inline constexpr size_t kWorkoutBodyLimit = size_t{32} * 1024 * 1024;
// Bodies beyond this are read only from a caller already known from the head.
inline constexpr size_t kAnonymousBodyLimit = size_t{4} * 1024;

// The route tables, one an area (routes_*.cc): static arrays of rows with named handlers.
std::span<const Route> PageRoutes();
std::span<const Route> DiaryRoutes();
std::span<const Route> DayRoutes();
std::span<const Route> AccountRoutes();
std::span<const Route> SharingRoutes();
std::span<const Route> SafetyRoutes();
std::span<const Route> ReminderRoutes();
std::span<const Route> MeasuresRoutes();

// The one refusal of a caller not signed in (401 with WWW-Authenticate: Bearer).
Error NotSignedIn();
// The push sender's counts in Prometheus's text format (empty without a sender).
std::string PushMetrics(const App& app);

}  // namespace backsignal::server
