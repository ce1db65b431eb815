#include "demo_site_test.h"

#include <set>

#include "support/html.h"

namespace gazette::integration {

std::unique_ptr<support::SiteProcess> DemoSiteTest::site_;
support::Backend DemoSiteTest::site_backend_ = support::Backend::kSqlite;
std::unique_ptr<std::map<std::string, std::string>> DemoSiteTest::article_urls_;

std::unique_ptr<support::SiteProcess> StartSite(const support::SiteOptions& options) {
  auto site = support::SiteProcess::Start(options);
  if (!site) {
    ADD_FAILURE() << "cannot start the demo site: " << site.error().ToString();
    return nullptr;
  }
  return std::move(*site);
}

support::HttpResponse MustFetch(uint16_t port, const std::string& target,
                                const support::Headers& headers, const std::string& method) {
  auto response = support::Fetch(port, target, headers, method);
  if (!response) {
    ADD_FAILURE() << method << " " << target << ": " << response.error().ToString();
    return support::HttpResponse{};
  }
  return std::move(*response);
}

const support::DemoSite& Demo() {
  static const support::DemoSite demo = [] {
    auto loaded = support::LoadDemoSite(support::DemoSourceDir());
    if (!loaded) {
      ADD_FAILURE() << "cannot read the demo: " << loaded.error().ToString();
      return support::DemoSite();
    }
    return std::move(*loaded);
  }();
  return demo;
}

void DemoSiteTest::TearDownTestSuite() {
  site_.reset();
  article_urls_.reset();
}

void DemoSiteTest::SetUp() {
  const support::Backend wanted = backend();
  if (!support::BackendAvailable(wanted)) GTEST_SKIP() << support::BackendSkipReason();
  if (site_ && site_backend_ != wanted) TearDownTestSuite();
  if (!site_) {
    site_ = StartSite({.backend = wanted});
    site_backend_ = wanted;
  }
  ASSERT_NE(site_, nullptr) << "the demo site did not start";
  ASSERT_FALSE(Demo().articles.empty()) << "no demo articles in " << support::DemoSourceDir();
}

const std::map<std::string, std::string>& DemoSiteTest::ArticleUrls() {
  if (article_urls_) {
    return *article_urls_;
  }
  article_urls_ = std::make_unique<std::map<std::string, std::string>>();
  for (const support::DemoSection& section : Demo().sections) {
    std::set<std::string> visited;
    std::vector<std::string> pending{"/" + section.slug + "/"};
    while (!pending.empty() && visited.size() < 20) {
      std::string target = pending.back();
      pending.pop_back();
      if (!visited.insert(target).second) {
        continue;
      }
      support::HttpResponse page = Get(target);
      if (page.status != 200) {
        ADD_FAILURE() << "GET " << target << " answered " << page.status;
        continue;
      }
      for (const support::Link& link : support::Links(page.body)) {
        const std::string page_prefix = "/" + section.slug + "/?page=";
        if (link.href.starts_with(page_prefix)) {
          pending.push_back(link.href);
        }
        const support::DemoArticle* article = Demo().FindByTitle(link.text);
        if (article != nullptr && link.href.starts_with("/" + article->section + "/")) {
          (*article_urls_)[article->file] = link.href;
        }
      }
    }
  }
  return *article_urls_;
}

std::string DemoSiteTest::ArticleUrl(const std::string& prefix) {
  for (const auto& [file, url] : ArticleUrls()) {
    if (file.starts_with(prefix)) {
      return url;
    }
  }
  ADD_FAILURE() << "no article URL found for demo file " << prefix << "*";
  return "/no-such-article/";
}

}  // namespace gazette::integration
