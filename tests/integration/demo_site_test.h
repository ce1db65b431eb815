// The fixture most integration tests share: the demo site served by a real `gazette serve`,
// the demo's source files read independently, and helpers to fetch pages from the server.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "support/demo_content.h"
#include "support/http_client.h"
#include "support/site_process.h"

namespace gazette::integration {

// Starts a server with `options`; fails the current test (returns nullptr) if it cannot.
std::unique_ptr<support::SiteProcess> StartSite(const support::SiteOptions& options = {});

// Fetches `target` on a fresh connection; on a transport error, fails the current test and
// returns a response with status 0.
support::HttpResponse MustFetch(uint16_t port, const std::string& target,
                                const support::Headers& headers = {},
                                const std::string& method = "GET");

// The demo's source files; fails the current test if they cannot be read.
const support::DemoSite& Demo();

// One server per test suite and backend (CTest runs each test in its own process, so in
// practice one per test), started with the default options on backend(): SQLite here, for the
// suites that test HTTP alone; each backend in turn in DemoSiteBackendTest.
class DemoSiteTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite();
  void SetUp() override;
  virtual support::Backend backend() const { return support::Backend::kSqlite; }

  static uint16_t port() { return site_->port(); }
  static support::SiteProcess& site() { return *site_; }

  static support::HttpResponse Get(const std::string& target,
                                   const support::Headers& headers = {}) {
    return MustFetch(port(), target, headers);
  }

  // The path of every demo article ("/east-asia/some-slug/") by its file name, found by
  // following the links on the section pages whose text is the article's title.
  static const std::map<std::string, std::string>& ArticleUrls();

  // The path of the demo article whose file name starts with `prefix` ("04-", or a whole name).
  static std::string ArticleUrl(const std::string& prefix);

 private:
  static std::unique_ptr<support::SiteProcess> site_;
  static support::Backend site_backend_;
  static std::unique_ptr<std::map<std::string, std::string>> article_urls_;
};

// The demo site on each backend: `TEST_P(FooTest, ...)` with
// `INSTANTIATE_TEST_SUITE_P(Backends, FooTest, support::kAllBackends, support::BackendTestName)`.
class DemoSiteBackendTest : public DemoSiteTest,
                            public ::testing::WithParamInterface<support::Backend> {
 protected:
  support::Backend backend() const override { return GetParam(); }
};

}  // namespace gazette::integration
