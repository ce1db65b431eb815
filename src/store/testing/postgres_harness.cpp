#include "store/testing/postgres_harness.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "store/postgres/pg_connection.h"

namespace gazette::store {
namespace {

using postgres::Connection;

// The URL up to and including the '/' after the host, whatever database or options follow.
std::string ServerPart(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return url + "/";
  return url.substr(0, slash + 1);
}

// A database name no other test, process or earlier run uses.
std::string UniqueName() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return "gazette_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random() % 1'000'000);
}

}  // namespace

std::optional<std::string> PostgresTestServer() {
  const char* url = std::getenv("GAZETTE_TEST_POSTGRES_URL");
  if (url != nullptr && *url != '\0') return ServerPart(url);
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string_view(ci) == "true") {
    ADD_FAILURE() << "GAZETTE_TEST_POSTGRES_URL is not set, and CI must run the PostgreSQL tests";
  }
  return std::nullopt;
}

std::unique_ptr<PostgresHarness> PostgresHarness::Create(const std::string& server) {
  auto admin = Connection::Open(server + "postgres");
  if (!admin) {
    ADD_FAILURE() << admin.error().ToString();
    return nullptr;
  }
  const std::string name = UniqueName();
  if (auto made = (*admin)->Exec("CREATE DATABASE " + name); !made) {
    ADD_FAILURE() << made.error().ToString();
    return nullptr;
  }
  return std::unique_ptr<PostgresHarness>(new PostgresHarness(server, name));
}

PostgresHarness::PostgresHarness(std::string server, std::string name)
    : server_(std::move(server)), name_(std::move(name)), url_(server_ + name_) {}

PostgresHarness::~PostgresHarness() {
  auto admin = Connection::Open(server_ + "postgres");
  if (!admin) {
    ADD_FAILURE() << admin.error().ToString();
    return;
  }
  // FORCE ends the connections of a store a test left open.
  if (auto dropped = (*admin)->Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      !dropped) {
    ADD_FAILURE() << dropped.error().ToString();
  }
}

base::Result<std::unique_ptr<Store>> PostgresHarness::Open() {
  return OpenPostgresStore(url_, {.connections = 3});
}

StoreBackend PostgresBackend() {
  return StoreBackend{.name = "Postgres",
                      .make_harness = []() -> std::unique_ptr<StoreHarness> {
                        auto server = PostgresTestServer();
                        if (!server) return nullptr;
                        return PostgresHarness::Create(*server);
                      },
                      .unavailable = std::string(kPostgresSkipped)};
}

}  // namespace gazette::store
