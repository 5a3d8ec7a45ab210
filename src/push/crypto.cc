#include "backsignal/push/crypto.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

#include <array>
#include <memory>

namespace backsignal::push {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr size_t kSaltSize = 16;
constexpr uint32_t kRecordSize = 4096;
constexpr size_t kPointSize = 65;
constexpr size_t kScalarSize = 32;
constexpr size_t kTagSize = 16;

template <typename T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using Group = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP, EC_GROUP_free>>;
using Point = std::unique_ptr<EC_POINT, Deleter<EC_POINT, EC_POINT_free>>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using Sig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

const unsigned char* U(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

Error Crypto(const std::string& what) { return Error::Invalid("push encryption: " + what); }

Group P256() { return Group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1)); }

// An EVP key of `point` (public only) or of `scalar` with its point (a key pair).
Result<Pkey> MakeKey(std::string_view point, std::string_view scalar) {
  ParamBld bld(OSSL_PARAM_BLD_new());
  Bignum priv;
  if (!bld ||
      !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                        point.size())) {
    return Fail(Crypto("could not build a key"));
  }
  if (!scalar.empty()) {
    priv.reset(BN_bin2bn(U(scalar), static_cast<int>(scalar.size()), nullptr));
    if (!priv || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv.get())) {
      return Fail(Crypto("could not build a key"));
    }
  }
  Params params(OSSL_PARAM_BLD_to_param(bld.get()));
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, scalar.empty() ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR,
                        params.get()) <= 0) {
    return Fail(Crypto("not a P-256 key"));
  }
  return Pkey(raw);
}

Result<std::string> Ecdh(const P256Keys& own, std::string_view peer_point) {
  auto mine = MakeKey(own.public_key, own.private_key);
  if (!mine) return Unexpected(mine.error());
  auto peer = MakeKey(peer_point, {});
  if (!peer) return Unexpected(peer.error());
  PkeyCtx ctx(EVP_PKEY_CTX_new(mine->get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer->get()) <= 0 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &len) <= 0) {
    return Fail(Crypto("the key agreement failed"));
  }
  std::string secret(len, '\0');
  if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char*>(secret.data()), &len) <= 0) {
    return Fail(Crypto("the key agreement failed"));
  }
  secret.resize(len);
  return secret;
}

std::string Hmac(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), U(data), data.size(), out.data(),
       &len);
  return std::string(reinterpret_cast<const char*>(out.data()), len);
}

struct ContentKeys {
  std::string cek;    // 16 bytes
  std::string nonce;  // 12 bytes
};

// RFC 8291 section 3.4 and RFC 8188 section 2.2: from the shared secret to the content
// encryption key and nonce of the (one) record.
ContentKeys DeriveKeys(std::string_view ecdh_secret, std::string_view auth_secret,
                       std::string_view ua_public, std::string_view as_public,
                       std::string_view salt) {
  const std::string prk_key = Hmac(auth_secret, ecdh_secret);
  std::string key_info = std::string("WebPush: info") + '\0';
  key_info.append(ua_public).append(as_public);
  const std::string ikm = Hmac(prk_key, key_info + '\x01');
  const std::string prk = Hmac(salt, ikm);
  ContentKeys k;
  k.cek = Hmac(prk, std::string("Content-Encoding: aes128gcm") + '\0' + '\x01').substr(0, 16);
  k.nonce = Hmac(prk, std::string("Content-Encoding: nonce") + '\0' + '\x01').substr(0, 12);
  return k;
}

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v =
        (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  if (i + 1 == bytes.size()) {
    const uint32_t v = uint8_t(bytes[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (i + 2 == bytes.size()) {
    const uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

Result<std::string> Base64UrlDecode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return Fail(Error::Invalid("not base64url: its length is wrong"));
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '-' || c == '+') v = 62;
    if (c == '_' || c == '/') v = 63;
    if (v < 0) return Fail(Error::Invalid("not base64url: it holds other characters"));
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

Result<P256Keys> GenerateP256() {
  std::string scalar(kScalarSize, '\0');
  Group group = P256();
  Bignum order(BN_new());
  if (!group || !order || !EC_GROUP_get_order(group.get(), order.get(), nullptr)) {
    return Fail(Crypto("no P-256 here"));
  }
  // A uniform scalar in [1, order): drawn until one falls there (almost always the first).
  for (;;) {
    if (RAND_bytes(reinterpret_cast<unsigned char*>(scalar.data()), kScalarSize) != 1) {
      return Fail(Crypto("the random source failed"));
    }
    Bignum n(BN_bin2bn(U(scalar), kScalarSize, nullptr));
    if (n && !BN_is_zero(n.get()) && BN_cmp(n.get(), order.get()) < 0) break;
  }
  return P256FromPrivate(scalar);
}

Result<P256Keys> P256FromPrivate(std::string_view private_key) {
  if (private_key.size() != kScalarSize) return Fail(Crypto("a private key is 32 bytes"));
  Group group = P256();
  Bignum n(BN_bin2bn(U(private_key), kScalarSize, nullptr));
  Point pub(group ? EC_POINT_new(group.get()) : nullptr);
  if (!group || !n || !pub || BN_is_zero(n.get()) ||
      !EC_POINT_mul(group.get(), pub.get(), n.get(), nullptr, nullptr, nullptr)) {
    return Fail(Crypto("not a P-256 private key"));
  }
  std::string point(kPointSize, '\0');
  if (EC_POINT_point2oct(group.get(), pub.get(), POINT_CONVERSION_UNCOMPRESSED,
                         reinterpret_cast<unsigned char*>(point.data()), point.size(),
                         nullptr) != kPointSize) {
    return Fail(Crypto("not a P-256 private key"));
  }
  return P256Keys{std::string(private_key), std::move(point)};
}

bool IsP256PublicKey(std::string_view point) {
  if (point.size() != kPointSize || point[0] != 0x04) return false;
  Group group = P256();
  Point p(group ? EC_POINT_new(group.get()) : nullptr);
  return p && EC_POINT_oct2point(group.get(), p.get(), U(point), point.size(), nullptr) == 1 &&
         EC_POINT_is_on_curve(group.get(), p.get(), nullptr) == 1;
}

Result<std::string> EncryptMessage(std::string_view plaintext, std::string_view ua_public,
                                   std::string_view auth_secret, const EncryptFixed& fixed) {
  if (plaintext.size() > kMaxPlaintext) {
    return Fail(Crypto("a message of " + std::to_string(plaintext.size()) +
                       " bytes is over the most one can carry (" + std::to_string(kMaxPlaintext) +
                       ")"));
  }
  if (!IsP256PublicKey(ua_public)) return Fail(Crypto("the browser's key is not a P-256 key"));
  if (auth_secret.size() != kAuthSecretSize) {
    return Fail(Crypto("the browser's authentication secret is not 16 bytes"));
  }
  P256Keys sender;
  if (fixed.sender) {
    sender = *fixed.sender;
  } else {
    auto made = GenerateP256();
    if (!made) return Unexpected(made.error());
    sender = std::move(*made);
  }
  std::string salt(kSaltSize, '\0');
  if (fixed.salt) {
    if (fixed.salt->size() != kSaltSize) return Fail(Crypto("a salt is 16 bytes"));
    salt = *fixed.salt;
  } else if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSaltSize) != 1) {
    return Fail(Crypto("the random source failed"));
  }
  auto secret = Ecdh(sender, ua_public);
  if (!secret) return Unexpected(secret.error());
  const ContentKeys k = DeriveKeys(*secret, auth_secret, ua_public, sender.public_key, salt);

  std::string record(plaintext);
  record += '\x02';  // the last (and only) record, no padding
  std::string body = salt;
  for (int s = 24; s >= 0; s -= 8) body += static_cast<char>((kRecordSize >> s) & 0xff);
  body += static_cast<char>(kPointSize);
  body += sender.public_key;
  const size_t head = body.size();
  body.resize(head + record.size() + kTagSize);
  auto* out = reinterpret_cast<unsigned char*>(body.data() + head);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  int total = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, U(k.cek), U(k.nonce)) != 1 ||
      EVP_EncryptUpdate(ctx.get(), out, &len, U(record), static_cast<int>(record.size())) != 1) {
    return Fail(Crypto("AES-128-GCM failed"));
  }
  total = len;
  if (EVP_EncryptFinal_ex(ctx.get(), out + total, &len) != 1) {
    return Fail(Crypto("AES-128-GCM failed"));
  }
  total += len;
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out + total) != 1) {
    return Fail(Crypto("AES-128-GCM failed"));
  }
  return body;
}

Result<std::string> DecryptMessage(std::string_view body, const P256Keys& ua,
                                   std::string_view auth_secret) {
  if (body.size() < kSaltSize + 5) return Fail(Crypto("the message is too short"));
  const std::string_view salt = body.substr(0, kSaltSize);
  const size_t idlen = static_cast<uint8_t>(body[kSaltSize + 4]);
  if (idlen != kPointSize || body.size() < kSaltSize + 5 + idlen + kTagSize + 1) {
    return Fail(Crypto("the message's header is not aes128gcm for Web Push"));
  }
  const std::string_view as_public = body.substr(kSaltSize + 5, idlen);
  const std::string_view sealed = body.substr(kSaltSize + 5 + idlen);
  auto secret = Ecdh(ua, as_public);
  if (!secret) return Unexpected(secret.error());
  const ContentKeys k = DeriveKeys(*secret, auth_secret, ua.public_key, as_public, salt);
  const std::string_view cipher = sealed.substr(0, sealed.size() - kTagSize);
  std::string tag(sealed.substr(sealed.size() - kTagSize));
  std::string plain(cipher.size(), '\0');
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) != 1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, U(k.cek), U(k.nonce)) != 1 ||
      EVP_DecryptUpdate(ctx.get(), out, &len, U(cipher), static_cast<int>(cipher.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), out + len, &len) != 1) {
    return Fail(Crypto("the message does not open with these keys (changed, or not for them)"));
  }
  while (!plain.empty() && plain.back() == '\0') plain.pop_back();
  if (plain.empty() || plain.back() != '\x02') {
    return Fail(Crypto("the message's record has no last-record delimiter"));
  }
  plain.pop_back();
  return plain;
}

Result<std::string> VapidAuthorization(const P256Keys& vapid, std::string_view audience,
                                       std::string_view subject, int64_t expires) {
  auto escape = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) < 0x20) continue;
      out += c;
    }
    return out;
  };
  const std::string header = Base64UrlEncode(R"({"typ":"JWT","alg":"ES256"})");
  const std::string claims =
      Base64UrlEncode("{\"aud\":\"" + escape(audience) + "\",\"exp\":" + std::to_string(expires) +
                      ",\"sub\":\"" + escape(subject) + "\"}");
  const std::string input = header + "." + claims;
  auto key = MakeKey(vapid.public_key, vapid.private_key);
  if (!key) return Unexpected(key.error());
  MdCtx md(EVP_MD_CTX_new());
  size_t der_len = 0;
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key->get()) != 1 ||
      EVP_DigestSign(md.get(), nullptr, &der_len, U(input), input.size()) != 1) {
    return Fail(Crypto("signing the VAPID token failed"));
  }
  std::string der(der_len, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(der.data()), &der_len, U(input),
                     input.size()) != 1) {
    return Fail(Crypto("signing the VAPID token failed"));
  }
  const unsigned char* p = U(der);
  Sig sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der_len)));
  if (!sig) return Fail(Crypto("signing the VAPID token failed"));
  // JWS wants r and s as two 32-byte big-endian numbers (RFC 7518 section 3.4), not DER.
  std::string raw(2 * kScalarSize, '\0');
  auto* r = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), r, kScalarSize) != kScalarSize ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), r + kScalarSize, kScalarSize) != kScalarSize) {
    return Fail(Crypto("signing the VAPID token failed"));
  }
  return "vapid t=" + input + "." + Base64UrlEncode(raw) +
         ", k=" + Base64UrlEncode(vapid.public_key);
}

bool VerifyEs256(std::string_view jwt, std::string_view public_key) {
  const size_t dot = jwt.rfind('.');
  if (dot == std::string_view::npos) return false;
  auto raw = Base64UrlDecode(jwt.substr(dot + 1));
  if (!raw || raw->size() != 2 * kScalarSize) return false;
  Sig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(U(*raw), kScalarSize, nullptr);
  BIGNUM* s = BN_bin2bn(U(*raw) + kScalarSize, kScalarSize, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return false;
  }
  unsigned char* der = nullptr;
  const int der_len = i2d_ECDSA_SIG(sig.get(), &der);
  if (der_len <= 0) return false;
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> owned(
      der, [](unsigned char* q) { OPENSSL_free(q); });
  auto key = MakeKey(public_key, {});
  if (!key) return false;
  MdCtx md(EVP_MD_CTX_new());
  const std::string_view input = jwt.substr(0, dot);
  return md && EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key->get()) == 1 &&
         EVP_DigestVerify(md.get(), der, static_cast<size_t>(der_len), U(input), input.size()) == 1;
}

}  // namespace backsignal::push
