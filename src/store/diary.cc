// One person's view of the database and their write transactions; versions and summaries.
#include <algorithm>

#include "sql_database.h"

namespace backsignal::sql {

Result<std::optional<Day>> SqlTxn::GetDay(Date date) {
  if (auto it = known_.find(date); it != known_.end()) return it->second;
  if (cleared_) return std::optional<Day>();
  auto rows = c_.Query(Statements().select_day.c_str(), {person_, date.ToString()});
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return known_[date] = std::optional<Day>();
  Day day;
  if (auto ok = ReadDayRow((*rows)[0], day); !ok) return Unexpected(ok.error());
  auto ss = c_.Query(Statements().select_sessions_of_day.c_str(), {person_, date.ToString()});
  if (!ss) return Unexpected(ss.error());
  for (const Row& r : *ss) {
    Session s;
    if (auto ok = ReadSessionRow(r, s); !ok) return Unexpected(ok.error());
    day.sessions.push_back(std::move(s));
  }
  return known_[date] = std::optional<Day>(std::move(day));
}

Result<void> SqlTxn::PutDay(const Day& day) {
  // A day made in code can hold anything: what is stored must read back as a valid diary.
  if (auto ok = ValidateDay(day); !ok) return ok;
  auto stored = GetDay(day.date);
  if (!stored) return Unexpected(stored.error());
  const Day* before = *stored ? &**stored : nullptr;
  if (before ? *before == day : day.empty()) return {};  // nothing changes
  changed_ = true;
  if (day.context.tags && !new_tags_) {
    // Whether it brings a tag the day did not have: only then can the person's count grow.
    static const std::vector<std::string> kNone;
    const auto& had = before && before->context.tags ? *before->context.tags : kNone;
    for (const std::string& t : *day.context.tags) {
      const std::string folded = FoldAscii(t);
      new_tags_ = new_tags_ || std::none_of(had.begin(), had.end(), [&](const std::string& h) {
                    return FoldAscii(h) == folded;
                  });
    }
  }
  if (auto ok = WriteDay(c_, person_, day, before); !ok) return ok;
  known_[day.date] = day.empty() ? std::nullopt : std::optional<Day>(day);
  return {};
}

Result<std::map<std::string, double>> SqlTxn::GetSettings() { return LoadSettingsOn(c_, person_); }

Result<void> SqlTxn::SetSettings(const std::map<std::string, double>& settings) {
  changed_ = true;
  if (auto ok = c_.Run("DELETE FROM settings WHERE person_id = ?", {person_}); !ok) {
    return Unexpected(ok.error());
  }
  for (const auto& [name, value] : settings) {
    auto ok = c_.Run("INSERT INTO settings (person_id, name, value) VALUES (?, ?, ?)",
                     {person_, name, value});
    if (!ok) return Unexpected(ok.error());
  }
  return {};
}

Result<void> SqlTxn::Clear() {
  changed_ = true;
  for (const char* sql :
       {"DELETE FROM days WHERE person_id = ?", "DELETE FROM weekly WHERE person_id = ?",
        "DELETE FROM flares WHERE person_id = ?"}) {
    if (auto ok = c_.Run(sql, {person_}); !ok) return Unexpected(ok.error());
  }
  known_.clear();
  cleared_ = true;
  return SetUsual(UsualMorning{});
}

Result<UsualMorning> SqlTxn::GetUsual() { return LoadUsualOn(c_, person_); }

Result<void> SqlTxn::SetUsual(const UsualMorning& usual) {
  changed_ = true;
  return SaveUsualOn(c_, person_, usual);
}

Result<Profile> SqlTxn::GetProfile() {
  auto rows = c_.Query("SELECT key, value FROM profile WHERE person_id = ?", {person_});
  if (!rows) return Unexpected(rows.error());
  Profile p;
  for (const Row& r : *rows) {
    const std::string key = r.Text(0);
    std::string value = r.Text(1);
    if (key == "person_key") {
      p.person_key = std::move(value);
    } else if (key == "time_zone") {
      p.time_zone = std::move(value);
    } else if (key == "wake_time") {
      auto t = TimeOfDay::Parse(value);
      if (!t) {
        return Fail(Error::Storage("corrupt value in the database, wake_time: " + t.error()));
      }
      p.wake_time = *t;
    } else if (key == "feed_token_hash") {
      p.feed_token_hash = std::move(value);
    } else if (key == "display_name") {
      p.display_name = std::move(value);
    } else if (key == "keeps_diary") {
      p.keeps_diary = value == "1";
    } else if (key == "language") {
      p.language = std::move(value);
    } else if (key == "weekly_day") {
      auto day = ParseWeekday(value);
      if (!day) return Fail(Error::Storage("corrupt value in the database, weekly_day: " + value));
      p.weekly_day = *day;
    }
  }
  return p;
}

Result<void> SqlTxn::SetProfile(const Profile& p) {
  const std::pair<const char*, std::string> values[] = {
      {"time_zone", p.time_zone},
      {"wake_time", p.wake_time ? p.wake_time->ToString() : std::string()},
      {"feed_token_hash", p.feed_token_hash},
      {"display_name", p.display_name},
      {"keeps_diary", p.keeps_diary ? std::string(*p.keeps_diary ? "1" : "0") : std::string()},
      {"language", p.language},
      {"weekly_day", p.weekly_day ? std::string(WeekdayName(*p.weekly_day)) : std::string()},
  };
  for (const auto& [key, value] : values) {
    auto del =
        c_.Run("DELETE FROM profile WHERE person_id = ? AND key = ?", {person_, std::string(key)});
    if (!del) return Unexpected(del.error());
    if (value.empty()) continue;
    auto ins = c_.Run("INSERT INTO profile (person_id, key, value) VALUES (?, ?, ?)",
                      {person_, std::string(key), value});
    if (!ins) return Unexpected(ins.error());
  }
  return {};
}

Result<std::optional<SafetyRecord>> SqlTxn::GetSafety() {
  auto rows = c_.Query(
      "SELECT answers, outcome, answered_at, cleared_on, cleared_at FROM safety WHERE person_id = "
      "?",
      {person_});
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<SafetyRecord>();
  const Row& r = (*rows)[0];
  SafetyRecord out;
  auto answers = ParseSafetyAnswers(r.Text(0));
  auto outcome = ParseUrgency(r.Text(1));
  if (!answers || !outcome) return Fail(Error::Storage("corrupt safety screen in the database"));
  out.answers = std::move(*answers);
  out.outcome = *outcome;
  out.answered_at = r.Int(2);
  if (auto cleared = r.OptText(3)) {
    auto d = Date::Parse(*cleared);
    if (!d) return Fail(Error::Storage("corrupt clearance date in the database: " + *cleared));
    out.cleared_on = *d;
  }
  out.cleared_at = r.Int(4);
  return std::optional<SafetyRecord>(std::move(out));
}

Result<void> SqlTxn::SetSafety(const SafetyRecord& s) {
  auto ok = c_.Run(
      "INSERT INTO safety (person_id, answers, outcome, answered_at, cleared_on, cleared_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET answers = "
      "excluded.answers, outcome = excluded.outcome, answered_at = excluded.answered_at, "
      "cleared_on = excluded.cleared_on, cleared_at = excluded.cleared_at",
      {person_, FormatSafetyAnswers(s.answers), std::string(Name(s.outcome)), s.answered_at,
       s.cleared_on ? Value(s.cleared_on->ToString()) : Null(), s.cleared_at});
  if (!ok) return Unexpected(ok.error());
  return {};
}

Result<void> AfterWrite(Conn& c, PersonId person, const Summariser* summariser) {
  if (auto v = c.Run("UPDATE people SET version = version + 1 WHERE id = ?", {person}); !v) {
    return Unexpected(v.error());
  }
  // The summary is kept only for people who share with a clinician (it is made when a share
  // begins), so that a diary nobody else reads costs nothing more per check-in.
  if (summariser == nullptr) return {};
  auto shared = c.Query("SELECT 1 FROM shares WHERE person_id = ? LIMIT 1", {person});
  if (!shared) return Unexpected(shared.error());
  if (shared->empty()) return {};
  return UpdateSummary(c, person, summariser);
}

Result<void> UpdateSummary(Conn& c, PersonId person, const Summariser* summariser) {
  if (summariser == nullptr) return {};
  auto last = c.Query("SELECT MAX(date) FROM days WHERE person_id = ?", {person});
  if (!last) return Unexpected(last.error());
  PersonSummary s;
  if (!(*last)[0].IsNull(0)) {
    auto latest = Date::Parse((*last)[0].Text(0));
    if (!latest) return Fail(Error::Storage("corrupt date in the database"));
    auto diary = LoadDiaryOn(c, person, *latest - summariser->HorizonDays());
    if (!diary) return Unexpected(diary.error());
    auto stored = LoadSettingsOn(c, person);
    if (!stored) return Unexpected(stored.error());
    s = summariser->Summarise(*diary, *latest, *stored);
    s.last_date = *latest;
  }
  auto lines = [](const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& x : items) out += (out.empty() ? "" : "\n") + x;
    return out;
  };
  auto ok = c.Run(
      "INSERT INTO summaries (person_id, last_date, verdict, alerts, stirring_up, repeated_worse, "
      "morning_shift, modify_or_stop, keeps_rising, held_back_by, setting_off, rules) VALUES (?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (person_id) DO UPDATE SET last_date = excluded.last_date, verdict = "
      "excluded.verdict, alerts = excluded.alerts, stirring_up = excluded.stirring_up, "
      "repeated_worse = excluded.repeated_worse, morning_shift = excluded.morning_shift, "
      "modify_or_stop = excluded.modify_or_stop, keeps_rising = excluded.keeps_rising, "
      "held_back_by = excluded.held_back_by, setting_off = excluded.setting_off, rules = "
      "excluded.rules",
      {person, s.last_date ? Value(s.last_date->ToString()) : Null(), s.verdict, int64_t{s.alerts},
       int64_t{s.stirring_up}, int64_t{s.repeated_worse}, int64_t{s.morning_shift},
       int64_t{s.modify_or_stop}, int64_t{s.keeps_rising}, lines(s.held_back_by),
       lines(s.setting_off), int64_t{summariser->Rules()}});
  if (!ok) return Unexpected(ok.error());
  return {};
}

Result<Diary> PersonStore::LoadDiary() {
  return db_.Read([&](Conn& c) { return LoadDiaryOn(c, person_, std::nullopt); });
}

Result<DiarySnapshot> PersonStore::Snapshot(std::optional<Date> as_of,
                                            std::optional<int> horizon_days) {
  return db_.Read([&](Conn& c) -> Result<DiarySnapshot> {
    DiarySnapshot snap;
    auto head = c.Query(
        "SELECT p.version, (SELECT MAX(date) FROM days WHERE person_id = p.id) FROM people p "
        "WHERE p.id = ?",
        {person_});
    if (!head) return Unexpected(head.error());
    if (!head->empty()) {
      snap.version = (*head)[0].Int(0);
      if (auto latest = (*head)[0].OptText(1)) {
        auto d = Date::Parse(*latest);
        if (!d) return Fail(Error::Storage("corrupt date in the database: " + *latest));
        snap.latest = *d;
      }
    }
    std::optional<Date> since;
    if (horizon_days) {
      const std::optional<Date> end = as_of ? as_of : snap.latest;
      if (end) since = *end - *horizon_days;
    }
    auto diary = LoadDiaryOn(c, person_, since);
    if (!diary) return Unexpected(diary.error());
    snap.diary = std::move(*diary);
    auto settings = LoadSettingsOn(c, person_);
    if (!settings) return Unexpected(settings.error());
    snap.settings = std::move(*settings);
    return snap;
  });
}

Result<int64_t> PersonStore::Version() {
  return db_.Read([&](Conn& c) -> Result<int64_t> {
    auto r = c.Query("SELECT version FROM people WHERE id = ?", {person_});
    if (!r) return Unexpected(r.error());
    return r->empty() ? int64_t{0} : (*r)[0].Int(0);
  });
}

Result<void> PersonStore::Transact(const std::function<Result<void>(DiaryTxn&)>& body) {
  // One write is a batch of one: the same locking, summary and commit as the group committer's.
  const Database::PersonBody one[] = {{person_, body}};
  return std::move(db_.TransactBatch(one)[0]);
}

std::vector<Result<void>> PersonStore::TransactBatch(std::span<const TxnBody> bodies) {
  std::vector<Database::PersonBody> all;
  all.reserve(bodies.size());
  for (const TxnBody& b : bodies) all.push_back({person_, b});
  return db_.TransactBatch(all);
}

Result<std::optional<IdempotentWrite>> SqlTxn::GetIdempotent(const std::string& key) {
  auto rows = c_.Query(
      "SELECT fingerprint, date, session FROM idempotency WHERE person_id = ? AND request_key = ?",
      {person_, key});
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<IdempotentWrite>();
  const Row& r = (*rows)[0];
  auto date = Date::Parse(r.Text(1));
  if (!date) return Fail(Error::Storage("corrupt idempotency record in the database"));
  IdempotentWrite w{r.Text(0), *date, std::nullopt};
  if (auto n = r.OptInt(2)) w.session = static_cast<size_t>(*n);
  return std::optional<IdempotentWrite>(std::move(w));
}

Result<void> SqlTxn::PutIdempotent(const std::string& key, const IdempotentWrite& w, int64_t now) {
  if (auto ok = c_.Run("DELETE FROM idempotency WHERE person_id = ? AND created_at < ?",
                       {person_, now - kIdempotencyKeepSeconds});
      !ok) {
    return Unexpected(ok.error());
  }
  auto ok = c_.Run(
      "INSERT INTO idempotency (person_id, request_key, fingerprint, date, session, created_at) "
      "VALUES "
      "(?, ?, ?, ?, ?, ?)",
      {person_, key, w.fingerprint, w.date.ToString(),
       w.session ? Value(static_cast<int64_t>(*w.session)) : Null(), now});
  if (!ok) return Unexpected(ok.error());
  auto n = c_.Query("SELECT COUNT(*) FROM idempotency WHERE person_id = ?", {person_});
  if (!n) return Unexpected(n.error());
  if ((*n)[0].Int(0) > kIdempotencyKeysPerPerson) {
    // The newest are kept: the oldest, ordered by when and then by key, go.
    auto d = c_.Run(
        "DELETE FROM idempotency WHERE person_id = ? AND (created_at, request_key) < (SELECT "
        "created_at, request_key FROM idempotency WHERE person_id = ? ORDER BY created_at DESC, "
        "request_key DESC LIMIT 1 OFFSET ?)",
        {person_, person_, kIdempotencyKeysPerPerson - 1});
    if (!d) return Unexpected(d.error());
  }
  return {};
}

namespace {

// A transaction's reads, with every write refused: for a read-only snapshot.
class ReadOnlyTxn final : public DiaryTxn {
 public:
  explicit ReadOnlyTxn(DiaryTxn& reads) : r_(reads) {}
  Result<std::optional<Day>> GetDay(Date date) override { return r_.GetDay(date); }
  Result<void> PutDay(const Day&) override { return Refused(); }
  Result<std::map<std::string, double>> GetSettings() override { return r_.GetSettings(); }
  Result<void> SetSettings(const std::map<std::string, double>&) override { return Refused(); }
  Result<void> Clear() override { return Refused(); }
  Result<UsualMorning> GetUsual() override { return r_.GetUsual(); }
  Result<void> SetUsual(const UsualMorning&) override { return Refused(); }
  Result<Profile> GetProfile() override { return r_.GetProfile(); }
  Result<void> SetProfile(const Profile&) override { return Refused(); }
  Result<std::optional<SafetyRecord>> GetSafety() override { return r_.GetSafety(); }
  Result<void> SetSafety(const SafetyRecord&) override { return Refused(); }
  Result<std::optional<IdempotentWrite>> GetIdempotent(const std::string& key) override {
    return r_.GetIdempotent(key);
  }
  Result<void> PutIdempotent(const std::string&, const IdempotentWrite&, int64_t) override {
    return Refused();
  }
  ReminderTxn& Reminders() override { return r_.Reminders(); }
  Result<Measures> GetMeasures(std::optional<Date> since) override { return r_.GetMeasures(since); }
  Result<void> PutWeekly(const Weekly&) override { return Refused(); }
  Result<void> PutFlares(Date, const std::vector<Flare>&) override { return Refused(); }

 private:
  static Result<void> Refused() {
    return Fail(Error::Storage("a write inside a read-only view of the diary"));
  }
  DiaryTxn& r_;
};

}  // namespace

Result<void> PersonStore::View(const TxnBody& body) {
  return db_.Read([&](Conn& c) -> Result<void> {
    SqlTxn reads(c, person_);
    ReadOnlyTxn view(reads);
    return body(view);
  });
}

Result<std::map<std::string, double>> PersonStore::LoadSettings() {
  return db_.Read([&](Conn& c) { return LoadSettingsOn(c, person_); });
}

std::string PersonStore::Describe() const { return db_.Describe(); }

}  // namespace backsignal::sql
