// The Store contract for the site's own settings, read together as overrides of gazette.toml.
#include "store/site_settings.h"
#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

TEST_P(StoreContractTest, SiteSettingOverridesAreUnsetUntilStored) {
  auto overrides = LoadSiteSettingOverrides(store());
  ASSERT_TRUE(overrides.has_value());
  EXPECT_FALSE(overrides->name.has_value());
  EXPECT_FALSE(overrides->tagline.has_value());
  EXPECT_FALSE(overrides->description.has_value());
  EXPECT_FALSE(overrides->url.has_value());
  EXPECT_FALSE(overrides->articles_per_page.has_value());
}

TEST_P(StoreContractTest, SiteSettingOverridesCarryWhatWasStored) {
  ASSERT_TRUE(Succeeds(store().SetSetting(kSiteNameSetting, "The Lantern")));
  ASSERT_TRUE(Succeeds(store().SetSetting(kSiteTaglineSetting, "")));
  ASSERT_TRUE(Succeeds(store().SetSetting(kSiteUrlSetting, "https://lantern.example")));
  ASSERT_TRUE(Succeeds(store().SetSetting(kArticlesPerPageSetting, "25")));
  auto overrides = LoadSiteSettingOverrides(store());
  ASSERT_TRUE(overrides.has_value());
  EXPECT_EQ(overrides->name, "The Lantern");
  EXPECT_EQ(overrides->tagline, "") << "an empty tagline is a choice, not an absence";
  EXPECT_FALSE(overrides->description.has_value());
  EXPECT_EQ(overrides->url, "https://lantern.example");
  EXPECT_EQ(overrides->articles_per_page, 25);
}

TEST_P(StoreContractTest, ABrokenArticlesPerPageSettingCountsAsUnset) {
  for (const char* broken : {"0", "101", "ten", "12abc", ""}) {
    ASSERT_TRUE(Succeeds(store().SetSetting(kArticlesPerPageSetting, broken)));
    auto overrides = LoadSiteSettingOverrides(store());
    ASSERT_TRUE(overrides.has_value());
    EXPECT_FALSE(overrides->articles_per_page.has_value()) << broken;
  }
}

}  // namespace
}  // namespace gazette::store
