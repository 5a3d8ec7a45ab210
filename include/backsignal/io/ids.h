// Identifiers that cross the border: UUIDs stable across exports, and secrets for links.
// Built on libsodium (BLAKE2b and its random generator).
#pragma once

#include <string>
#include <string_view>

namespace backsignal {

// A UUID derived from the person's key and a name ("procedure/2026-11-02/1"): the same inputs
// give the same UUID in every export. The first 16 bytes of BLAKE2b(person_key | name), with
// the version nibble 8 (RFC 9562's custom, name-based) and the RFC 4122 variant bits.
std::string StableUuid(std::string_view person_key, std::string_view name);

// A new secret of 32 random bytes as 43 URL-safe base64 characters (no padding).
std::string NewSecretToken();

// The hex BLAKE2b-256 of a secret, which is what is stored.
std::string HashSecret(std::string_view token);

// True when `token` hashes to `stored_hash`, compared in constant time.
bool SecretMatches(std::string_view token, std::string_view stored_hash);

}  // namespace backsignal
