#include "backsignal/push/client.h"

#include <gtest/gtest.h>

namespace backsignal::push {
namespace {

// Names that pass as names but resolve to this machine: refused after resolution, before any
// connection, whatever the name looks like.
TEST(PushClientTest, ANameThatResolvesToAnInsideAddressIsRefusedBeforeConnecting) {
  auto client = MakeHttpClient(ClientOptions{.timeout = std::chrono::milliseconds(3000)});
  ASSERT_TRUE(client);
  std::vector<PushRequest> requests;
  // (glibc reads hexadecimal IPv4 forms as addresses: 0x7f.0.0.1 is 127.0.0.1.)
  for (const char* url : {"https://0x7f.0.0.1:9/x", "https://0xa9.0xfe.0xa9.0xfe/latest"}) {
    requests.push_back({.url = url, .body = "x", .headers = {}});
  }
  const auto answers = (*client)->SendAll(requests);
  ASSERT_EQ(answers.size(), 2u);
  for (const PushResponse& a : answers) {
    EXPECT_TRUE(a.refused) << a.error;
    EXPECT_EQ(a.status, 0);
    EXPECT_NE(a.error.find("not a public address"), std::string::npos) << a.error;
  }
}

TEST(PushClientTest, AnEndpointRefusedAsInputIsNeverSent) {
  auto client = MakeHttpClient(ClientOptions{});
  ASSERT_TRUE(client);
  size_t answered = 0;
  const auto answers =
      (*client)->SendAll({{.url = "http://push.example.net/x", .body = "x", .headers = {}},
                          {.url = "https://169.254.169.254/latest", .body = "x", .headers = {}}},
                         [&](size_t, const PushResponse&) { ++answered; });
  EXPECT_EQ(answered, 2u);
  for (const PushResponse& a : answers) EXPECT_TRUE(a.refused) << a.error;
}

TEST(PushClientTest, AMissingCertificateFileIsAnError) {
  EXPECT_FALSE(MakeHttpClient(ClientOptions{.ca_file = "/nonexistent/ca.pem"}));
}

}  // namespace
}  // namespace backsignal::push
