// The report's stylesheet: the page on a screen (a phone's too) and in print. Private to report.
#pragma once

#include <string_view>

namespace backsignal {

std::string_view ReportStyle();

}  // namespace backsignal
