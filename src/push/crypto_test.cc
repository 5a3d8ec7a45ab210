#include "backsignal/push/crypto.h"

#include <gtest/gtest.h>

namespace backsignal::push {
namespace {

// RFC 8291, Appendix A: the example message, every value as printed there.
constexpr char kPlaintext[] = "When I grow up, I want to be a watermelon";
constexpr char kAsPublic[] =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
constexpr char kAsPrivate[] = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr char kUaPublic[] =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
constexpr char kUaPrivate[] = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
constexpr char kSalt[] = "DGv6ra1nlYgDCS1FRnbzlw";
constexpr char kAuth[] = "BTBZMqHH6r4Tts7J_aSIgg";
constexpr char kBody[] =
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_"
    "c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6Tl"
    "zAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_"
    "Qulcy4a-"
    "fN";

std::string D(const char* s) { return Base64UrlDecode(s).value(); }

TEST(PushCryptoTest, EncryptionGivesRfc8291AppendixAByteForByte) {
  auto as = P256FromPrivate(D(kAsPrivate));
  ASSERT_TRUE(as);
  EXPECT_EQ(Base64UrlEncode(as->public_key), kAsPublic);
  auto body = EncryptMessage(kPlaintext, D(kUaPublic), D(kAuth),
                             EncryptFixed{.sender = *as, .salt = D(kSalt)});
  ASSERT_TRUE(body) << body.error().message;
  EXPECT_EQ(Base64UrlEncode(*body), kBody);
}

TEST(PushCryptoTest, TheBrowserOpensRfc8291AppendixA) {
  auto ua = P256FromPrivate(D(kUaPrivate));
  ASSERT_TRUE(ua);
  EXPECT_EQ(Base64UrlEncode(ua->public_key), kUaPublic);
  auto plain = DecryptMessage(D(kBody), *ua, D(kAuth));
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(*plain, kPlaintext);
}

TEST(PushCryptoTest, AMessageWithFreshKeysOpensForItsBrowserOnly) {
  auto ua = GenerateP256();
  auto other = GenerateP256();
  ASSERT_TRUE(ua && other);
  const std::string auth(16, '\x07');
  auto body = EncryptMessage("{\"title\":\"hi\"}", ua->public_key, auth);
  ASSERT_TRUE(body);
  EXPECT_EQ(DecryptMessage(*body, *ua, auth).value(), "{\"title\":\"hi\"}");
  EXPECT_FALSE(DecryptMessage(*body, *other, auth));                  // another browser's key
  EXPECT_FALSE(DecryptMessage(*body, *ua, std::string(16, '\x08')));  // another secret
  // Two messages never share a salt or a sender key.
  auto again = EncryptMessage("{\"title\":\"hi\"}", ua->public_key, auth);
  ASSERT_TRUE(again);
  EXPECT_NE(body->substr(0, 16), again->substr(0, 16));
  EXPECT_NE(body->substr(21, 65), again->substr(21, 65));
}

TEST(PushCryptoTest, AnyChangedByteOfTheMessageFailsToOpen) {
  auto ua = P256FromPrivate(D(kUaPrivate));
  ASSERT_TRUE(ua);
  const std::string body = D(kBody);
  for (size_t i : {size_t{0}, size_t{20}, size_t{40}, size_t{90}, body.size() - 1}) {
    std::string changed = body;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    EXPECT_FALSE(DecryptMessage(changed, *ua, D(kAuth))) << "byte " << i;
  }
}

TEST(PushCryptoTest, BadKeysAndOversizedMessagesAreRefused) {
  const std::string auth = D(kAuth);
  std::string off_curve = D(kUaPublic);
  off_curve[40] = static_cast<char>(off_curve[40] ^ 1);
  EXPECT_FALSE(IsP256PublicKey(off_curve));
  EXPECT_FALSE(EncryptMessage("x", off_curve, auth));
  EXPECT_FALSE(EncryptMessage("x", D(kUaPublic).substr(1), auth));
  EXPECT_FALSE(EncryptMessage("x", D(kUaPublic), auth.substr(1)));
  EXPECT_FALSE(EncryptMessage(std::string(kMaxPlaintext + 1, 'a'), D(kUaPublic), auth));
  EXPECT_TRUE(EncryptMessage(std::string(kMaxPlaintext, 'a'), D(kUaPublic), auth));
}

TEST(PushCryptoTest, Base64UrlRoundTripsAndRefusesOtherText) {
  for (std::string s : {"", "a", "ab", "abc", "abcd", "\xff\xfe\x00\x01"}) {
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(s)).value(), s);
  }
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(Base64UrlDecode("ab!c"));
  EXPECT_FALSE(Base64UrlDecode("a"));
}

TEST(PushCryptoTest, TheVapidTokenIsAnEs256JwtWithItsClaims) {
  auto vapid = GenerateP256();
  ASSERT_TRUE(vapid);
  auto header =
      VapidAuthorization(*vapid, "https://push.example.net", "mailto:ops@example.org", 1800000000);
  ASSERT_TRUE(header);
  ASSERT_TRUE(header->starts_with("vapid t="));
  const size_t comma = header->find(", k=");
  ASSERT_NE(comma, std::string::npos);
  const std::string jwt = header->substr(8, comma - 8);
  EXPECT_EQ(header->substr(comma + 4), Base64UrlEncode(vapid->public_key));
  EXPECT_TRUE(VerifyEs256(jwt, vapid->public_key));
  auto other = GenerateP256();
  ASSERT_TRUE(other);
  EXPECT_FALSE(VerifyEs256(jwt, other->public_key));
  const size_t dot = jwt.find('.');
  EXPECT_EQ(Base64UrlDecode(jwt.substr(0, dot)).value(), R"({"typ":"JWT","alg":"ES256"})");
  EXPECT_EQ(
      Base64UrlDecode(jwt.substr(dot + 1, jwt.rfind('.') - dot - 1)).value(),
      R"({"aud":"https://push.example.net","exp":1800000000,"sub":"mailto:ops@example.org"})");
  std::string tampered = jwt;
  tampered[dot + 3] = tampered[dot + 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(VerifyEs256(tampered, vapid->public_key));
}

}  // namespace
}  // namespace backsignal::push
