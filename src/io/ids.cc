#include "backsignal/io/ids.h"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>

namespace backsignal {
namespace {

void EnsureSodium() {
  static const bool ready = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    return true;
  }();
  (void)ready;
}

std::string Hex(const unsigned char* p, size_t n) {
  std::string out(n * 2, '\0');
  sodium_bin2hex(out.data(), out.size() + 1, p, n);
  return out;
}

}  // namespace

std::string StableUuid(std::string_view person_key, std::string_view name) {
  EnsureSodium();
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 16);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(person_key.data()),
                            person_key.size());
  const unsigned char sep = '|';
  crypto_generichash_update(&st, &sep, 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(name.data()), name.size());
  unsigned char b[16];
  crypto_generichash_final(&st, b, sizeof b);
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x80);  // version 8
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  const std::string h = Hex(b, 16);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

std::string NewSecretToken() {
  EnsureSodium();
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, b, sizeof b, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string HashSecret(std::string_view token) {
  EnsureSodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(h, sizeof h);
}

bool SecretMatches(std::string_view token, std::string_view stored_hash) {
  const std::string h = HashSecret(token);
  if (stored_hash.size() != h.size()) return false;
  return sodium_memcmp(h.data(), stored_hash.data(), h.size()) == 0;
}

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::Storage("out of memory hashing a password"));
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& stored) {
  EnsureSodium();
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void VerifyNothing(std::string_view password) {
  // A hash made once; nothing is ever compared with it but the time it takes.
  static const std::string dummy = HashPassword("not a password of anyone")
                                       .value_or(
                                           "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                                           "0wD5JSk0H9YCsYZ3kJ1y6Gq4q8Wn1hE0L8u2cQ3QbJ8");
  (void)VerifyPassword(password, dummy);
}

namespace {
constexpr char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // 32: no I, O, 0, 1
}

std::string NewInviteCode() {
  EnsureSodium();
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kCodeAlphabet[randombytes_uniform(32)];
  }
  return out;
}

std::string NormaliseInviteCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  return out;
}

}  // namespace backsignal
