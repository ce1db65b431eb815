// The article pages in-process, through the router with real sign-ins: creating, editing,
// conflicts, role rules, scheduling, preview, autosave, revisions and the list's filters.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "admin/testing/newsroom_fixture.h"
#include "base/time_format.h"

namespace gazette::admin {
namespace {

using content::ArticleStatus;
using testing::Client;
using testing::Fields;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ArticlePagesTest : public testing::NewsroomFixture {
 protected:
  void SetUp() override {
    NewsroomFixture::SetUp();
    writer_ = SignIn("writer@example.org");
    other_ = SignIn("other@example.org");
    editor_ = SignIn("editor@example.org");
  }

  static Fields ArticleFields(const std::string& title, const std::string& body,
                              const std::string& section = "europe") {
    return {{"title", title}, {"section_slug", section}, {"body_md", body}};
  }

  // Creates a draft through the form as `client`; returns its id (0 and a failure if refused).
  int64_t CreateAs(const Client& client, const std::string& title,
                   const std::string& body = "A first paragraph.",
                   const std::string& section = "europe") {
    http::Response created = client.Post("/admin/articles/", ArticleFields(title, body, section));
    EXPECT_EQ(created.status, 303) << created.body;
    const std::string location(created.Header("Location"));
    const std::string prefix = "/admin/articles/";
    EXPECT_TRUE(location.starts_with(prefix)) << location;
    EXPECT_TRUE(Contains(location, "?notice=created")) << location;
    if (!location.starts_with(prefix)) return 0;
    return std::stoll(location.substr(prefix.size()));
  }

  std::string Url(int64_t id, const std::string& rest = "") {
    return "/admin/articles/" + std::to_string(id) + "/" + rest;
  }

  content::Article Stored(int64_t id) { return store().GetArticle(id).value(); }

  // The editor's fields of stored article `id`, with `changes` replacing or adding fields.
  Fields EditorFields(int64_t id, const Fields& changes) {
    const content::Article article = Stored(id);
    Fields fields = {{"title", article.title},
                     {"section_slug", store().GetSection(article.section_id).value().slug},
                     {"slug", article.slug},
                     {"body_md", article.body_md},
                     {"version", std::to_string(article.version)}};
    for (const auto& [name, value] : changes) {
      auto it = std::find_if(fields.begin(), fields.end(),
                             [&](const auto& field) { return field.first == name; });
      if (it != fields.end()) {
        it->second = value;
      } else {
        fields.emplace_back(name, value);
      }
    }
    return fields;
  }

  Client writer_, other_, editor_;
};

TEST_F(ArticlePagesTest, ANewArticleWithoutATitleIsShownAgainWithEverythingElseKept) {
  http::Response form = writer_.Get("/admin/articles/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "<textarea id=\"body_md\" name=\"body_md\" class=\"nr-body\""));

  http::Response refused =
      writer_.Post("/admin/articles/", {{"title", "   "},
                                        {"dek", "A dek worth keeping"},
                                        {"section_slug", "economy"},
                                        {"tags", "Ports, Shipping lanes"},
                                        {"body_md", "Body kept\r\n\r\nas   typed."}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "id=\"title-error\">Give the article a title.</span>"));
  EXPECT_TRUE(Contains(refused.body, ">\nA dek worth keeping</textarea>"));
  EXPECT_TRUE(Contains(refused.body, ">\nBody kept\n\nas   typed.</textarea>"))
      << "line breaks and spaces survive the round trip";
  EXPECT_TRUE(Contains(refused.body, "value=\"Ports, Shipping lanes\""));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"economy\" selected>Economy</option>"));
  EXPECT_EQ(store().CountArticles({}).value(), 0);
}

TEST_F(ArticlePagesTest, AnUnknownSectionIsReportedNextToItsField) {
  http::Response refused =
      writer_.Post("/admin/articles/", ArticleFields("Lost at sea", "Text.", "atlantis"));
  EXPECT_EQ(refused.status, 422);
  const size_t select = refused.body.find("<select id=\"section_slug\"");
  const size_t error = refused.body.find("id=\"section-error\">There is no section “atlantis”");
  ASSERT_NE(select, std::string::npos);
  ASSERT_NE(error, std::string::npos) << refused.body;
  EXPECT_LT(select, error);
  EXPECT_TRUE(Contains(refused.body.substr(select, 120), "aria-invalid=\"true\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"Lost at sea\""));
  EXPECT_EQ(store().CountArticles({}).value(), 0);
}

TEST_F(ArticlePagesTest, TheEditorOfADraftAutosavesAndOffersTheWritersActions) {
  const int64_t id = CreateAs(writer_, "Harbour talks resume");
  http::Response editor = writer_.Get(Url(id));
  ASSERT_EQ(editor.status, 200);
  const std::string& html = editor.body;
  EXPECT_TRUE(Contains(html, "data-autosave=\"" + Url(id, "autosave") + "\""));
  EXPECT_TRUE(Contains(html, "<span data-autosave-status class=\"nr-autosave\">"));
  EXPECT_TRUE(Contains(html, "<input type=\"hidden\" name=\"version\" value=\"1\">"));
  EXPECT_TRUE(Contains(html, "value=\"harbour-talks-resume\""));
  EXPECT_TRUE(Contains(html, "the old address keeps redirecting"));
  EXPECT_TRUE(Contains(html, "formaction=\"" + Url(id, "preview") + "\" formtarget=\"_blank\""));
  EXPECT_TRUE(Contains(html, "formaction=\"" + Url(id, "submit") + "\""));
  EXPECT_FALSE(Contains(html, Url(id, "publish")));
  EXPECT_FALSE(Contains(html, Url(id, "schedule")));
  const content::Author byline = store().GetAuthorByUser(contributor_id_).value();
  EXPECT_TRUE(Contains(html, "<option value=\"" + std::to_string(byline.id) + "\" selected>" +
                                 byline.name + "</option>"));

  http::Response as_editor = editor_.Get(Url(id));
  EXPECT_TRUE(Contains(as_editor.body, "formaction=\"" + Url(id, "publish") + "\""));
  EXPECT_TRUE(Contains(as_editor.body, "type=\"datetime-local\""));
  EXPECT_TRUE(Contains(as_editor.body, "UTC"));
}

TEST_F(ArticlePagesTest, LeadImagesAreChosenFromTheLibraryAndNeedAltText) {
  content::Media media{.sha256 = "c0ffee", .original_mime = "image/png", .filename = "port.png"};
  media.variants.push_back({.width = 480, .height = 320, .format = content::ImageFormat::kJpeg});
  media.variants.push_back({.width = 960, .height = 640, .format = content::ImageFormat::kJpeg});
  for (content::MediaVariant& variant : media.variants) variant.bytes = "encoded";
  const int64_t image = store().CreateMedia(media).value();
  const std::string id = std::to_string(image);

  http::Response form = writer_.Get("/admin/articles/new");
  EXPECT_TRUE(Contains(form.body, "<input type=\"radio\" name=\"lead_image_id\" value=\"" + id +
                                      "\"> <img class=\"nr-thumb\" src=\"/media/" + id +
                                      "/480.jpeg\" width=\"480\" height=\"320\""))
      << form.body;

  Fields fields = ArticleFields("Pictured", "Text.");
  fields.emplace_back("lead_image_id", id);
  http::Response refused = writer_.Post("/admin/articles/", fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "id=\"alt-error\">Describe the image"));
  EXPECT_TRUE(Contains(refused.body, "value=\"" + id + "\" checked>"));

  fields.emplace_back("lead_image_alt", "Cranes at the harbour");
  ASSERT_EQ(writer_.Post("/admin/articles/", fields).status, 303);
  const content::Article stored = store().ListArticles({}).value().front();
  EXPECT_EQ(stored.lead_image_id, image);
  EXPECT_EQ(stored.lead_image_alt, "Cranes at the harbour");
}

TEST_F(ArticlePagesTest, TheBylineKeepsTheOrderTheAuthorsWereChosenIn) {
  const int64_t zed = store().CreateAuthor({.slug = "zed", .name = "Zed Zimmer"}).value();
  const int64_t abe = store().CreateAuthor({.slug = "abe", .name = "Abe Adams"}).value();
  Fields fields = ArticleFields("Two voices", "Text.");
  fields.emplace_back("author_ids", std::to_string(zed));
  fields.emplace_back("author_ids", std::to_string(abe));
  const int64_t id = [&] {
    http::Response created = editor_.Post("/admin/articles/", fields);
    EXPECT_EQ(created.status, 303);
    return store().ListArticles({}).value().front().id;
  }();
  EXPECT_EQ(Stored(id).author_ids, (std::vector<int64_t>{zed, abe}));
  const std::string page = editor_.Get(Url(id)).body;
  const size_t first = page.find("<option value=\"" + std::to_string(zed) + "\" selected>");
  const size_t second = page.find("<option value=\"" + std::to_string(abe) + "\" selected>");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second) << "chosen authors come first, in byline order, not by name";
}

TEST_F(ArticlePagesTest, AStaleSaveIsRefusedWithTheTextKeptAndTheStoreUnchanged) {
  const int64_t id = CreateAs(writer_, "Contested piece", "The first words.");
  ASSERT_EQ(editor_.Post(Url(id), EditorFields(id, {{"body_md", "The editor's words."}})).status,
            303);
  const content::Article after_editor = Stored(id);

  http::Response late = writer_.Post(
      Url(id), EditorFields(id, {{"version", "1"}, {"body_md", "Late words from the writer."}}));
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(Contains(late.body, "someone else saved this article"));
  EXPECT_TRUE(Contains(late.body, ">\nLate words from the writer.</textarea>"));
  EXPECT_TRUE(Contains(late.body,
                       "name=\"version\" value=\"" + std::to_string(after_editor.version) + "\""))
      << "saving again is a deliberate choice, from the latest version";
  const content::Article stored = Stored(id);
  EXPECT_EQ(stored.body_md, "The editor's words.");
  EXPECT_EQ(stored.version, after_editor.version);
}

TEST_F(ArticlePagesTest, AContributorCannotChangeSomeoneElsesDraftAndSeesItReadOnly) {
  const int64_t id = CreateAs(writer_, "Wren's own draft", "Words of Wren.");
  http::Response refused = other_.Post(Url(id), EditorFields(id, {{"title", "Otto's title"}}));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Stored(id).title, "Wren's own draft");
  EXPECT_EQ(other_.Post(Url(id, "submit"), {{"version", "1"}}).status, 403);
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);

  http::Response page = other_.Get(Url(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "You can read this article but not change it"));
  EXPECT_TRUE(Contains(page.body, "<p>Words of Wren.</p>")) << page.body;
  EXPECT_FALSE(Contains(page.body, "<form method=\"post\" action=\"" + Url(id) + "\""));
  EXPECT_FALSE(Contains(page.body, "formaction="));
  EXPECT_FALSE(Contains(page.body, "data-autosave"));
}

TEST_F(ArticlePagesTest, AContributorCannotPublishTheirOwnDraftButCanSubmitIt) {
  const int64_t id = CreateAs(writer_, "Eager piece");
  EXPECT_EQ(writer_.Post(Url(id, "publish"), {{"version", "1"}}).status, 403);
  EXPECT_EQ(
      writer_.Post(Url(id, "schedule"), {{"version", "1"}, {"at", "2030-01-01T10:00"}}).status,
      403);
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);
  EXPECT_EQ(Stored(id).version, 1);

  http::Response submitted =
      writer_.Post(Url(id, "submit"), EditorFields(id, {{"body_md", "Ready for review."}}));
  EXPECT_EQ(submitted.status, 303);
  EXPECT_EQ(submitted.Header("Location"), Url(id) + "?notice=submitted");
  EXPECT_EQ(Stored(id).status, ArticleStatus::kReview);
  EXPECT_EQ(Stored(id).body_md, "Ready for review.") << "the editor's fields are saved first";
}

TEST_F(ArticlePagesTest, AnEditorSchedulesForAFutureTimeInUtc) {
  const int64_t id = CreateAs(writer_, "Tomorrow's briefing");
  const base::Seconds when = clock().Now() + std::chrono::hours(26);
  const std::string local = base::FormatIso8601(when).substr(0, 16);

  http::Response past = editor_.Post(
      Url(id, "schedule"),
      EditorFields(id, {{"at", base::FormatIso8601(clock().Now() - std::chrono::hours(1))}}));
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(Contains(past.body, "id=\"at-error\">Choose a time in the future"));
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);

  http::Response scheduled = editor_.Post(Url(id, "schedule"), EditorFields(id, {{"at", local}}));
  EXPECT_EQ(scheduled.status, 303) << scheduled.body;
  EXPECT_EQ(scheduled.Header("Location"), Url(id) + "?notice=scheduled");
  const content::Article stored = Stored(id);
  EXPECT_EQ(stored.status, ArticleStatus::kScheduled);
  EXPECT_EQ(stored.published_at, base::Seconds(std::chrono::floor<std::chrono::minutes>(when)));

  clock().Advance(std::chrono::hours(27));
  EXPECT_EQ(admin().PublishDueArticles().value(), 1);
  EXPECT_EQ(Stored(id).status, ArticleStatus::kPublished);
}

TEST_F(ArticlePagesTest, APreviewShowsTheUnsavedFootnotesAsReadersWouldSeeThem) {
  const int64_t id = CreateAs(writer_, "Sourced piece", "Saved body.");
  http::Response preview = writer_.Post(
      Url(id, "preview"),
      EditorFields(id,
                   {{"title", "Sourced piece, revised"},
                    {"body_md", "Officials deny it.[^1]\n\n[^1]: Two people who attended.\n"}}));
  ASSERT_EQ(preview.status, 200);
  EXPECT_TRUE(Contains(preview.body, "<title>Sourced piece, revised</title>"));
  EXPECT_TRUE(Contains(preview.body, "<sup class=\"footnote-ref\"><a href=\"#fn-1\""))
      << preview.body;
  EXPECT_TRUE(Contains(preview.body, "<section class=\"footnotes\" data-footnotes>"));
  EXPECT_TRUE(Contains(preview.body, "Two people who attended."));
  EXPECT_EQ(preview.Header("Cache-Control"), "no-store");
  EXPECT_EQ(Stored(id).body_md, "Saved body.") << "a preview saves nothing";
  EXPECT_EQ(Stored(id).version, 1);
}

TEST_F(ArticlePagesTest, AutosaveAnswersWithTheNewVersionAndOnlyForDrafts) {
  const int64_t id = CreateAs(writer_, "Autosaved piece");
  // As admin.js sends it: the form's fields urlencoded, the token in a header.
  auto autosave = [&](const Fields& fields) {
    http::Request request = testing::MakeRequest(http::Method::kPost, Url(id, "autosave"));
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    request.headers["x-csrf-token"] = writer_.csrf;
    request.body = testing::UrlEncode(fields);
    return writer_.Send(std::move(request));
  };
  http::Response saved = autosave(EditorFields(id, {{"body_md", "Typed a moment ago."}}));
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(nlohmann::json::parse(saved.body), nlohmann::json({{"version", 2}}));
  EXPECT_EQ(Stored(id).body_md, "Typed a moment ago.");

  http::Response stale = autosave(EditorFields(id, {{"version", "1"}, {"body_md", "Old tab."}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_FALSE(
      nlohmann::json::parse(stale.body)["errors"][0]["message"].get<std::string>().empty());

  http::Response untitled = autosave(EditorFields(id, {{"title", ""}}));
  EXPECT_EQ(untitled.status, 422);
  EXPECT_EQ(nlohmann::json::parse(untitled.body)["errors"][0]["field"], "title");
  EXPECT_EQ(Stored(id).body_md, "Typed a moment ago.");

  ASSERT_EQ(writer_.Post(Url(id, "submit"), {{"version", "2"}}).status, 303);
  http::Response in_review = autosave(EditorFields(id, {{"body_md", "Later."}}));
  EXPECT_EQ(in_review.status, 409);
  EXPECT_TRUE(Contains(in_review.body, "only drafts are saved automatically"));
  EXPECT_TRUE(Contains(writer_.Get(Url(id)).body, "Only drafts are saved automatically"));
}

TEST_F(ArticlePagesTest, TheHistoryComparesRevisionsLineByLineAndRestoresThem) {
  const int64_t id = CreateAs(editor_, "Revised piece", "Line one.\nLine two.\nLine three.");
  ASSERT_EQ(editor_.Post(Url(id, "publish"), EditorFields(id, {})).status, 303);
  clock().Advance(std::chrono::minutes(5));
  ASSERT_EQ(editor_
                .Post(Url(id),
                      EditorFields(id, {{"body_md", "Line one.\nLine 2, corrected.\nLine three."}}))
                .status,
            303);
  const auto revisions = store().ListRevisions(id).value();
  ASSERT_EQ(revisions.size(), 2u);
  const int64_t newer = revisions[0].id;
  const int64_t older = revisions[1].id;

  http::Response history = writer_.Get(Url(id, "revisions/"));
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(Contains(history.body, "Edie Editor"));
  EXPECT_TRUE(Contains(history.body, ">published</span>"));
  EXPECT_TRUE(Contains(history.body, "revisions/diff?from=" + std::to_string(older) +
                                         "&amp;to=" + std::to_string(newer)));
  EXPECT_FALSE(Contains(history.body, "/restore")) << "the writer may not edit a published piece";

  http::Response diff = writer_.Get(
      Url(id, "revisions/diff?from=" + std::to_string(older) + "&to=" + std::to_string(newer)));
  ASSERT_EQ(diff.status, 200);
  EXPECT_TRUE(Contains(diff.body, "<pre class=\"nr-diff\">"));
  EXPECT_TRUE(Contains(diff.body, "<span class=\"nr-removed\">− Line two.</span>"));
  EXPECT_TRUE(Contains(diff.body, "<span class=\"nr-added\">+ Line 2, corrected.</span>"));
  EXPECT_TRUE(Contains(diff.body, "<span>  Line one.</span>"));
  EXPECT_EQ(writer_.Get(Url(id, "revisions/diff?from=999&to=current")).status, 404);

  http::Response editor_history = editor_.Get(Url(id, "revisions/"));
  EXPECT_TRUE(Contains(editor_history.body,
                       "action=\"" + Url(id, "revisions/" + std::to_string(older) + "/restore")));
  EXPECT_EQ(writer_
                .Post(Url(id, "revisions/" + std::to_string(older) + "/restore"),
                      {{"version", std::to_string(Stored(id).version)}})
                .status,
            403);
  http::Response restored = editor_.Post(Url(id, "revisions/" + std::to_string(older) + "/restore"),
                                         {{"version", std::to_string(Stored(id).version)}});
  EXPECT_EQ(restored.status, 303);
  EXPECT_EQ(restored.Header("Location"), Url(id) + "?notice=restored");
  EXPECT_EQ(Stored(id).body_md, "Line one.\nLine two.\nLine three.");
  EXPECT_EQ(store().ListRevisions(id).value().size(), 3u);
}

TEST_F(ArticlePagesTest, TheListFiltersByStatusSectionAuthorAndTitle) {
  const int64_t harbour = CreateAs(writer_, "Harbour talks", "Text.", "europe");
  const int64_t grain = CreateAs(editor_, "Grain prices", "Text.", "economy");
  CreateAs(editor_, "Harbour tolls", "Text.", "economy");
  ASSERT_EQ(editor_.Post(Url(grain, "publish"), {{"version", "1"}}).status, 303);

  auto titles = [&](const std::string& query) {
    http::Response list = writer_.Get("/admin/articles/" + query);
    EXPECT_EQ(list.status, 200) << query;
    std::string found;
    for (const char* title : {"Harbour talks", "Grain prices", "Harbour tolls"}) {
      if (Contains(list.body, std::string(">") + title + "</a>")) found += std::string(title) + ";";
    }
    return found;
  };
  EXPECT_EQ(titles(""), "Harbour talks;Grain prices;Harbour tolls;");
  EXPECT_EQ(titles("?q=HARBOUR"), "Harbour talks;Harbour tolls;");
  EXPECT_EQ(titles("?status=published"), "Grain prices;");
  EXPECT_EQ(titles("?section=economy&q=harbour"), "Harbour tolls;");
  const int64_t wren = store().GetAuthorByUser(contributor_id_).value().id;
  EXPECT_EQ(titles("?author=" + std::to_string(wren)), "Harbour talks;");
  EXPECT_TRUE(Contains(writer_.Get("/admin/articles/?status=published").body,
                       "<span class=\"nr-status\">published</span>"));
  EXPECT_TRUE(Contains(writer_.Get("/admin/articles/").body,
                       "<a href=\"" + Url(harbour) + "\">Harbour talks</a>"));

  EXPECT_EQ(writer_.Get("/admin/articles/?status=lost").status, 400);
  EXPECT_EQ(writer_.Get("/admin/articles/?section=atlantis").status, 400);
  EXPECT_EQ(writer_.Get("/admin/articles/?page=0").status, 400);
}

TEST_F(ArticlePagesTest, TheListIsPagedWithItsFiltersKept) {
  for (int i = 1; i <= 26; ++i) {
    clock().Advance(std::chrono::minutes(1));
    CreateAs(writer_, "Dispatch " + std::to_string(i));
  }
  http::Response first = writer_.Get("/admin/articles/?q=dispatch");
  EXPECT_TRUE(Contains(first.body, ">Dispatch 26</a>"));
  EXPECT_FALSE(Contains(first.body, ">Dispatch 1</a>"));
  EXPECT_TRUE(Contains(first.body, "Articles 1–25 of 26."));
  EXPECT_TRUE(Contains(first.body, "href=\"/admin/articles/?q=dispatch&amp;page=2\""));
  http::Response second = writer_.Get("/admin/articles/?q=dispatch&page=2");
  EXPECT_TRUE(Contains(second.body, ">Dispatch 1</a>"));
  EXPECT_FALSE(Contains(second.body, ">Dispatch 2</a>"));
  EXPECT_TRUE(Contains(second.body, "href=\"/admin/articles/?q=dispatch\""));
}

}  // namespace
}  // namespace gazette::admin
