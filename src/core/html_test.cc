#include "backsignal/core/html.h"

#include <gtest/gtest.h>

namespace backsignal {
namespace {

TEST(EscapeHtmlTest, EscapesWhatEndsTextOrAQuotedAttributeAndKeepsTheRest) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x" title='y'>Tom & Jerry</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("sáb 5 dic · 2,5 h"), "sáb 5 dic · 2,5 h");
  EXPECT_EQ(EscapeHtml(""), "");
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
}

}  // namespace
}  // namespace backsignal
