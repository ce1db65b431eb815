// The whole site survives `gazette export` and `gazette import markdown`: the demo, exported and
// imported into an empty site, serves the same pages, byte for byte but for the trending list
// (page views are not exported), and a second import adds nothing.
#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

#include "base/testing/temp_dir.h"
#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using support::RunGazette;

// The two sites, on the test's backend, are made once per suite and backend.
class ExportRoundTripTest : public support::BackendTest {
 protected:
  static void StartSites(support::Backend backend) {
    TearDownTestSuite();
    started_ = backend;
    original_ = StartSite({.backend = backend});
    if (!original_) return;
    dir_ = std::make_unique<base::testing::TempDir>("gazette-export-");
    export_dir_ = (dir_->path() / "export").string();
    auto exported = RunGazette({"export", original_->site_dir(), export_dir_});
    if (!exported || exported->exit_code != 0) {
      ADD_FAILURE() << "gazette export failed: " << (exported ? exported->err : "");
      return;
    }
    export_output_ = exported->out;

    support::SiteOptions options{.demo = false, .backend = backend};
    options.before_serve = [](const std::string& site_dir) -> base::Status {
      auto imported = RunGazette({"import", "markdown", site_dir, export_dir_});
      if (!imported) return base::Unexpected(imported.error());
      import_output_ = imported->out;
      if (imported->exit_code != 0) {
        return base::InternalError("gazette import markdown exited " +
                                   std::to_string(imported->exit_code) + ": " + imported->out +
                                   imported->err);
      }
      return base::Ok();
    };
    copy_ = StartSite(options);
  }

  static void TearDownTestSuite() {
    copy_.reset();
    original_.reset();
    dir_.reset();
    started_.reset();
  }

  void SetUp() override {
    support::BackendTest::SetUp();
    if (IsSkipped()) return;
    if (started_ != GetParam()) StartSites(GetParam());
    ASSERT_NE(original_, nullptr);
    ASSERT_NE(copy_, nullptr);
  }

  static std::optional<support::Backend> started_;
  static std::unique_ptr<support::SiteProcess> original_;
  static std::unique_ptr<support::SiteProcess> copy_;
  static std::unique_ptr<base::testing::TempDir> dir_;
  static std::string export_dir_;
  static std::string export_output_;
  static std::string import_output_;
};

std::optional<support::Backend> ExportRoundTripTest::started_;
std::unique_ptr<support::SiteProcess> ExportRoundTripTest::original_;
std::unique_ptr<support::SiteProcess> ExportRoundTripTest::copy_;
std::unique_ptr<base::testing::TempDir> ExportRoundTripTest::dir_;
std::string ExportRoundTripTest::export_dir_;
std::string ExportRoundTripTest::export_output_;
std::string ExportRoundTripTest::import_output_;

// The one part of a page that must differ: the trending list ranks articles by page views,
// which an export does not carry (the copy has none, so it lists the newest instead).
std::string WithoutTrending(const std::string& body) {
  static const std::regex rail(R"(<aside class="rail"[^]*?</aside>)");
  return std::regex_replace(body, rail, "<aside class=\"rail\"></aside>");
}

// The site's own pages a page links to: paths, and sitemap <loc>s made relative.
std::vector<std::string> LinkedPages(const std::string& body) {
  std::vector<std::string> pages;
  for (const std::string& href : support::AttributeValues(body, "href")) pages.push_back(href);
  static const std::regex loc("<loc>http://127\\.0\\.0\\.1:8080(/[^<]*)</loc>");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), loc); it != std::sregex_iterator();
       ++it) {
    pages.push_back(support::DecodeEntities((*it)[1].str()));
  }
  std::vector<std::string> own;
  for (const std::string& page : pages) {
    if (!page.starts_with("/") || page.starts_with("//")) continue;
    if (page.starts_with("/assets/") || page.starts_with("/admin") || page.starts_with("/api/") ||
        page.starts_with("/media/") || page.starts_with("/search")) {
      continue;
    }
    own.push_back(page.substr(0, page.find('#')));
  }
  return own;
}

TEST_P(ExportRoundTripTest, ExportAndImportSayWhatTheyDid) {
  EXPECT_TRUE(export_output_.starts_with("Exported " + std::to_string(Demo().articles.size()) +
                                         " articles, " + std::to_string(Demo().sections.size()) +
                                         " sections"))
      << export_output_;
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(export_dir_) / "manifest.json"));
  EXPECT_NE(import_output_.find("created " + std::to_string(Demo().sections.size()) + " sections"),
            std::string::npos)
      << import_output_;
  EXPECT_NE(import_output_.find("Imported " + std::to_string(Demo().articles.size()) +
                                ", updated 0, skipped 0, failed 0\n"),
            std::string::npos)
      << import_output_;

  auto again = RunGazette({"export", original_->site_dir(), export_dir_});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->exit_code, 1);
  EXPECT_EQ(again->err, "gazette: " + export_dir_ + " is not empty\n");
}

TEST_P(ExportRoundTripTest, ASecondImportAddsNothing) {
  auto again = RunGazette({"import", "markdown", copy_->site_dir(), export_dir_});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->exit_code, 0) << again->err;
  EXPECT_NE(again->out.find("created 0 sections, 0 authors, 0 partners, 0 tags"), std::string::npos)
      << again->out;
  EXPECT_NE(again->out.find("Imported 0, updated 0, skipped " +
                            std::to_string(Demo().articles.size()) + ", failed 0\n"),
            std::string::npos)
      << again->out;
}

TEST_P(ExportRoundTripTest, EveryPublishedPageIsTheSame) {
  std::deque<std::string> pending{"/", "/sitemap.xml", "/robots.txt"};
  std::set<std::string> seen(pending.begin(), pending.end());
  std::set<std::string> kinds;
  int articles = 0;
  while (!pending.empty() && seen.size() < 600) {
    const std::string target = pending.front();
    pending.pop_front();
    const support::HttpResponse original = MustFetch(original_->port(), target);
    const support::HttpResponse copy = MustFetch(copy_->port(), target);
    ASSERT_EQ(copy.status, original.status) << target;
    EXPECT_EQ(copy.Header("content-type"), original.Header("content-type")) << target;
    EXPECT_EQ(copy.Header("location"), original.Header("location")) << target;
    const std::string body = original.DecodedBody().value_or("");
    EXPECT_EQ(WithoutTrending(copy.DecodedBody().value_or("")), WithoutTrending(body)) << target;

    const std::string first = target.substr(1, target.find('/', 1) - 1);
    kinds.insert(first == "author" || first == "tag" || first == "partner" ? first : "");
    if (std::count(target.begin(), target.end(), '/') == 3 && first != "author" && first != "tag" &&
        first != "partner" && first != "sitemaps") {
      ++articles;
    }
    for (const std::string& page : LinkedPages(body)) {
      if (seen.insert(page).second) pending.push_back(page);
    }
  }
  EXPECT_TRUE(pending.empty()) << "more than 600 pages";
  EXPECT_EQ(kinds, (std::set<std::string>{"", "author", "partner", "tag"}));
  EXPECT_GE(articles, static_cast<int>(Demo().articles.size()));
}

TEST_P(ExportRoundTripTest, OldAddressesStillLeadToTheirArticles) {
  int moved = 0;
  for (const support::DemoArticle& article : Demo().articles) {
    for (const std::string& old_slug : article.old_slugs) {
      const std::string target = "/" + article.section + "/" + old_slug + "/";
      const support::HttpResponse original = MustFetch(original_->port(), target);
      const support::HttpResponse copy = MustFetch(copy_->port(), target);
      EXPECT_EQ(original.status, 301) << target;
      EXPECT_EQ(copy.status, 301) << target;
      EXPECT_EQ(copy.Header("location"), original.Header("location")) << target;
      ++moved;
    }
  }
  EXPECT_GT(moved, 0) << "the demo has no moved article to check";
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportRoundTripTest, support::kAllBackends,
                         support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
