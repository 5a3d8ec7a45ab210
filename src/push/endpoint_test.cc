#include "backsignal/push/endpoint.h"

#include <gtest/gtest.h>

namespace backsignal::push {
namespace {

TEST(PushEndpointTest, APushServiceEndpointIsTakenWithItsOrigin) {
  auto e = ParseEndpoint("https://fcm.googleapis.com/fcm/send/abc:DEF-123", Reach::kPublicOnly);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_TRUE(e->tls);
  EXPECT_EQ(e->host, "fcm.googleapis.com");
  EXPECT_EQ(e->port, 443);
  EXPECT_EQ(e->target, "/fcm/send/abc:DEF-123");
  EXPECT_EQ(e->origin, "https://fcm.googleapis.com");
  auto p = ParseEndpoint("https://Push.Example.NET:8443/w?x=1", Reach::kPublicOnly);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->origin, "https://push.example.net:8443");
  EXPECT_EQ(p->target, "/w?x=1");
}

TEST(PushEndpointTest, AnythingButHttpsToAPublicHostIsRefused) {
  for (const char* url : {
           "http://push.example.net/x",         // not https
           "ftp://push.example.net/x",          // not https
           "https://user@push.example.net/x",   // a user
           "https://push.example.net/x#frag",   // a fragment
           "https:///x",                        // no host
           "https://push.example.net:0/x",      // no port
           "https://push.example.net:99999/x",  // no port
           "https://push example.net/x",        // a space
           "https://localhost/x",               // this machine
           "https://127.0.0.1/x",               // loopback
           "https://[::1]/x",                   // loopback
           "https://10.1.2.3/x",                // private
           "https://172.20.0.1/x",              // private
           "https://192.168.1.1/x",             // private
           "https://100.64.0.1/x",              // CGNAT
           "https://169.254.169.254/latest",    // cloud metadata
           "https://[fd00:ec2::254]/latest",    // cloud metadata (IPv6)
           "https://[fe80::1]/x",               // link-local
           "https://[::ffff:10.0.0.1]/x",       // a private IPv4, mapped
           "https://0.0.0.0/x",                 // this network
           "https://224.0.0.1/x",               // multicast
       }) {
    EXPECT_FALSE(ParseEndpoint(url, Reach::kPublicOnly)) << url;
  }
  EXPECT_FALSE(
      ParseEndpoint("https://push.example.net/" + std::string(1000, 'a'), Reach::kPublicOnly));
  EXPECT_TRUE(
      ParseEndpoint("https://push.example.net/" + std::string(1000 - 25, 'a'), Reach::kPublicOnly));
}

TEST(PushEndpointTest, TheTestSettingAllowsLoopbackAndNothingElseInside) {
  for (const char* url :
       {"http://localhost:8090/notify/x", "https://127.0.0.1:9/x", "http://[::1]:8090/x"}) {
    EXPECT_TRUE(ParseEndpoint(url, Reach::kAlsoLoopback)) << url;
  }
  for (const char* url : {"http://push.example.net/x", "https://10.0.0.1/x",
                          "https://169.254.169.254/x", "http://192.168.0.2/x"}) {
    EXPECT_FALSE(ParseEndpoint(url, Reach::kAlsoLoopback)) << url;
  }
}

TEST(PushEndpointTest, AddressesAreClassifiedByTheirRange) {
  EXPECT_EQ(ClassifyAddress("142.250.74.106"), AddressKind::kPublic);
  EXPECT_EQ(ClassifyAddress("2a00:1450:4001:82b::200a"), AddressKind::kPublic);
  EXPECT_EQ(ClassifyAddress("127.0.0.53"), AddressKind::kLoopback);
  EXPECT_EQ(ClassifyAddress("::1"), AddressKind::kLoopback);
  EXPECT_EQ(ClassifyAddress("::ffff:127.0.0.1"), AddressKind::kLoopback);
  for (const char* a :
       {"10.0.0.1", "172.31.255.255", "192.168.0.1", "100.127.255.255", "169.254.169.254",
        "fd00:ec2::254", "fc00::1", "fe80::1", "ff02::1", "2001:db8::1", "2002:a00:1::1",
        "64:ff9b::a00:1", "::", "255.255.255.255", "198.18.0.1", "not an address"}) {
    EXPECT_EQ(ClassifyAddress(a), AddressKind::kOther) << a;
  }
  EXPECT_EQ(ClassifyAddress("64:ff9b::8efa:4a6a"), AddressKind::kPublic);  // NAT64 of a public one
  EXPECT_EQ(ClassifyAddress("172.32.0.1"), AddressKind::kPublic);          // just past 172.16/12
  EXPECT_EQ(ClassifyAddress("100.128.0.1"), AddressKind::kPublic);         // just past 100.64/10
}

}  // namespace
}  // namespace backsignal::push
