// The diary as a FHIR R4 `collection` Bundle: a Patient, each session a Procedure, each pain
// rating an Observation (LOINC 72514-3), the rest carried by the codes of the project's own
// code system. The mapping, field by field, is docs/fhir.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/core/profile.h"

namespace backsignal {

// The project's code system and extensions (documented in docs/fhir.md).
inline constexpr std::string_view kFhirCodeSystem =
    "https://backsignal.invalid/fhir/CodeSystem/diary";
inline constexpr std::string_view kFhirIdentifierBase =
    "https://backsignal.invalid/fhir/identifier/";
inline constexpr std::string_view kFhirExtensionBase =
    "https://backsignal.invalid/fhir/StructureDefinition/";

// The Bundle as JSON. `zone` is a resolved IANA zone (io/zone.h) in which the diary's dates and
// times are local; `now` (Unix seconds) is the Bundle's timestamp. Resource ids derive from
// profile.person_key, so they are the same in every export.
std::string DiaryToFhirJson(const Diary& diary, const Profile& profile, std::string_view zone,
                            int64_t now, bool pretty = true);

}  // namespace backsignal
