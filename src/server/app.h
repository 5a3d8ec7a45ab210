// The web app's request handler: the JSON API under /api/v1, /healthz, and the page. Holds no
// domain logic: it parses, calls core/reading/io/store, and renders. Writes go through the
// group committer and are acknowledged only once durably committed.
#pragma once

#include <map>
#include <string>

#include "backsignal/reading/settings.h"
#include "backsignal/store/group_commit.h"
#include "backsignal/store/store.h"
#include "http_server.h"

namespace backsignal::server {

class App final : public Handler {
 public:
  // REQUIRES: store and committer outlive the App.
  // `overrides`: thresholds from the command line, which win over those the person stored.
  App(Store& store, GroupCommitter& committer, std::map<std::string, double> overrides);

  size_t BodyLimit(const std::string& method, const std::string& path) const override;
  void Handle(Request request, std::function<void(Response)> respond) override;

 private:
  Store& store_;
  GroupCommitter& committer_;
  // The thresholds in force: defaults, then stored, then the command line's.
  Result<Settings> CurrentSettings();

  const std::map<std::string, double> overrides_;
};

// Limits of request bodies: a whole diary, and everything else.
inline constexpr size_t kDiaryBodyLimit = 8 * 1024 * 1024;
inline constexpr size_t kCheckinBodyLimit = 64 * 1024;

}  // namespace backsignal::server
