// Sending push messages over HTTP (RFC 8030 section 5): each request's endpoint resolved, every
// address it resolves to checked (endpoint.h), and the connection made to those checked
// addresses only, so that DNS cannot swap in another; TLS verified against the system's
// certificate authorities. Bounded: at most `max_in_flight` requests at once, each done or
// abandoned within `timeout` (resolution, connection, TLS, request and answer together), and an
// answer's head and body read up to a few kilobytes. A slow or hostile push service costs one
// slot for at most `timeout`.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backsignal/push/endpoint.h"

namespace backsignal::push {

struct PushRequest {
  std::string url;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct PushResponse {
  int status = 0;           // the push service's HTTP status; 0 when none came
  std::string retry_after;  // its Retry-After header, as sent
  std::string error;        // when status is 0: what happened (refused, timed out, TLS...)
  bool refused = false;     // the endpoint or its addresses are not allowed: never retried
};

struct ClientOptions {
  size_t max_in_flight = 8;
  std::chrono::milliseconds timeout{10000};
  Reach reach = Reach::kPublicOnly;
  std::string ca_file;  // certificates trusted besides the system's (a test push service's)
};

class PushClient {
 public:
  virtual ~PushClient() = default;
  // Called with each request's index and answer as soon as it has one (on the sending thread).
  using OnAnswer = std::function<void(size_t, const PushResponse&)>;
  // Sends each request (a POST) and returns their answers in the same order.
  virtual std::vector<PushResponse> SendAll(const std::vector<PushRequest>& requests,
                                            const OnAnswer& on_answer = {}) = 0;
};

// The client over Boost.Beast and Asio with OpenSSL. kInvalid when `ca_file` cannot be read.
[[nodiscard]] Result<std::unique_ptr<PushClient>> MakeHttpClient(const ClientOptions& options);

}  // namespace backsignal::push
