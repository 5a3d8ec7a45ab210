// Sharing a reading with a clinician, and the clinician's list of who needs attention: the
// triage rules live here, the store only selects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backsignal/core/measures.h"
#include "backsignal/core/result.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

inline constexpr int kInviteDays = 7;
// A person who has recorded nothing for this many days needs a word.
inline constexpr int kStaleDays = 3;

struct NewInvite {
  int64_t id = 0;
  std::string code;  // shown once: "K7QM-2XPA-9RTD-B4WC"
  int64_t expires_at = 0;
};
[[nodiscard]] Result<NewInvite> CreateInvite(const Service& service, PersonId person);

// kForbidden unless `clinician` is a clinician's account; kNotFound for an unknown, used or
// expired code. Returns the person now shared, with their account.
[[nodiscard]] Result<Account> RedeemInvite(const Service& service, const Account& clinician,
                                           const std::string& code);

// Whether `viewer` may read `person`'s diary: their own, or shared with them as a clinician.
[[nodiscard]] Result<bool> CanView(const Service& service, const std::optional<Account>& viewer,
                                   PersonId viewer_person, PersonId person);

// One row of the clinician's list, with why the person needs attention, most needy first.
struct TriagedPerson {
  PersonSummary summary;
  std::optional<int> days_since;   // days since the latest date recorded
  std::vector<std::string> needs;  // reasons, most urgent first ("modify_or_stop", ...)
  int rank = 0;                    // larger is more urgent
  // Function (the PSFS average, docs/measures.md): the latest answers of the last two weeks set
  // against four weeks before (else eight); none without such answers.
  std::optional<PsfsTrend> function;
  bool function_worse = false;  // the change passes the threshold, the worse way
  // The PSFS change shown and sorted by: four weeks' else eight weeks'.
  std::optional<Compared> function_change() const;
};
[[nodiscard]] Result<std::vector<TriagedPerson>> ClinicianPeople(const Service& service,
                                                                 const Account& clinician);

// The order of need, for a list of summaries as of `today` (exposed for tests); `trends`, when
// given, holds each person's measures trend in the order of `people`.
std::vector<TriagedPerson> Triage(std::vector<PersonSummary> people, Date today,
                                  const std::vector<MeasuresTrend>& trends = {});

// The measures looked at for the list: eight weeks before the freshest answers of two weeks, and
// the slack either side.
inline constexpr int kFunctionLookbackDays = 8 * 7 + kTrendFreshDays + kTrendSlackDays;

// Whom the person shares their reading with, and their invites not yet used nor expired.
[[nodiscard]] Result<std::vector<ShareInfo>> ListShares(const Service& service, PersonId person);
[[nodiscard]] Result<std::vector<InviteInfo>> ListInvites(const Service& service, PersonId person);
// Cancelling one of the person's invites, and ending a share: kNotFound when they have none of
// that id.
[[nodiscard]] Result<void> CancelInvite(const Service& service, PersonId person, int64_t invite);
[[nodiscard]] Result<void> RevokeShare(const Service& service, PersonId person,
                                       int64_t clinician_account);

}  // namespace backsignal::service
