// The thresholds in force for one person, assembled in one place: the defaults, then what the
// person stored, then the command line's overrides.
#pragma once

#include <map>
#include <string>

#include "backsignal/core/result.h"
#include "backsignal/reading/settings.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

// kInvalid when a stored value or an override is out of its bounds (an override is checked
// when the process starts; a stored value only by a corrupt database).
[[nodiscard]] Result<Settings> SettingsInForce(const std::map<std::string, double>& stored,
                                               const Overrides& overrides);

// The person's stored thresholds, with the overrides, loaded.
[[nodiscard]] Result<Settings> SettingsInForce(const Service& service, PersonId person);

// The thresholds the person stored (by name; those not there are at their defaults).
[[nodiscard]] Result<std::map<std::string, double>> StoredSettings(const Service& service,
                                                                   PersonId person);

// Replaces the person's stored thresholds (each checked, and the relations between them).
[[nodiscard]] Result<void> SaveSettings(const Service& service, PersonId person,
                                        const std::map<std::string, double>& values);

}  // namespace backsignal::service
