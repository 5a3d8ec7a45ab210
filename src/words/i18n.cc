// The catalogues (docs/languages.md): a .mo reader, the languages embedded at build time, the
// words a locale writes numbers, dates and lists in, and the choice of language from what a
// browser or an environment asks for.
//
// Why a reader of our own rather than libintl or Boost.Locale: libintl's gettext() reads the
// process-wide locale (setlocale), which a server answering each request in its reader's language
// cannot use; Boost.Locale can hold one std::locale per language but brings ICU and the
// boost_locale library into every build (ASan, TSan, fuzz) for a file format of five integers
// and two tables. The .mo files are still made by msgfmt --check, from the .po files translators
// edit, so the catalogues are GNU gettext's own.
#include "backsignal/words/i18n.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

#include "backsignal/core/diary.h"

namespace backsignal {
namespace {

#include "generated/catalogs.inc"  // kEmbeddedCatalogs: {tag, bytes, size}, po/LINGUAS's order

std::atomic<bool> test_locales{false};

uint32_t Read32(std::string_view b, size_t at, bool swap) {
  uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  if (swap) v = __builtin_bswap32(v);
  return v;
}

std::string Key(std::string_view ctx, std::string_view msgid) {
  if (ctx.empty()) return std::string(msgid);
  std::string k(ctx);
  k += '\x04';
  k += msgid;
  return k;
}

// "de-AT", "de_AT.UTF-8@euro" -> "de".
std::string Primary(std::string_view tag) {
  const size_t end = tag.find_first_of("-_.@");
  return FoldAscii(tag.substr(0, end));
}

struct Registry {
  std::vector<std::unique_ptr<Locale>> all;  // English first
  Registry() {
    all.push_back(std::make_unique<Locale>("en", "English", Catalog()));
    for (const auto& e : kEmbeddedCatalogs) {
      Result<Catalog> c = Catalog::FromMo(std::string_view(e.data, e.size));
      // msgfmt --check made these at build time; a broken one would be a build fault.
      if (!c) std::abort();
      auto loc = std::make_unique<Locale>(e.tag, "", std::move(*c));
      all.push_back(std::move(loc));
    }
  }
};

const Registry& Languages() {
  static const Registry r;
  return r;
}

}  // namespace

std::string Fill(std::string_view text, Args args) {
  return FillSpan(text, std::span<const Arg>(args.begin(), args.size()));
}

std::string FillSpan(std::string_view text, std::span<const Arg> args) {
  return FillWith(text, [&](std::string_view name) {
    const std::string* found = nullptr;
    for (const Arg& a : args) {
      if (a.name == name) found = &a.value;
    }
    return found;
  });
}

Result<Catalog> Catalog::FromMo(std::string_view b) {
  if (b.size() < 28) return Fail(Error::Invalid("catalogue: too short for a .mo file"));
  uint32_t magic;
  std::memcpy(&magic, b.data(), 4);
  bool swap;
  if (magic == 0x950412deU) {
    swap = false;
  } else if (magic == 0xde120495U) {
    swap = true;
  } else {
    return Fail(Error::Invalid("catalogue: not a .mo file (its magic number is wrong)"));
  }
  const uint32_t count = Read32(b, 8, swap);
  const uint32_t originals = Read32(b, 12, swap);
  const uint32_t translations = Read32(b, 16, swap);
  const auto entry = [&](uint32_t table, uint32_t i) -> std::optional<std::string_view> {
    const uint64_t at = uint64_t{table} + uint64_t{i} * 8;
    if (at + 8 > b.size()) return std::nullopt;
    const uint32_t len = Read32(b, at, swap), off = Read32(b, at + 4, swap);
    if (uint64_t{off} + len > b.size()) return std::nullopt;
    return b.substr(off, len);
  };
  Catalog cat;
  for (uint32_t i = 0; i < count; ++i) {
    const auto o = entry(originals, i), t = entry(translations, i);
    if (!o || !t) return Fail(Error::Invalid("catalogue: an entry points outside the file"));
    if (o->empty()) {  // the header
      const size_t at = t->find("Plural-Forms:");
      if (at != std::string_view::npos) {
        std::string_view line = t->substr(at + 13);
        line = line.substr(0, line.find('\n'));
        Result<PluralRule> rule = PluralRule::Parse(line);
        if (!rule) return Fail(rule.error());
        cat.plural_ = std::move(*rule);
      }
      continue;
    }
    const size_t nul = o->find('\0');
    if (nul == std::string_view::npos) {
      if (!t->empty()) cat.singular_.emplace(std::string(*o), std::string(*t));
      continue;
    }
    std::vector<std::string> forms;
    std::string_view rest = *t;
    while (true) {
      const size_t z = rest.find('\0');
      forms.emplace_back(rest.substr(0, z));
      if (z == std::string_view::npos) break;
      rest = rest.substr(z + 1);
    }
    cat.plural_forms_.emplace(std::string(o->substr(0, nul)), std::move(forms));
  }
  return cat;
}

const std::string* Catalog::Find(std::string_view ctx, std::string_view msgid) const {
  const auto it = singular_.find(Key(ctx, msgid));
  return it == singular_.end() ? nullptr : &it->second;
}

const std::vector<std::string>* Catalog::FindPlural(std::string_view ctx,
                                                    std::string_view msgid) const {
  const auto it = plural_forms_.find(Key(ctx, msgid));
  return it == plural_forms_.end() ? nullptr : &it->second;
}

Locale::Locale(std::string tag, std::string name, Catalog catalog)
    : tag_(std::move(tag)), name_(std::move(name)), catalog_(std::move(catalog)) {
  // TRANSLATORS: the name of the language of this catalogue, in that language ("Deutsch").
  if (name_.empty()) name_ = TrC("language name", "English");
}

const Locale& Locale::English() { return *Languages().all.front(); }

const Locale* Locale::Find(std::string_view tag) {
  const std::string want = Primary(tag);
  if (want == "qps" && !test_locales.load()) return nullptr;
  for (const auto& l : Languages().all) {
    if (l->tag() == want) return l.get();
  }
  return nullptr;
}

std::vector<const Locale*> Locale::All() {
  std::vector<const Locale*> out;
  for (const auto& l : Languages().all) {
    if (l->tag() != "qps" || test_locales.load()) out.push_back(l.get());
  }
  return out;
}

void Locale::EnableTestLocales() { test_locales.store(true); }

std::string Locale::Tr(std::string_view msgid, Args args) const { return TrC({}, msgid, args); }

std::string Locale::TrC(std::string_view ctx, std::string_view msgid, Args args) const {
  const std::string* t = catalog_.Find(ctx, msgid);
  return Fill(t != nullptr ? std::string_view(*t) : msgid, args);
}

std::string Locale::TrMarked(std::string_view text) const {
  const std::string* t = catalog_.Find({}, text);
  return t != nullptr ? Fill(*t, {}) : std::string(text);
}

std::string Locale::Tr(const Text& t) const {
  if (t.literal) return t.id;
  if (t.marked) return TrMarked(t.id);
  std::vector<Arg> args;
  args.reserve(t.args.size());
  for (const Text& a : t.args) args.emplace_back(a.name, Tr(a));
  if (!t.plural) {
    const std::string* found = catalog_.Find({}, t.id);
    return FillSpan(found != nullptr ? std::string_view(*found) : t.id, args);
  }
  const uint64_t abs_n = static_cast<uint64_t>(t.n < 0 ? -t.n : t.n);
  std::string_view form = abs_n == 1 ? t.id : t.id_plural;
  if (const std::vector<std::string>* forms = catalog_.FindPlural({}, t.id)) {
    const size_t i = catalog_.plural().Index(abs_n);
    if (i < forms->size() && !(*forms)[i].empty()) form = (*forms)[i];
  }
  return Fill(FillSpan(form, args), {Arg("n", Number(static_cast<double>(t.n)))});
}

std::vector<std::string> Locale::Details(const Error& e) const {
  std::vector<std::string> out;
  out.reserve(e.details.size());
  for (size_t i = 0; i < e.details.size(); ++i) {
    // A detail changed after it was made (English added to it) is no longer its text's.
    const bool made =
        e.detail_texts.size() == e.details.size() && e.detail_texts[i].English() == e.details[i];
    out.push_back(made ? Tr(e.detail_texts[i]) : TrMarked(e.details[i]));
  }
  return out;
}

std::string Locale::Message(const Error& e) const {
  return e.text && e.text->English() == e.message ? Tr(*e.text) : TrMarked(e.message);
}

Error Locale::Translated(Error e) const {
  e.message = Message(e);
  e.details = Details(e);
  e.text.reset();
  e.detail_texts.clear();
  return e;
}

std::string Locale::Ntr(std::string_view one, std::string_view many, int64_t n, Args args) const {
  return NtrC({}, one, many, n, args);
}

std::string Locale::NtrC(std::string_view ctx, std::string_view one, std::string_view many,
                         int64_t n, Args args) const {
  const uint64_t abs_n = static_cast<uint64_t>(n < 0 ? -n : n);
  std::string_view form = abs_n == 1 ? one : many;  // English's rule, the source's
  if (const std::vector<std::string>* forms = catalog_.FindPlural(ctx, one)) {
    const size_t i = catalog_.plural().Index(abs_n);
    if (i < forms->size() && !(*forms)[i].empty()) form = (*forms)[i];
  }
  const std::string text = Fill(form, args);
  return Fill(text, {Arg("n", Number(static_cast<double>(n)))});
}

std::string Locale::Number(double v) const {
  char buf[32];
  if (v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else if (v * 2 == std::floor(v * 2)) {
    std::snprintf(buf, sizeof buf, "%.1f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  std::string out = buf;
  if (out == "-0") out = "0";
  // TRANSLATORS: the decimal separator of this language: "," where 2.5 is written 2,5.
  const std::string point = TrC("decimal separator", ".");
  const size_t dot = out.find('.');
  if (dot != std::string::npos) out.replace(dot, 1, point);
  return out;
}

std::string Locale::Day(Date d, bool with_year) const {
  const int32_t n = d.days();
  const int weekday = static_cast<int>(((n % 7) + 7) % 7);  // 1970-01-01 was a Thursday
  std::string wd;
  switch (weekday) {
    case 0:
      wd = TrC("weekday, short", "Thu");
      break;
    case 1:
      wd = TrC("weekday, short", "Fri");
      break;
    case 2:
      wd = TrC("weekday, short", "Sat");
      break;
    case 3:
      wd = TrC("weekday, short", "Sun");
      break;
    case 4:
      wd = TrC("weekday, short", "Mon");
      break;
    case 5:
      wd = TrC("weekday, short", "Tue");
      break;
    default:
      wd = TrC("weekday, short", "Wed");
      break;
  }
  const std::string month = Month(d.month());
  const Args args = {Arg("weekday", wd), Arg("day", d.day()), Arg("month", month),
                     Arg("year", d.year())};
  // TRANSLATORS: a date with its year: {weekday} and {month} are the short names above, {day}
  // the day of the month, {year} the year ("Sat 5 Dec 2026").
  if (with_year) return TrC("date", "{weekday} {day} {month} {year}", args);
  // TRANSLATORS: a date within the year: "Sat 5 Dec".
  return TrC("date", "{weekday} {day} {month}", args);
}

std::string Locale::Month(unsigned month) const {
  switch (month) {
    case 1:
      return TrC("month, short", "Jan");
    case 2:
      return TrC("month, short", "Feb");
    case 3:
      return TrC("month, short", "Mar");
    case 4:
      return TrC("month, short", "Apr");
    case 5:
      return TrC("month, short", "May");
    case 6:
      return TrC("month, short", "Jun");
    case 7:
      return TrC("month, short", "Jul");
    case 8:
      return TrC("month, short", "Aug");
    case 9:
      return TrC("month, short", "Sep");
    case 10:
      return TrC("month, short", "Oct");
    case 11:
      return TrC("month, short", "Nov");
    default:
      return TrC("month, short", "Dec");
  }
}

std::string Locale::List(const std::vector<std::string>& items) const {
  if (items.empty()) return "";
  if (items.size() == 1) return items.front();
  std::string head = items.front();
  for (size_t i = 1; i + 1 < items.size(); ++i) {
    // TRANSLATORS: joins the first items of a list: {items}, then another {item}.
    head = TrC("list", "{items}, {item}", {Arg("items", head), Arg("item", items[i])});
  }
  // TRANSLATORS: joins the last item of a list to the ones before: "a, b and c".
  return TrC("list", "{items} and {last}", {Arg("items", head), Arg("last", items.back())});
}

std::optional<double> ParseDecimal(std::string_view text) {
  std::string s(text);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  if (s.empty() || s.size() > 32) return std::nullopt;
  int separators = 0;
  for (char& c : s) {
    if (c == ',' || c == '.') {
      c = '.';
      ++separators;
    } else if (!(c >= '0' && c <= '9') && !(c == '-' && &c == &s.front())) {
      return std::nullopt;
    }
  }
  if (separators > 1 || s == "." || s == "-" || s.back() == '.') return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

const Locale& FromAcceptLanguage(std::string_view header) {
  const Locale* best = nullptr;
  double best_q = 0;
  size_t at = 0;
  while (at <= header.size()) {
    size_t end = header.find(',', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(at, end - at);
    at = end + 1;
    double q = 1;
    const size_t semi = item.find(';');
    if (semi != std::string_view::npos) {
      const size_t qat = item.find("q=", semi);
      if (qat != std::string_view::npos) {
        q = std::strtod(std::string(item.substr(qat + 2)).c_str(), nullptr);
      }
      item = item.substr(0, semi);
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty() || q <= 0) continue;
    const Locale* l = Locale::Find(item);
    if (l != nullptr && q > best_q) {
      best = l;
      best_q = q;
    }
  }
  return best != nullptr ? *best : Locale::English();
}

const Locale& FromLanguageList(std::string_view list) {
  size_t at = 0;
  while (at < list.size()) {
    size_t end = list.find(':', at);
    if (end == std::string_view::npos) end = list.size();
    if (const Locale* l = Locale::Find(list.substr(at, end - at))) return *l;
    at = end + 1;
  }
  return Locale::English();
}

const Locale& FromEnvironment(std::string_view language, std::string_view lc_all,
                              std::string_view lc_messages, std::string_view lang) {
  // gettext ignores LANGUAGE when the locale is "C"; backsignal does not, so that LANGUAGE=de
  // alone is enough (docs/languages.md).
  if (!language.empty()) {
    const Locale& l = FromLanguageList(language);
    if (&l != &Locale::English() || Primary(language) == "en") return l;
  }
  for (std::string_view v : {lc_all, lc_messages, lang}) {
    if (v.empty()) continue;
    if (v == "C" || v == "POSIX" || v.starts_with("C.")) return Locale::English();
    const Locale* l = Locale::Find(v);
    return l != nullptr ? *l : Locale::English();
  }
  return Locale::English();
}

}  // namespace backsignal
