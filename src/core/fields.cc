#include "backsignal/core/fields.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace backsignal {
namespace {

// --- A struct member as a FieldValue, and back ---

template <typename E>
constexpr std::span<const std::string_view> ChoiceNamesOf();
template <>
constexpr std::span<const std::string_view> ChoiceNamesOf<Pattern>() {
  return kPatternNames;
}
template <>
constexpr std::span<const std::string_view> ChoiceNamesOf<Injury>() {
  return kInjuryNames;
}

FieldValue ToValue(const std::optional<Score>& v) {
  return v ? FieldValue(v->value()) : FieldValue();
}
FieldValue ToValue(const std::optional<double>& v) { return v ? FieldValue(*v) : FieldValue(); }
FieldValue ToValue(const std::optional<int>& v) {
  return v ? FieldValue(static_cast<double>(*v)) : FieldValue();
}
FieldValue ToValue(const std::optional<bool>& v) { return v ? FieldValue(*v) : FieldValue(); }
FieldValue ToValue(const std::optional<std::string>& v) {
  return v ? FieldValue(*v) : FieldValue();
}
FieldValue ToValue(const std::optional<std::vector<std::string>>& v) {
  return v ? FieldValue(*v) : FieldValue();
}
FieldValue ToValue(const std::optional<TimeOfDay>& v) {
  return v ? FieldValue(v->ToString()) : FieldValue();
}
FieldValue ToValue(const LoadSet& v) {
  if (v.empty()) return {};
  std::vector<std::string> names;
  for (Load l : kAllLoads) {
    if (v.Has(l)) names.emplace_back(LoadName(l));
  }
  return names;
}
template <typename E>
requires std::is_enum_v<E> FieldValue ToValue(const std::optional<E>& v) {
  if (!v) return {};
  return std::string(ChoiceNamesOf<E>()[static_cast<size_t>(*v)]);
}

void FromValue(const FieldValue& v, std::optional<Score>& out) {
  out.reset();
  if (auto d = std::get_if<double>(&v))
    out = Score::FromHalves(static_cast<int>(std::lround(*d * 2)));
}
void FromValue(const FieldValue& v, std::optional<double>& out) {
  out.reset();
  if (auto d = std::get_if<double>(&v)) out = *d;
}
void FromValue(const FieldValue& v, std::optional<int>& out) {
  out.reset();
  if (auto d = std::get_if<double>(&v)) out = static_cast<int>(*d);
}
void FromValue(const FieldValue& v, std::optional<bool>& out) {
  out.reset();
  if (auto b = std::get_if<bool>(&v)) out = *b;
}
void FromValue(const FieldValue& v, std::optional<std::string>& out) {
  out.reset();
  if (auto s = std::get_if<std::string>(&v)) out = *s;
}
void FromValue(const FieldValue& v, std::optional<std::vector<std::string>>& out) {
  out.reset();
  if (auto l = std::get_if<std::vector<std::string>>(&v)) out = *l;
}
void FromValue(const FieldValue& v, std::optional<TimeOfDay>& out) {
  out.reset();
  if (auto s = std::get_if<std::string>(&v)) {
    if (auto t = TimeOfDay::Parse(*s)) out = *t;
  }
}
void FromValue(const FieldValue& v, LoadSet& out) {
  out = LoadSet();
  if (auto l = std::get_if<std::vector<std::string>>(&v)) {
    for (const std::string& name : *l) {
      if (auto load = ParseLoad(name)) out.Add(*load);
    }
  }
}
template <typename E>
requires std::is_enum_v<E>
void FromValue(const FieldValue& v, std::optional<E>& out) {
  out.reset();
  if (auto s = std::get_if<std::string>(&v)) {
    const auto names = ChoiceNamesOf<E>();
    const auto it = std::find(names.begin(), names.end(), *s);
    if (it != names.end()) out = static_cast<E>(it - names.begin());
  }
}

// The member reached through member pointers M, Rest... from `r`.
template <auto M, auto... Rest, typename R>
auto& At(R& r) {
  if constexpr (sizeof...(Rest) == 0) {
    return r.*M;
  } else {
    return At<Rest...>(r.*M);
  }
}

template <typename>
struct ClassOf;
template <typename C, typename T>
struct ClassOf<T C::*> {
  using type = C;
};

template <typename R, auto... Ms>
FieldValue Get(const R& r) {
  return ToValue(At<Ms...>(r));
}
template <typename R, auto... Ms>
void Set(R& r, const FieldValue& v) {
  FromValue(v, At<Ms...>(r));
}

// The row's access to its member: Member<&Context::stress>(), Member<&Session::during,
// &During::start>().
template <auto First, auto... Rest>
struct Member {
  using Record = typename ClassOf<decltype(First)>::type;
  static constexpr auto get = &Get<Record, First, Rest...>;
  static constexpr auto set = &Set<Record, First, Rest...>;
};

Expected<double, Text> CheckMinutes(double value) {
  auto m = ValidateMinutes(value);
  if (!m) return Unexpected(m.error());
  return static_cast<double>(*m);
}

// --- The tables ---

template <auto... Ms>
constexpr Field<typename Member<Ms...>::Record> Row(FieldSpec spec) {
  return {spec, Member<Ms...>::get, Member<Ms...>::set};
}

const Field<Context> kContextFields[] = {
    Row<&Context::sitting_hours>({.name = "sitting_hours",
                                  .kind = FieldKind::kNumber,
                                  .json_key = "sitting_hours",
                                  .min = 0,
                                  .max = kMaxSittingHours,
                                  .unit = "hours",
                                  .check = ValidateSittingHours,
                                  .flag = "--sitting",
                                  .control = "number",
                                  .fhir = FhirPlace::kComponent,
                                  .fhir_code = "sitting_hours",
                                  .fhir_display = "Sustained sitting",
                                  .fhir_unit = "h"}),
    Row<&Context::prolonged_position>({.name = "prolonged_position",
                                       .kind = FieldKind::kFlag,
                                       .json_key = "prolonged_position",
                                       .flag = "--prolonged",
                                       .off_flag = "--not-prolonged",
                                       .control = "toggle",
                                       .fhir = FhirPlace::kComponent,
                                       .fhir_code = "prolonged_position",
                                       .fhir_display = "Long spells in one position"}),
    Row<&Context::upper_body_tension>({.name = "upper_body_tension",
                                       .kind = FieldKind::kScore,
                                       .json_key = "upper_body_tension",
                                       .flag = "--tension",
                                       .control = "scale",
                                       .fhir = FhirPlace::kComponent,
                                       .fhir_code = "upper_body_tension",
                                       .fhir_display = "Upper-body tension"}),
    Row<&Context::sleep_hours>({.name = "sleep_hours",
                                .kind = FieldKind::kNumber,
                                .json_key = "sleep_hours",
                                .min = 0,
                                .max = kMaxSleepHours,
                                .step = 0.5,
                                .unit = "hours",
                                .check = ValidateSleepHours,
                                .flag = "--sleep",
                                .control = "hours_scale",
                                .fhir = FhirPlace::kObservation,
                                .fhir_code = "93832-4",
                                .fhir_display = "Sleep duration",
                                .fhir_unit = "h"}),
    Row<&Context::sleep_quality>({.name = "sleep_quality",
                                  .kind = FieldKind::kScore,
                                  .json_key = "sleep_quality",
                                  .flag = "--sleep-quality",
                                  .control = "scale",
                                  .fhir = FhirPlace::kComponent,
                                  .fhir_code = "sleep_quality",
                                  .fhir_display = "How well they slept (0-10, 10 = very well)"}),
    Row<&Context::painkillers>({.name = "painkillers",
                                .kind = FieldKind::kFlag,
                                .json_key = "painkillers",
                                .flag = "--painkillers",
                                .off_flag = "--no-painkillers",
                                .control = "toggle",
                                .fhir = FhirPlace::kComponent,
                                .fhir_code = "painkillers",
                                .fhir_display = "Took something for the pain"}),
    Row<&Context::painkiller_name>({.name = "painkiller_name",
                                    .kind = FieldKind::kText,
                                    .json_key = "painkiller_name",
                                    .max_chars = kMaxPainkillerChars,
                                    .flag = "--painkiller-name",
                                    .control = "text",
                                    .shown_with = "painkillers",
                                    .fhir = FhirPlace::kComponent,
                                    .fhir_code = "painkiller_name",
                                    .fhir_display = "What they took for the pain"}),
    Row<&Context::stress>({.name = "stress",
                           .kind = FieldKind::kScore,
                           .json_key = "stress",
                           .flag = "--stress",
                           .control = "scale",
                           .fhir = FhirPlace::kComponent,
                           .fhir_code = "stress",
                           .fhir_display = "Stress"}),
    Row<&Context::tags>({.name = "tags",
                         .kind = FieldKind::kTags,
                         .json_key = "tags",
                         .flag = "--tag",
                         .off_flag = "--no-tags",
                         .control = "tags",
                         .fhir = FhirPlace::kComponent,
                         .fhir_code = "own_factor",
                         .fhir_display = "A factor of the person's own"}),
    Row<&Context::injury>({.name = "injury",
                           .kind = FieldKind::kChoice,
                           .json_key = "injury",
                           .choices = kInjuryNames,
                           .what = "an injury",
                           .flag = "--injury",
                           .off_flag = "--no-injury",
                           .control = "choice",
                           .rescreens = true,
                           .fhir = FhirPlace::kComponent,
                           .fhir_code = "injury",
                           .fhir_display = "A fall or another injury"}),
};

const Field<Session> kSessionFields[] = {
    Row<&Session::time>({.name = "time",
                         .kind = FieldKind::kTime,
                         .json_key = "time",
                         .sql = "time_minutes",
                         .flag = "--time",
                         .control = "time"}),
    Row<&Session::minutes>({.name = "minutes",
                            .kind = FieldKind::kWhole,
                            .json_key = "minutes",
                            .min = kMinMinutes,
                            .max = kMaxMinutes,
                            .step = 1,
                            .unit = "minutes",
                            .check = CheckMinutes,
                            .flag = "--minutes",
                            .control = "number"}),
    Row<&Session::activity>({.name = "activity",
                             .kind = FieldKind::kText,
                             .json_key = "activity",
                             .max_chars = kMaxActivityChars,
                             .flag = "--activity",
                             .control = "text"}),
    Row<&Session::load>({.name = "load",
                         .kind = FieldKind::kLoads,
                         .json_key = "load",
                         .sql = "load_bits",
                         .flag = "--load",
                         .control = "loads"}),
    Row<&Session::during, &During::start>({.name = "during_start",
                                           .kind = FieldKind::kScore,
                                           .json_object = "during",
                                           .json_key = "start",
                                           .flag = "--start",
                                           .control = "scale"}),
    Row<&Session::during, &During::end>({.name = "during_end",
                                         .kind = FieldKind::kScore,
                                         .json_object = "during",
                                         .json_key = "end",
                                         .flag = "--end",
                                         .control = "scale"}),
    Row<&Session::during, &During::pattern>({.name = "during_pattern",
                                             .kind = FieldKind::kChoice,
                                             .json_object = "during",
                                             .json_key = "pattern",
                                             .choices = kPatternNames,
                                             .what = "a pattern",
                                             .flag = "--pattern",
                                             .control = "choice"}),
    Row<&Session::during, &During::sharp>({.name = "during_sharp",
                                           .kind = FieldKind::kFlag,
                                           .json_object = "during",
                                           .json_key = "sharp",
                                           .flag = "--sharp",
                                           .off_flag = "--no-sharp",
                                           .control = "toggle"}),
    Row<&Session::hour_after, &HourAfter::pain>({.name = "hour_after_pain",
                                                 .kind = FieldKind::kScore,
                                                 .json_object = "hour_after",
                                                 .json_key = "pain",
                                                 .control = "scale"}),
    Row<&Session::hour_after, &HourAfter::tighter>({.name = "hour_after_tighter",
                                                    .kind = FieldKind::kFlag,
                                                    .json_object = "hour_after",
                                                    .json_key = "tighter",
                                                    .flag = "--tighter",
                                                    .off_flag = "--not-tighter",
                                                    .control = "toggle"}),
    Row<&Session::effort>({.name = "effort",
                           .kind = FieldKind::kWhole,
                           .json_key = "effort",
                           .min = 0,
                           .max = 10,
                           .step = 1,
                           .unit = "points",
                           .flag = "--effort",
                           .control = "whole_scale"}),
};

template <typename R>
const Field<R>* FindIn(std::span<const Field<R>> fields, std::string_view name) {
  for (const Field<R>& f : fields) {
    if (f.spec.name == name) return &f;
  }
  return nullptr;
}

bool IsMultiple(double value, double step) {
  const double q = value / step;
  return std::fabs(q - std::round(q)) < 1e-9;
}

}  // namespace

std::string_view Name(FieldKind kind) {
  switch (kind) {
    case FieldKind::kScore:
      return "score";
    case FieldKind::kNumber:
      return "number";
    case FieldKind::kWhole:
      return "whole";
    case FieldKind::kFlag:
      return "flag";
    case FieldKind::kText:
      return "text";
    case FieldKind::kChoice:
      return "choice";
    case FieldKind::kTags:
      return "tags";
    case FieldKind::kLoads:
      return "loads";
    case FieldKind::kTime:
      return "time";
  }
  return "?";
}

bool Context::empty() const {
  for (const Field<Context>& f : kContextFields) {
    if (!std::holds_alternative<std::monostate>(f.get(*this))) return false;
  }
  return true;
}

std::span<const Field<Context>> ContextFields() { return kContextFields; }
std::span<const Field<Session>> SessionFields() { return kSessionFields; }
const Field<Context>* FindContextField(std::string_view name) {
  return FindIn(ContextFields(), name);
}
const Field<Session>* FindSessionField(std::string_view name) {
  return FindIn(SessionFields(), name);
}

std::string JoinChoices(std::span<const std::string_view> names, std::string_view last) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? last : ", ";
    out += names[i];
  }
  return out;
}

namespace {

// A field's unit ("hours") as a message: the table's units are English words.
Text UnitText(std::string_view unit) {
  // TRANSLATORS: a unit, in "a number of hours from 0 to 24".
  if (unit == "hours") return T_("hours");
  // TRANSLATORS: a unit, in "a number of minutes from 1 to 600".
  if (unit == "minutes") return T_("minutes");
  // TRANSLATORS: a unit (of effort), in "a whole number of points from 0 to 10".
  if (unit == "points") return T_("points");
  return Text::Literal(std::string(unit));
}

// A choice field's noun ("a pattern") as a message.
Text WhatText(std::string_view what) {
  // TRANSLATORS: in "is not a pattern; expected stable, building or eased".
  if (what == "a pattern") return T_("a pattern");
  // TRANSLATORS: in "is not an injury; expected ...".
  if (what == "an injury") return T_("an injury");
  return Text::Literal(std::string(what));
}

}  // namespace

Text Expects(const FieldSpec& f) {
  switch (f.kind) {
    case FieldKind::kScore:
      return T_("a score (a number from 0 to 10 in steps of 0.5)");
    case FieldKind::kNumber:
      // TRANSLATORS: {unit} is "hours" or "minutes"; {min} and {max} are numbers.
      return T_(
          "a number of {unit} from {min} to {max}",
          {{"unit", UnitText(f.unit)}, {"min", FormatNumber(f.min)}, {"max", FormatNumber(f.max)}});
    case FieldKind::kWhole:
      // TRANSLATORS: {unit} is "points" or "minutes"; {min} and {max} are numbers.
      return T_(
          "a whole number of {unit} from {min} to {max}",
          {{"unit", UnitText(f.unit)}, {"min", FormatNumber(f.min)}, {"max", FormatNumber(f.max)}});
    case FieldKind::kFlag:
      // TRANSLATORS: true and false are JSON's words and stay.
      return T_("true or false");
    case FieldKind::kText:
      return T_("text (a string)");
    case FieldKind::kChoice:
      return Text::Literal(JoinChoices(f.choices));
    case FieldKind::kTags:
      return T_("a list of your own factors, like [\"long drive\"]");
    case FieldKind::kLoads:
      // TRANSLATORS: the three names are codes and stay.
      return T_("a list of rotation, breathing_under_load, arms_away");
    case FieldKind::kTime:
      return T_("a time as \"HH:MM\"");
  }
  return Text::Literal("");
}

Expected<FieldValue, Text> CheckField(const FieldSpec& f, const FieldValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return value;
  const auto wrong = [&] {
    // TRANSLATORS: after a value; {expected} says what the field takes ("true or false").
    return Unexpected(T_("is the wrong type; expected {expected}", {{"expected", Expects(f)}}));
  };
  switch (f.kind) {
    case FieldKind::kScore: {
      const double* d = std::get_if<double>(&value);
      if (!d) return wrong();
      auto s = Score::FromDouble(*d);
      if (!s) return Unexpected(s.error());
      return FieldValue(s->value());
    }
    case FieldKind::kNumber:
    case FieldKind::kWhole: {
      const double* d = std::get_if<double>(&value);
      if (!d) return wrong();
      if (f.check) {
        auto ok = f.check(*d);
        if (!ok) return Unexpected(ok.error());
        return FieldValue(*ok);
      }
      if (!std::isfinite(*d) || *d < f.min || *d > f.max) {
        return Unexpected(
            // TRANSLATORS: {value} is the number given; {unit} "points"; {min}, {max} numbers.
            T_("{value} {unit} is outside {min} to {max}", {{"value", FormatNumber(*d)},
                                                            {"unit", UnitText(f.unit)},
                                                            {"min", FormatNumber(f.min)},
                                                            {"max", FormatNumber(f.max)}}));
      }
      if (f.step > 0 && !IsMultiple(*d, f.step)) {
        // TRANSLATORS: {value} is the number given; {step} the step ("1").
        return Unexpected(T_("{value} is not in steps of {step}",
                             {{"value", FormatNumber(*d)}, {"step", FormatNumber(f.step)}}));
      }
      return value;
    }
    case FieldKind::kFlag:
      if (!std::holds_alternative<bool>(value)) return wrong();
      return value;
    case FieldKind::kText: {
      const std::string* s = std::get_if<std::string>(&value);
      if (!s) return wrong();
      auto t = ValidateText(*s, f.max_chars);
      // TRANSLATORS: {problem} is what is wrong with it ("is 600 characters long; ...").
      if (!t) return Unexpected(T_("the text {problem}", {{"problem", t.error()}}));
      if (t->empty()) return FieldValue();  // canonical: an empty text carries nothing
      return value;
    }
    case FieldKind::kChoice: {
      const std::string* s = std::get_if<std::string>(&value);
      if (!s) return wrong();
      if (std::find(f.choices.begin(), f.choices.end(), *s) != f.choices.end()) return value;
      // TRANSLATORS: after a value; {what} is "a pattern" or "an injury"; {choices} are codes.
      return Unexpected(T_("is not {what}; expected {choices}",
                           {{"what", WhatText(f.what)}, {"choices", JoinChoices(f.choices)}}));
    }
    case FieldKind::kTime: {
      const std::string* s = std::get_if<std::string>(&value);
      if (!s) return wrong();
      auto t = TimeOfDay::Parse(*s);
      if (!t) return Unexpected(t.error());
      return FieldValue(t->ToString());
    }
    case FieldKind::kTags: {
      const auto* l = std::get_if<std::vector<std::string>>(&value);
      if (!l) return wrong();
      auto tags = ValidateTags(*l);
      if (!tags) return Unexpected(tags.error());
      return FieldValue(std::move(*tags));
    }
    case FieldKind::kLoads: {
      const auto* l = std::get_if<std::vector<std::string>>(&value);
      if (!l) return wrong();
      if (auto problem = CheckLoadNames(*l)) return Unexpected(Text::Marked(problem->message));
      LoadSet set;
      FromValue(value, set);
      return ToValue(set);
    }
  }
  return value;
}

std::optional<LoadProblem> CheckLoadNames(const std::vector<std::string>& names) {
  LoadSet seen;
  for (size_t i = 0; i < names.size(); ++i) {
    auto l = ParseLoad(names[i]);
    if (!l) return LoadProblem{i, "\"" + names[i] + "\" " + l.error().English()};
    if (seen.Has(*l)) return LoadProblem{i, "\"" + names[i] + "\" is listed twice"};
    seen.Add(*l);
  }
  return std::nullopt;
}

}  // namespace backsignal
