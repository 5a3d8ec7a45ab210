// The names of the reading's values, as read --json writes them (docs/reading.md §6), and the
// activity names of §0.
#include "backsignal/reading/reading.h"

namespace backsignal {

std::string_view Name(DuringSignal s) {
  switch (s) {
    case DuringSignal::kSharp:
      return "sharp";
    case DuringSignal::kBuilding:
      return "building";
    case DuringSignal::kStable:
      return "stable";
    case DuringSignal::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view Name(HourAfterSignal s) {
  switch (s) {
    case HourAfterSignal::kRising:
      return "rising";
    case HourAfterSignal::kSettling:
      return "settling";
    case HourAfterSignal::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view Name(MorningSignal s) {
  switch (s) {
    case MorningSignal::kWorse:
      return "worse";
    case MorningSignal::kHigher:
      return "higher";
    case MorningSignal::kBetter:
      return "better";
    case MorningSignal::kUsual:
      return "usual";
    case MorningSignal::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view Name(Response s) {
  switch (s) {
    case Response::kFlared:
      return "flared";
    case Response::kRaised:
      return "raised";
    case Response::kSettled:
      return "settled";
    case Response::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view Name(Confounder s) {
  switch (s) {
    case Confounder::kSitting:
      return "sitting";
    case Confounder::kProlongedPosition:
      return "prolonged_position";
    case Confounder::kUpperBodyTension:
      return "upper_body_tension";
    case Confounder::kShortSleep:
      return "short_sleep";
    case Confounder::kStress:
      return "stress";
  }
  return "unknown";
}

std::string_view Name(Baseline s) {
  switch (s) {
    case Baseline::kCreeping:
      return "creeping";
    case Baseline::kImproving:
      return "improving";
    case Baseline::kStable:
      return "stable";
    case Baseline::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view Name(BaselineBasis s) {
  switch (s) {
    case BaselineBasis::kRestMornings:
      return "rest_mornings";
    case BaselineBasis::kAllMornings:
      return "all_mornings";
    case BaselineBasis::kNone:
      return "";
  }
  return "";
}

std::string_view Name(UsualSource s) {
  switch (s) {
    case UsualSource::kRestMornings:
      return "rest_mornings";
    case UsualSource::kStated:
      return "stated";
    case UsualSource::kNone:
      return "";
  }
  return "";
}

std::string_view Name(Comfort s) {
  switch (s) {
    case Comfort::kLessComfortable:
      return "less_comfortable";
    case Comfort::kMoreComfortable:
      return "more_comfortable";
    case Comfort::kSteady:
      return "steady";
    case Comfort::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view Name(Verdict s) {
  switch (s) {
    case Verdict::kNotEnoughData:
      return "not_enough_data";
    case Verdict::kStirringUp:
      return "stirring_up";
    case Verdict::kHelpful:
      return "helpful";
    case Verdict::kMixed:
      return "mixed";
  }
  return "unknown";
}

std::string_view Name(AlertKind s) {
  switch (s) {
    case AlertKind::kModifyOrStop:
      return "modify_or_stop";
    case AlertKind::kRepeatedWorseMornings:
      return "repeated_worse_mornings";
    case AlertKind::kKeepsRising:
      return "keeps_rising";
    case AlertKind::kMorningShift:
      return "morning_shift";
  }
  return "unknown";
}

std::string_view Name(Strain s) {
  switch (s) {
    case Strain::kSharp:
      return "sharp";
    case Strain::kBuilt:
      return "built";
    case Strain::kStillRising:
      return "still_rising";
  }
  return "unknown";
}

std::string_view Name(HeldBack s) {
  switch (s) {
    case HeldBack::kFlares:
      return "flares";
    case HeldBack::kCreeping:
      return "creeping";
    case HeldBack::kStrain:
      return "strain";
    case HeldBack::kSharp:
      return "sharp";
    case HeldBack::kActivity:
      return "activity";
    case HeldBack::kPainkillers:
      return "painkillers";
    case HeldBack::kKeepsRising:
      return "keeps_rising";
    case HeldBack::kRepeatedWorseMornings:
      return "repeated_worse_mornings";
  }
  return "unknown";
}

std::optional<std::string> ActivityName(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string out;
  bool space = false;  // a run of white space after something kept
  for (const char c : *text) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace backsignal
