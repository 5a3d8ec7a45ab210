// A push subscription's endpoint is outside input: which URLs backsignal will send to, and which
// network addresses it will connect to (public ones only: never loopback, private, link-local,
// shared (CGNAT), documentation, multicast or a cloud's metadata address), so that a
// subscription cannot turn the server against its own network.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "backsignal/core/result.h"

namespace backsignal::push {

inline constexpr size_t kMaxEndpointBytes = 1000;

struct Endpoint {
  bool tls = true;
  std::string host;  // a DNS name, or an IP literal without brackets
  uint16_t port = 443;
  std::string target;  // the path and query, "/" at least
  std::string origin;  // "https://host[:port]": the VAPID token's audience
};

// Where a test push service may live: nowhere but the public Internet, unless a test setting
// allows loopback (serve --push-test-loopback), which also allows plain http there.
enum class Reach { kPublicOnly, kAlsoLoopback };

// The endpoint of `url`: https, at most kMaxEndpointBytes, no user or fragment, a host that is
// a name or an address `reach` allows. kInvalid naming what is wrong.
[[nodiscard]] Result<Endpoint> ParseEndpoint(std::string_view url, Reach reach);

enum class AddressKind { kPublic, kLoopback, kOther };
// What an IPv4 or IPv6 address (text, as inet_pton reads it) is; text that is no address is
// kOther. An IPv4-mapped or NAT64 IPv6 address is what its IPv4 address is.
AddressKind ClassifyAddress(std::string_view address);
// Whether backsignal may connect to `address` under `reach`.
bool MayConnect(std::string_view address, Reach reach);

}  // namespace backsignal::push
