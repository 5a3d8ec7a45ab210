// Identifiers that cross the border: UUIDs stable across exports, and secrets for links.
// Built on libsodium (BLAKE2b and its random generator).
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/result.h"

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

// Argon2id (libsodium's crypto_pwhash_str at its "interactive" limits: 2 passes over 64 MiB),
// as a self-describing "$argon2id$v=19$m=65536,t=2,p=1$..." string.
// kStorage when the memory for it cannot be had.
[[nodiscard]] Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& stored);
// Spends the time of a verification, for a username that does not exist (so that timing does
// not tell which usernames do).
void VerifyNothing(std::string_view password);

// A short code a person reads out or sends: 16 letters and digits in four groups
// ("K7QM-2XPA-9RTD-B4WC"), 80 random bits, no look-alike characters.
std::string NewInviteCode();
// The code as typed: upper-cased, spaces and dashes dropped.
std::string NormaliseInviteCode(std::string_view typed);

}  // namespace backsignal
