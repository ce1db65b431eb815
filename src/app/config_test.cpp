#include "app/config.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <set>

#include "app/config_keys.h"
#include "app/config_mapping.h"
#include "app/config_template.h"
#include "base/testing/temp_dir.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

std::string ErrorOf(std::string_view text) {
  auto config = ParseConfig(text, "site/gazette.toml");
  EXPECT_FALSE(config.has_value()) << text;
  return config ? "" : config.error().message();
}

EnvironmentLookup FakeEnvironment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

const EnvironmentLookup kNoEnvironment = FakeEnvironment({});

void ExpectDefaults(const Config& c) {
  EXPECT_EQ(c.site.name, "Gazette");
  EXPECT_EQ(c.site.tagline, "");
  EXPECT_EQ(c.site.url, "http://127.0.0.1:8080");
  EXPECT_EQ(c.site.language, "en");
  EXPECT_EQ(c.site.articles_per_page, 10);
  EXPECT_EQ(c.server.listen, (ListenAddress{"127.0.0.1", 8080}));
  EXPECT_EQ(c.server.threads, 0);
  EXPECT_TRUE(c.server.access_log);
  EXPECT_EQ(c.database.url, "sqlite:gazette.db");
  EXPECT_EQ(c.theme.name, "default");
  EXPECT_EQ(c.limits.header_bytes, 16384);
  EXPECT_EQ(c.limits.body_bytes, 1048576);
  EXPECT_EQ(c.limits.upload_bytes, 16 * 1048576);
  EXPECT_EQ(c.limits.idle_timeout_seconds, 30);
  EXPECT_EQ(c.limits.request_timeout_seconds, 15);
  EXPECT_EQ(c.cache.memory_bytes, 67108864);
  EXPECT_EQ(c.cache.max_age_seconds, 60);
}

// A site folder in a fresh temporary directory, removed at the end of the test.
class SiteDirTest : public ::testing::Test {
 protected:
  void WriteConfig(std::string_view text) { std::ofstream(dir_ / "gazette.toml") << text; }
  base::testing::TempDir temp_dir_{"gazette-config-"};
  fs::path dir_ = temp_dir_.path();
};

TEST(ConfigTest, EmptyFileGivesDefaults) {
  auto config = ParseConfig("", "gazette.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  ExpectDefaults(*config);
  ExpectDefaults(Config{});
}

TEST(ConfigTest, ParsesEveryKey) {
  auto config = ParseConfig(R"(
[site]
name = "The Sextant"
tagline = "Taking bearings"
url = "https://sextant.example/"
language = "fr"
articles_per_page = 25
[server]
listen = "[::1]:9090"
threads = 4
access_log = false
[database]
url = "sqlite:/var/lib/gazette/site.db"
[theme]
name = "broadsheet"
[limits]
header_bytes = 8192
body_bytes = 4096
upload_bytes = 2097152
idle_timeout_seconds = 60
request_timeout_seconds = 5
[cache]
memory_bytes = 0
max_age_seconds = 600
)",
                            "gazette.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  EXPECT_EQ(config->site.name, "The Sextant");
  EXPECT_EQ(config->site.tagline, "Taking bearings");
  EXPECT_EQ(config->site.url, "https://sextant.example/");
  EXPECT_EQ(config->site.language, "fr");
  EXPECT_EQ(config->site.articles_per_page, 25);
  EXPECT_EQ(config->server.listen, (ListenAddress{"::1", 9090}));
  EXPECT_EQ(config->server.threads, 4);
  EXPECT_FALSE(config->server.access_log);
  EXPECT_EQ(config->database.url, "sqlite:/var/lib/gazette/site.db");
  EXPECT_EQ(config->theme.name, "broadsheet");
  EXPECT_EQ(config->limits.header_bytes, 8192);
  EXPECT_EQ(config->limits.body_bytes, 4096);
  EXPECT_EQ(config->limits.upload_bytes, 2097152);
  EXPECT_EQ(config->limits.idle_timeout_seconds, 60);
  EXPECT_EQ(config->limits.request_timeout_seconds, 5);
  EXPECT_EQ(config->cache.memory_bytes, 0);
  EXPECT_EQ(config->cache.max_age_seconds, 600);
}

TEST(ConfigTest, UnknownKeyIsNamedWithItsLine) {
  EXPECT_EQ(ErrorOf("[site]\nname = \"x\"\n\n[server]\nlisen = \"127.0.0.1:80\"\n"),
            "site/gazette.toml:5: unknown key 'server.lisen'");
}

TEST(ConfigTest, UnknownTableIsNamedWithItsLine) {
  EXPECT_EQ(ErrorOf("[site]\nname = \"x\"\n[cdn]\nsize = 3\n"),
            "site/gazette.toml:3: unknown table 'cdn'");
  EXPECT_EQ(ErrorOf("[server.tls]\ncert = \"x\"\n"),
            "site/gazette.toml:1: unknown key 'server.tls'");
}

TEST(ConfigTest, KeyOutsideATableIsUnknown) {
  EXPECT_EQ(ErrorOf("\nlisten = \"127.0.0.1:80\"\n"), "site/gazette.toml:2: unknown key 'listen'");
}

TEST(ConfigTest, TableNameUsedAsAValueIsAnError) {
  EXPECT_EQ(ErrorOf("site = \"Gazette\"\n"),
            "site/gazette.toml:1: 'site' must be a table ([site])");
}

TEST(ConfigTest, WrongTypesAreNamedWithTheirLine) {
  EXPECT_EQ(ErrorOf("[server]\nthreads = \"4\"\n"),
            "site/gazette.toml:2: 'server.threads' must be an integer");
  EXPECT_EQ(ErrorOf("[server]\n\naccess_log = 1\n"),
            "site/gazette.toml:3: 'server.access_log' must be a boolean");
  EXPECT_EQ(ErrorOf("[site]\nname = 7\n"), "site/gazette.toml:2: 'site.name' must be a string");
  EXPECT_EQ(ErrorOf("[limits]\nbody_bytes = 1.5\n"),
            "site/gazette.toml:2: 'limits.body_bytes' must be an integer");
  EXPECT_EQ(ErrorOf("[server]\nlisten = [\"127.0.0.1:80\"]\n"),
            "site/gazette.toml:2: 'server.listen' must be a string");
}

TEST(ConfigTest, IntegersOutOfRangeAreRejected) {
  EXPECT_EQ(ErrorOf("[server]\nthreads = -1\n"),
            "site/gazette.toml:2: 'server.threads' must be from 0 to 1024");
  EXPECT_EQ(ErrorOf("[site]\narticles_per_page = 0\n"),
            "site/gazette.toml:2: 'site.articles_per_page' must be from 1 to 100");
  EXPECT_EQ(ErrorOf("[site]\narticles_per_page = 101\n"),
            "site/gazette.toml:2: 'site.articles_per_page' must be from 1 to 100");
  EXPECT_EQ(ErrorOf("[limits]\nheader_bytes = 100\n"),
            "site/gazette.toml:2: 'limits.header_bytes' must be from 1024 to 1048576");
  EXPECT_EQ(ErrorOf("[limits]\nidle_timeout_seconds = 0\n"),
            "site/gazette.toml:2: 'limits.idle_timeout_seconds' must be from 1 to 3600");
  EXPECT_EQ(ErrorOf("[limits]\nrequest_timeout_seconds = 99999999999\n"),
            "site/gazette.toml:2: 'limits.request_timeout_seconds' must be from 1 to 3600");
}

TEST(ConfigTest, RangeBoundsAreAccepted) {
  auto low = ParseConfig("[site]\narticles_per_page = 1\n[server]\nthreads = 0\n", "x");
  ASSERT_TRUE(low.has_value()) << low.error().message();
  EXPECT_EQ(low->site.articles_per_page, 1);
  auto high = ParseConfig("[site]\narticles_per_page = 100\n[server]\nthreads = 1024\n", "x");
  ASSERT_TRUE(high.has_value()) << high.error().message();
  EXPECT_EQ(high->site.articles_per_page, 100);
  EXPECT_EQ(high->server.threads, 1024);
}

TEST(ConfigTest, MalformedStringsAreRejected) {
  EXPECT_EQ(ErrorOf("[server]\nlisten = \"localhost:80\"\n"),
            "site/gazette.toml:2: 'server.listen' must be HOST:PORT with an IPv4 address or a "
            "bracketed IPv6 address as HOST, not 'localhost:80'");
  EXPECT_EQ(ErrorOf("[server]\nlisten = \"127.0.0.1\"\n"),
            "site/gazette.toml:2: 'server.listen' must be HOST:PORT, not '127.0.0.1'");
  EXPECT_EQ(ErrorOf("[site]\nurl = \"example.com\"\n"),
            "site/gazette.toml:2: 'site.url' must be an absolute URL starting with http:// or "
            "https://");
  EXPECT_EQ(ErrorOf("[database]\nurl = \"mysql://db/gazette\"\n"),
            "site/gazette.toml:2: 'database.url' must be 'sqlite:PATH' or "
            "'postgresql://USER@HOST:PORT/NAME', such as 'sqlite:gazette.db'");
  EXPECT_EQ(ErrorOf("[database]\nurl = \"sqlite:\"\n"),
            "site/gazette.toml:2: 'database.url' must be 'sqlite:PATH' or "
            "'postgresql://USER@HOST:PORT/NAME', such as 'sqlite:gazette.db'");
  EXPECT_EQ(ErrorOf("[database]\nurl = \"postgresql://\"\n"),
            "site/gazette.toml:2: 'database.url' must be 'sqlite:PATH' or "
            "'postgresql://USER@HOST:PORT/NAME', such as 'sqlite:gazette.db'");
  EXPECT_EQ(ErrorOf("[theme]\nname = \"../../etc\"\n"),
            "site/gazette.toml:2: 'theme.name' must be the name of a folder under themes/");
  EXPECT_EQ(ErrorOf("[site]\nname = \"\"\n"), "site/gazette.toml:2: 'site.name' must not be empty");
}

TEST(ConfigTest, PostgresUrlsAreAccepted) {
  for (const std::string url : {"postgresql://gazette@db.internal:5432/site",
                                "postgres://gazette:secret@10.0.0.5/site?sslmode=require"}) {
    Config config;
    auto applied = ApplyEnvironment(config, FakeEnvironment({{"GAZETTE_DATABASE_URL", url}}));
    ASSERT_TRUE(applied.has_value()) << applied.error().message();
    EXPECT_EQ(config.database.url, url);
    EXPECT_TRUE(IsPostgresUrl(config.database.url));
  }
  EXPECT_FALSE(IsPostgresUrl("sqlite:gazette.db"));
}

TEST(ConfigTest, SyntaxErrorGivesLineAndColumn) {
  const std::string error = ErrorOf("[site]\nname = \"Gazette\"\ntagline = \n");
  EXPECT_TRUE(error.starts_with("site/gazette.toml:3:")) << error;
  const std::string unclosed = ErrorOf("[site\n");
  EXPECT_TRUE(unclosed.starts_with("site/gazette.toml:1:")) << unclosed;
}

TEST(ConfigTest, EnvironmentVariableNamesFollowTableAndKey) {
  std::set<std::string> names;
  for (const ConfigKey& key : ConfigKeys()) names.insert(key.EnvironmentVariable());
  EXPECT_EQ(names.size(), ConfigKeys().size());
  EXPECT_TRUE(names.contains("GAZETTE_SERVER_LISTEN"));
  EXPECT_TRUE(names.contains("GAZETTE_DATABASE_URL"));
  EXPECT_TRUE(names.contains("GAZETTE_SITE_ARTICLES_PER_PAGE"));
  EXPECT_TRUE(names.contains("GAZETTE_LIMITS_REQUEST_TIMEOUT_SECONDS"));
}

TEST(ConfigTest, EnvironmentOverridesValues) {
  Config config;
  auto applied = ApplyEnvironment(config, FakeEnvironment({
                                              {"GAZETTE_SERVER_LISTEN", "0.0.0.0:9000"},
                                              {"GAZETTE_DATABASE_URL", "sqlite:/tmp/x.db"},
                                              {"GAZETTE_SERVER_ACCESS_LOG", "false"},
                                              {"GAZETTE_SITE_ARTICLES_PER_PAGE", "20"},
                                              {"GAZETTE_SITE_NAME", "Env Times"},
                                              {"GAZETTE_UNRELATED", "x"},
                                          }));
  ASSERT_TRUE(applied.has_value()) << applied.error().message();
  EXPECT_EQ(config.server.listen, (ListenAddress{"0.0.0.0", 9000}));
  EXPECT_EQ(config.database.url, "sqlite:/tmp/x.db");
  EXPECT_FALSE(config.server.access_log);
  EXPECT_EQ(config.site.articles_per_page, 20);
  EXPECT_EQ(config.site.name, "Env Times");
  EXPECT_EQ(config.server.threads, 0);
}

TEST(ConfigTest, BadEnvironmentValuesNameTheVariable) {
  Config config;
  auto not_number = ApplyEnvironment(config, FakeEnvironment({{"GAZETTE_SERVER_THREADS", "4x"}}));
  ASSERT_FALSE(not_number.has_value());
  EXPECT_EQ(not_number.error().message(),
            "environment variable GAZETTE_SERVER_THREADS: must be an integer");
  auto out_of_range = ApplyEnvironment(config, FakeEnvironment({{"GAZETTE_SERVER_THREADS", "-2"}}));
  ASSERT_FALSE(out_of_range.has_value());
  EXPECT_EQ(out_of_range.error().message(),
            "environment variable GAZETTE_SERVER_THREADS: must be from 0 to 1024");
  auto not_boolean =
      ApplyEnvironment(config, FakeEnvironment({{"GAZETTE_SERVER_ACCESS_LOG", "yes"}}));
  ASSERT_FALSE(not_boolean.has_value());
  EXPECT_EQ(not_boolean.error().message(),
            "environment variable GAZETTE_SERVER_ACCESS_LOG: must be a boolean");
}

TEST(ConfigTest, CacheKeysAreCheckedAndOverriddenByTheEnvironment) {
  EXPECT_EQ(ErrorOf("[cache]\nmax_age_seconds = 0\n"),
            "site/gazette.toml:2: 'cache.max_age_seconds' must be from 1 to 86400");
  EXPECT_EQ(ErrorOf("[cache]\nmemory_bytes = -1\n"),
            "site/gazette.toml:2: 'cache.memory_bytes' must be from 0 to 68719476736");
  Config config;
  auto applied =
      ApplyEnvironment(config, FakeEnvironment({{"GAZETTE_CACHE_MEMORY_BYTES", "1048576"},
                                                {"GAZETTE_CACHE_MAX_AGE_SECONDS", "5"}}));
  ASSERT_TRUE(applied.has_value()) << applied.error().message();
  EXPECT_EQ(config.cache.memory_bytes, 1048576);
  EXPECT_EQ(config.cache.max_age_seconds, 5);
  auto too_old =
      ApplyEnvironment(config, FakeEnvironment({{"GAZETTE_CACHE_MAX_AGE_SECONDS", "86401"}}));
  ASSERT_FALSE(too_old.has_value());
  EXPECT_EQ(too_old.error().message(),
            "environment variable GAZETTE_CACHE_MAX_AGE_SECONDS: must be from 1 to 86400");
}

TEST(ConfigTest, FlagsOverrideValues) {
  Config config;
  auto applied = ApplyFlags(config, {.listen = "[::1]:0", .threads = 3});
  ASSERT_TRUE(applied.has_value()) << applied.error().message();
  EXPECT_EQ(config.server.listen, (ListenAddress{"::1", 0}));
  EXPECT_EQ(config.server.threads, 3);

  auto bad_threads = ApplyFlags(config, {.listen = std::nullopt, .threads = -1});
  ASSERT_FALSE(bad_threads.has_value());
  EXPECT_EQ(bad_threads.error().message(), "--threads: must be from 0 to 1024");
  auto bad_listen = ApplyFlags(config, {.listen = "8080", .threads = std::nullopt});
  ASSERT_FALSE(bad_listen.has_value());
  EXPECT_EQ(bad_listen.error().message(), "--listen: must be HOST:PORT, not '8080'");
}

TEST_F(SiteDirTest, PrecedenceIsFlagThenEnvironmentThenFileThenDefault) {
  WriteConfig("[server]\nlisten = \"127.0.0.1:1111\"\nthreads = 2\n[site]\nname = \"File\"\n");
  const auto environment = FakeEnvironment(
      {{"GAZETTE_SERVER_LISTEN", "127.0.0.1:2222"}, {"GAZETTE_SERVER_THREADS", "5"}});

  auto file_only = LoadConfig(dir_, {}, kNoEnvironment);
  ASSERT_TRUE(file_only.has_value()) << file_only.error().message();
  EXPECT_EQ(file_only->server.listen.port, 1111);
  EXPECT_EQ(file_only->server.threads, 2);
  EXPECT_EQ(file_only->site.language, "en");

  auto with_environment = LoadConfig(dir_, {}, environment);
  ASSERT_TRUE(with_environment.has_value()) << with_environment.error().message();
  EXPECT_EQ(with_environment->server.listen.port, 2222);
  EXPECT_EQ(with_environment->server.threads, 5);
  EXPECT_EQ(with_environment->site.name, "File");

  auto with_flags =
      LoadConfig(dir_, {.listen = "127.0.0.1:3333", .threads = std::nullopt}, environment);
  ASSERT_TRUE(with_flags.has_value()) << with_flags.error().message();
  EXPECT_EQ(with_flags->server.listen.port, 3333);
  EXPECT_EQ(with_flags->server.threads, 5);
}

TEST_F(SiteDirTest, ReadsTheProcessEnvironmentByDefault) {
  WriteConfig("");
  ASSERT_EQ(setenv("GAZETTE_SITE_LANGUAGE", "de", 1), 0);
  auto config = LoadConfig(dir_, {});
  unsetenv("GAZETTE_SITE_LANGUAGE");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  EXPECT_EQ(config->site.language, "de");
}

TEST_F(SiteDirTest, MissingFolderAndFileAreNamed) {
  auto no_folder = LoadConfig(dir_ / "nope", {}, kNoEnvironment);
  ASSERT_FALSE(no_folder.has_value());
  EXPECT_TRUE(no_folder.error().IsNotFound());
  EXPECT_EQ(no_folder.error().message(), "site folder not found: " + (dir_ / "nope").string());

  auto no_file = LoadConfig(dir_, {}, kNoEnvironment);
  ASSERT_FALSE(no_file.has_value());
  EXPECT_TRUE(no_file.error().IsNotFound());
  EXPECT_EQ(no_file.error().message(),
            "configuration not found: " + (dir_ / "gazette.toml").string());
}

TEST_F(SiteDirTest, FileErrorsNameThePath) {
  WriteConfig("[server]\nlisen = \"x\"\n");
  auto config = LoadConfig(dir_, {}, kNoEnvironment);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message(),
            (dir_ / "gazette.toml").string() + ":2: unknown key 'server.lisen'");
}

TEST(ConfigTest, RelativeDatabasePathIsInTheSiteFolder) {
  Config config;
  EXPECT_EQ(DatabasePath(config, "/srv/site"), fs::path("/srv/site/gazette.db"));
  config.database.url = "sqlite:data/main.db";
  EXPECT_EQ(DatabasePath(config, "sites/a"), fs::path("sites/a/data/main.db"));
  config.database.url = "sqlite:/var/lib/gazette.db";
  EXPECT_EQ(DatabasePath(config, "/srv/site"), fs::path("/var/lib/gazette.db"));
}

TEST(ConfigTest, MapsToSiteConfigAndServerOptions) {
  Config config;
  config.site.name = "N";
  config.site.url = "https://n.example//";
  config.site.articles_per_page = 7;
  config.server.listen = {"::1", 9000};
  config.server.threads = 3;
  config.server.access_log = false;
  config.limits.header_bytes = 2048;
  config.limits.body_bytes = 10;
  config.limits.idle_timeout_seconds = 11;
  config.limits.request_timeout_seconds = 12;

  const site::SiteConfig site = SiteConfigFrom(config);
  EXPECT_EQ(site.name, "N");
  EXPECT_EQ(site.url, "https://n.example");
  EXPECT_EQ(site.language, "en");
  EXPECT_EQ(site.articles_per_page, 7);

  const http::ServerOptions options = ServerOptionsFrom(config);
  EXPECT_EQ(options.address, "::1");
  EXPECT_EQ(options.port, 9000);
  EXPECT_EQ(options.threads, 3);
  EXPECT_FALSE(options.access_log);
  EXPECT_EQ(options.header_limit, 2048u);
  EXPECT_EQ(options.body_limit, 10u);
  EXPECT_EQ(options.idle_timeout, std::chrono::seconds(11));
  EXPECT_EQ(options.request_timeout, std::chrono::seconds(12));

  config.cache.memory_bytes = 1000;
  config.cache.max_age_seconds = 7;
  const http::PageCacheOptions cache = PageCacheOptionsFrom(config);
  EXPECT_EQ(cache.memory_bytes, 1000u);
  EXPECT_EQ(cache.max_age, std::chrono::seconds(7));
}

TEST(ConfigTemplateTest, ListsEveryKeyWithItsDefault) {
  const std::string text = DefaultConfigText("Gazette", "", Config{}.database.url);
  auto config = ParseConfig(text, "template");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  ExpectDefaults(*config);

  const toml::table root = toml::parse(text);
  for (const ConfigKey& key : ConfigKeys()) {
    EXPECT_TRUE(root[key.table][key.name]) << key.FullName() << " missing from the template";
  }
}

TEST(ConfigTemplateTest, QuotesTheSiteNameAndTagline) {
  const std::string name = "The \"Quoted\" \\ Times";
  const std::string tagline = "Line one\nline two";
  auto config = ParseConfig(DefaultConfigText(name, tagline, Config{}.database.url), "template");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  EXPECT_EQ(config->site.name, name);
  EXPECT_EQ(config->site.tagline, tagline);
  EXPECT_EQ(config->site.url, Config{}.site.url);
}

TEST(ConfigTemplateTest, WritesTheDatabaseUrl) {
  const std::string url = "postgresql://gazette:p\"w@db.example:5433/magazine";
  auto config = ParseConfig(DefaultConfigText("Gazette", "", url), "template");
  ASSERT_TRUE(config.has_value()) << config.error().message();
  EXPECT_EQ(config->database.url, url);
}

}  // namespace
}  // namespace gazette::app
