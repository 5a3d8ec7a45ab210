// Workouts in XML, streamed through expat: Apple Health's export.xml (Workout elements among
// millions of Records), GPX tracks and TCX activities. The root element says which.
#include <expat.h>

#include <cmath>
#include <memory>

#include "workouts_util.h"

namespace backsignal::workouts_detail {
namespace {

// The longest stretch of a file without one complete XML token (a tag with its attributes, a
// comment): expat holds a token whole, so this bounds its buffer. Real tokens are under 10 KB
// (Apple's DOCTYPE is the longest).
constexpr uint64_t kMaxToken = uint64_t{1} << 20;

enum class Root { kUnknown, kApple, kGpx, kTcx, kForeign };

// Local name of an element: "gpx" for "gpx" and for "ns:gpx", and expat's namespace-separated
// "uri|name".
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  const size_t cut = n.find_last_of("|:");
  return cut == std::string_view::npos ? n : n.substr(cut + 1);
}

const char* Attr(const XML_Char** attrs, std::string_view key) {
  for (size_t i = 0; attrs[i]; i += 2) {
    if (Local(attrs[i]) == key) return attrs[i + 1];
  }
  return nullptr;
}

// "HKWorkoutActivityTypeTraditionalStrengthTraining" -> "traditional strength training".
std::string AppleActivity(std::string_view type) {
  constexpr std::string_view kPrefix = "HKWorkoutActivityType";
  if (type.starts_with(kPrefix)) type.remove_prefix(kPrefix.size());
  type = type.substr(0, kMaxKeptText / 2);
  std::string out;
  for (size_t i = 0; i < type.size(); ++i) {
    const char c = type[i];
    if (c >= 'A' && c <= 'Z') {
      if (!out.empty()) out += ' ';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out.empty() ? "workout" : out;
}

// Sport names in GPX/TCX: "Running", "running", "Biking": lower case, underscores as spaces.
std::string Plain(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, kMaxKeptText)) {
    if (c == '_') c = ' ';
    if (c == ' ' && out.empty()) continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct State {
  XML_Parser parser = nullptr;
  ImportBudget* budget = nullptr;
  std::string where;
  std::optional<WorkoutFormat> only;
  Root root = Root::kUnknown;
  WorkoutFile file;
  std::optional<Error> error;
  std::vector<std::string> path;  // local names of the open elements
  std::string text;               // character data of the innermost element, when collected
  bool collect = false;
  // GPX: the track being read.
  std::string trk_name, trk_type;
  std::optional<ParsedInstant> first, last;
  // TCX: the activity being read.
  std::string sport;
  std::optional<ParsedInstant> id_time, lap_start;
  double lap_seconds = 0;

  void Fail(Text message) { Stop(Error::Invalid(Problem(where, std::move(message)))); }
  void Stop(Error e) {
    if (!error) error = std::move(e);
    XML_StopParser(parser, XML_FALSE);
  }
  // One more workout met (kept or not): false when past the budget (the parser is stopped).
  bool Count() {
    auto ok = budget->AddWorkout(where);
    if (!ok) Stop(ok.error());
    return ok.has_value();
  }
  bool Under(std::string_view parent) const {
    return path.size() >= 2 && path[path.size() - 2] == parent;
  }
  // Only the instant is kept: GPX and TCX write times in UTC (or with the offset of whatever
  // wrote them, not necessarily the one in force where the person was), and Apple writes every
  // date with the exporting phone's offset. The person's zone makes the local time.
  void Add(int64_t start, double seconds, std::string activity) {
    if (!(seconds >= 30) || !std::isfinite(seconds)) {
      ++file.skipped;
      return;
    }
    file.workouts.push_back({start, std::nullopt, seconds, std::move(activity)});
  }
};

void OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& s = *static_cast<State*>(data);
  if (s.error) return;
  const std::string_view n = Local(name);
  if (s.path.size() >= s.budget->limits().xml_depth) {
    s.Stop(s.budget->TooDeep(s.where));
    return;
  }
  if (s.path.empty()) {
    std::optional<WorkoutFormat> format;
    if (n == "HealthData") {
      s.root = Root::kApple;
      format = WorkoutFormat::kAppleHealth;
    } else if (n == "gpx") {
      s.root = Root::kGpx;
      format = WorkoutFormat::kGpx;
    } else if (n == "TrainingCenterDatabase") {
      s.root = Root::kTcx;
      format = WorkoutFormat::kTcx;
    }
    if (format && s.only && *format != *s.only) {
      s.root = Root::kForeign;
      Text m = T_(
          // TRANSLATORS: {format} and {expected} are names of formats ("GPX", "Apple Health").
          "a {format} file; expected {expected}",
          {{"format", WorkoutFormatName(*format)}, {"expected", WorkoutFormatName(*s.only)}});
      s.Fail(std::move(m));
      return;
    }
    if (!format) {
      s.root = Root::kForeign;
      Text m = T_(
          // TRANSLATORS: {root} is the name of the file's first XML element, as it is.
          "an XML file whose root is <{root}>: expected an Apple Health export "
          "(<HealthData>), GPX (<gpx>) or TCX (<TrainingCenterDatabase>)",
          {{"root", n.substr(0, 100)}});
      s.Fail(std::move(m));
      return;
    }
  }
  s.path.emplace_back(n);
  s.collect = false;
  switch (s.root) {
    case Root::kApple:
      if (n == "Workout" && s.path.size() == 2) {
        if (!s.Count()) return;
        const char* type = Attr(attrs, "workoutActivityType");
        const char* start = Attr(attrs, "startDate");
        const char* end = Attr(attrs, "endDate");
        const char* duration = Attr(attrs, "duration");
        const char* unit = Attr(attrs, "durationUnit");
        auto from = start ? ParseWorkoutTime(start) : std::nullopt;
        auto to = end ? ParseWorkoutTime(end) : std::nullopt;
        if (!from) {
          ++s.file.skipped;
          return;
        }
        double seconds = to ? static_cast<double>(to->unix - from->unix) : 0;
        if (duration) {
          char* stop = nullptr;
          const double d = std::strtod(duration, &stop);
          const std::string_view u = unit ? unit : "min";
          if (stop != duration && std::isfinite(d)) {
            if (u == "min") seconds = d * 60;
            if (u == "s" || u == "sec") seconds = d;
            if (u == "hr" || u == "h") seconds = d * 3600;
          }
        }
        s.Add(from->unix, seconds, AppleActivity(type ? type : ""));
      }
      break;
    case Root::kGpx:
      if (n == "trk") {
        if (!s.Count()) return;
        s.trk_name.clear();
        s.trk_type.clear();
        s.first.reset();
        s.last.reset();
      } else if (((n == "name" || n == "type") && s.Under("trk")) ||
                 (n == "time" && s.Under("trkpt"))) {
        s.collect = true;
        s.text.clear();
      }
      break;
    case Root::kTcx:
      if (n == "Activity") {
        if (!s.Count()) return;
        const char* sport = Attr(attrs, "Sport");
        s.sport = sport ? Plain(sport) : "";
        s.id_time.reset();
        s.lap_start.reset();
        s.lap_seconds = 0;
      } else if (n == "Lap" && s.Under("Activity")) {
        if (const char* st = Attr(attrs, "StartTime"); st && !s.lap_start) {
          s.lap_start = ParseWorkoutTime(st);
        }
      } else if ((n == "Id" && s.Under("Activity")) ||
                 (n == "TotalTimeSeconds" && s.Under("Lap"))) {
        s.collect = true;
        s.text.clear();
      }
      break;
    default:
      break;
  }
}

void OnEnd(void* data, const XML_Char* name) {
  auto& s = *static_cast<State*>(data);
  if (s.error) return;
  const std::string_view n = Local(name);
  const bool collected = s.collect;
  s.collect = false;
  switch (s.root) {
    case Root::kGpx:
      if (collected && n == "name") s.trk_name = s.text;
      if (collected && n == "type") s.trk_type = Plain(s.text);
      if (collected && n == "time") {
        if (auto t = ParseWorkoutTime(s.text)) {
          if (!s.first) s.first = t;
          s.last = t;
        }
      }
      if (n == "trk") {
        if (s.first && s.last) {
          std::string activity = !s.trk_type.empty() ? s.trk_type : Plain(s.trk_name);
          s.Add(s.first->unix, static_cast<double>(s.last->unix - s.first->unix),
                activity.empty() ? "workout" : activity);
        } else {
          ++s.file.skipped;
        }
      }
      break;
    case Root::kTcx:
      if (collected && n == "Id") s.id_time = ParseWorkoutTime(s.text);
      if (collected && n == "TotalTimeSeconds") {
        char* stop = nullptr;
        const double v = std::strtod(s.text.c_str(), &stop);
        if (stop != s.text.c_str() && std::isfinite(v) && v > 0) s.lap_seconds += v;
      }
      if (n == "Activity") {
        const auto start = s.id_time ? s.id_time : s.lap_start;
        if (start) {
          s.Add(start->unix, s.lap_seconds,
                s.sport.empty() || s.sport == "other" ? "workout" : s.sport);
        } else {
          ++s.file.skipped;
        }
      }
      break;
    default:
      break;
  }
  if (!s.path.empty()) s.path.pop_back();
}

void OnText(void* data, const XML_Char* text, int len) {
  auto& s = *static_cast<State*>(data);
  // Kept up to what a name may use (more is cut off later anyway), so a long one costs nothing.
  if (s.collect && s.text.size() < kMaxKeptText) {
    s.text.append(text, std::min(static_cast<size_t>(len), kMaxKeptText - s.text.size()));
  }
}

// Refuses any external entity: a workout file has no business fetching anything.
int OnExternalEntity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                     const XML_Char*) {
  return XML_STATUS_ERROR;
}

}  // namespace

Result<WorkoutFile> ReadWorkoutXml(const ByteSource& source, std::string_view name,
                                   ImportBudget& budget, std::optional<WorkoutFormat> only) {
  State s;
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) return Fail(Error::Storage(T_("out of memory for the XML parser")));
  s.parser = parser.get();
  s.budget = &budget;
  s.where = std::string(name);
  s.only = only;
  XML_SetUserData(s.parser, &s);
  XML_SetElementHandler(s.parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(s.parser, OnText);
  XML_SetExternalEntityRefHandler(s.parser, OnExternalEntity);
  const std::string& where = s.where;
  uint64_t fed = 0;
  bool done = false;
  while (!done) {
    void* buf = XML_GetBuffer(s.parser, kChunk);
    if (!buf) return Fail(Error::Storage(Problem(where, T_("out of memory while reading XML"))));
    auto n = source(static_cast<char*>(buf), kChunk);
    if (!n) return Unexpected(n.error());
    done = *n == 0;
    fed += *n;
    if (XML_ParseBuffer(s.parser, static_cast<int>(*n), done ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (s.error) return Fail(*s.error);
      // TRANSLATORS: {line} and {column} are numbers; {reason} is expat's own reason, in
      // English ("mismatched tag").
      Text m = T_("not well-formed XML at line {line}, column {column}: {reason}",
                  {{"line", XML_GetCurrentLineNumber(s.parser)},
                   {"column", XML_GetCurrentColumnNumber(s.parser)},
                   {"reason", XML_ErrorString(XML_GetErrorCode(s.parser))}});
      return Fail(Error::Invalid(Problem(where, std::move(m))));
    }
    // Where the token not yet complete begins: expat keeps everything after it.
    const XML_Index at = XML_GetCurrentByteIndex(s.parser);
    if (!done && at >= 0 && fed - static_cast<uint64_t>(at) > kMaxToken) {
      Text m =
          // TRANSLATORS: {line} is a number.
          T_("an XML tag (or comment) longer than 1 MB at line {line}, which no workout file "
             "has",
             {{"line", XML_GetCurrentLineNumber(s.parser)}});
      return Fail(Error::Invalid(Problem(where, std::move(m))));
    }
  }
  switch (s.root) {
    case Root::kApple:
      s.file.format = WorkoutFormat::kAppleHealth;
      break;
    case Root::kGpx:
      s.file.format = WorkoutFormat::kGpx;
      break;
    case Root::kTcx:
      s.file.format = WorkoutFormat::kTcx;
      break;
    default:
      // TRANSLATORS: {expected} is a format's name ("GPX"), or "an Apple Health export, GPX or
      // TCX".
      Text m = T_("an empty XML file; expected {expected}",
                  {{"expected", only ? Text::Literal(std::string(WorkoutFormatName(*only)))
                                     : T_("an Apple Health export, GPX or TCX")}});
      return Fail(Error::Invalid(Problem(where, std::move(m))));
  }
  return s.file;
}

}  // namespace backsignal::workouts_detail
