#include "fields.h"

#include "backsignal/words/fields.h"
#include "common.h"

namespace backsignal::cli {
namespace {

// "--tags: [1]: ...": core's "{place}: {problem}" (Problem(), by another name in a front door:
// tests/layering_test.py).
Text FlagProblem(std::string flag, Text problem) {
  return T_("{place}: {problem}", {{"place", std::move(flag)}, {"problem", std::move(problem)}});
}

}  // namespace

template <typename Record>
void FieldOptions<Record>::Add(CLI::App& cmd, const Locale& loc,
                               std::span<const Field<Record>> fields,
                               bool (*take)(const FieldSpec&)) {
  for (const Field<Record>& f : fields) {
    const FieldSpec& spec = f.spec;
    if (spec.flag.empty() || (take && !take(spec))) continue;
    const FieldWords* words = WordsOfField(spec.name);
    // The field's words are marked for the catalogue where they are written (words/fields.cc).
    const auto tr = [&loc](std::string_view text) {
      return text.empty() ? std::string() : loc.Tr(text);  // "" is the catalogue's header
    };
    const std::string help = words != nullptr ? tr(words->help) : std::string();
    const std::string off_help = words != nullptr ? tr(words->off_help) : std::string();
    auto& g = *given_.emplace_back(std::make_unique<Option>());
    g.field = &f;
    CLI::Option* on = nullptr;
    switch (spec.kind) {
      case FieldKind::kFlag:
        on = cmd.add_flag(std::string(spec.flag), g.on, help);
        break;
      case FieldKind::kTags:
        on = cmd.add_option(std::string(spec.flag), g.list, help);
        break;
      default:
        on = cmd.add_option(std::string(spec.flag), g.text, help);
    }
    if (!spec.off_flag.empty())
      cmd.add_flag(std::string(spec.off_flag), g.off, off_help)->excludes(on);
  }
}

template <typename Record>
Result<void> FieldOptions<Record>::Apply(Record& record, std::vector<std::string>& cleared,
                                         const Locale& loc) const {
  for (const auto& g : given_) {
    const FieldSpec& f = g->field->spec;
    const std::string flag(f.flag);
    FieldValue raw;
    switch (f.kind) {
      case FieldKind::kFlag:
        if (g->on) raw = true;
        if (g->off) raw = false;
        break;
      case FieldKind::kScore:
        if (!g->text.empty()) {
          auto s = ParseScoreArg(g->text, flag, loc);
          if (!s) return Unexpected(s.error());
          raw = s->value();
        }
        break;
      case FieldKind::kNumber:
      case FieldKind::kWhole:
        if (!g->text.empty()) {
          auto n = ParseNumberArg(g->text, flag, loc);
          if (!n) return Unexpected(n.error());
          raw = *n;
        }
        break;
      case FieldKind::kText:
      case FieldKind::kChoice:
      case FieldKind::kTime:
        if (!g->text.empty()) raw = g->text;
        if (g->off) cleared.emplace_back(f.name);
        break;
      case FieldKind::kTags:
        if (!g->list.empty()) raw = g->list;
        if (g->off) raw = std::vector<std::string>{};  // a merge clears them
        break;
      case FieldKind::kLoads: {
        if (g->text.empty()) break;
        std::vector<std::string> names;
        std::string_view rest = g->text;
        while (!rest.empty()) {
          const size_t comma = rest.find_first_of(",;");
          const std::string name(rest.substr(0, comma));
          rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
          if (name.empty() || name == "none") continue;
          if (auto l = ParseLoad(name); !l) {
            return Fail(Error::Invalid(FlagProblem(
                // TRANSLATORS: {value} is a value as it was typed; {problem} what is wrong with it.
                flag, T_("\"{value}\" {problem}", {{"value", name}, {"problem", l.error()}}))));
          }
          if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        raw = std::move(names);
        break;
      }
    }
    if (std::holds_alternative<std::monostate>(raw)) continue;
    auto checked = CheckField(f, raw);
    if (!checked) {
      const Text& e = checked.error();
      if (f.kind == FieldKind::kChoice || f.kind == FieldKind::kTime) {
        return Fail(Error::Invalid(
            FlagProblem(flag, T_("\"{value}\" {problem}", {{"value", g->text}, {"problem", e}}))));
      }
      if (f.kind == FieldKind::kTags && IsProblem(e)) {
        return Fail(Error::Invalid(FlagProblem(flag + e.args[0].English(), e.args[1])));
      }
      return Fail(Error::Invalid(FlagProblem(flag, e)));
    }
    // A list given (even empty) is set as given: an empty one is how a merge clears it.
    if (f.kind == FieldKind::kLoads && std::holds_alternative<std::monostate>(*checked)) {
      g->field->set(record, FieldValue());
      continue;
    }
    g->field->set(record, *checked);
  }
  return {};
}

template <typename Record>
bool FieldOptions<Record>::any() const {
  for (const auto& g : given_) {
    if (g->on || g->off || !g->text.empty() || !g->list.empty()) return true;
  }
  return false;
}

template <typename Record>
bool FieldOptions<Record>::Given(std::string_view name) const {
  for (const auto& g : given_) {
    if (g->field->spec.name != name) continue;
    return g->on || g->off || !g->text.empty() || !g->list.empty();
  }
  return false;
}

template <typename Record>
std::string FieldOptions<Record>::List() const {
  std::vector<std::string_view> names;
  for (const auto& g : given_) {
    names.push_back(g->field->spec.flag);
    if (!g->field->spec.off_flag.empty() && g->field->spec.kind != FieldKind::kFlag) {
      names.push_back(g->field->spec.off_flag);
    }
  }
  return JoinChoices(names);
}

template class FieldOptions<Context>;
template class FieldOptions<Session>;

}  // namespace backsignal::cli
