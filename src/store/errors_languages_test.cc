// The store's and a push subscription's refusals in Spanish and German (docs/languages.md,
// "Errors"): backups, --backup-dir, the database's location, a subscription's endpoint and the
// devices' limit, made by the real functions and translated by Locale::Message and Details with
// their values (paths, addresses, numbers) kept; in the pseudo-locale, no English word left.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "backsignal/push/endpoint.h"
#include "backsignal/store/store.h"
#include "backsignal/words/i18n.h"
#include "daily_backups.h"
#include "pseudo_locale.h"

namespace backsignal {
namespace {

namespace fs = std::filesystem;

const Locale& Lang(std::string_view tag) {
  Locale::EnableTestLocales();
  const Locale* l = Locale::Find(tag);
  EXPECT_NE(l, nullptr) << tag;
  return l != nullptr ? *l : Locale::English();
}

// Every line of a refusal, in `loc`'s language.
std::string Say(const Error& e, const Locale& loc) {
  std::string out = loc.Message(e) + "\n";
  for (const std::string& d : loc.Details(e)) out += "  " + d + "\n";
  return out;
}

template <typename T>
Error Refusal(const Result<T>& r) {
  EXPECT_FALSE(r.has_value());
  return r.has_value() ? Error{} : r.error();
}

// Words of these refusals that a translation must not leave behind (the values, paths and
// addresses, are taken out first).
const std::regex kEnglish(
    "\\b(the|is|not|would|give|folder|database|backup|file|holds|own|its|it|must|start|"
    "public|address|host|machine|port|already|devices?|remove|first|schema|version|newer|"
    "restore|lacks|makes|location|unknown|scheme|expected|empty|regular|diary|yet|endpoint|"
    "subscription|with|that|does|make|at|of|or)\\b");

// `text` with each of `values` taken out.
std::string Without(std::string text, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    for (size_t at = text.find(v); at != std::string::npos; at = text.find(v))
      text.erase(at, v.size());
  }
  return text;
}

using backsignal::testing::OutsideBrackets;

// In German and Spanish, no English word outside `values`, each value kept; in the
// pseudo-locale, no English word outside the catalogue's pieces and the values.
void ExpectTranslated(const Error& e, const std::vector<std::string>& values) {
  ASSERT_TRUE(e.text.has_value()) << e.message;
  for (const char* tag : {"de", "es"}) {
    const std::string said = Say(e, Lang(tag));
    for (const std::string& v : values) EXPECT_NE(said.find(v), std::string::npos) << v << said;
    EXPECT_FALSE(std::regex_search(Without(said, values), kEnglish)) << tag << ": " << said;
  }
  const std::string qps = Say(e, Lang("qps"));
  EXPECT_FALSE(std::regex_search(OutsideBrackets(Without(qps, values)), std::regex("[A-Za-z]{3,}")))
      << qps;
}

class StoreErrorsInLanguages : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("backsignal-errlang-" + std::to_string(::getpid()) + "-" + std::to_string(n_++));
    fs::create_directories(dir_);
    live_ = (dir_ / "live.db").string();
    auto db = OpenDatabase(live_, OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string live_;
  static inline int n_ = 0;
};

TEST_F(StoreErrorsInLanguages, ABackupOverTheLiveDatabase) {
  const Error e = Refusal(BackupDatabase(live_, live_));
  EXPECT_EQ(e.message, "a backup written to " + live_ + " would overwrite the live database " +
                           live_ + " (or a file SQLite keeps beside it): give another file");
  EXPECT_EQ(Lang("de").Message(e), "eine Sicherung nach " + live_ +
                                       " würde die laufende Datenbank " + live_ +
                                       " überschreiben (oder eine Datei, die SQLite daneben "
                                       "führt): Geben Sie eine andere Datei an");
  ExpectTranslated(e, {live_});
}

TEST_F(StoreErrorsInLanguages, TheBackupFolderProblems) {
  const Error itself = Refusal(PrepareBackupFolder(live_, live_));
  EXPECT_EQ(itself.message, "--backup-dir " + live_ +
                                " is the database itself; give a folder of its own for the "
                                "backups");
  ExpectTranslated(itself, {"--backup-dir", live_});
  const std::string folder = dir_.string();
  const std::string suggested = (fs::weakly_canonical(dir_) / "backups").string();
  const Error beside = Refusal(PrepareBackupFolder(live_, folder));
  EXPECT_NE(beside.message.find("(say " + suggested + ")"), std::string::npos) << beside.message;
  ExpectTranslated(beside, {"--backup-dir", live_, suggested, folder});
  const Error empty = Refusal(PrepareBackupFolder(live_, ""));
  EXPECT_EQ(empty.message, "--backup-dir: the folder's name is empty");
  EXPECT_EQ(Lang("es").Message(empty), "--backup-dir: el nombre de la carpeta está vacío");
  ExpectTranslated(empty, {"--backup-dir"});
  std::ofstream((dir_ / "plain").string()) << "x";
  const std::string plain = (dir_ / "plain").string();
  ExpectTranslated(Refusal(PrepareBackupFolder(live_, plain)), {"--backup-dir", plain});
}

TEST_F(StoreErrorsInLanguages, ARestoreOfNothingOrOfAFileThatIsNotOurs) {
  const std::string missing = (dir_ / "missing.db").string();
  const Error none = Refusal(RestoreDatabase(missing, live_));
  EXPECT_EQ(none.message, "no backup at " + missing);
  ExpectTranslated(none, {missing});
  // Another database's file: its schema is refused, each difference a detail, in the reader's
  // language around SQLite's names of the tables.
  const std::string other = (dir_ / "other.db").string();
  ASSERT_TRUE(BackupDatabase(live_, other).has_value());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE extra (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  const Error schema = Refusal(RestoreDatabase(other, live_));
  ASSERT_EQ(schema.details.size(), 1u) << schema.message;
  EXPECT_EQ(schema.details[0], "holds a table extra that backsignal does not make");
  std::smatch version;
  ASSERT_TRUE(std::regex_search(schema.message, version, std::regex("version ([0-9]+)")));
  EXPECT_EQ(Lang("de").Details(schema).at(0), "enthält „table extra“, das backsignal nicht anlegt");
  ExpectTranslated(schema,
                   {other, "table extra", "backsignal backup", "backsignal", version[1].str()});
}

TEST_F(StoreErrorsInLanguages, TheDatabasesLocation) {
  ExpectTranslated(Refusal(OpenDatabase("file:x.db", OpenOptions{})),
                   {"file:x.db", "sqlite:PATH", "PATH", "SQLite", "URI"});
  const Error scheme = Refusal(OpenDatabase("mysql://h/db", OpenOptions{}));
  EXPECT_EQ(scheme.message,
            "the database location has an unknown scheme \"mysql://\"; expected a file path, "
            "sqlite:PATH or postgresql://...");
  ExpectTranslated(scheme, {"mysql://", "sqlite:PATH", "postgresql://..."});
  ExpectTranslated(Refusal(OpenDatabase(dir_.string(), OpenOptions{})), {dir_.string()});
  const std::string missing = (dir_ / "none.db").string();
  const Error none = Refusal(OpenDatabase(missing, OpenOptions{.create = false}));
  EXPECT_EQ(none.message, "no diary at " + missing + " yet");
  EXPECT_EQ(Lang("de").Message(none), "unter " + missing + " gibt es noch kein Tagebuch");
  ExpectTranslated(none, {missing});
}

TEST_F(StoreErrorsInLanguages, TheDevicesLimitWithItsPlural) {
  auto db = OpenDatabase(live_, OpenOptions{});
  ASSERT_TRUE(db.has_value());
  const PersonId person = (*db)->LocalPerson();
  PushSubscription s{.person = person, .endpoint = "https://push.example.net/a"};
  ASSERT_TRUE((*db)->Push().AddSubscription(s, 1, 2).has_value());
  s.endpoint = "https://push.example.net/b";
  ASSERT_TRUE((*db)->Push().AddSubscription(s, 1, 2).has_value());
  s.endpoint = "https://push.example.net/c";
  const Error two = Refusal((*db)->Push().AddSubscription(s, 1, 2));
  EXPECT_EQ(two.message,
            "you already have reminders on 2 devices, the most there can be: remove one "
            "(Reminders, Your devices) first");
  ExpectTranslated(two, {"2"});
  const Error one = Refusal((*db)->Push().AddSubscription(s, 1, 1));
  EXPECT_EQ(Lang("es").Message(one),
            "ya tiene recordatorios en 1 dispositivo, el máximo posible: quítelo primero "
            "(Recordatorios, Sus dispositivos)");
}

TEST(PushErrorsInLanguages, ASubscriptionsEndpoint) {
  const Error e = Refusal(push::ParseEndpoint("https://10.1.2.3/x", push::Reach::kPublicOnly));
  EXPECT_EQ(e.message, "subscription endpoint: the address 10.1.2.3 is not public");
  EXPECT_EQ(Lang("de").Message(e),
            "Endpunkt des Abonnements: die Adresse 10.1.2.3 ist nicht "
            "öffentlich");
  EXPECT_EQ(Lang("es").Message(e),
            "dirección de la suscripción: la dirección 10.1.2.3 no es pública");
  ExpectTranslated(e, {"10.1.2.3"});
  // Each endpoint, with the values its refusal keeps.
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"http://push.example.net/x", {"https://"}},
      {"https://push.example.net:99999/x", {"99999", "65535"}},
      {"https://localhost/x", {"localhost"}},
      {"https://user@push.example.net/x", {"(@)"}},
      {"https://push.example.net/x#f", {"(#)"}},
      {"https:///x", {}},
      {"https://[::1/x", {"IPv6", "]"}},
      {"https://a_b.example/x", {"a_b.example"}},
  };
  for (const auto& [url, values] : cases) {
    ExpectTranslated(Refusal(push::ParseEndpoint(url, push::Reach::kPublicOnly)), values);
  }
  ExpectTranslated(Refusal(push::ParseEndpoint("https://push.example.net/" + std::string(1000, 'a'),
                                               push::Reach::kPublicOnly)),
                   {"1025", "1000"});
}

}  // namespace
}  // namespace backsignal
