// The emergency numbers, by where the person is: their IANA time zone gives the country
// (tzdata's zone.tab and its links, read at build time by cmake/zone_countries.cmake), and the
// country gives the numbers that reach an ambulance (emergency_numbers.inc, from the Android
// Open Source Project's emergency number database; scripts/emergency_numbers.py). A country
// without a number there is said to be unknown, never guessed (docs/safety.md).
#include <algorithm>

#include "backsignal/words/i18n.h"
#include "backsignal/words/safety.h"

namespace backsignal {
namespace {

struct ZoneCountry {
  std::string_view zone, country;
};
struct CountryName {
  std::string_view code, name;
};
struct CountryNumbers {
  std::string_view code;
  std::vector<std::string_view> numbers;
};

#include "generated/zone_countries.inc"

const std::vector<CountryNumbers>& Numbers() {
  static const std::vector<CountryNumbers> kNumbers = {
#include "emergency_numbers.inc"
  };
  return kNumbers;
}

std::string_view CountryOf(std::string_view zone) {
  for (const ZoneCountry& z : kZoneCountries) {
    if (z.zone == zone) return z.country;
  }
  return {};
}

}  // namespace

EmergencyContact EmergencyFor(std::string_view zone) {
  EmergencyContact out;
  const std::string_view code = CountryOf(zone);
  if (code.empty()) return out;
  out.country_code = std::string(code);
  for (const CountryName& c : kCountryNames) {
    if (c.code == code) out.country = std::string(c.name);
  }
  for (const CountryNumbers& c : Numbers()) {
    if (c.code != code) continue;
    for (std::string_view n : c.numbers) out.numbers.emplace_back(n);
  }
  return out;
}

std::string EmergencyNumber(std::string_view zone) {
  const EmergencyContact c = EmergencyFor(zone);
  return c.numbers.empty() ? "" : c.numbers.front();
}

std::string EmergencyCallWords(std::string_view zone, const Locale& loc) {
  const EmergencyContact c = EmergencyFor(zone);
  if (!c.numbers.empty()) {
    // TRANSLATORS: {number} is the emergency number ("112"); {other} a second one ("15").
    if (c.numbers.size() > 1) {
      return loc.Tr("call {number} or {other} now",
                    {Arg("number", c.numbers[0]), Arg("other", c.numbers[1])});
    }
    // TRANSLATORS: {number} is the emergency number ("112").
    return loc.Tr("call {number} now", {Arg("number", c.numbers[0])});
  }
  if (!c.country.empty()) {
    // TRANSLATORS: {country} is a country's name in English ("Nauru").
    return loc.Tr(
        "call the local emergency number now (backsignal does not know it for {country}; on a "
        "mobile phone, 112 or 911 connects to the local emergency services in most countries)",
        {Arg("country", c.country)});
  }
  return loc.Tr(
      "call your local emergency number now (on a mobile phone, 112 or 911 connects to the local "
      "emergency services in most countries)");
}

}  // namespace backsignal
