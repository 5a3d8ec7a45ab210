#include "backsignal/store/store.h"

#include <filesystem>

namespace backsignal {

Result<ImportReport> Store::Import(const Diary& diary, ImportMode mode) {
  ImportReport report;
  auto ok = Transact([&](DiaryTxn& txn) -> Result<void> {
    report = ImportReport{};
    std::vector<Text> clashes;
    std::vector<const Day*> to_write;
    for (const Day& day : diary.days) {
      auto stored = txn.GetDay(day.date);
      if (!stored) return Unexpected(stored.error());
      if (!*stored) {
        ++report.added;
        to_write.push_back(&day);
      } else if (**stored == day) {
        ++report.unchanged;
      } else {
        ++report.replaced;
        clashes.push_back(Text::Literal(day.date.ToString()));
        to_write.push_back(&day);
      }
    }
    auto usual = txn.GetUsual();
    if (!usual) return Unexpected(usual.error());
    UsualMorning merged = *usual;
    bool usual_changed = false;
    auto merge = [&](const std::optional<Score>& given, std::optional<Score>& stored,
                     const char* what) {
      if (!given || stored == given) return;
      if (stored) {
        clashes.push_back(
            // TRANSLATORS: {what} is a setting's name (usual_morning_pain); {stored} and {file}
            // are its value in the diary and in the file.
            T_("{what} (stored {stored}, file {file})", {{"what", what},
                                                         {"stored", FormatNumber(stored->value())},
                                                         {"file", FormatNumber(given->value())}}));
      }
      stored = given;
      usual_changed = true;
    };
    // The weekly answers by date, and the flares of a date as one: the same clash rule.
    auto stored_measures = txn.GetMeasures(std::nullopt);
    if (!stored_measures) return Unexpected(stored_measures.error());
    std::vector<const Weekly*> weekly_to_write;
    for (const Weekly& w : diary.measures.weekly) {
      const Weekly* had = stored_measures->FindWeekly(w.date);
      if (had && *had == w) continue;
      // TRANSLATORS: the weekly answers of {date} (YYYY-MM-DD) clash with those stored.
      if (had) clashes.push_back(T_("weekly {date}", {{"date", w.date.ToString()}}));
      weekly_to_write.push_back(&w);
    }
    std::vector<std::pair<Date, std::vector<Flare>>> flares_to_write;
    for (size_t i = 0; i < diary.measures.flares.size();) {
      const Date date = diary.measures.flares[i].date;
      std::vector<Flare> given;
      for (; i < diary.measures.flares.size() && diary.measures.flares[i].date == date; ++i) {
        given.push_back(diary.measures.flares[i]);
      }
      const std::vector<Flare> had = FlaresBetween(*stored_measures, date, date);
      if (had == given) continue;
      // TRANSLATORS: the flares of {date} (YYYY-MM-DD) clash with those stored.
      if (!had.empty()) clashes.push_back(T_("flares {date}", {{"date", date.ToString()}}));
      flares_to_write.emplace_back(date, std::move(given));
    }
    merge(diary.usual.pain, merged.pain, "usual_morning_pain");
    merge(diary.usual.stiffness, merged.stiffness, "usual_morning_stiffness");
    if (!clashes.empty() && mode == ImportMode::kRefuseClashes) {
      const size_t count = clashes.size();  // before clashes is moved into the error
      return Fail(Error::Conflict(
          // TRANSLATORS: {n} is how many entries clash, listed below. The English keeps "entries"
          // for one too.
          NT_("{n} entries in the file differ from what is already stored; nothing was imported",
              "{n} entries in the file differ from what is already stored; nothing was imported",
              static_cast<int64_t>(count)),
          std::move(clashes)));
    }
    for (const Day* day : to_write) {
      if (auto put = txn.PutDay(*day); !put) return put;
    }
    for (const Weekly* w : weekly_to_write) {
      if (auto put = txn.PutWeekly(*w); !put) return put;
    }
    for (const auto& [date, flares] : flares_to_write) {
      if (auto put = txn.PutFlares(date, flares); !put) return put;
    }
    if (usual_changed) return txn.SetUsual(merged);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return report;
}

Result<void> ReplaceDiaryIn(DiaryTxn& txn, const Diary& diary) {
  if (auto ok = txn.Clear(); !ok) return ok;
  for (const Day& day : diary.days) {
    if (auto ok = txn.PutDay(day); !ok) return ok;
  }
  for (const Weekly& w : diary.measures.weekly) {
    if (auto ok = txn.PutWeekly(w); !ok) return ok;
  }
  for (size_t i = 0; i < diary.measures.flares.size();) {
    const Date date = diary.measures.flares[i].date;
    std::vector<Flare> of_date;
    for (; i < diary.measures.flares.size() && diary.measures.flares[i].date == date; ++i) {
      of_date.push_back(diary.measures.flares[i]);
    }
    if (auto ok = txn.PutFlares(date, of_date); !ok) return ok;
  }
  return txn.SetUsual(diary.usual);
}

Result<Day> EditDayIn(DiaryTxn& txn, Date date, const std::function<Result<void>(Day&)>& edit) {
  auto stored = txn.GetDay(date);
  if (!stored) return Unexpected(stored.error());
  Day day = stored->value_or(Day{.date = date});
  if (auto e = edit(day); !e) return Unexpected(e.error());
  day.date = date;
  if (auto ok = txn.PutDay(day); !ok) return Unexpected(ok.error());
  return day;
}

Result<void> Store::ReplaceAll(const Diary& diary) {
  return Transact([&](DiaryTxn& txn) { return ReplaceDiaryIn(txn, diary); });
}

Result<Day> Store::EditDay(Date date, const std::function<Result<void>(Day&)>& edit) {
  Day result;
  auto ok = Transact([&](DiaryTxn& txn) -> Result<void> {
    auto day = EditDayIn(txn, date, edit);
    if (!day) return Unexpected(day.error());
    result = std::move(*day);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return result;
}

Result<std::optional<SafetyRecord>> Store::LoadSafety() {
  std::optional<SafetyRecord> out;
  auto ok = View([&](DiaryTxn& txn) -> Result<void> {
    auto r = txn.GetSafety();
    if (!r) return Unexpected(r.error());
    out = std::move(*r);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<std::optional<Day>> Store::GetDay(Date date) {
  std::optional<Day> day;
  auto ok = View([&](DiaryTxn& txn) -> Result<void> {
    auto d = txn.GetDay(date);
    if (!d) return Unexpected(d.error());
    day = std::move(*d);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return day;
}

Result<void> Store::SetUsual(const UsualMorning& usual) {
  return Transact([&](DiaryTxn& txn) { return txn.SetUsual(usual); });
}

Result<void> Store::SaveSettings(const std::map<std::string, double>& settings) {
  return Transact([&](DiaryTxn& txn) { return txn.SetSettings(settings); });
}

Result<Profile> Store::LoadProfile() {
  Profile out;
  auto ok = View([&](DiaryTxn& txn) -> Result<void> {
    auto p = txn.GetProfile();
    if (!p) return Unexpected(p.error());
    out = std::move(*p);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<Profile> Store::EditProfile(const std::function<Result<void>(Profile&)>& edit) {
  Profile out;
  auto ok = Transact([&](DiaryTxn& txn) -> Result<void> {
    auto p = txn.GetProfile();
    if (!p) return Unexpected(p.error());
    if (auto e = edit(*p); !e) return e;
    if (auto s = txn.SetProfile(*p); !s) return s;
    auto again = txn.GetProfile();
    if (!again) return Unexpected(again.error());
    out = std::move(*again);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

}  // namespace backsignal
