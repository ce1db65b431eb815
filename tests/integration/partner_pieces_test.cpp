// Republished partner pieces: the credit links the original, and search engines are pointed at
// it by rel=canonical or kept away from our copy by noindex, as the partner's credit says.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "demo_site_test.h"
#include "support/html.h"

namespace gazette::integration {
namespace {

using PartnerPiecesTest = DemoSiteBackendTest;

// The href of <link rel="canonical">, or "" if the page has none.
std::string CanonicalUrl(const std::string& html) {
  std::smatch match;
  if (std::regex_search(html, match, std::regex("<link rel=\"canonical\" href=\"([^\"]*)\"")) ||
      std::regex_search(html, match, std::regex("<link href=\"([^\"]*)\" rel=\"canonical\""))) {
    return support::DecodeEntities(match[1].str());
  }
  return "";
}

bool IsNoindex(const std::string& html) {
  return html.find("<meta name=\"robots\" content=\"noindex") != std::string::npos;
}

TEST_P(PartnerPiecesTest, CreditLinksTheOriginalAndThePartnerPage) {
  int pieces = 0;
  for (const support::DemoArticle& article : Demo().articles) {
    if (!article.partner) {
      continue;
    }
    ++pieces;
    SCOPED_TRACE(article.file);
    const support::DemoPartner* partner = Demo().FindPartner(*article.partner);
    ASSERT_NE(partner, nullptr) << *article.partner;
    ASSERT_FALSE(article.original_url.empty());
    support::HttpResponse page = Get(ArticleUrl(article.file));
    ASSERT_EQ(page.status, 200);
    auto links = support::Links(page.body);
    EXPECT_TRUE(
        std::any_of(links.begin(), links.end(),
                    [&](const support::Link& link) { return link.href == article.original_url; }))
        << "no link to the original " << article.original_url;
    EXPECT_TRUE(std::any_of(links.begin(), links.end(),
                            [&](const support::Link& link) {
                              return link.href == "/partner/" + partner->slug + "/" &&
                                     link.text.find(partner->name) != std::string::npos;
                            }))
        << "no link to /partner/" << partner->slug << "/";
    EXPECT_NE(support::VisibleText(page.body).find("First published"), std::string::npos);
  }
  EXPECT_GT(pieces, 0) << "the demo has no partner piece";
}

TEST_P(PartnerPiecesTest, CanonicalOrNoindexAsThePartnersCreditSays) {
  bool saw_canonical = false;
  bool saw_noindex = false;
  for (const support::DemoArticle& article : Demo().articles) {
    SCOPED_TRACE(article.file);
    const std::string url = ArticleUrl(article.file);
    support::HttpResponse page = Get(url);
    ASSERT_EQ(page.status, 200);
    const std::string canonical = CanonicalUrl(page.body);
    if (!article.partner) {
      EXPECT_FALSE(IsNoindex(page.body));
      EXPECT_TRUE(canonical.ends_with(url)) << "canonical " << canonical;
      continue;
    }
    const support::DemoPartner* partner = Demo().FindPartner(*article.partner);
    ASSERT_NE(partner, nullptr);
    if (partner->credit == "canonical") {
      saw_canonical = true;
      EXPECT_EQ(canonical, article.original_url);
      EXPECT_FALSE(IsNoindex(page.body));
    } else {
      ASSERT_EQ(partner->credit, "noindex");
      saw_noindex = true;
      EXPECT_TRUE(IsNoindex(page.body));
      EXPECT_NE(canonical, article.original_url);
    }
  }
  EXPECT_TRUE(saw_canonical) << "no demo partner with credit = \"canonical\"";
  EXPECT_TRUE(saw_noindex) << "no demo partner with credit = \"noindex\"";
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnerPiecesTest, support::kAllBackends,
                         support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
