#include "backsignal/service/sharing.h"

#include <algorithm>

#include "backsignal/io/ids.h"
#include "backsignal/service/today.h"
#include "internal.h"

namespace backsignal::service {

Result<NewInvite> CreateInvite(const Service& service, PersonId person) {
  NewInvite invite;
  invite.code = NewInviteCode();
  const int64_t now = service.clock().Now();
  invite.expires_at = now + int64_t{kInviteDays} * 86400;
  auto id = StoreOf(service).CreateInvite(person, HashSecret(NormaliseInviteCode(invite.code)), now,
                                          invite.expires_at);
  if (!id) return Unexpected(id.error());
  invite.id = *id;
  return invite;
}

Result<Account> RedeemInvite(const Service& service, const Account& clinician,
                             const std::string& code) {
  if (clinician.role != "clinician") {
    return Fail(Error::Forbidden(T_("this is for clinician accounts")));
  }
  auto person = StoreOf(service).RedeemInvite(HashSecret(NormaliseInviteCode(code)), clinician.id,
                                              service.clock().Now());
  if (!person) return Unexpected(person.error());
  auto account = StoreOf(service).AccountOfPerson(*person);
  if (!account) return Unexpected(account.error());
  if (!*account) return Fail(Error::NotFound(T_("that person's account is gone")));
  return **account;
}

Result<bool> CanView(const Service& service, const std::optional<Account>& viewer,
                     PersonId viewer_person, PersonId person) {
  if (viewer_person == person) return true;
  if (!viewer || viewer->role != "clinician") return false;
  return StoreOf(service).CanRead(viewer->id, person);
}

std::optional<Compared> TriagedPerson::function_change() const {
  if (!function) return std::nullopt;
  return function->four_weeks ? function->four_weeks : function->eight_weeks;
}

std::vector<TriagedPerson> Triage(std::vector<PersonSummary> people, Date today,
                                  const std::vector<MeasuresTrend>& trends) {
  std::vector<TriagedPerson> out;
  out.reserve(people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    PersonSummary& p = people[i];
    TriagedPerson t;
    if (p.last_date) t.days_since = today - *p.last_date;
    if (i < trends.size()) {
      t.function = trends[i].psfs;
      t.function_worse = trends[i].function_worse();
    }
    // The reasons, most urgent first, and a rank that orders people by the most urgent: a
    // safety alert, a rising usual morning, repeated worse mornings, the early warning, the
    // verdict, function getting worse (the PSFS, docs/measures.md), then what holds a mixed
    // reading back (an activity setting the back off, mornings
    // masked by painkillers, the rest), and silence.
    struct Reason {
      bool present;
      const char* name;
      int weight;
    };
    const bool silent = !t.days_since || *t.days_since >= kStaleDays;
    auto held = [&p](std::string_view name) {
      return std::find(p.held_back_by.begin(), p.held_back_by.end(), name) != p.held_back_by.end();
    };
    const Reason reasons[] = {
        {p.modify_or_stop, "modify_or_stop", 512},
        {p.keeps_rising, "keeps_rising", 256},
        {p.repeated_worse, "repeated_worse_mornings", 128},
        {p.morning_shift, "morning_shift", 64},
        {p.stirring_up, "stirring_up", 32},
        {t.function_worse, "function_worse", 20},
        {held("activity"), "activity_setting_off", 16},
        {held("painkillers"), "masked_by_painkillers", 8},
        {held("flares"), "flares", 2},
        {held("creeping"), "creeping", 2},
        {held("strain"), "strain", 2},
        {silent, "no_recent_check_ins", 1},
    };
    for (const Reason& r : reasons) {
      if (!r.present) continue;
      t.needs.emplace_back(r.name);
      t.rank += r.weight;
    }
    t.summary = std::move(p);
    out.push_back(std::move(t));
  }
  // Most urgent first; then the longest silent (nothing recorded at all first); then by name.
  std::stable_sort(out.begin(), out.end(), [](const TriagedPerson& a, const TriagedPerson& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    const int da = a.days_since.value_or(1 << 30), db = b.days_since.value_or(1 << 30);
    if (da != db) return da > db;
    return a.summary.username < b.summary.username;
  });
  return out;
}

Result<std::vector<TriagedPerson>> ClinicianPeople(const Service& service,
                                                   const Account& clinician) {
  if (clinician.role != "clinician") {
    return Fail(Error::Forbidden(T_("this is for clinician accounts")));
  }
  auto today = TodayFor(service, clinician.person);
  if (!today) return Unexpected(today.error());
  auto list = StoreOf(service).ClinicianList(clinician.id, *today - kFunctionLookbackDays);
  if (!list) return Unexpected(list.error());
  // Each person's function from the PSFS answers the list carries (read with it, at once).
  std::vector<MeasuresTrend> trends;
  trends.reserve(list->size());
  for (const PersonSummary& p : *list) {
    if (p.psfs.empty()) {
      trends.emplace_back();
      continue;
    }
    Measures m;
    m.weekly = p.psfs;
    trends.push_back(TrendOf(m, *today));
  }
  return Triage(std::move(*list), *today, trends);
}

}  // namespace backsignal::service

namespace backsignal::service {

Result<std::vector<ShareInfo>> ListShares(const Service& service, PersonId person) {
  return StoreOf(service).ListShares(person);
}

Result<std::vector<InviteInfo>> ListInvites(const Service& service, PersonId person) {
  return StoreOf(service).ListInvites(person, service.clock().Now());
}

Result<void> CancelInvite(const Service& service, PersonId person, int64_t invite) {
  auto ok = StoreOf(service).CancelInvite(person, invite);
  if (!ok) return Unexpected(ok.error());
  if (!*ok) return Fail(Error::NotFound(T_("no such invite")));
  return {};
}

Result<void> RevokeShare(const Service& service, PersonId person, int64_t clinician_account) {
  auto ok = StoreOf(service).RevokeShare(person, clinician_account);
  if (!ok) return Unexpected(ok.error());
  if (!*ok) return Fail(Error::NotFound(T_("no such share")));
  return {};
}

}  // namespace backsignal::service
