// Site::RenderPreview: the article page as readers would see it once published, for the
// newsroom, against MagazineTest.
#include <gtest/gtest.h>

#include "content/markdown.h"
#include "site/site.h"
#include "site/testing/magazine_fixture.h"

namespace gazette::site {
namespace {

constexpr char kNoindex[] = "<meta name=\"robots\" content=\"noindex, follow\">";
constexpr char kFootnotedBody[] =
    "Officials deny it.[^1] Markets do not.\n\n[^1]: Two people who attended the meeting.\n";

class PreviewTest : public testing::MagazineTest {
 protected:
  content::Article Stored(int64_t id) { return store().GetArticle(id).value(); }

  static bool Contains(const std::string& html, const std::string& part) {
    return html.find(part) != std::string::npos;
  }

  // The side list's heading: "Trending" once views are flushed, "Latest" before.
  std::string RailHeading() {
    const std::string home = Get("/").body;
    return Contains(home, ">Trending</h2>") ? "Trending" : "Latest";
  }
};

TEST_F(PreviewTest, ADraftWithAFootnoteRendersAsItsPublishedPageWouldButNoindex) {
  content::Article draft = Stored(ids_.draft);
  draft.body_md = kFootnotedBody;
  draft.body_html = content::RenderMarkdown(draft.body_md);
  const std::string html = site().RenderPreview(draft);

  EXPECT_TRUE(Contains(html, "<h1 class=\"article__title\">Secret Merger Plans</h1>"));
  EXPECT_TRUE(Contains(html, "<p class=\"kicker\"><a href=\"/east-asia/\">East Asia</a></p>"));
  EXPECT_TRUE(Contains(html, "By <a href=\"/author/ada/\" rel=\"author\">Ada Quill</a>"));
  EXPECT_TRUE(Contains(html, "<section class=\"footnotes\" data-footnotes>"));
  EXPECT_TRUE(Contains(html, "Two people who attended the meeting."));
  EXPECT_TRUE(Contains(html, "<a href=\"/tag/merger-rumours/\" rel=\"tag\">Merger rumours</a>"));
  EXPECT_TRUE(Contains(html, kNoindex));
  EXPECT_TRUE(Contains(html, "<time datetime=\"2026-11-28T12:00:00Z\">28 November 2026</time>"))
      << "a draft is dated as if published now";
  EXPECT_TRUE(Contains(html, ">just now</time>"));
  EXPECT_TRUE(Contains(html, "More in <a href=\"/east-asia/\">East Asia</a>"));

  EXPECT_EQ(Get("/east-asia/secret-merger/").status, 404) << "the draft itself stays unpublished";
}

TEST_F(PreviewTest, APublishedArticleLooksExactlyAsOnTheSiteButForNoindex) {
  const std::string page = Get("/east-asia/border-talks/").body;
  std::string preview = site().RenderPreview(Stored(ids_.border));
  ASSERT_FALSE(Contains(page, kNoindex));
  const size_t robots = preview.find(kNoindex);
  ASSERT_NE(robots, std::string::npos);
  preview.erase(robots, std::string(kNoindex).size());
  EXPECT_EQ(preview, page);
  EXPECT_TRUE(Contains(preview, "First published in our partner"));
  EXPECT_TRUE(Contains(preview, "<figure class=\"article__image\">"));
}

TEST_F(PreviewTest, PreviewsAreNotCountedAsViews) {
  for (int i = 0; i < 3; ++i) site().RenderPreview(Stored(ids_.harbour));
  ASSERT_TRUE(site().FlushViews().has_value());
  EXPECT_EQ(RailHeading(), "Latest");

  ASSERT_EQ(Get("/east-asia/harbour-talks-resume/").status, 200);
  ASSERT_TRUE(site().FlushViews().has_value());
  EXPECT_EQ(RailHeading(), "Trending") << "the same article read by a reader is counted";
}

TEST_F(PreviewTest, AnUnsavedArticleIsRenderedFromItsMarkdown) {
  content::Article unsaved;
  unsaved.title = "Fresh <Draft>";
  unsaved.slug = "fresh-draft";
  unsaved.section_id = ids_.defense;
  unsaved.author_ids = {ids_.cy};
  unsaved.body_md = kFootnotedBody;
  for (int i = 0; i < 500; ++i) unsaved.body_md += "word ";
  const std::string html = site().RenderPreview(unsaved);
  EXPECT_TRUE(Contains(html, "<h1 class=\"article__title\">Fresh &lt;Draft&gt;</h1>"));
  EXPECT_TRUE(Contains(html, "<section class=\"footnotes\" data-footnotes>"));
  EXPECT_TRUE(Contains(html, "<span>3 min read</span>")) << "words counted from the Markdown";
  EXPECT_TRUE(Contains(html, "By <a href=\"/author/cy/\" rel=\"author\">Cy Lin</a>"));
  EXPECT_TRUE(Contains(html, kNoindex));
}

TEST_F(PreviewTest, AnArticleInNoKnownSectionGivesTheErrorPage) {
  content::Article lost = Stored(ids_.draft);
  lost.section_id = ids_.middle_east + 100;
  const std::string html = site().RenderPreview(lost);
  EXPECT_TRUE(Contains(html, "Page not found"));
  EXPECT_FALSE(Contains(html, "Secret Merger Plans"));
}

}  // namespace
}  // namespace gazette::site
