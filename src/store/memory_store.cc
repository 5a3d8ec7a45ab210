#include <map>
#include <mutex>
#include <random>
#include <cstdio>

#include "backsignal/store/store.h"

namespace backsignal {
namespace {

// Keeps the diary in a map; a transaction works on a copy and swaps it in on success.
class MemoryStore final : public Store {
 public:
  MemoryStore() {
    std::random_device rd;
    char key[33];
    std::snprintf(key, sizeof key, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    state_.profile.person_key = key;
  }

  Result<Diary> LoadDiary() override {
    std::lock_guard lock(mu_);
    Diary d;
    d.usual = state_.usual;
    for (const auto& [date, day] : state_.days) d.days.push_back(day);
    return d;
  }

  Result<void> Transact(const std::function<Result<void>(DiaryTxn&)>& body) override {
    std::lock_guard lock(mu_);
    Txn txn(state_);
    auto ok = body(txn);
    if (ok) state_ = std::move(txn.state);
    return ok;
  }

  std::string Describe() const override { return "memory:"; }

 private:
  struct State {
    UsualMorning usual;
    std::map<Date, Day> days;
    std::map<std::string, double> settings;
    Profile profile;
  };
  struct Txn final : DiaryTxn {
    explicit Txn(const State& s) : state(s) {}
    Result<std::optional<Day>> GetDay(Date date) override {
      auto it = state.days.find(date);
      if (it == state.days.end()) return std::optional<Day>();
      return std::optional<Day>(it->second);
    }
    Result<void> PutDay(const Day& day) override {
      if (day.empty()) {
        state.days.erase(day.date);
      } else {
        state.days[day.date] = day;
      }
      return {};
    }
    Result<std::map<std::string, double>> GetSettings() override { return state.settings; }
    Result<void> SetSettings(const std::map<std::string, double>& settings) override {
      state.settings = settings;
      return {};
    }
    Result<void> Clear() override {
      state.usual = UsualMorning{};
      state.days.clear();
      return {};
    }
    Result<Profile> GetProfile() override { return state.profile; }
    Result<void> SetProfile(const Profile& p) override {
      const std::string key = state.profile.person_key;
      state.profile = p;
      state.profile.person_key = key;
      return {};
    }
    Result<UsualMorning> GetUsual() override { return state.usual; }
    Result<void> SetUsual(const UsualMorning& usual) override {
      state.usual = usual;
      return {};
    }
    State state;
  };

  std::mutex mu_;
  State state_;  // GUARDED_BY(mu_)
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace backsignal
