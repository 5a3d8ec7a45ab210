// What a person can take away, built once for the CLI and the API: the diary in each format,
// "all my data" (with the account, shares and tokens when there is an account), and the
// clinician's report.
#pragma once

#include <optional>
#include <string>

#include "backsignal/core/result.h"
#include "backsignal/io/exports.h"
#include "backsignal/service/service.h"
#include "backsignal/words/i18n.h"

namespace backsignal::service {

// The person's whole record, with their date now and the time in their zone.
[[nodiscard]] Result<ExportData> LoadExportData(const Service& service, PersonId person);

// One export; for kAll with an account, the document also holds the account, who it is
// shared with and its API tokens (never a secret).
[[nodiscard]] Result<ExportFile> ExportFor(const Service& service, PersonId person,
                                           ExportFormat format,
                                           const std::optional<Account>& account);

// How the person is named to a clinician: the name they chose (display_name), else their
// username; "" for a diary without an account.
[[nodiscard]] Result<std::string> NameOf(const Service& service, PersonId person);

struct ReportRequest {
  int weeks = 2;                   // 2, 4 or 12
  std::optional<Date> as_of;       // default: DefaultAsOf
  const Locale* locale = nullptr;  // the reader's language; English when not given
};
// The clinician's report as one HTML page.
[[nodiscard]] Result<std::string> ReportFor(const Service& service, PersonId person,
                                            const ReportRequest& request);

}  // namespace backsignal::service
