// The partner pages through the router, signed in for real: creating and editing a partner with
// its feed and credit, field errors that keep the input and store nothing, and the editor role.
#include "admin/partner_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "admin/testing/newsroom_fixture.h"

namespace gazette::admin {
namespace {

using testing::Client;
using ::testing::HasSubstr;

class PartnerPagesTest : public testing::NewsroomFixture {
 protected:
  size_t PartnerCount() { return store().ListPartners().value().size(); }
};

TEST_F(PartnerPagesTest, EditorAddsAPartnerWithFeedAndCredit) {
  Client editor = SignIn("editor@example.org");
  EXPECT_EQ(editor.Get("/admin/partners/new").status, 200);
  http::Response created =
      editor.Post("/admin/partners/", {{"name", "Russian International Affairs Council"},
                                       {"slug", "riac"},
                                       {"url", "https://russiancouncil.ru"},
                                       {"feed_url", "https://russiancouncil.ru/rss/"},
                                       {"credit", "noindex"},
                                       {"description", "A think tank."}});
  EXPECT_EQ(created.status, 303);
  EXPECT_EQ(created.Header("Location"), "/admin/partners/?notice=created");
  auto partner = store().GetPartnerBySlug("riac");
  ASSERT_TRUE(partner.has_value());
  EXPECT_EQ(partner->name, "Russian International Affairs Council");
  EXPECT_EQ(partner->url, "https://russiancouncil.ru");
  EXPECT_EQ(partner->feed_url, "https://russiancouncil.ru/rss/");
  EXPECT_EQ(partner->credit, content::PartnerCredit::kNoindex);
  EXPECT_EQ(partner->description, "A think tank.");

  http::Response list = editor.Get("/admin/partners/");
  EXPECT_THAT(list.body, HasSubstr(">Russian International Affairs Council<"));
  EXPECT_THAT(list.body, HasSubstr(">noindex<"));
}

TEST_F(PartnerPagesTest, AnEmptySlugIsMadeFromTheNameAndAnEmptyFeedIsNone) {
  Client editor = SignIn("editor@example.org");
  EXPECT_EQ(editor
                .Post("/admin/partners/", {{"name", "Carnegie Endowment"},
                                           {"url", "http://carnegie.example"},
                                           {"feed_url", " "},
                                           {"credit", "canonical"}})
                .status,
            303);
  auto partner = store().GetPartnerBySlug("carnegie-endowment");
  ASSERT_TRUE(partner.has_value());
  EXPECT_FALSE(partner->feed_url.has_value());
  EXPECT_EQ(partner->credit, content::PartnerCredit::kCanonical);
}

TEST_F(PartnerPagesTest, BadFieldsAreMarkedKeepTheInputAndStoreNothing) {
  Client editor = SignIn("editor@example.org");
  http::Response refused = editor.Post("/admin/partners/", {{"name", "Institute"},
                                                            {"slug", "institute"},
                                                            {"url", "ftp://institute.example"},
                                                            {"feed_url", "javascript:alert(1)"},
                                                            {"credit", "both"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("id=\"url-error\""));
  EXPECT_THAT(refused.body, HasSubstr("id=\"feed_url-error\""));
  EXPECT_THAT(refused.body, HasSubstr("id=\"credit-error\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"Institute\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"ftp://institute.example\""));
  EXPECT_EQ(PartnerCount(), 0u);
}

TEST_F(PartnerPagesTest, EditingSavesEveryFieldAndRefusesAnotherPartnersSlug) {
  const int64_t first =
      store()
          .CreatePartner({.slug = "first", .name = "First", .url = "https://first.example"})
          .value();
  ASSERT_TRUE(
      store()
          .CreatePartner({.slug = "second", .name = "Second", .url = "https://second.example"})
          .has_value());
  Client editor = SignIn("editor@example.org");
  const std::string url = "/admin/partners/" + std::to_string(first) + "/";
  ASSERT_EQ(editor.Get(url).status, 200);

  http::Response clash = editor.Post(url, {{"name", "First"},
                                           {"slug", "second"},
                                           {"url", "https://first.example"},
                                           {"credit", "canonical"}});
  EXPECT_EQ(clash.status, 422);
  EXPECT_THAT(clash.body, HasSubstr("The partner “Second” has this slug."));
  EXPECT_EQ(store().GetPartner(first).value().slug, "first");

  http::Response saved = editor.Post(url, {{"name", "First Institute"},
                                           {"slug", "first"},
                                           {"url", "https://first.example/en"},
                                           {"feed_url", "https://first.example/feed.xml"},
                                           {"credit", "noindex"},
                                           {"description", "Now with a feed."}});
  EXPECT_EQ(saved.status, 303);
  content::Partner partner = store().GetPartner(first).value();
  EXPECT_EQ(partner.name, "First Institute");
  EXPECT_EQ(partner.url, "https://first.example/en");
  EXPECT_EQ(partner.feed_url, "https://first.example/feed.xml");
  EXPECT_EQ(partner.credit, content::PartnerCredit::kNoindex);
  EXPECT_EQ(partner.description, "Now with a feed.");
  EXPECT_EQ(editor.Get("/admin/partners/12345/").status, 404);
}

TEST_F(PartnerPagesTest, ContributorsMayNotManagePartners) {
  Client writer = SignIn("writer@example.org");
  EXPECT_EQ(writer.Get("/admin/partners/").status, 403);
  EXPECT_EQ(writer
                .Post("/admin/partners/",
                      {{"name", "Mine"}, {"url", "https://mine.example"}, {"credit", "canonical"}})
                .status,
            403);
  EXPECT_EQ(PartnerCount(), 0u);
}

}  // namespace
}  // namespace gazette::admin
