// A small HTTP/1.1 server on Boost.Beast: limits on header and body size that hold for every
// framing (Content-Length and chunked), timeouts for slow clients, a cap on connections, and no
// exception text ever sent to a client. It knows nothing of backsignal: a Handler answers.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backsignal/core/result.h"

namespace backsignal::server {

struct HttpLimits {
  size_t header_bytes = 16 * 1024;  // the whole request head
  std::chrono::milliseconds read_timeout{10000};   // to receive one whole request
  std::chrono::milliseconds idle_timeout{30000};   // between requests on a kept-alive connection
  std::chrono::milliseconds write_timeout{10000};
  size_t max_connections = 1024;  // beyond this, new connections are closed at once
};

struct Request {
  std::string method;
  std::string path;                          // without the query
  std::map<std::string, std::string> query;  // decoded
  std::string content_type;
  std::string accept_encoding;
  std::string cookie;           // the Cookie header
  std::string authorization;    // the Authorization header
  std::string csrf_token;       // the X-CSRF-Token header
  std::string forwarded_for;    // the X-Forwarded-For header (trusted only when told to)
  std::string remote_address;   // the peer's IP address
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Answers requests. Implementations must be thread-safe: several connections call at once.
class Handler {
 public:
  virtual ~Handler() = default;
  // The largest body accepted for this method and path, known from the head alone.
  virtual size_t BodyLimit(const std::string& method, const std::string& path) const = 0;
  // Answers a request: `respond` is called exactly once, from any thread, now or later.
  virtual void Handle(Request request, std::function<void(Response)> respond) = 0;
};

class HttpServer {
 public:
  HttpServer(Handler& handler, HttpLimits limits);
  ~HttpServer();

  // Binds and listens; port 0 picks a free one (see port()).
  Result<void> Listen(const std::string& address, unsigned short port);
  unsigned short port() const;
  // Serves on `threads` threads until Stop(); returns when they have finished.
  void Run(int threads);
  // Stops accepting and ends Run(); safe from any thread or a signal-handling thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "a%20b" -> "a b"; "+" -> " ". Invalid escapes are kept as they are.
std::string UrlDecode(std::string_view text);

}  // namespace backsignal::server
