#include "backsignal/push/endpoint.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace backsignal::push {
namespace {

struct V4Range {
  uint32_t base;
  int bits;
};

constexpr uint32_t V4(int a, int b, int c, int d) {
  return (uint32_t(a) << 24) | (uint32_t(b) << 16) | (uint32_t(c) << 8) | uint32_t(d);
}

// Every IPv4 range that is not the public Internet (IANA's special-purpose registry).
constexpr V4Range kNotPublicV4[] = {
    {V4(0, 0, 0, 0), 8},        // "this network"
    {V4(10, 0, 0, 0), 8},       // private
    {V4(100, 64, 0, 0), 10},    // shared address space (carrier-grade NAT)
    {V4(127, 0, 0, 0), 8},      // loopback
    {V4(169, 254, 0, 0), 16},   // link-local, with the clouds' metadata service 169.254.169.254
    {V4(172, 16, 0, 0), 12},    // private
    {V4(192, 0, 0, 0), 24},     // IETF protocol assignments
    {V4(192, 0, 2, 0), 24},     // documentation
    {V4(192, 88, 99, 0), 24},   // 6to4 relay anycast
    {V4(192, 168, 0, 0), 16},   // private
    {V4(198, 18, 0, 0), 15},    // benchmarking
    {V4(198, 51, 100, 0), 24},  // documentation
    {V4(203, 0, 113, 0), 24},   // documentation
    {V4(224, 0, 0, 0), 4},      // multicast
    {V4(240, 0, 0, 0), 4},      // reserved, and the broadcast address
};

AddressKind ClassifyV4(uint32_t a) {
  if ((a >> 24) == 127) return AddressKind::kLoopback;
  for (const V4Range& r : kNotPublicV4) {
    if ((a >> (32 - r.bits)) == (r.base >> (32 - r.bits))) return AddressKind::kOther;
  }
  return AddressKind::kPublic;
}

AddressKind ClassifyV6(const std::array<uint8_t, 16>& b) {
  auto starts = [&](std::initializer_list<uint8_t> prefix, int bits) {
    int i = 0;
    for (uint8_t p : prefix) {
      const int take = std::min(8, bits - 8 * i);
      if (take <= 0) break;
      const uint8_t mask = static_cast<uint8_t>(0xff << (8 - take));
      if ((b[i] & mask) != (p & mask)) return false;
      ++i;
    }
    return true;
  };
  auto v4_at = [&](int i) {
    return (uint32_t(b[i]) << 24) | (uint32_t(b[i + 1]) << 16) | (uint32_t(b[i + 2]) << 8) |
           uint32_t(b[i + 3]);
  };
  bool zero_to_15 = true;
  for (int i = 0; i < 15; ++i) zero_to_15 = zero_to_15 && b[i] == 0;
  if (zero_to_15 && b[15] == 1) return AddressKind::kLoopback;  // ::1
  if (zero_to_15) return AddressKind::kOther;                   // ::
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) are their IPv4 address.
  if (starts({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96)) return ClassifyV4(v4_at(12));
  if (starts({0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, 96)) return ClassifyV4(v4_at(12));
  // Only global unicast (2000::/3) is public, less its special blocks: IETF assignments with
  // Teredo (2001::/23), documentation (2001:db8::/32) and 6to4 (2002::/16), which can lead to
  // any IPv4 address.
  if (!starts({0x20}, 3))
    return AddressKind::kOther;  // includes fc00::/7 (fd00:ec2::254), fe80::/10, ff00::/8
  if (starts({0x20, 0x01, 0x00}, 23)) return AddressKind::kOther;
  if (starts({0x20, 0x01, 0x0d, 0xb8}, 32)) return AddressKind::kOther;
  if (starts({0x20, 0x02}, 16)) return AddressKind::kOther;
  return AddressKind::kPublic;
}

Error Bad(Text why) {
  // TRANSLATORS: a push subscription's endpoint (the address the browser gave) and what is
  // wrong with it.
  return Error::Invalid(T_("subscription endpoint: {problem}", {{"problem", std::move(why)}}));
}

}  // namespace

AddressKind ClassifyAddress(std::string_view address) {
  const std::string text(address);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return ClassifyV4(ntohl(v4.s_addr));
  std::array<uint8_t, 16> v6{};
  if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return ClassifyV6(v6);
  return AddressKind::kOther;
}

bool MayConnect(std::string_view address, Reach reach) {
  const AddressKind k = ClassifyAddress(address);
  return k == AddressKind::kPublic ||
         (k == AddressKind::kLoopback && reach == Reach::kAlsoLoopback);
}

Result<Endpoint> ParseEndpoint(std::string_view url, Reach reach) {
  if (url.size() > kMaxEndpointBytes) {
    // TRANSLATORS: {bytes} is the endpoint's length; {max} the most taken.
    return Fail(Bad(T_("it is {bytes} bytes long; at most {max} are taken",
                       {{"bytes", url.size()}, {"max", kMaxEndpointBytes}})));
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      return Fail(Bad(T_("it holds a space, a control character or a non-ASCII byte")));
    }
  }
  Endpoint e;
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://") && reach == Reach::kAlsoLoopback) {
    e.tls = false;
    e.port = 80;
    rest = url.substr(7);
  } else {
    return Fail(Bad(T_("it must start with https://")));
  }
  const size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  std::string_view target = end == std::string_view::npos ? "/" : rest.substr(end);
  if (target.find('#') != std::string_view::npos) return Fail(Bad(T_("it has a fragment (#)")));
  if (target.starts_with("?"))
    e.target = "/" + std::string(target);
  else
    e.target = std::string(target);
  if (authority.find('@') != std::string_view::npos) return Fail(Bad(T_("it names a user (@)")));
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with("[")) {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return Fail(Bad(T_("its IPv6 address has no closing ]")));
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (!after.starts_with(":")) return Fail(Bad(T_("something follows its IPv6 address")));
      port = after.substr(1);
    }
  } else if (const size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) return Fail(Bad(T_("it has no host")));
  if (!port.empty()) {
    unsigned value = 0;
    const auto r = std::from_chars(port.data(), port.data() + port.size(), value);
    if (r.ec != std::errc() || r.ptr != port.data() + port.size() || value == 0 || value > 65535) {
      // TRANSLATORS: {port} is the port as written in the endpoint.
      return Fail(Bad(T_("its port \"{port}\" is not 1 to 65535", {{"port", port}})));
    }
    e.port = static_cast<uint16_t>(value);
  }
  std::string lower;
  for (char c : host) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  e.host = lower;
  const bool literal = ClassifyAddress(lower) != AddressKind::kOther ||
                       lower.find(':') != std::string::npos ||
                       lower.find_first_not_of("0123456789.") == std::string::npos;
  const bool loopback_name = lower == "localhost" || lower.ends_with(".localhost");
  if (literal) {
    if (!MayConnect(lower, reach)) {
      // TRANSLATORS: {address} is an IP address (a private network's, this machine's, ...).
      return Fail(Bad(T_("the address {address} is not public", {{"address", lower}})));
    }
  } else {
    for (char c : lower) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) {
        // TRANSLATORS: {host} is the host as written in the endpoint.
        return Fail(Bad(T_("its host \"{host}\" is not a host name", {{"host", host}})));
      }
    }
    if (loopback_name && reach != Reach::kAlsoLoopback) {
      // TRANSLATORS: {host} is a host name of this machine ("localhost").
      return Fail(Bad(T_("the host {host} is this machine", {{"host", lower}})));
    }
  }
  const bool plain_loopback_only = !e.tls;
  if (plain_loopback_only && !(loopback_name || ClassifyAddress(lower) == AddressKind::kLoopback)) {
    return Fail(Bad(T_("it must start with https://")));
  }
  const bool default_port = e.port == (e.tls ? 443 : 80);
  const std::string shown = lower.find(':') != std::string::npos ? "[" + lower + "]" : lower;
  e.origin = std::string(e.tls ? "https://" : "http://") + shown +
             (default_port ? "" : ":" + std::to_string(e.port));
  return e;
}

}  // namespace backsignal::push
