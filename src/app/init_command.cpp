#include "app/init_command.h"

#include <toml++/toml.h>

#include <string>
#include <utility>
#include <vector>

#include "app/cli_output.h"
#include "app/config.h"
#include "app/config_keys.h"
#include "app/config_mapping.h"
#include "app/config_template.h"
#include "app/embedded_files.h"
#include "app/user_command.h"
#include "base/file_write.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;
using base::Result;
using base::Status;

// Undoes an unfinished init unless Commit() was called: removes the folder init made (with the
// parents it made), or, when the folder existed and was empty, everything inside it.
// Confined to the thread that runs init.
class Rollback {
 public:
  Rollback() = default;
  Rollback(const Rollback&) = delete;
  Rollback& operator=(const Rollback&) = delete;
  ~Rollback();

  void RemoveOnFailure(fs::path path) { remove_ = std::move(path); }
  void EmptyOnFailure(fs::path dir) { empty_ = std::move(dir); }
  void Commit() {
    remove_.clear();
    empty_.clear();
  }

 private:
  fs::path remove_;
  fs::path empty_;
};

Rollback::~Rollback() {
  std::error_code ignored;
  if (!remove_.empty()) fs::remove_all(remove_, ignored);
  if (empty_.empty()) return;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(empty_, ignored)) entries.push_back(entry.path());
  for (const fs::path& entry : entries) fs::remove_all(entry, ignored);
}

// Makes sure `dir` is an empty folder, creating it and its parents as needed.
Status PrepareFolder(const fs::path& dir, Rollback& rollback) {
  std::error_code error;
  const fs::file_status status = fs::status(dir, error);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      return base::ConflictError(dir.string() + " exists and is not a folder");
    }
    const bool empty = fs::is_empty(dir, error);
    if (error)
      return base::UnavailableError("cannot read " + dir.string() + ": " + error.message());
    if (!empty) return base::ConflictError(dir.string() + " is not empty");
    rollback.EmptyOnFailure(dir);
    return base::Ok();
  }
  // The outermost folder that create_directories will make; climbing stops at the first
  // parent that exists or cannot be looked at, so the rollback never reaches older folders.
  fs::path topmost_new = fs::absolute(dir, error);
  while (true) {
    const fs::path parent = topmost_new.parent_path();
    if (parent == topmost_new || fs::exists(parent, error) || error) break;
    topmost_new = parent;
  }
  if (!fs::create_directories(dir, error) && error) {
    return base::UnavailableError("cannot create " + dir.string() + ": " + error.message());
  }
  rollback.RemoveOnFailure(topmost_new);
  return base::Ok();
}

Status CopyEmbedded(std::span<const EmbeddedFile> files, const fs::path& to) {
  for (const EmbeddedFile& file : files) {
    if (auto written = base::WriteWholeFile(to / file.path, file.contents); !written)
      return written;
  }
  return base::Ok();
}

// The demo's [site] name and tagline from its site.toml, for gazette.toml.
struct SiteIdentity {
  std::string name = Config{}.site.name;
  std::string tagline;
};

Result<SiteIdentity> ReadSiteIdentity(const ingest::BundleFiles& files) {
  SiteIdentity identity;
  const auto site_toml = files.find("site.toml");
  if (site_toml == files.end()) return identity;
  try {
    const toml::table root = toml::parse(site_toml->second, std::string_view("site.toml"));
    identity.name = root["site"]["name"].value_or(identity.name);
    if (identity.name.empty()) identity.name = Config{}.site.name;
    identity.tagline = root["site"]["tagline"].value_or(identity.tagline);
  } catch (const toml::parse_error& error) {
    return base::InvalidArgumentError(
        "demo site.toml:" + std::to_string(error.source().begin.line) + ": " +
        std::string(error.description()));
  }
  return identity;
}

ingest::BundleFiles DemoBundle() {
  ingest::BundleFiles files;
  for (const EmbeddedFile& file : DemoBundleFiles()) {
    files.emplace(std::string(file.path), std::string(file.contents));
  }
  return files;
}

// `url` without its user and password, to name a database in messages.
std::string WithoutCredentials(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const size_t at = url.find('@', start);
  if (at == std::string_view::npos || at > url.find('/', start)) return std::string(url);
  return std::string(url.substr(0, start)) + std::string(url.substr(at + 1));
}

// The new site's database: a new SQLite file in the folder, or the PostgreSQL database the
// configuration names, its schema made (or brought up to date) and holding no site yet, so that
// init never mixes its accounts and content into another site's.
Result<std::unique_ptr<store::Store>> OpenNewDatabase(const Config& config, const fs::path& dir) {
  if (!IsPostgresUrl(config.database.url)) {
    return store::OpenSqliteStore(DatabasePath(config, dir).string(), {.create_if_missing = true});
  }
  auto store = store::OpenPostgresStore(config.database.url, {.connections = 1});
  if (!store) return store;
  auto users = (*store)->ListUsers();
  if (!users) return base::Unexpected(users.error());
  auto articles = (*store)->CountArticles({});
  if (!articles) return base::Unexpected(articles.error());
  if (!users->empty() || *articles > 0) {
    return base::ConflictError("the database " + WithoutCredentials(config.database.url) +
                               " already holds a site (" + Count(*articles, "article") + ", " +
                               Count(static_cast<int64_t>(users->size()), "account") +
                               "); give init a new, empty database");
  }
  return store;
}

}  // namespace

Result<ingest::BundleSummary> InitSite(const InitOptions& options, const base::Clock& clock) {
  const fs::path& dir = options.dir;
  if (DefaultThemeFiles().empty()) {
    return base::InternalError("this gazette binary was built without the default theme");
  }
  if (options.demo && DemoBundleFiles().empty()) {
    return base::InternalError("this gazette binary was built without the demo content");
  }

  const NewAccount admin{.email = options.admin_email, .role = content::Role::kAdmin};
  if (auto valid = content::CheckEmail(admin.email); !valid) {
    return base::Unexpected(valid.error());
  }
  if (auto valid = auth::CheckPasswordRules(options.admin_password); !valid) {
    return base::Unexpected(valid.error());
  }
  Config config;
  if (!options.database_url.empty()) {
    const ConfigKey* key = FindConfigKey("database", "url");
    if (auto valid = key->store(config, options.database_url); !valid) {
      return base::InvalidArgumentError("--database " + valid.error().message());
    }
  }

  Rollback rollback;
  if (auto prepared = PrepareFolder(dir, rollback); !prepared) {
    return base::Unexpected(prepared.error());
  }
  if (auto copied = CopyEmbedded(DefaultThemeFiles(), dir / "themes" / Config{}.theme.name);
      !copied) {
    return base::Unexpected(copied.error());
  }
  if (auto made = base::CreateFolders(dir / "media"); !made) return base::Unexpected(made.error());

  auto store = OpenNewDatabase(config, dir);
  if (!store) return base::Unexpected(store.error());

  ingest::BundleSummary summary;
  SiteIdentity identity;
  if (options.demo) {
    const ingest::BundleFiles files = DemoBundle();
    auto read = ReadSiteIdentity(files);
    if (!read) return base::Unexpected(read.error());
    identity = std::move(*read);
    auto loaded = ingest::LoadSiteBundle(**store, files, clock.Now());
    if (!loaded) return base::Unexpected(loaded.error());
    summary = *loaded;
  }
  if (auto created =
          CreateAccount(**store, admin, options.admin_password, options.password_cost, clock);
      !created) {
    return base::Unexpected(created.error());
  }
  store->reset();

  if (auto written = base::WriteWholeFile(
          dir / kConfigFileName,
          DefaultConfigText(identity.name, identity.tagline, config.database.url));
      !written) {
    return base::Unexpected(written.error());
  }
  rollback.Commit();
  return summary;
}

}  // namespace gazette::app
