// The feeds of the real server read by a real feed parser: Debian's python3-feedparser must
// find every RSS and Atom feed of the demo site well-formed (bozo == 0), in the format its
// address promises, with entries that have ids, links and dates; the JSON Feed is checked too.
#include <gtest/gtest.h>

#include <sstream>

#include "demo_site_test.h"
#include "support/child_process.h"

namespace gazette::integration {
namespace {

using FeedsTest = DemoSiteBackendTest;

// For each URL, the verdict on one line: "<bozo> <version> <entries> <complete>", where
// <complete> counts the entries with a tag: id, a link, a date and a title. Debian's feedparser
// (6.0.10) does not know JSON Feed, so a .json URL is checked against JSON Feed 1.1's required
// fields instead.
constexpr char kParseFeeds[] = R"(
import sys, json, urllib.request, feedparser
for url in sys.argv[1:]:
    if url.endswith('.json'):
        try:
            feed = json.load(urllib.request.urlopen(url))
            ok = (feed['version'] == 'https://jsonfeed.org/version/1.1' and
                  isinstance(feed['title'], str) and isinstance(feed['items'], list))
            entries = feed['items']
            complete = sum(1 for e in entries
                           if e['id'].startswith('tag:') and e.get('url') and e.get('title') and
                           e.get('date_published') and
                           ('content_html' in e or 'content_text' in e))
            print(int(not ok), 'json11', len(entries), complete)
        except (ValueError, KeyError, TypeError, AttributeError):
            print(1, '-', 0, 0)
        continue
    feed = feedparser.parse(url)
    complete = sum(1 for e in feed.entries
                   if e.get('id', '').startswith('tag:') and e.get('link') and
                   e.get('published_parsed') and e.get('title'))
    print(int(bool(feed.bozo)), feed.version or '-', len(feed.entries), complete)
)";

struct Verdict {
  int bozo = 1;
  std::string version;
  int entries = 0;
  int complete = 0;
};

TEST_P(FeedsTest, FeedparserReadsEveryFeedWithoutComplaint) {
  const std::string base = "http://127.0.0.1:" + std::to_string(port());
  std::vector<std::pair<std::string, std::string>> feeds = {
      {"/feed/", "rss20"}, {"/feed/atom/", "atom10"}, {"/feed.json", "json11"}};
  for (const support::DemoSection& section : Demo().sections) {
    feeds.push_back({"/" + section.slug + "/feed/", "rss20"});
    feeds.push_back({"/" + section.slug + "/feed/atom/", "atom10"});
  }
  for (const support::DemoAuthor& author : Demo().authors) {
    feeds.push_back({"/author/" + author.slug + "/feed/", "rss20"});
  }
  for (const support::DemoPartner& partner : Demo().partners) {
    feeds.push_back({"/partner/" + partner.slug + "/feed/atom/", "atom10"});
  }
  std::vector<std::string> argv = {"/usr/bin/python3", "-c", kParseFeeds};
  for (const auto& [path, version] : feeds) argv.push_back(base + path);
  auto run = support::RunProcess(argv);
  ASSERT_TRUE(run.has_value()) << run.error().ToString();
  ASSERT_EQ(run->exit_code, 0) << run->err;

  std::istringstream lines(run->out);
  int site_entries = 0;
  for (const auto& [path, version] : feeds) {
    SCOPED_TRACE(path);
    Verdict verdict;
    ASSERT_TRUE(lines >> verdict.bozo >> verdict.version >> verdict.entries >> verdict.complete);
    EXPECT_EQ(verdict.bozo, 0);
    EXPECT_EQ(verdict.version, version);
    EXPECT_LE(verdict.entries, 20);
    EXPECT_EQ(verdict.complete, verdict.entries);
    if (path == "/feed/") site_entries = verdict.entries;
  }
  EXPECT_GT(site_entries, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedsTest, support::kAllBackends, support::BackendTestName);

}  // namespace
}  // namespace gazette::integration
