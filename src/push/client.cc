#include "backsignal/push/client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <functional>
#include <optional>

namespace backsignal::push {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

constexpr size_t kAnswerHeadLimit = size_t{8} * 1024;
constexpr size_t kAnswerBodyLimit = size_t{4} * 1024;

// One request: resolve, check the addresses, connect to them, TLS, write, read the answer.
// Runs on the io_context of SendAll; `done` is called once, whatever happens.
class Exchange : public std::enable_shared_from_this<Exchange> {
 public:
  Exchange(asio::io_context& io, ssl::context& tls, const ClientOptions& options,
           const PushRequest& req, PushResponse& out, std::function<void()> done)
      : tls_(tls),
        options_(options),
        req_(req),
        out_(out),
        done_(std::move(done)),
        resolver_(io),
        plain_(io),
        deadline_(io) {}

  void Start() {
    auto ep = ParseEndpoint(req_.url, options_.reach);
    if (!ep) return Refuse(ep.error().message);
    ep_ = std::move(*ep);
    deadline_.expires_after(options_.timeout);
    deadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->finished_) return;
      self->timed_out_ = true;
      self->resolver_.cancel();
      beast::error_code ignored;
      self->Socket().close(ignored);
    });
    resolver_.async_resolve(
        ep_.host, std::to_string(ep_.port),
        [self = shared_from_this()](beast::error_code ec, const tcp::resolver::results_type& r) {
          self->OnResolve(ec, r);
        });
  }

 private:
  tcp::socket& Socket() {
    return tls_stream_ ? beast::get_lowest_layer(*tls_stream_).socket() : plain_.socket();
  }

  void OnResolve(beast::error_code ec, const tcp::resolver::results_type& results) {
    if (ec) return Fail("could not resolve " + ep_.host, ec);
    // Every address the name resolves to must be allowed, and only those checked here are
    // connected to: a name that also resolves to an inside address is refused whole.
    std::vector<tcp::endpoint> checked;
    for (const auto& entry : results) {
      const tcp::endpoint e = entry.endpoint();
      const std::string address = e.address().to_string();
      if (!MayConnect(address, options_.reach)) {
        return Refuse("subscription endpoint: " + ep_.host + " resolves to " + address +
                      ", which is not a public address");
      }
      checked.push_back(e);
    }
    if (checked.empty()) return Fail("no address for " + ep_.host, {});
    if (ep_.tls) {
      tls_stream_.emplace(std::move(plain_), tls_);
      const bool literal = ClassifyAddress(ep_.host) != AddressKind::kOther ||
                           ep_.host.find(':') != std::string::npos;
      if (!literal && !SSL_set_tlsext_host_name(tls_stream_->native_handle(), ep_.host.c_str())) {
        return Fail("could not set the TLS server name", {});
      }
      tls_stream_->set_verify_mode(ssl::verify_peer);
      tls_stream_->set_verify_callback(ssl::host_name_verification(ep_.host));
    }
    auto& lowest = tls_stream_ ? beast::get_lowest_layer(*tls_stream_) : plain_;
    lowest.async_connect(checked, [self = shared_from_this()](beast::error_code ec,
                                                              const tcp::endpoint&) {
      if (ec) return self->Fail("could not connect to " + self->ep_.host, ec);
      if (!self->tls_stream_) return self->Write(self->plain_);
      self->tls_stream_->async_handshake(ssl::stream_base::client, [self](beast::error_code ec2) {
        if (ec2) return self->Fail("TLS with " + self->ep_.host + " failed", ec2);
        self->Write(*self->tls_stream_);
      });
    });
  }

  template <typename Stream>
  void Write(Stream& stream) {
    request_.method(http::verb::post);
    request_.target(ep_.target);
    request_.version(11);
    const bool default_port = ep_.port == (ep_.tls ? 443 : 80);
    const std::string host =
        (ep_.host.find(':') != std::string::npos ? "[" + ep_.host + "]" : ep_.host) +
        (default_port ? "" : ":" + std::to_string(ep_.port));
    request_.set(http::field::host, host);
    request_.set(http::field::user_agent, "backsignal");
    request_.set(http::field::connection, "close");
    for (const auto& [name, value] : req_.headers) request_.set(name, value);
    request_.body() = req_.body;
    request_.prepare_payload();
    http::async_write(
        stream, request_, [self = shared_from_this(), &stream](beast::error_code ec, size_t) {
          if (ec) return self->Fail("could not send to " + self->ep_.host, ec);
          self->parser_.emplace();
          self->parser_->header_limit(kAnswerHeadLimit);
          self->parser_->body_limit(kAnswerBodyLimit);
          http::async_read(stream, self->buffer_, *self->parser_,
                           [self](beast::error_code ec2, size_t) { self->OnAnswer(ec2); });
        });
  }

  void OnAnswer(beast::error_code ec) {
    // An answer whose head arrived counts even when its body was cut short or too long.
    if (parser_ && parser_->is_header_done()) {
      const auto& head = parser_->get();
      out_.status = static_cast<int>(head.result_int());
      if (auto it = head.find(http::field::retry_after); it != head.end()) {
        out_.retry_after = std::string(it->value().substr(0, 64));
      }
      return Finish();
    }
    Fail("no answer from " + ep_.host, ec);
  }

  void Refuse(const std::string& why) {
    out_.refused = true;
    out_.error = why;
    Finish();
  }

  void Fail(const std::string& what, beast::error_code ec) {
    out_.error =
        timed_out_ ? what + ": no answer within " + std::to_string(options_.timeout.count()) + " ms"
                   : (ec ? what + ": " + ec.message() : what);
    Finish();
  }

  void Finish() {
    if (finished_) return;
    finished_ = true;
    deadline_.cancel();
    beast::error_code ignored;
    Socket().close(ignored);
    done_();
  }

  ssl::context& tls_;
  const ClientOptions& options_;
  const PushRequest& req_;
  PushResponse& out_;
  std::function<void()> done_;
  Endpoint ep_;
  tcp::resolver resolver_;
  beast::tcp_stream plain_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_stream_;
  asio::steady_timer deadline_;
  http::request<http::string_body> request_;
  beast::flat_buffer buffer_;
  std::optional<http::response_parser<http::string_body>> parser_;
  bool finished_ = false;
  bool timed_out_ = false;
};

class HttpClient final : public PushClient {
 public:
  HttpClient(ClientOptions options, ssl::context tls)
      : options_(std::move(options)), tls_(std::move(tls)) {}

  std::vector<PushResponse> SendAll(const std::vector<PushRequest>& requests,
                                    const OnAnswer& on_answer) override {
    std::vector<PushResponse> out(requests.size());
    asio::io_context io;
    size_t next = 0;
    std::function<void()> start_next = [&] {
      if (next >= requests.size()) return;
      const size_t i = next++;
      auto done = [&, i] {
        if (on_answer) on_answer(i, out[i]);
        start_next();
      };
      std::make_shared<Exchange>(io, tls_, options_, requests[i], out[i], done)->Start();
    };
    for (size_t k = 0; k < std::max<size_t>(1, options_.max_in_flight); ++k) start_next();
    io.run();
    return out;
  }

 private:
  const ClientOptions options_;
  ssl::context tls_;
};

}  // namespace

Result<std::unique_ptr<PushClient>> MakeHttpClient(const ClientOptions& options) {
  ssl::context tls(ssl::context::tls_client);
  beast::error_code ec;
  tls.set_default_verify_paths(ec);
  if (ec) {
    // TRANSLATORS: {reason} is the TLS library's own reason (English).
    return Fail(Error::Invalid(
        T_("the system's certificate authorities: {reason}", {{"reason", ec.message()}})));
  }
  if (!options.ca_file.empty()) {
    tls.load_verify_file(options.ca_file, ec);
    if (ec) {
      // TRANSLATORS: {option} is --push-ca-file; {file} the file given; {reason} the TLS
      // library's own reason (English).
      return Fail(Error::Invalid(
          T_("{option} {file}: {reason}",
             {{"option", "--push-ca-file"}, {"file", options.ca_file}, {"reason", ec.message()}})));
    }
  }
  tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                  ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  return std::unique_ptr<PushClient>(std::make_unique<HttpClient>(options, std::move(tls)));
}

}  // namespace backsignal::push
