// The diary day by day: the days listed and one day read (also for a clinician the person
// shares with), and the check-ins, each a durable write answered with the day as stored.
#include "app.h"
#include "backsignal/io/checkin_json.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/service/checkins.h"
#include "backsignal/words/checkin.h"
#include "backsignal/words/safety.h"
#include "backsignal/words/words.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

// Its refusal follows ?lang= and Accept-Language only (a check-in parses on the I/O thread).
Result<Date> DateParam(const Call& c) {
  const std::string& text = c.params.at("date");
  auto d = Date::Parse(text);
  if (!d) {
    return Fail(Error::NotFound(
        // TRANSLATORS: {text} is the date as given in the address, {problem} what is wrong with it.
        RequestLocale(c.req).Tr("\"{text}\" {problem} (days are /api/v1/days/YYYY-MM-DD)",
                                {Arg("text", text), Arg("problem", d.error())})));
  }
  return *d;
}

Result<size_t> SessionParam(const Call& c) {
  const std::string& text = c.params.at("n");
  auto n = ParsePositive(text);
  if (!n) {
    return Fail(Error::NotFound(RequestLocale(c.req).Tr(
        // TRANSLATORS: {text} is what the address gave where a session's number goes.
        "\"{text}\" is not a session number (1, 2, ...)", {Arg("text", text)})));
  }
  return *n;
}

// A day as JSON with its entries in words (words/checkin.h) under "words", in `loc`.
std::string DayWithWordsJson(const Day& day, const Locale& loc) {
  std::string out = DayToJson(day);
  const DayWords w = WordsForDay(day, &loc);
  nlohmann::json sessions = nlohmann::json::array();
  for (const SessionEntryWords& s : w.sessions) {
    sessions.push_back({{"lines", s.lines}, {"hour_after", s.hour_after}, {"due", s.due}});
  }
  const nlohmann::json words = {
      {"morning", w.morning}, {"sessions", sessions}, {"context", w.context}};
  out.pop_back();  // the closing brace of the day's object
  return out + ",\"words\":" + Dump(words) + "}";
}

Result<HttpResponse> ListDays(App& app, Call& c) {
  auto from = QueryDate(c.req, "from");
  if (!from) return Unexpected(from.error());
  auto to = QueryDate(c.req, "to");
  if (!to) return Unexpected(to.error());
  auto diary = service::DiaryOf(app.service(), c.subject);
  if (!diary) return Unexpected(diary.error());
  const Locale& loc = ReaderLocale(app.service(), c);
  std::string out = "{\"days\":[";
  bool first = true;
  for (auto it = diary->days.rbegin(); it != diary->days.rend(); ++it) {  // newest first
    if ((*from && it->date < **from) || (*to && it->date > **to)) continue;
    if (!first) out += ",";
    out += DayWithWordsJson(*it, loc);
    first = false;
  }
  // The person's own factors used so far, for the page to offer as toggles.
  nlohmann::json tags = nlohmann::json::array();
  for (const TagUse& t : TagsInUse(*diary, 30)) {
    tags.push_back({{"name", t.name}, {"days", t.days}, {"last", t.last.ToString()}});
  }
  return Json(200, out + "],\"tags\":" + Dump(tags) + "}");
}

Result<HttpResponse> ShowDay(App& app, Call& c) {
  auto date = DateParam(c);
  if (!date) return Unexpected(date.error());
  auto day = service::DayOf(app.service(), c.subject, *date);
  if (!day) return Unexpected(day.error());
  if (!*day) {
    return Fail(
        Error::NotFound(ReaderLocale(app.service(), c)
                            // TRANSLATORS: {date} is a date as YYYY-MM-DD.
                            .Tr("nothing recorded on {date}", {Arg("date", date->ToString())})));
  }
  return Json(200, DayToJson(**day));
}

// What a date's morning says of the session the day before, as the command line says it after a
// morning check-in: {"morning_after": {"session_date", "signal", "words"}}, or null when the
// date has no morning or the day before no session. A reading: on the pool.
Result<HttpResponse> ShowMorningAfter(App& app, Call& c) {
  auto date = DateParam(c);
  if (!date) return Unexpected(date.error());
  nlohmann::json j = {{"morning_after", nullptr}};
  auto day = service::DayOf(app.service(), c.subject, *date);
  if (!day) return Unexpected(day.error());
  if (*day && (**day).morning) {
    auto after = service::MorningAfterOf(app.service(), c.subject, *date);
    if (!after) return Unexpected(after.error());
    if (*after) {
      const Locale& loc = ReaderLocale(app.service(), c);
      j["morning_after"] = {
          {"session_date", (*after)->session_date.ToString()},
          {"signal", Name((*after)->signal)},
          {"words", MorningAfterText({(*after)->session_date, (*after)->signal}, &loc)}};
    }
  }
  return Json(200, j.dump());
}

// The check-in's words (words/checkin.h) as JSON: {"lines": [...], "meaning": ..., "next": ...}.
nlohmann::json CheckinWordsJson(const CheckinWords& w) {
  return {{"lines", w.lines}, {"meaning", w.meaning}, {"next", w.next}};
}

// The day as JSON, plus what the check-in means when that is worth saying at once, and its
// words (`entry` names what was checked in; none for a deletion).
std::string CheckinJson(const service::CheckinResult& r, bool advise, std::optional<Entry> entry,
                        const Locale& loc) {
  std::string out = "{\"day\":" + DayToJson(r.day);
  if (entry) {
    out +=
        ",\"words\":" + Dump(CheckinWordsJson(WordsForCheckin(r.day, *entry, r.session, r.during,
                                                              r.hour_after, std::nullopt, &loc)));
  }
  if (r.session && *r.session >= 1 && *r.session <= r.day.sessions.size()) {
    nlohmann::json j;
    j["during"] = Name(r.during);
    j["hour_after"] = Name(r.hour_after);
    j["words"] = {{"during", DescribeDuring(r.during, &loc)},
                  {"hour_after", DescribeHourAfter(r.hour_after, &loc)},
                  {"hour_after_meaning", HourAfterMeaning(r.hour_after, &loc)}};
    if (advise && r.modify_or_stop) j["advice"] = ModifyOrStopAdvice(loc);
    if (r.safety_again) j["safety_again"] = true;
    out += ",\"session\":" + std::to_string(*r.session) + ",\"signals\":" + Dump(j);
  }
  // The safety questions again at once (a fall or an injury recorded; heavy breathing with pain
  // building, also said under "signals").
  if (r.safety_again) out += ",\"safety_again\":true";
  return out + "}";
}

// What a check-in route does: its answer's status, whether sharp pain's advice comes with it,
// whether it only takes something out, what its words are about, and the edit it makes of the
// day from the request.
struct CheckinKind {
  int ok_status = 200;
  bool advise = false;
  bool deletes = false;
  std::optional<Entry> words;
  Result<service::DayEdit> (*edit)(const Call& c) = nullptr;
};

// A check-in route: parses on the I/O thread, and answers once the write is durable. With an
// Idempotency-Key, a repeat is answered as the first was (Idempotent-Replayed: true); whether
// it is a repeat of the same request is the service's to tell (service::RequestFingerprint).
template <const CheckinKind& kKind>
void Checkin(App& app, Call& c, const Reply& reply) {
  auto date = DateParam(c);
  if (!date) return reply(Unexpected(date.error()));
  auto key = service::CheckIdempotencyKey(c.req.idempotency_key);
  if (!key) return reply(Unexpected(key.error()));
  auto edit = kKind.edit(c);
  if (!edit) return reply(Unexpected(edit.error()));
  service::CheckinOptions options{.deletes = kKind.deletes, .idempotency_key = *key};
  if (!key->empty()) {
    options.fingerprint = service::RequestFingerprint(c.req.method, c.req.path, c.req.body);
  }
  const Locale* loc = &RequestLocale(c.req);
  service::Checkin(
      app.service(), c.subject, *date, std::move(*edit),
      [reply, loc](Result<service::CheckinResult> r) {
        if (!r) return reply(Unexpected(r.error()));
        HttpResponse res = Json(kKind.ok_status, CheckinJson(*r, kKind.advise, kKind.words, *loc));
        if (r->replayed) res.headers.emplace_back("Idempotent-Replayed", "true");
        reply(std::move(res));
      },
      std::move(options));
}

using Edit = Result<service::DayEdit>;

Edit MorningEdit(const Call& c) {
  auto m = ParseMorningJson(c.req.body);
  if (!m) return Unexpected(m.error());
  return service::SetMorning(*m);
}

Edit ContextEdit(const Call& c) {
  auto x = ParseContextJson(c.req.body);
  if (!x) return Unexpected(x.error());
  return service::ContextEdit(*x, false);
}

Edit NoteEdit(const Call& c) {
  auto n = ParseNoteJson(c.req.body);
  if (!n) return Unexpected(n.error());
  return service::NoteEdit(n->text, n->pinned);
}

Edit AddSessionEdit(const Call& c) {
  auto patch = ParseSessionPatchJson(c.req.body);
  if (!patch) return Unexpected(patch.error());
  return service::AddSessionEdit(*patch);
}

Edit EditSessionEdit(const Call& c) {
  auto n = SessionParam(c);
  if (!n) return Unexpected(n.error());
  auto patch = ParseSessionPatchJson(c.req.body);
  if (!patch) return Unexpected(patch.error());
  return service::EditSessionEdit(*n, *patch);
}

Edit HourAfterEdit(const Call& c) {
  auto n = SessionParam(c);
  if (!n) return Unexpected(n.error());
  auto after = ParseHourAfterJson(c.req.body);
  if (!after) return Unexpected(after.error());
  return service::HourAfterEdit(*n, *after, true);
}

template <Entry kEntry>
Edit DeleteWhole(const Call&) {
  return service::DeleteEdit(kEntry, std::nullopt);
}

template <Entry kEntry>
Edit DeleteOfSession(const Call& c) {
  auto n = SessionParam(c);
  if (!n) return Unexpected(n.error());
  return service::DeleteEdit(kEntry, *n);
}

constexpr CheckinKind kPutMorning{.words = Entry::kMorning, .edit = MorningEdit};
constexpr CheckinKind kPutContext{.words = Entry::kContext, .edit = ContextEdit};
constexpr CheckinKind kPutNote{.words = Entry::kNote, .edit = NoteEdit};
constexpr CheckinKind kAddSession{
    .ok_status = 201, .advise = true, .words = Entry::kSession, .edit = AddSessionEdit};
constexpr CheckinKind kEditSession{
    .advise = true, .words = Entry::kSession, .edit = EditSessionEdit};
constexpr CheckinKind kPutHourAfter{.words = Entry::kHourAfter, .edit = HourAfterEdit};
constexpr CheckinKind kDeleteDay{.deletes = true, .edit = DeleteWhole<Entry::kDay>};
constexpr CheckinKind kDeleteMorning{.deletes = true, .edit = DeleteWhole<Entry::kMorning>};
constexpr CheckinKind kDeleteContext{.deletes = true, .edit = DeleteWhole<Entry::kContext>};
constexpr CheckinKind kDeleteNote{.deletes = true, .edit = DeleteWhole<Entry::kNote>};
constexpr CheckinKind kDeleteSession{.deletes = true, .edit = DeleteOfSession<Entry::kSession>};
constexpr CheckinKind kDeleteHourAfter{.deletes = true, .edit = DeleteOfSession<Entry::kHourAfter>};

// A check-in's row: its body (none for a deletion) is read on the I/O thread, and the write
// waits for no thread of the pool.
constexpr Route CheckinRoute(const char* method, const char* pattern, size_t body_limit,
                             AsyncHandler handler) {
  return {.method = method,
          .pattern = pattern,
          .scope = Scope::kCheckins,
          .body_limit = body_limit,
          .blocking = false,
          .async = handler};
}

constexpr const char* kDay = "/api/v1/days/{date}";
constexpr const char* kSession = "/api/v1/days/{date}/sessions/{n:number}";

constexpr Route kDayRoutes[] = {
    {.method = "GET", .pattern = "/api/v1/days", .clinician_view = true, .sync = ListDays},
    {.method = "GET", .pattern = "/api/v1/days/{date}", .clinician_view = true, .sync = ShowDay},
    {.method = "GET",
     .pattern = "/api/v1/days/{date}/morning_after",
     .clinician_view = true,
     .sync = ShowMorningAfter},
    CheckinRoute("DELETE", kDay, 0, Checkin<kDeleteDay>),
    CheckinRoute("PUT", "/api/v1/days/{date}/morning", kCheckinBodyLimit, Checkin<kPutMorning>),
    CheckinRoute("PUT", "/api/v1/days/{date}/context", kCheckinBodyLimit, Checkin<kPutContext>),
    CheckinRoute("PUT", "/api/v1/days/{date}/note", kCheckinBodyLimit, Checkin<kPutNote>),
    CheckinRoute("DELETE", "/api/v1/days/{date}/morning", 0, Checkin<kDeleteMorning>),
    CheckinRoute("DELETE", "/api/v1/days/{date}/context", 0, Checkin<kDeleteContext>),
    CheckinRoute("DELETE", "/api/v1/days/{date}/note", 0, Checkin<kDeleteNote>),
    CheckinRoute("POST", "/api/v1/days/{date}/sessions", kCheckinBodyLimit, Checkin<kAddSession>),
    CheckinRoute("PATCH", kSession, kCheckinBodyLimit, Checkin<kEditSession>),
    CheckinRoute("DELETE", kSession, 0, Checkin<kDeleteSession>),
    CheckinRoute("PUT", "/api/v1/days/{date}/sessions/{n:number}/hour_after", kCheckinBodyLimit,
                 Checkin<kPutHourAfter>),
    CheckinRoute("DELETE", "/api/v1/days/{date}/sessions/{n:number}/hour_after", 0,
                 Checkin<kDeleteHourAfter>),
};

}  // namespace

std::span<const Route> DayRoutes() { return kDayRoutes; }

}  // namespace backsignal::server
