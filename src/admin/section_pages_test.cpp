// The section pages through the router, signed in for real: the list in navigation order,
// creating and editing, field errors that keep the input and store nothing, and the editor role.
#include "admin/section_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "admin/testing/newsroom_fixture.h"

namespace gazette::admin {
namespace {

using testing::Client;
using ::testing::HasSubstr;
using ::testing::Not;

class SectionPagesTest : public testing::NewsroomFixture {
 protected:
  size_t SectionCount() { return store().ListSections().value().size(); }
};

TEST_F(SectionPagesTest, ListShowsSectionsInNavigationOrderWithKindAndPosition) {
  ASSERT_TRUE(store()
                  .CreateSection({.slug = "africa",
                                  .name = "Africa",
                                  .kind = content::SectionKind::kRegion,
                                  .position = 0})
                  .has_value());
  http::Response list = SignIn("editor@example.org").Get("/admin/sections/");
  ASSERT_EQ(list.status, 200);
  const std::string& html = list.body;
  const size_t africa = html.find(">Africa<");
  const size_t europe = html.find(">Europe<");
  const size_t economy = html.find(">Economy<");
  ASSERT_NE(africa, std::string::npos);
  EXPECT_LT(africa, europe);
  EXPECT_LT(europe, economy);
  EXPECT_THAT(html, HasSubstr("href=\"/admin/sections/" + std::to_string(europe_id_) + "/\""));
  EXPECT_THAT(html.substr(economy), HasSubstr(">topic<"));
  EXPECT_THAT(html.substr(europe, economy - europe), HasSubstr(">region<"));
}

TEST_F(SectionPagesTest, EditorCreatesASectionWithASlugMadeFromItsName) {
  Client editor = SignIn("editor@example.org");
  EXPECT_EQ(editor.Get("/admin/sections/new").status, 200);
  http::Response created =
      editor.Post("/admin/sections/", {{"name", "South-East Asia"},
                                       {"slug", ""},
                                       {"kind", "region"},
                                       {"position", "3"},
                                       {"description", "From Yangon to Manila."}});
  EXPECT_EQ(created.status, 303);
  EXPECT_EQ(created.Header("Location"), "/admin/sections/?notice=created");
  auto section = store().GetSectionBySlug("south-east-asia");
  ASSERT_TRUE(section.has_value());
  EXPECT_EQ(section->name, "South-East Asia");
  EXPECT_EQ(section->kind, content::SectionKind::kRegion);
  EXPECT_EQ(section->position, 3);
  EXPECT_EQ(section->description, "From Yangon to Manila.");
  EXPECT_THAT(editor.Get("/admin/sections/?notice=created").body, HasSubstr("Created."));
}

TEST_F(SectionPagesTest, BadFieldsAreMarkedKeepTheInputAndStoreNothing) {
  Client editor = SignIn("editor@example.org");
  http::Response refused = editor.Post("/admin/sections/", {{"name", ""},
                                                            {"slug", "Not A <Slug>"},
                                                            {"kind", "planet"},
                                                            {"position", "first"},
                                                            {"description", "kept text"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("id=\"name-error\""));
  EXPECT_THAT(refused.body, HasSubstr("id=\"slug-error\""));
  EXPECT_THAT(refused.body, HasSubstr("id=\"kind-error\""));
  EXPECT_THAT(refused.body, HasSubstr("id=\"position-error\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"Not A &lt;Slug&gt;\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"first\""));
  EXPECT_THAT(refused.body, HasSubstr(">\nkept text</textarea>"));
  EXPECT_EQ(SectionCount(), 2u);
}

TEST_F(SectionPagesTest, SlugsOfTheSitesOwnPagesAndOfOtherSectionsAreRefused) {
  Client editor = SignIn("editor@example.org");
  const testing::Fields base = {{"name", "Admin"}, {"kind", "topic"}, {"position", "4"}};
  testing::Fields reserved = base;
  reserved.emplace_back("slug", "admin");
  http::Response site_path = editor.Post("/admin/sections/", reserved);
  EXPECT_EQ(site_path.status, 422);
  EXPECT_THAT(site_path.body, HasSubstr("own pages use /admin/."));

  testing::Fields taken = base;
  taken.emplace_back("slug", "europe");
  http::Response duplicate = editor.Post("/admin/sections/", taken);
  EXPECT_EQ(duplicate.status, 422);
  EXPECT_THAT(duplicate.body, HasSubstr("The section “Europe” has this slug."));
  EXPECT_EQ(SectionCount(), 2u);
}

TEST_F(SectionPagesTest, EditingChangesEveryFieldAndKeepingTheOwnSlugIsFine) {
  Client editor = SignIn("editor@example.org");
  const std::string url = "/admin/sections/" + std::to_string(europe_id_) + "/";
  http::Response form = editor.Get(url);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("value=\"europe\""));
  EXPECT_THAT(form.body, HasSubstr("<option value=\"region\" selected>"));

  http::Response saved = editor.Post(url, {{"name", "Europe & Beyond"},
                                           {"slug", "europe"},
                                           {"kind", "topic"},
                                           {"position", "9"},
                                           {"description", "Wider."}});
  EXPECT_EQ(saved.status, 303);
  content::Section section = store().GetSection(europe_id_).value();
  EXPECT_EQ(section.name, "Europe & Beyond");
  EXPECT_EQ(section.kind, content::SectionKind::kTopic);
  EXPECT_EQ(section.position, 9);
  EXPECT_EQ(section.description, "Wider.");

  http::Response clash = editor.Post(
      url, {{"name", "Europe"}, {"slug", "economy"}, {"kind", "region"}, {"position", "1"}});
  EXPECT_EQ(clash.status, 422);
  EXPECT_EQ(store().GetSection(europe_id_).value().slug, "europe");
}

TEST_F(SectionPagesTest, AnUnknownSectionIsNotFound) {
  Client editor = SignIn("editor@example.org");
  EXPECT_EQ(editor.Get("/admin/sections/999/").status, 404);
  EXPECT_EQ(editor.Get("/admin/sections/x/").status, 404);
  EXPECT_EQ(
      editor.Post("/admin/sections/999/", {{"name", "A"}, {"kind", "region"}, {"position", "1"}})
          .status,
      404);
}

TEST_F(SectionPagesTest, ContributorsMayNotSeeOrChangeSections) {
  Client writer = SignIn("writer@example.org");
  EXPECT_EQ(writer.Get("/admin/sections/").status, 403);
  EXPECT_EQ(writer.Get("/admin/sections/new").status, 403);
  http::Response refused =
      writer.Post("/admin/sections/", {{"name", "Mine"}, {"kind", "topic"}, {"position", "5"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(SectionCount(), 2u);
  EXPECT_THAT(SignIn("admin@example.org").Get("/admin/sections/").body,
              Not(HasSubstr("Your role does not allow")));
}

}  // namespace
}  // namespace gazette::admin
