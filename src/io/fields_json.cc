#include "backsignal/io/fields_json.h"

#include "backsignal/core/fields.h"
#include "backsignal/words/fields.h"
#include "json_util.h"

namespace backsignal {
namespace {

using io::ordered_json;

// A row's words in `loc`'s language (marked N_ in words/fields.cc); "" stays "".
std::string Words(std::string_view text, const Locale& loc) {
  return text.empty() ? std::string() : loc.Tr(text);
}

ordered_json FieldJson(const FieldSpec& f, const FieldWords* w, const Locale& loc) {
  ordered_json j;
  j["name"] = f.name;
  j["kind"] = Name(f.kind);
  j["control"] = f.control;
  j["object"] = f.json_object;
  j["key"] = f.json_key;
  j["label"] = w ? Words(w->label, loc) : "";
  switch (f.kind) {
    case FieldKind::kScore:
      j["min"] = 0;
      j["max"] = Score::kMaxHalves / 2;
      j["step"] = 0.5;
      break;
    case FieldKind::kNumber:
    case FieldKind::kWhole:
      j["min"] = io::NumberJson(f.min);
      j["max"] = io::NumberJson(f.max);
      j["step"] = io::NumberJson(f.kind == FieldKind::kWhole ? 1 : f.step);
      j["unit"] = f.unit;
      break;
    case FieldKind::kText:
      j["max_chars"] = f.max_chars;
      break;
    case FieldKind::kTags:
      j["max_items"] = kMaxTagsPerDay;
      j["max_chars"] = kMaxTagChars;
      break;
    default:
      break;
  }
  if (w && !w->choices.empty()) {
    ordered_json choices = ordered_json::array();
    for (const ChoiceWords& c : w->choices) {
      choices.push_back({{"name", c.name}, {"label", Words(c.label, loc)}});
    }
    j["choices"] = std::move(choices);
  }
  if (w && !w->low.empty()) j["low"] = Words(w->low, loc);
  if (w && !w->high.empty()) j["high"] = Words(w->high, loc);
  if (w && !w->half.empty()) j["half"] = Words(w->half, loc);
  if (w && !w->hint.empty()) j["hint"] = Words(w->hint, loc);
  if (w && !w->beyond.empty()) j["beyond"] = Words(w->beyond, loc);
  if (w && !w->beyond_label.empty()) j["beyond_label"] = Words(w->beyond_label, loc);
  if (w && w->folded) j["folded"] = true;
  if (!f.shown_with.empty()) j["shown_with"] = f.shown_with;
  if (f.rescreens) j["rescreens"] = true;
  return j;
}

}  // namespace

std::string FieldsToJson(const Locale& loc) {
  ordered_json context = ordered_json::array();
  for (const FieldWords& w : ContextFieldWords()) {
    if (const Field<Context>* f = FindContextField(w.name))
      context.push_back(FieldJson(f->spec, &w, loc));
  }
  ordered_json session = ordered_json::array();
  for (const Field<Session>& f : SessionFields()) {
    session.push_back(FieldJson(f.spec, WordsOfField(f.spec.name), loc));
  }
  ordered_json day = ordered_json::array();
  day.push_back(
      // TRANSLATORS: the day's note, a field's label.
      {{"name", "note"},
       {"kind", "text"},
       {"label", loc.TrC("field", "Note")},
       {"max_chars", kMaxNoteChars}});
  return io::Dump(ordered_json{{"context", context}, {"session", session}, {"day", day}});
}

}  // namespace backsignal
