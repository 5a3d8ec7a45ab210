#include "http_server.h"

#include <sys/resource.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <iostream>
#include <limits>
#include <optional>
#include <thread>
#include <unordered_map>

#include "backsignal/core/mutex.h"

namespace backsignal::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// The raw bytes buffered per connection; the body itself goes to the parser's string.
constexpr size_t kReadBufferBytes = size_t{64} * 1024;

std::string ErrorJson(int status, const std::string& message) {
  std::string escaped;
  for (char c : message) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return "{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":\"" + escaped + "\"}}";
}

void ParseQuery(std::string_view q, std::map<std::string, std::string>& out) {
  while (!q.empty()) {
    const size_t amp = q.find('&');
    const std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    out[UrlDecode(pair.substr(0, eq))] =
        eq == std::string_view::npos ? std::string() : UrlDecode(pair.substr(eq + 1));
  }
}

// RFC 9112 §6.1: a request's Transfer-Encoding whose last coding is not chunked cannot be
// framed; and no coding but chunked is understood here.
bool UnderstoodTransferEncoding(std::string_view te) {
  std::string lower;
  for (char c : te) {
    if (c != ' ' && c != '\t')
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower == "chunked";
}

// The network an address is in, for the cap per network: an IPv4 /24 ("v4:10.0.0"), an IPv6
// /64 ("v6:" and its first 8 bytes in hex); an IPv4 address mapped into IPv6 counts as IPv4.
std::string NetworkOf(const std::string& address) {
  beast::error_code ec;
  auto ip = asio::ip::make_address(address, ec);
  if (ec) return "?" + address;
  if (ip.is_v6() && ip.to_v6().is_v4_mapped()) {
    ip = asio::ip::make_address_v4(asio::ip::v4_mapped, ip.to_v6());
  }
  if (ip.is_v4()) {
    const auto b = ip.to_v4().to_bytes();
    return "v4:" + std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]);
  }
  const auto b = ip.to_v6().to_bytes();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "v6:";
  for (size_t i = 0; i < 8; ++i) {
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

// Counts the open connections, in all, per client address and per network.
class ConnectionCount {
 public:
  ConnectionCount(size_t max_total, size_t max_per_address, size_t max_per_network)
      : max_total_(max_total),
        max_per_address_(max_per_address),
        max_per_network_(max_per_network) {}

  // Takes a place for `address` in `network`; false when none is left.
  bool Take(const std::string& address, const std::string& network) {
    MutexLock lock(mu_);
    if (total_ >= max_total_) return false;
    auto a = per_address_.find(address);
    if (a != per_address_.end() && a->second >= max_per_address_) return false;
    auto n = per_network_.find(network);
    if (n != per_network_.end() && n->second >= max_per_network_) return false;
    ++per_address_[address];
    ++per_network_[network];
    ++total_;
    return true;
  }
  void Give(const std::string& address, const std::string& network) {
    MutexLock lock(mu_);
    auto it = per_address_.find(address);
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
    auto n = per_network_.find(network);
    if (n != per_network_.end() && --n->second == 0) per_network_.erase(n);
    --total_;
  }
  // More than half the places are taken.
  bool Busy() const {
    MutexLock lock(mu_);
    return total_ * 2 > max_total_;
  }

 private:
  const size_t max_total_;
  const size_t max_per_address_;
  const size_t max_per_network_;
  mutable Mutex mu_;
  size_t total_ GUARDED_BY(mu_) = 0;
  std::unordered_map<std::string, size_t> per_address_ GUARDED_BY(mu_);
  std::unordered_map<std::string, size_t> per_network_ GUARDED_BY(mu_);
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, std::string address, std::string network, Handler& handler,
             const HttpLimits& limits, ConnectionCount& count)
      : stream_(std::move(socket)),
        address_(std::move(address)),
        network_(std::move(network)),
        handler_(handler),
        limits_(limits),
        count_(count),
        buffer_(kReadBufferBytes) {}
  ~Connection() { count_.Give(address_, network_); }

  void Start() { ReadHead(limits_.head_timeout); }

 private:
  // Between requests on a kept-alive connection: waits up to `idle` for the next request's
  // first bytes, then gives its head the head timeout.
  void WaitForRequest(std::chrono::milliseconds idle) {
    if (buffer_.size() > 0) return ReadHead(limits_.head_timeout);  // already here (pipelined)
    stream_.expires_after(idle);
    stream_.async_read_some(buffer_.prepare(kReadBufferBytes),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              if (ec) return self->Fail(ec);
                              self->buffer_.commit(n);
                              self->ReadHead(self->limits_.head_timeout);
                            });
  }

  void ReadHead(std::chrono::milliseconds timeout) {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits_.header_bytes));
    // The body's limit depends on the route, known once the head is read (OnHead checks a
    // Content-Length against it, and sets it for chunked bodies before any body byte is read).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Connection::OnHead, shared_from_this()));
  }

  void OnHead(beast::error_code ec, size_t) {
    if (ec) return Fail(ec);
    auto& req = parser_->get();
    keep_alive_ = req.keep_alive();
    if (req.count(http::field::transfer_encoding) > 1 ||
        (req.count(http::field::transfer_encoding) == 1 &&
         !UnderstoodTransferEncoding(std::string(req[http::field::transfer_encoding])))) {
      return SendError(400, "the request's Transfer-Encoding is not understood (only chunked)");
    }
    head_ = Request{};
    Request& r = head_;
    r.method = std::string(req.method_string());
    const std::string_view target(req.target().data(), req.target().size());
    r.path = std::string(target.substr(0, target.find('?')));
    if (const size_t q = target.find('?'); q != std::string_view::npos) {
      ParseQuery(target.substr(q + 1), r.query);
    }
    r.host = std::string(req[http::field::host]);
    r.origin = std::string(req[http::field::origin]);
    r.sec_fetch_site = std::string(req["Sec-Fetch-Site"]);
    r.content_type = std::string(req[http::field::content_type]);
    r.accept_encoding = std::string(req[http::field::accept_encoding]);
    r.accept_language = std::string(req[http::field::accept_language]);
    r.cookie = std::string(req[http::field::cookie]);
    r.authorization = std::string(req[http::field::authorization]);
    r.csrf_token = std::string(req["X-CSRF-Token"]);
    r.idempotency_key = std::string(req["Idempotency-Key"]);
    for (auto range = req.equal_range("X-Forwarded-For"); range.first != range.second;
         ++range.first) {
      if (!r.forwarded_for.empty()) r.forwarded_for += ", ";
      r.forwarded_for += std::string(range.first->value());
    }
    r.remote_address = address_;
    if (const auto length = parser_->content_length()) r.content_length = *length;
    r.chunked = parser_->chunked();
    r.expects_continue = beast::iequals(req[http::field::expect], "100-continue");
    HeadVerdict verdict = handler_.OnHead(r);
    context_ = std::move(verdict.context);
    if (verdict.refuse) {
      keep_alive_ = false;
      return Send(std::move(*verdict.refuse));
    }
    if (r.content_length && *r.content_length > verdict.body_limit) {
      return SendError(
          413, "the request body is larger than " + std::to_string(verdict.body_limit) + " bytes");
    }
    parser_->body_limit(verdict.body_limit);
    stream_.expires_after(limits_.read_timeout);
    if (head_.expects_continue) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      http::async_write(stream_, *cont,
                        [self = shared_from_this(), cont](beast::error_code e, size_t) {
                          if (e) return self->Fail(e);
                          self->ReadBody();
                        });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Connection::OnRequest, shared_from_this()));
  }

  void OnRequest(beast::error_code ec, size_t) {
    if (ec) return Fail(ec);
    Request r = std::move(head_);
    r.body = std::move(parser_->get().body());
    stream_.expires_never();  // the handler may take a while (a durable write)
    auto self = shared_from_this();
    try {
      handler_.Handle(std::move(r), std::move(context_), [self](HttpResponse resp) {
        asio::post(self->stream_.get_executor(),
                   [self, resp = std::move(resp)]() mutable { self->Send(std::move(resp)); });
      });
    } catch (const std::exception& e) {
      std::cerr << "backsignal serve: internal error: " << e.what() << "\n";
      Send(HttpResponse{500, "application/json", ErrorJson(500, "internal error"), {}});
    }
  }

  void Send(HttpResponse resp) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(resp.status));
    res->set(http::field::content_type, resp.content_type);
    for (auto& [k, v] : resp.headers) res->insert(k, v);
    res->body() = std::move(resp.body);
    res->keep_alive(keep_alive_);
    res->prepare_payload();
    stream_.expires_after(limits_.write_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, size_t) {
                        if (ec) return self->Fail(ec);
                        if (!res->keep_alive()) return self->Close();
                        self->WaitForRequest(self->count_.Busy() ? self->limits_.busy_idle_timeout
                                                                 : self->limits_.idle_timeout);
                      });
  }

  // Refuses the request and closes the connection: what remains of it is not read.
  void SendError(int status, const std::string& message) {
    keep_alive_ = false;
    Send(HttpResponse{status, "application/json", ErrorJson(status, message), {}});
  }

  void Fail(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return SendError(431, "the request head is larger than " +
                                std::to_string(limits_.header_bytes) + " bytes");
    }
    if (ec == http::error::body_limit) {
      return SendError(413, "the request body is too large");
    }
    if (ec == http::error::buffer_overflow) return SendError(431, "a request line is too long");
    if (ec.category() == beast::error_code(http::error::end_of_stream).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
      return SendError(400, "malformed HTTP request");
    }
    Close();  // end of stream, timeout, reset: nothing to answer
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  const std::string address_;
  const std::string network_;
  Handler& handler_;
  const HttpLimits& limits_;
  ConnectionCount& count_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Request head_;
  std::shared_ptr<void> context_;  // the handler's, from OnHead to Handle
  bool keep_alive_ = false;
};

}  // namespace

struct HttpServer::Impl {
  Impl(Handler& h, HttpLimits l)
      : handler(h),
        limits(l),
        acceptor(io),
        retry(io),
        count(l.max_connections, l.max_connections_per_address, l.max_connections_per_network) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (ec) {
        // Out of file descriptors (EMFILE) or the like: wait a moment rather than spin.
        retry.expires_after(std::chrono::milliseconds(100));
        retry.async_wait([this](beast::error_code) {
          if (acceptor.is_open()) Accept();
        });
        return;
      }
      beast::error_code peer_ec;
      const auto peer = socket.remote_endpoint(peer_ec);
      std::string address = peer_ec ? std::string() : peer.address().to_string();
      std::string network = NetworkOf(address);
      if (!count.Take(address, network)) {
        beast::error_code ignored;
        socket.close(ignored);
      } else {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Connection>(std::move(socket), std::move(address), std::move(network),
                                     handler, limits, count)
            ->Start();
      }
      Accept();
    });
  }

  Handler& handler;
  HttpLimits limits;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer retry;
  ConnectionCount count;
};

namespace {

// Raises the soft limit on open files to the hard one, and returns the connections that fit
// under it with room for the database, the log and the listening socket.
size_t ConnectionsThatFit(size_t wanted) {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return wanted;
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit raised = lim;
    raised.rlim_cur = lim.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  }
  constexpr size_t kReserved = 64;
  if (lim.rlim_cur == RLIM_INFINITY) return wanted;
  const size_t room = lim.rlim_cur > kReserved ? static_cast<size_t>(lim.rlim_cur) - kReserved : 1;
  return std::min(wanted, room);
}

}  // namespace

HttpServer::HttpServer(Handler& handler, HttpLimits limits) {
  limits.max_connections = ConnectionsThatFit(limits.max_connections);
  impl_ = std::make_unique<Impl>(handler, limits);
}

HttpServer::~HttpServer() = default;

Result<void> HttpServer::Listen(const std::string& address, unsigned short port) {
  beast::error_code ec;
  const auto ip = asio::ip::make_address(address, ec);
  if (ec) return Fail(Error::Invalid("\"" + address + "\" is not an IP address"));
  const tcp::endpoint ep(ip, port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error::Storage("cannot listen on " + address + ":" + std::to_string(port) + ": " +
                               ec.message()));
  }
  impl_->Accept();
  return {};
}

unsigned short HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

size_t HttpServer::max_connections() const { return impl_->limits.max_connections; }

void HttpServer::Run(int threads) {
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : pool) t.join();
}

void HttpServer::Stop() {
  asio::post(impl_->io, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->retry.cancel();
    impl_->io.stop();
  });
}

std::string UrlDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
               hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace backsignal::server
