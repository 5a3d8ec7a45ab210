// The languages a person reads backsignal in (issue 23, docs/languages.md): GNU gettext
// catalogues (po/*.po, compiled by msgfmt at build time and embedded), read by a small .mo
// reader with the catalogue's own Plural-Forms. A `Locale` is a plain value passed to whatever
// makes words: no global setlocale, so one server process answers each request in its reader's
// language.
//
// Source strings are English with named placeholders ("{count} of {total}"); xgettext finds
// them by the names Tr, TrC, Ntr and NtrC (scripts/i18n.py pot), and a translator comment
// ("// TRANSLATORS: {count} is ...") on the line before says what each placeholder is.
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"

namespace backsignal {

// One placeholder's value: {name} in the text becomes `value`.
struct Arg {
  std::string_view name;
  std::string value;
  Arg(std::string_view n, std::string v) : name(n), value(std::move(v)) {}
  Arg(std::string_view n, const char* v) : name(n), value(v) {}
  template <std::integral T>
  Arg(std::string_view n, T v) : name(n), value(std::to_string(v)) {}
};
using Args = std::initializer_list<Arg>;

// Marks a source string for the catalogues where it is not translated yet (a table's text):
// translate it where it is used, with Tr.
constexpr const char* N_(const char* text) { return text; }

// {name} in `text` replaced by its argument; "{{" and "}}" are literal braces; a placeholder
// with no argument stays as it is (the catalogue test makes that impossible in a shipped text).
std::string Fill(std::string_view text, Args args);
std::string FillSpan(std::string_view text, std::span<const Arg> args);

// A plural rule of a catalogue's header ("nplurals=3; plural=(n==1 ? 0 : n%10>=2 ...);"): the C
// expression gettext defines, parsed once.
class PluralRule {
 public:
  static Result<PluralRule> Parse(std::string_view plural_forms);
  PluralRule();  // English's: nplurals=2; plural=(n != 1)
  ~PluralRule();
  PluralRule(PluralRule&&) noexcept;
  PluralRule& operator=(PluralRule&&) noexcept;
  PluralRule(const PluralRule&);
  PluralRule& operator=(const PluralRule&);
  size_t Index(uint64_t n) const;  // always below count()
  size_t count() const { return count_; }
  struct Node;

 private:
  size_t count_ = 2;
  std::shared_ptr<const Node> expr_;
};

// One language's messages, from a compiled .mo file's bytes.
class Catalog {
 public:
  static Result<Catalog> FromMo(std::string_view bytes);
  Catalog() = default;
  // The translation of msgid in context (ctx may be empty), or nullptr when the catalogue has
  // none (or an empty one): the English source is the text then.
  const std::string* Find(std::string_view ctx, std::string_view msgid) const;
  // The plural forms of msgid (the singular's msgid), or nullptr.
  const std::vector<std::string>* FindPlural(std::string_view ctx, std::string_view msgid) const;
  const PluralRule& plural() const { return plural_; }
  size_t size() const { return singular_.size() + plural_forms_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> singular_;
  std::map<std::string, std::vector<std::string>, std::less<>> plural_forms_;
  PluralRule plural_;
};

class Locale {
 public:
  // English, the source language: every text as written in the code.
  static const Locale& English();
  // The language a tag names ("de", "de-AT", "es_ES.UTF-8", "en-GB"), by its primary subtag;
  // nullptr when backsignal has no catalogue for it. The pseudo-locale ("qps") only after
  // EnableTestLocales().
  static const Locale* Find(std::string_view tag);
  // Every language there is a catalogue for (the English source first), for a chooser.
  static std::vector<const Locale*> All();
  // Lets tests choose the pseudo-locale "qps": every text wrapped, lengthened and accented.
  static void EnableTestLocales();

  const std::string& tag() const { return tag_; }    // "en", "es", "de", "qps"
  const std::string& name() const { return name_; }  // in its own language: "Deutsch"

  std::string Tr(std::string_view msgid, Args args = {}) const;
  std::string TrC(std::string_view ctx, std::string_view msgid, Args args = {}) const;
  // A text made elsewhere, marked N_ where it was written (an error's message): its translation
  // when the catalogue has one, else the text exactly as it is (its braces left alone).
  std::string TrMarked(std::string_view text) const;
  // A message made by pure code (core/text.h): its source looked up, its placeholders filled
  // with their values (a value that is itself a message translated too, a literal as it is).
  std::string Tr(const Text& text) const;
  // An error's message and each of its details in this language: the T_ texts when the error
  // has them, else each English text through TrMarked.
  std::string Message(const Error& e) const;
  std::vector<std::string> Details(const Error& e) const;
  // The error with its message and details in this language as plain text (no T_ texts left),
  // for a front door that adds words to them.
  Error Translated(Error e) const;
  // The form for n by the catalogue's Plural-Forms; {n} is n as this language writes numbers.
  std::string Ntr(std::string_view one, std::string_view many, int64_t n, Args args = {}) const;
  std::string NtrC(std::string_view ctx, std::string_view one, std::string_view many, int64_t n,
                   Args args = {}) const;

  // "3", "1.5" / "1,5", "0.25" / "0,25": a score or share the shortest honest way.
  std::string Number(double v) const;
  // "Sat 5 Dec" / "sáb 5 dic" / "Sa. 5. Dez." (the year only when `with_year`).
  std::string Day(Date d, bool with_year = false) const;
  // The month's short name: "Dec" / "dic" / "Dez." (month 1 to 12).
  std::string Month(unsigned month) const;
  // "a, b and c" / "a, b y c" / "a, b und c".
  std::string List(const std::vector<std::string>& items) const;

  Locale(std::string tag, std::string name, Catalog catalog);

 private:
  std::string tag_, name_;
  Catalog catalog_;
};

// A decimal number as a person types it, with a point or a comma ("2.5", "2,5"); nullopt when it
// is not one.
std::optional<double> ParseDecimal(std::string_view text);

// The supported language a list of preferences names first: an Accept-Language header
// ("de-CH,de;q=0.9,en;q=0.8", by q), or gettext's LANGUAGE ("de:es", in order); English when none.
const Locale& FromAcceptLanguage(std::string_view header);
const Locale& FromLanguageList(std::string_view colon_list);
// As every gettext program chooses: LANGUAGE, then LC_ALL, LC_MESSAGES, LANG (each may be
// empty); "C" and "POSIX" are English.
const Locale& FromEnvironment(std::string_view language, std::string_view lc_all,
                              std::string_view lc_messages, std::string_view lang);

}  // namespace backsignal
