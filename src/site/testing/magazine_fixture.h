// A small magazine served in-process, for the site's tests: a real SQLite store in a temporary
// folder, the default theme, a fixed clock, and a router with every route the Site registers.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "base/clock.h"
#include "base/testing/temp_dir.h"
#include "base/time_format.h"
#include "content/model.h"
#include "http/router.h"
#include "site/site.h"
#include "store/store.h"

namespace gazette::site::testing {

// The magazine, at 2026-11-28T12:00:00Z:
//   sections  East Asia (region), Defense (topic), Middle East (region, empty)
//   authors   Ada Quill, Ben Ortiz, Cy Lin (who has only a scheduled piece)
//   partner   Lakeside Institute (canonical credit)
//   published "Border Talks" (East Asia; Ada and Ben; tags trade, security; from Lakeside; a
//             lead image), 3 hours old; "Harbour Talks Resume" (East Asia; Ada; trade), 30 hours
//             old; "Cheap Drones, Costly Lessons" (Defense; Ben; security), 50 hours old
//   not public "Secret Merger Plans", a draft in East Asia by Ada, the only article tagged
//             merger-rumours; "Tomorrow's Summit", scheduled in Defense by Cy for tomorrow
// The lead image (media id `ids_.image`) has WebP and JPEG variants 480x270 and 960x540 whose
// bytes are "<format>-<width>" ("webp-480").
class MagazineTest : public ::testing::Test {
 protected:
  static constexpr char kSiteUrl[] = "https://news.example";
  static constexpr char kImageAlt[] = "A \"harbour\" at dawn & <dusk>";

  struct Ids {
    int64_t east_asia = 0, defense = 0, middle_east = 0;
    int64_t ada = 0, ben = 0, cy = 0;
    int64_t lakeside = 0;
    int64_t trade = 0, security = 0, merger_rumours = 0;
    int64_t image = 0;
    int64_t border = 0, harbour = 0, drones = 0, draft = 0, scheduled = 0;
  };

  void SetUp() override;

  // Dispatches a request for `target` ("/path?query") through the router, as the server would.
  http::Response Get(const std::string& target, http::Method method = http::Method::kGet) const;

  // An article of the magazine's shape: Markdown body rendered, words counted, dated `age`
  // before now. Stored by the caller.
  content::Article NewArticle(const std::string& slug, const std::string& title, int64_t section_id,
                              std::chrono::hours age) const;

  store::Store& store() { return *store_; }
  Site& site() { return *site_; }

  base::testing::TempDir dir_{"gazette-site-"};
  base::FixedClock clock_{base::ParseIso8601("2026-11-28T12:00:00Z").value()};
  std::unique_ptr<store::Store> store_;
  http::Router router_;
  std::unique_ptr<Site> site_;
  Ids ids_;
};

}  // namespace gazette::site::testing
