// The cryptography of Web Push: a message encrypted for one browser (RFC 8291, the aes128gcm
// content coding of RFC 8188 with ECDH P-256 and HKDF), and the server's VAPID identity (RFC
// 8292, an ES256-signed JWT). OpenSSL underneath; nothing here touches the network or a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "backsignal/core/result.h"

namespace backsignal::push {

// RFC 4648 section 5 without padding, as Web Push writes keys. Decoding takes padded text too,
// and refuses any other character.
std::string Base64UrlEncode(std::string_view bytes);
[[nodiscard]] Result<std::string> Base64UrlDecode(std::string_view text);

// A P-256 key pair as bytes: the private scalar (32) and the public point, uncompressed (65,
// starting 0x04), which is how browsers and push services exchange them.
struct P256Keys {
  std::string private_key;
  std::string public_key;
};

// A fresh key pair from the system's random source.
[[nodiscard]] Result<P256Keys> GenerateP256();
// The pair of a private scalar (its public point computed); kInvalid when it is not one.
[[nodiscard]] Result<P256Keys> P256FromPrivate(std::string_view private_key);
// Whether `point` is an uncompressed P-256 point on the curve (a browser's p256dh key).
bool IsP256PublicKey(std::string_view point);

// The most a message may carry: one aes128gcm record of 4096 bytes less its tag, its
// delimiter and the header push services count against their own 4096-byte limit.
inline constexpr size_t kMaxPlaintext = 3993;
inline constexpr size_t kAuthSecretSize = 16;

// What a test fixes that is otherwise random: the sender's one-time key pair and the salt.
struct EncryptFixed {
  std::optional<P256Keys> sender;
  std::optional<std::string> salt;  // 16 bytes
};

// The body of a push message for the browser with public key `ua_public` (65 bytes) and
// authentication secret `auth_secret` (16 bytes): RFC 8291 section 4, one record of 4096
// bytes, the plaintext followed by the last-record delimiter. kInvalid for a bad key or
// secret, or a plaintext over kMaxPlaintext.
[[nodiscard]] Result<std::string> EncryptMessage(std::string_view plaintext,
                                                 std::string_view ua_public,
                                                 std::string_view auth_secret,
                                                 const EncryptFixed& fixed = {});

// What a browser does with such a body: the plaintext, or kInvalid when the body was not made
// for these keys or was changed on the way. For tests, and to check our own messages.
[[nodiscard]] Result<std::string> DecryptMessage(std::string_view body, const P256Keys& ua,
                                                 std::string_view auth_secret);

// The Authorization header of RFC 8292 section 3: "vapid t=<JWT>, k=<public key>", the JWT
// signed with ES256 by `vapid` and claiming aud (the push service's origin), exp (Unix seconds,
// at most 24 hours ahead) and sub (a mailto: or https: contact).
[[nodiscard]] Result<std::string> VapidAuthorization(const P256Keys& vapid,
                                                     std::string_view audience,
                                                     std::string_view subject, int64_t expires);

// Whether `jwt` is signed by the P-256 public key `public_key` with ES256: for tests.
bool VerifyEs256(std::string_view jwt, std::string_view public_key);

}  // namespace backsignal::push
