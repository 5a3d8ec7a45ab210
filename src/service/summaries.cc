#include "backsignal/service/summaries.h"

#include "backsignal/reading/reading.h"
#include "backsignal/service/settings.h"

namespace backsignal::service {
namespace {

class Summaries final : public Summariser {
 public:
  explicit Summaries(Overrides overrides) : overrides_(std::move(overrides)) {}

  int HorizonDays() const override { return MaxReadingHorizonDays(); }
  int Rules() const override { return kReadingRules; }

  PersonSummary Summarise(const Diary& recent, Date latest,
                          const std::map<std::string, double>& stored) const override {
    // Stored thresholds that no longer pass (a corrupt row) fall back to the defaults rather
    // than refuse the write that keeps the summary.
    Settings settings = SettingsInForce(stored, overrides_).value_or(Settings{});
    const Reading r = Read(recent, latest, settings);
    PersonSummary s;
    s.verdict = std::string(Name(r.trend.verdict));
    s.alerts = static_cast<int>(r.alerts.size());
    s.stirring_up = r.trend.verdict == Verdict::kStirringUp;
    for (HeldBack h : r.trend.held_back_by) s.held_back_by.emplace_back(Name(h));
    for (const ActivityReading& a : r.activities) {
      if (a.setting_off) s.setting_off.push_back(a.name);
    }
    s.rules = kReadingRules;
    for (const Alert& a : r.alerts) {
      s.repeated_worse |= a.kind == AlertKind::kRepeatedWorseMornings;
      s.morning_shift |= a.kind == AlertKind::kMorningShift;
      s.modify_or_stop |= a.kind == AlertKind::kModifyOrStop;
      s.keeps_rising |= a.kind == AlertKind::kKeepsRising;
    }
    return s;
  }

 private:
  const Overrides overrides_;
};

}  // namespace

std::shared_ptr<const Summariser> ReadingSummariser(const Overrides& overrides) {
  return std::make_shared<Summaries>(overrides);
}

}  // namespace backsignal::service
