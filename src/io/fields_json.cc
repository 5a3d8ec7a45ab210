#include "backsignal/io/fields_json.h"

#include "backsignal/core/fields.h"
#include "backsignal/words/fields.h"
#include "json_util.h"

namespace backsignal {
namespace {

using io::ordered_json;

ordered_json FieldJson(const FieldSpec& f, const FieldWords* w) {
  ordered_json j;
  j["name"] = f.name;
  j["kind"] = Name(f.kind);
  j["control"] = f.control;
  j["object"] = f.json_object;
  j["key"] = f.json_key;
  j["label"] = w ? w->label : "";
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
      choices.push_back({{"name", c.name}, {"label", c.label}});
    }
    j["choices"] = std::move(choices);
  }
  if (w && !w->low.empty()) j["low"] = w->low;
  if (w && !w->high.empty()) j["high"] = w->high;
  if (w && !w->half.empty()) j["half"] = w->half;
  if (w && !w->hint.empty()) j["hint"] = w->hint;
  if (w && !w->beyond.empty()) j["beyond"] = w->beyond;
  if (w && !w->beyond_label.empty()) j["beyond_label"] = w->beyond_label;
  if (w && w->folded) j["folded"] = true;
  if (!f.shown_with.empty()) j["shown_with"] = f.shown_with;
  if (f.rescreens) j["rescreens"] = true;
  return j;
}

}  // namespace

std::string FieldsToJson() {
  ordered_json context = ordered_json::array();
  for (const FieldWords& w : ContextFieldWords()) {
    if (const Field<Context>* f = FindContextField(w.name))
      context.push_back(FieldJson(f->spec, &w));
  }
  ordered_json session = ordered_json::array();
  for (const Field<Session>& f : SessionFields()) {
    session.push_back(FieldJson(f.spec, WordsOfField(f.spec.name)));
  }
  ordered_json day = ordered_json::array();
  day.push_back(
      {{"name", "note"}, {"kind", "text"}, {"label", "Note"}, {"max_chars", kMaxNoteChars}});
  return io::Dump(ordered_json{{"context", context}, {"session", session}, {"day", day}});
}

}  // namespace backsignal
