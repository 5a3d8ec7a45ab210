#include "backsignal/service/settings.h"

#include "internal.h"

namespace backsignal::service {

Result<Settings> SettingsInForce(const std::map<std::string, double>& stored,
                                 const Overrides& overrides) {
  Settings s;
  if (auto ok = ApplySettings(s, stored); !ok) return Unexpected(ok.error());
  if (auto ok = ApplySettings(s, overrides); !ok) return Unexpected(ok.error());
  return s;
}

Result<std::map<std::string, double>> StoredSettings(const Service& service, PersonId person) {
  return StoreOf(service).ForPerson(person)->LoadSettings();
}

Result<Settings> SettingsInForce(const Service& service, PersonId person) {
  auto stored = StoredSettings(service, person);
  if (!stored) return Unexpected(stored.error());
  return SettingsInForce(*stored, service.overrides());
}

Result<void> SaveSettings(const Service& service, PersonId person,
                          const std::map<std::string, double>& values) {
  Settings check;
  if (auto ok = ApplySettings(check, values); !ok) return ok;
  return WriterOf(service).Run(person, [values](DiaryTxn& txn) { return txn.SetSettings(values); });
}

}  // namespace backsignal::service
