// Invites and shares, the clinician's list, calendar feeds, the first account's setup code.
#include <unordered_map>

#include "sql_database.h"

namespace backsignal::sql {

namespace {

// A column of one item a line ("" is none).
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  for (size_t from = 0; from < text.size();) {
    const size_t nl = std::min(text.find('\n', from), text.size());
    out.push_back(text.substr(from, nl - from));
    from = nl + 1;
  }
  return out;
}

}  // namespace

Result<int64_t> SqlDatabase::CreateInvite(PersonId person, const std::string& hash, int64_t now,
                                          int64_t expires) {
  int64_t id = 0;
  auto ok = Write([&](Conn& c) -> Result<void> {
    if (IsPostgres()) {
      // The person's lock (their diary's writes take it too): one count at a time.
      if (auto l = c.Query("SELECT pg_advisory_xact_lock(?)", {person}); !l) {
        return Unexpected(l.error());
      }
    }
    if (auto d = c.Run("DELETE FROM invites WHERE expires_at <= ?", {now}); !d)
      return Unexpected(d.error());
    auto live = c.Query("SELECT COUNT(*) FROM invites WHERE person_id = ?", {person});
    if (!live) return Unexpected(live.error());
    if ((*live)[0].Int(0) >= kMaxLiveInvites) {
      return Fail(
          // TRANSLATORS: {count} is the most invite codes one may have at once; "Account" is the
          // page's name.
          Error::Conflict(T_("you have {count} invite codes waiting to be used: cancel "
                             "one (Account) or wait for one to expire",
                             {{"count", kMaxLiveInvites}})));
    }
    auto r = c.Query(
        "INSERT INTO invites (person_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?) "
        "RETURNING id",
        {person, hash, now, expires});
    if (!r) return Unexpected(r.error());
    id = (*r)[0].Int(0);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return id;
}

Result<std::vector<InviteInfo>> SqlDatabase::ListInvites(PersonId person, int64_t now) {
  return Read([&](Conn& c) -> Result<std::vector<InviteInfo>> {
    auto r = c.Query(
        "SELECT id, created_at, expires_at FROM invites WHERE person_id = ? AND expires_at > ? "
        "ORDER BY id",
        {person, now});
    if (!r) return Unexpected(r.error());
    std::vector<InviteInfo> out;
    for (const Row& row : *r) out.push_back({row.Int(0), row.Int(1), row.Int(2)});
    return out;
  });
}

Result<bool> SqlDatabase::CancelInvite(PersonId person, int64_t id) {
  bool removed = false;
  auto ok = Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("DELETE FROM invites WHERE id = ? AND person_id = ?", {id, person});
    if (!r) return Unexpected(r.error());
    removed = *r > 0;
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return removed;
}

Result<PersonId> SqlDatabase::RedeemInvite(const std::string& hash, int64_t clinician,
                                           int64_t now) {
  PersonId person = 0;
  auto ok = Write([&](Conn& c) -> Result<void> {
    // Taken once: the DELETE is the claim.
    auto r =
        c.Query("DELETE FROM invites WHERE code_hash = ? AND expires_at > ? RETURNING person_id",
                {hash, now});
    if (!r) return Unexpected(r.error());
    if (r->empty()) {
      return Fail(
          Error::NotFound(T_("that invite code is unknown, used or expired: ask for a new one")));
    }
    person = (*r)[0].Int(0);
    auto own =
        c.Query("SELECT 1 FROM accounts WHERE id = ? AND person_id = ?", {clinician, person});
    if (!own) return Unexpected(own.error());
    if (!own->empty()) return Fail(Error::Invalid(T_("that is your own invite code")));
    auto s = c.Run(
        "INSERT INTO shares (person_id, clinician_id, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (person_id, clinician_id) DO NOTHING",
        {person, clinician, now});
    if (!s) return Unexpected(s.error());
    return UpdateSummary(c, person, summariser_.get());
  });
  if (!ok) return Unexpected(ok.error());
  return person;
}

Result<std::vector<ShareInfo>> SqlDatabase::ListShares(PersonId person) {
  return Read([&](Conn& c) -> Result<std::vector<ShareInfo>> {
    auto r = c.Query(
        "SELECT s.clinician_id, COALESCE(NULLIF(n.value, ''), a.username), s.created_at "
        "FROM shares s JOIN accounts a ON a.id = s.clinician_id "
        "LEFT JOIN profile n ON n.person_id = a.person_id AND n.key = 'display_name' "
        "WHERE s.person_id = ? ORDER BY s.created_at, a.username",
        {person});
    if (!r) return Unexpected(r.error());
    std::vector<ShareInfo> out;
    for (const Row& row : *r) out.push_back({row.Int(0), row.Text(1), row.Int(2)});
    return out;
  });
}

Result<bool> SqlDatabase::RevokeShare(PersonId person, int64_t clinician) {
  bool removed = false;
  auto ok = Write([&](Conn& c) -> Result<void> {
    auto r =
        c.Run("DELETE FROM shares WHERE person_id = ? AND clinician_id = ?", {person, clinician});
    if (!r) return Unexpected(r.error());
    removed = *r > 0;
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return removed;
}

Result<bool> SqlDatabase::CanRead(int64_t clinician, PersonId person) {
  return Read([&](Conn& c) -> Result<bool> {
    auto r = c.Query("SELECT 1 FROM shares WHERE clinician_id = ? AND person_id = ?",
                     {clinician, person});
    if (!r) return Unexpected(r.error());
    return !r->empty();
  });
}

Result<std::vector<PersonSummary>> SqlDatabase::ClinicianList(int64_t clinician,
                                                              std::optional<Date> psfs_since) {
  return Read([&](Conn& c) -> Result<std::vector<PersonSummary>> {
    auto r = c.Query(
        "SELECT s.person_id, a.username, m.last_date, COALESCE(m.verdict, 'not_enough_data'), "
        "COALESCE(m.alerts, 0), COALESCE(m.stirring_up, 0), COALESCE(m.repeated_worse, 0), "
        "COALESCE(m.morning_shift, 0), COALESCE(m.modify_or_stop, 0), "
        "COALESCE(m.keeps_rising, 0), COALESCE(n.value, ''), COALESCE(m.held_back_by, ''), "
        "COALESCE(m.setting_off, ''), COALESCE(m.rules, 0) "
        "FROM shares s JOIN accounts a ON a.person_id = s.person_id "
        "LEFT JOIN summaries m ON m.person_id = s.person_id "
        "LEFT JOIN profile n ON n.person_id = s.person_id AND n.key = 'display_name' "
        "WHERE s.clinician_id = ? "
        "ORDER BY a.username",
        {clinician});
    if (!r) return Unexpected(r.error());
    std::vector<PersonSummary> out;
    out.reserve(r->size());
    for (const Row& row : *r) {
      PersonSummary p;
      p.person = row.Int(0);
      p.username = row.Text(1);
      p.display_name = row.Text(10);
      if (auto d = row.OptText(2)) {
        auto parsed = Date::Parse(*d);
        if (!parsed) return Fail(Error::Storage("corrupt date in the database: " + *d));
        p.last_date = *parsed;
      }
      p.verdict = row.Text(3);
      p.alerts = static_cast<int>(row.Int(4));
      p.stirring_up = row.Int(5) != 0;
      p.repeated_worse = row.Int(6) != 0;
      p.morning_shift = row.Int(7) != 0;
      p.modify_or_stop = row.Int(8) != 0;
      p.keeps_rising = row.Int(9) != 0;
      p.held_back_by = Lines(row.Text(11));
      p.setting_off = Lines(row.Text(12));
      p.rules = static_cast<int>(row.Int(13));
      out.push_back(std::move(p));
    }
    if (!psfs_since || out.empty()) return out;
    // Everyone's PSFS ratings in one query, by person, date and the person's order.
    auto ratings = c.Query(
        "SELECT r.person_id, r.date, r.activity, r.score FROM psfs_ratings r "
        "JOIN shares s ON s.person_id = r.person_id "
        "WHERE s.clinician_id = ? AND r.date >= ? ORDER BY r.person_id, r.date, r.seq",
        {clinician, psfs_since->ToString()});
    if (!ratings) return Unexpected(ratings.error());
    std::unordered_map<PersonId, PersonSummary*> by_person;
    for (PersonSummary& p : out) by_person[p.person] = &p;
    for (const Row& row : *ratings) {
      auto it = by_person.find(row.Int(0));
      if (it == by_person.end()) continue;
      auto date = Date::Parse(row.Text(1));
      if (!date) return Fail(Error::Storage("corrupt PSFS date in the database: " + row.Text(1)));
      std::vector<Weekly>& weeks = it->second->psfs;
      if (weeks.empty() || weeks.back().date != *date) weeks.push_back(Weekly{.date = *date});
      weeks.back().psfs.push_back({row.Text(2), static_cast<int>(row.Int(3))});
    }
    return out;
  });
}

Result<void> SqlDatabase::RefreshStaleSummaries() {
  if (summariser_ == nullptr) return {};
  auto stale = Read([&](Conn& c) -> Result<std::vector<PersonId>> {
    auto r = c.Query("SELECT person_id FROM summaries WHERE rules < ? ORDER BY person_id",
                     {int64_t{summariser_->Rules()}});
    if (!r) return Unexpected(r.error());
    std::vector<PersonId> out;
    for (const Row& row : *r) out.push_back(row.Int(0));
    return out;
  });
  if (!stale) return Unexpected(stale.error());
  for (PersonId person : *stale) {
    if (auto ok = Write([&](Conn& c) { return UpdateSummary(c, person, summariser_.get()); });
        !ok) {
      return ok;
    }
  }
  return {};
}

Result<std::optional<PersonId>> SqlDatabase::FindPersonByFeed(const std::string& hash) {
  return Read([&](Conn& c) -> Result<std::optional<PersonId>> {
    auto r = c.Query("SELECT person_id FROM profile WHERE key = 'feed_token_hash' AND value = ?",
                     {hash});
    if (!r) return Unexpected(r.error());
    if (r->empty()) return std::optional<PersonId>();
    return std::optional<PersonId>((*r)[0].Int(0));
  });
}

Result<void> SqlDatabase::SetSetupCode(const std::string& hash) {
  return Write([&](Conn& c) -> Result<void> {
    // Each serving process may print its own code; any of them makes the first account.
    auto r = c.Run("INSERT INTO setup (key, value) VALUES (?, '') ON CONFLICT (key) DO NOTHING",
                   {"signup:" + hash});
    if (!r) return Unexpected(r.error());
    return {};
  });
}

Result<bool> SqlDatabase::CheckSetupCode(const std::string& hash) {
  return Read([&](Conn& c) -> Result<bool> {
    auto r = c.Query("SELECT 1 FROM setup WHERE key = ?", {"signup:" + hash});
    if (!r) return Unexpected(r.error());
    return !r->empty();
  });
}

}  // namespace backsignal::sql
