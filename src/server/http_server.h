// A small HTTP/1.1 server on Boost.Beast: limits on header and body size that hold for every
// framing (Content-Length and chunked), timeouts for slow clients, caps on connections (in all,
// per address and per network), and no exception text ever sent to a client. It knows nothing of
// backsignal: a Handler answers.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backsignal/core/result.h"

namespace backsignal::server {

struct HttpLimits {
  size_t header_bytes = size_t{16} * 1024;  // the whole request head
  // To receive a request's head, from its first byte (or from the connection's start): a
  // client that trickles its head (slow-loris) gives its place up this soon.
  std::chrono::milliseconds head_timeout{5000};
  std::chrono::milliseconds read_timeout{10000};  // to receive one whole request
  std::chrono::milliseconds idle_timeout{30000};  // between requests on a kept-alive connection
  // The idle timeout once more than half the connections are in use: an idle connection then
  // gives its place up sooner.
  std::chrono::milliseconds busy_idle_timeout{2000};
  std::chrono::milliseconds write_timeout{10000};
  // Beyond this, new connections are closed at once; kept below the open-file limit (Listen
  // lowers it to fit).
  size_t max_connections = 1024;
  // Connections one client address may hold at once: one client cannot take them all.
  size_t max_connections_per_address = 64;
  // ... and one network (an IPv4 /24, an IPv6 /64): many addresses of one client neither.
  size_t max_connections_per_network = 256;
};

struct Request {
  std::string method;
  std::string path;                          // without the query
  std::map<std::string, std::string> query;  // decoded
  std::string host;                          // the Host header
  std::string origin;                        // the Origin header
  std::string sec_fetch_site;                // the Sec-Fetch-Site header
  std::string content_type;
  std::string accept_encoding;
  std::string accept_language;  // the Accept-Language header
  std::string cookie;           // the Cookie header
  std::string authorization;    // the Authorization header
  std::string csrf_token;       // the X-CSRF-Token header
  std::string idempotency_key;  // the Idempotency-Key header
  // Every X-Forwarded-For line, joined with ", " in order (trusted only when told to).
  std::string forwarded_for;
  std::string remote_address;  // the peer's IP address
  std::optional<uint64_t> content_length;
  bool chunked = false;           // the body comes in chunks, of a size not known on the head
  bool expects_continue = false;  // Expect: 100-continue (the client waits before the body)
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// What a handler says of a request from its head alone, before any of its body is read.
struct HeadVerdict {
  size_t body_limit = 0;               // the largest body accepted
  std::optional<HttpResponse> refuse;  // answered at once, the body left unread
  // What the handler learnt from the head (its route, who asks), given back to Handle.
  std::shared_ptr<void> context;
};

// Answers requests. Implementations must be thread-safe: several connections call at once.
class Handler {
 public:
  virtual ~Handler() = default;
  // Looks at a request's head (every field of `head` but its body).
  virtual HeadVerdict OnHead(const Request& head) = 0;
  // Answers a request whose head OnHead did not refuse, with the `context` OnHead gave:
  // `respond` is called exactly once, from any thread, now or later.
  virtual void Handle(Request request, std::shared_ptr<void> context,
                      std::function<void(HttpResponse)> respond) = 0;
};

class HttpServer {
 public:
  HttpServer(Handler& handler, HttpLimits limits);
  ~HttpServer();

  // Binds and listens; port 0 picks a free one (see port()).
  [[nodiscard]] Result<void> Listen(const std::string& address, unsigned short port);
  unsigned short port() const;
  // The connection cap in force (HttpLimits', lowered to fit the open-file limit).
  size_t max_connections() const;
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
