// Fuzz target: the account bodies (sign-up, sign-in, password, token, invite code) must never
// crash, and accept only text that is valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/io/auth_json.h"

using namespace backsignal;

namespace {
void Check(const std::string& s) {
  if (!IsValidUtf8(s)) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto b = ParseSignUpJson(text)) {
    for (const std::string* s : {&b->username, &b->password, &b->role, &b->setup_code}) Check(*s);
  }
  if (auto b = ParseSignInJson(text)) {
    Check(b->username);
    Check(b->password);
  }
  if (auto b = ParsePasswordChangeJson(text)) {
    Check(b->current);
    Check(b->next);
  }
  if (auto b = ParsePasswordJson(text)) Check(*b);
  if (auto b = ParseTokenJson(text)) {
    Check(b->name);
    Check(b->scope);
  }
  if (auto b = ParseInviteCodeJson(text)) Check(*b);
  return 0;
}
