// The site settings page through the router, signed in for real: the values it starts from, the
// keys it stores them under (those the reader site reads), and input it refuses.
#include "admin/settings_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "admin/testing/newsroom_fixture.h"

namespace gazette::admin {
namespace {

using testing::Client;
using testing::Fields;
using ::testing::HasSubstr;
using ::testing::Not;

Fields Valid() {
  return {{"name", "The Eastern Review"},
          {"tagline", "Analysis from the region"},
          {"description", "Essays and reports."},
          {"url", "https://review.example/east"},
          {"articles_per_page", "25"},
          {"feed_content", "summary"}};
}

Fields With(Fields fields, const std::string& name, const std::string& value) {
  for (auto& [key, old] : fields) {
    if (key == name) old = value;
  }
  return fields;
}

class SettingsPagesTest : public testing::NewsroomFixture {};

TEST_F(SettingsPagesTest, UnsetSettingsStartFromTheConfiguration) {
  http::Response form = SignIn("admin@example.org").Get("/admin/settings/");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("value=\"The Test Review\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"http://127.0.0.1:8080\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"10\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"full\" checked")) << "feeds carry whole articles";
}

TEST_F(SettingsPagesTest, SavedSettingsGoUnderTheKeysTheSiteReads) {
  Client admin = SignIn("admin@example.org");
  http::Response saved = admin.Post("/admin/settings/", Valid());
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("Location"), "/admin/settings/?notice=saved");
  EXPECT_EQ(store().GetSetting("site.name").value(), "The Eastern Review");
  EXPECT_EQ(store().GetSetting("site.tagline").value(), "Analysis from the region");
  EXPECT_EQ(store().GetSetting("site.description").value(), "Essays and reports.");
  EXPECT_EQ(store().GetSetting("site.url").value(), "https://review.example/east");
  EXPECT_EQ(store().GetSetting("site.articles_per_page").value(), "25");
  EXPECT_EQ(store().GetSetting("site.feed_content").value(), "summary");
  http::Response form = admin.Get("/admin/settings/?notice=saved");
  EXPECT_THAT(form.body, HasSubstr("value=\"The Eastern Review\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"25\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"summary\" checked"));
  EXPECT_THAT(form.body, Not(HasSubstr("value=\"full\" checked")));
  EXPECT_THAT(form.body, HasSubstr("Saved."));
}

TEST_F(SettingsPagesTest, BadValuesAreMarkedKeepTheInputAndStoreNothing) {
  Client admin = SignIn("admin@example.org");
  const struct {
    std::string field;
    std::string value;
  } cases[] = {
      {"name", ""},
      {"url", "https://review.example/"},
      {"url", "review.example"},
      {"url", "ftp://review.example"},
      {"url", "https://review.example/?x=1"},
      {"articles_per_page", "0"},
      {"articles_per_page", "101"},
      {"articles_per_page", "ten"},
      {"feed_content", "everything"},
      {"feed_content", ""},
  };
  for (const auto& bad : cases) {
    http::Response refused = admin.Post("/admin/settings/", With(Valid(), bad.field, bad.value));
    EXPECT_EQ(refused.status, 422) << bad.field << "=" << bad.value;
    EXPECT_THAT(refused.body, HasSubstr("nr-field-error")) << bad.field << "=" << bad.value;
    EXPECT_THAT(refused.body, HasSubstr("value=\"Analysis from the region\""));
  }
  for (const char* key : {"site.name", "site.tagline", "site.description", "site.url",
                          "site.articles_per_page", "site.feed_content"}) {
    EXPECT_FALSE(store().GetSetting(key).has_value()) << key;
  }
}

TEST_F(SettingsPagesTest, OnlyAdminsMayChangeSettings) {
  Client editor = SignIn("editor@example.org");
  EXPECT_EQ(editor.Get("/admin/settings/").status, 403);
  EXPECT_EQ(editor.Post("/admin/settings/", Valid()).status, 403);
  EXPECT_FALSE(store().GetSetting("site.name").has_value());
}

}  // namespace
}  // namespace gazette::admin
