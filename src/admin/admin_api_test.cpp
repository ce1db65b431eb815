// The Admin API through the real routes: API tokens and cookie sessions, the role rules of the
// workflow, versions, the JSON error shapes, and image uploads decoded by libvips.
#include "admin/admin_api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vips/vips8>

#include "admin/testing/newsroom_fixture.h"
#include "auth/token.h"

namespace gazette::admin {
namespace {

using content::ArticleStatus;
using http::Method;
using nlohmann::json;
using testing::MakeRequest;

constexpr char kArticles[] = "/api/admin/v1/articles/";

json BodyOf(const http::Response& response) {
  return json::parse(response.body, nullptr, /*allow_exceptions=*/false);
}

// The "field" of every entry of a 422's errors, in order.
std::vector<std::string> ErrorFields(const http::Response& response) {
  std::vector<std::string> fields;
  for (const json& error : BodyOf(response).value("errors", json::array())) {
    fields.push_back(error.value("field", ""));
  }
  return fields;
}

std::string Path(int64_t id, std::string_view action = "") {
  return std::string(kArticles) + std::to_string(id) + "/" + std::string(action);
}

std::string Png(int width, int height) {
  void* data = nullptr;
  size_t size = 0;
  vips::VImage::black(width, height).write_to_buffer(".png", &data, &size);
  std::string bytes(static_cast<const char*>(data), size);
  g_free(data);
  return bytes;
}

class AdminApiTest : public testing::NewsroomFixture {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("admin_api_test"), 0); }

  // A new API token of `user_id`, stored as the profile page stores one.
  std::string TokenFor(int64_t user_id) {
    std::string token = auth::NewSessionToken().value();
    content::ApiToken stored{.user_id = user_id,
                             .name = "test script",
                             .token_hash = auth::HashToken(token),
                             .created_at = clock().Now()};
    EXPECT_TRUE(store().CreateApiToken(stored).has_value());
    return token;
  }

  // `method` on `target` with `Authorization: Bearer <token>` (none when `token` is empty).
  http::Response Raw(const std::string& token, Method method, const std::string& target,
                     std::string body, std::string content_type) {
    http::Request request = MakeRequest(method, target);
    if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
    if (!body.empty()) request.headers["content-type"] = std::move(content_type);
    request.body = std::move(body);
    return Dispatch(request);
  }

  // As Raw, with `body` as JSON (no body when it is null).
  http::Response Call(const std::string& token, Method method, const std::string& target,
                      const json& body = nullptr) {
    return Raw(token, method, target, body.is_null() ? "" : body.dump(), "application/json");
  }

  // Creates a draft through the API; fails the test unless it is made.
  json CreateDraft(const std::string& token, const std::string& title) {
    http::Response created = Call(token, Method::kPost, kArticles,
                                  json{{"title", title},
                                       {"section", "europe"},
                                       {"tags", {"Trade", "Ports"}},
                                       {"body_md", "Ships wait.[^1]\n\n[^1]: Port log."}});
    EXPECT_EQ(created.status, 201) << created.body;
    return BodyOf(created);
  }

  content::Article Stored(int64_t id) { return store().GetArticle(id).value(); }
};

TEST_F(AdminApiTest, NoTokenGets401WithWwwAuthenticate) {
  http::Response response = Call("", Method::kGet, kArticles);
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.Header("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(BodyOf(response)["errors"][0]["status"], 401);

  http::Response wrong = Call(std::string(auth::kSessionTokenLength, 'x'), Method::kPost, kArticles,
                              json{{"title", "x"}, {"section", "europe"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(store().CountArticles({}).value(), 0);
}

TEST_F(AdminApiTest, RevokedTokenGets401) {
  const std::string token = TokenFor(editor_id_);
  EXPECT_EQ(Call(token, Method::kGet, "/api/admin/v1/me").status, 200);
  const int64_t token_id = store().ListApiTokens(editor_id_).value().front().id;
  ASSERT_TRUE(store().DeleteApiToken(editor_id_, token_id).has_value());

  http::Response response = Call(token, Method::kGet, "/api/admin/v1/me");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.Header("WWW-Authenticate"), "Bearer");
  EXPECT_NE(BodyOf(response)["errors"][0]["message"].get<std::string>().find("revoked"),
            std::string::npos);
}

TEST_F(AdminApiTest, MeDescribesTheCaller) {
  http::Response response = Call(TokenFor(contributor_id_), Method::kGet, "/api/admin/v1/me");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(BodyOf(response), (json{{"id", contributor_id_},
                                    {"email", "writer@example.org"},
                                    {"name", "Wren Writer"},
                                    {"role", "contributor"}}));
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
}

TEST_F(AdminApiTest, CreateAnswers201WithTheArticle) {
  const std::string token = TokenFor(contributor_id_);
  http::Response created = Call(token, Method::kPost, kArticles,
                                json{{"title", "Harbour Talks Resume"},
                                     {"dek", "Both sides return."},
                                     {"section", "europe"},
                                     {"tags", {"Trade"}},
                                     {"original_url", ""},
                                     {"partner", nullptr},
                                     {"lead_image", nullptr},
                                     {"body_md", "Ships *wait*."}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json article = BodyOf(created);
  const int64_t id = article["id"];
  EXPECT_EQ(created.Header("Location"),
            "http://127.0.0.1:8080/api/admin/v1/articles/" + std::to_string(id) + "/");
  EXPECT_EQ(article["status"], "draft");
  EXPECT_EQ(article["version"], 1);
  EXPECT_EQ(article["slug"], "harbour-talks-resume");
  EXPECT_EQ(article["section"], "europe");
  EXPECT_EQ(article["tags"], json::array({"Trade"}));
  EXPECT_EQ(article["authors"], json::array({"wren-writer"}));
  EXPECT_EQ(article["url"], "http://127.0.0.1:8080/europe/harbour-talks-resume/");
  EXPECT_EQ(article["body_html"], "<p>Ships <em>wait</em>.</p>\n");
  EXPECT_EQ(article["published_at"], nullptr);
  EXPECT_EQ(article["can_edit"], true);
  EXPECT_EQ(article["allowed_actions"], json::array({"submit"}));
  EXPECT_EQ(article["created_by"], contributor_id_);

  EXPECT_EQ(Stored(id).title, "Harbour Talks Resume");
  http::Response read = Call(token, Method::kGet, Path(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(BodyOf(read), article);
}

TEST_F(AdminApiTest, AuthorsAndPartnerAreNamedBySlugOrId) {
  const int64_t ada = store().CreateAuthor({.slug = "ada", .name = "Ada Quill"}).value();
  store().CreateAuthor({.slug = "ben", .name = "Ben Ortiz"}).value();
  const int64_t partner =
      store()
          .CreatePartner({.slug = "lakeside", .name = "Lakeside", .url = "https://l.example/"})
          .value();
  http::Response created = Call(TokenFor(editor_id_), Method::kPost, kArticles,
                                json{{"title", "Pieces"},
                                     {"section", "economy"},
                                     {"authors", {"ben", ada}},
                                     {"partner", partner},
                                     {"original_url", "https://l.example/pieces"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(BodyOf(created)["authors"], json::array({"ben", "ada"}));
  EXPECT_EQ(BodyOf(created)["partner"], "lakeside");

  http::Response unknown = Call(TokenFor(editor_id_), Method::kPost, kArticles,
                                json{{"title", "Pieces 2"},
                                     {"section", "economy"},
                                     {"authors", {"ghost", 999}},
                                     {"partner", "nobody"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(ErrorFields(unknown), (std::vector<std::string>{"authors", "authors", "partner"}));
  EXPECT_EQ(BodyOf(unknown)["errors"][0]["message"], "unknown author 'ghost'");
}

TEST_F(AdminApiTest, ContributorCreatesAndSubmitsButPublishingIsForbidden) {
  const std::string token = TokenFor(contributor_id_);
  const json draft = CreateDraft(token, "Port Strike");
  const int64_t id = draft["id"];

  http::Response submitted = Call(token, Method::kPost, Path(id, "submit"), json{{"version", 1}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(BodyOf(submitted)["status"], "review");
  EXPECT_EQ(BodyOf(submitted)["allowed_actions"], json::array({"return"}));
  const content::Article before = Stored(id);
  EXPECT_EQ(before.status, ArticleStatus::kReview);

  http::Response publish =
      Call(token, Method::kPost, Path(id, "publish"), json{{"version", before.version}});
  EXPECT_EQ(publish.status, 403) << publish.body;
  EXPECT_EQ(BodyOf(publish)["errors"][0]["status"], 403);
  const content::Article after = Stored(id);
  EXPECT_EQ(after.status, ArticleStatus::kReview);
  EXPECT_EQ(after.version, before.version);
  EXPECT_FALSE(store().GetPublishedArticle(europe_id_, after.slug).has_value());
}

TEST_F(AdminApiTest, EditorPublishesAndReadersSeeIt) {
  const json draft = CreateDraft(TokenFor(contributor_id_), "Port Strike Ends");
  const int64_t id = draft["id"];
  const std::string editor = TokenFor(editor_id_);

  http::Response published = Call(editor, Method::kPost, Path(id, "publish"), json{{"version", 1}});
  ASSERT_EQ(published.status, 200) << published.body;
  const json article = BodyOf(published);
  EXPECT_EQ(article["status"], "published");
  EXPECT_EQ(article["version"], 2);
  EXPECT_EQ(article["published_at"], "2026-05-28T20:26:40Z");
  auto live = store().GetPublishedArticle(europe_id_, "port-strike-ends");
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(live->id, id);

  http::Response again = Call(editor, Method::kPost, Path(id, "publish"), json{{"version", 2}});
  EXPECT_EQ(again.status, 422) << "a published article cannot be published again";
  EXPECT_EQ(Stored(id).version, 2);

  http::Response archived = Call(editor, Method::kPost, Path(id, "archive/"), json{{"version", 2}});
  EXPECT_EQ(archived.status, 200) << "the path answers with its trailing slash too";
  EXPECT_EQ(Stored(id).status, ArticleStatus::kArchived);
}

TEST_F(AdminApiTest, ScheduleTakesAFutureTime) {
  const int64_t id = CreateDraft(TokenFor(contributor_id_), "Later")["id"];
  const std::string editor = TokenFor(editor_id_);

  http::Response missing = Call(editor, Method::kPost, Path(id, "schedule"), json{{"version", 1}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(ErrorFields(missing), std::vector<std::string>{"at"});
  http::Response garbled = Call(editor, Method::kPost, Path(id, "schedule"),
                                json{{"version", 1}, {"at", "next tuesday"}});
  EXPECT_EQ(ErrorFields(garbled), std::vector<std::string>{"at"});
  http::Response past = Call(editor, Method::kPost, Path(id, "schedule"),
                             json{{"version", 1}, {"at", "2020-01-01T00:00:00Z"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);

  http::Response scheduled = Call(editor, Method::kPost, Path(id, "schedule"),
                                  json{{"at", "2026-12-01T09:00:00Z"}, {"version", 1}});
  ASSERT_EQ(scheduled.status, 200) << scheduled.body;
  EXPECT_EQ(BodyOf(scheduled)["status"], "scheduled");
  EXPECT_EQ(BodyOf(scheduled)["published_at"], "2026-12-01T09:00:00Z");

  http::Response stray = Call(editor, Method::kPost, Path(id, "unpublish"),
                              json{{"version", 2}, {"at", "2026-12-01T09:00:00Z"}});
  EXPECT_EQ(stray.status, 422);
  EXPECT_EQ(ErrorFields(stray), std::vector<std::string>{"at"}) << "only schedule takes a time";
}

TEST_F(AdminApiTest, StaleVersionGets409AndWritesNothing) {
  const std::string editor = TokenFor(editor_id_);
  json article = CreateDraft(editor, "Tariffs");
  const int64_t id = article["id"];
  article["title"] = "Tariffs Rise";
  ASSERT_EQ(Call(editor, Method::kPut, Path(id), article).status, 200);
  ASSERT_EQ(Stored(id).version, 2);

  article["title"] = "Tariffs Fall";  // still version 1
  http::Response stale = Call(editor, Method::kPut, Path(id), article);
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_NE(BodyOf(stale)["errors"][0]["message"].get<std::string>().find("(2)"),
            std::string::npos);
  EXPECT_EQ(Stored(id).title, "Tariffs Rise");
  EXPECT_EQ(Stored(id).version, 2);

  http::Response stale_action =
      Call(editor, Method::kPost, Path(id, "publish"), json{{"version", 1}});
  EXPECT_EQ(stale_action.status, 409);
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);
}

TEST_F(AdminApiTest, PutReplacesEveryFieldAndPatchOnlyTheSentOnes) {
  const std::string editor = TokenFor(editor_id_);
  const json article = CreateDraft(editor, "Grain");
  const int64_t id = article["id"];

  http::Response partial =
      Call(editor, Method::kPut, Path(id), json{{"title", "Grain Deal"}, {"version", 1}});
  EXPECT_EQ(partial.status, 422);
  EXPECT_EQ(ErrorFields(partial),
            (std::vector<std::string>{"dek", "slug", "section", "authors", "tags", "partner",
                                      "original_url", "lead_image", "body_md"}));
  EXPECT_EQ(Stored(id).title, "Grain");

  http::Response patched =
      Call(editor, Method::kPatch, Path(id), json{{"title", "Grain Deal"}, {"version", 1}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(BodyOf(patched)["title"], "Grain Deal");
  EXPECT_EQ(BodyOf(patched)["body_md"], article["body_md"]);
  EXPECT_EQ(BodyOf(patched)["tags"], article["tags"]);
  EXPECT_EQ(Stored(id).version, 2);

  http::Response unversioned = Call(editor, Method::kPatch, Path(id), json{{"dek", "New"}});
  EXPECT_EQ(unversioned.status, 422);
  EXPECT_EQ(ErrorFields(unversioned), std::vector<std::string>{"version"});
  EXPECT_EQ(Stored(id).dek, "");
}

TEST_F(AdminApiTest, ReadOnlyFieldsMayComeBackUnchangedOnly) {
  const std::string editor = TokenFor(editor_id_);
  json article = CreateDraft(editor, "Rates");
  const int64_t id = article["id"];

  json changed = article;
  changed["status"] = "published";
  http::Response refused = Call(editor, Method::kPut, Path(id), changed);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(ErrorFields(refused), std::vector<std::string>{"status"});
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);

  http::Response on_create = Call(editor, Method::kPost, kArticles,
                                  json{{"title", "Copy"}, {"section", "europe"}, {"id", 5}});
  EXPECT_EQ(on_create.status, 422);
  EXPECT_EQ(ErrorFields(on_create), std::vector<std::string>{"id"});
}

TEST_F(AdminApiTest, ContributorMayNotEditAnotherWritersArticle) {
  json article = CreateDraft(TokenFor(contributor_id_), "Mine");
  const int64_t id = article["id"];
  article["title"] = "Theirs";
  http::Response response = Call(TokenFor(other_contributor_id_), Method::kPut, Path(id), article);
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(Stored(id).title, "Mine");

  http::Response submit = Call(TokenFor(other_contributor_id_), Method::kPost, Path(id, "submit"),
                               json{{"version", 1}});
  EXPECT_EQ(submit.status, 403);
  EXPECT_EQ(Stored(id).status, ArticleStatus::kDraft);
}

TEST_F(AdminApiTest, MalformedJsonGets400NamingTheProblem) {
  const std::string token = TokenFor(editor_id_);
  http::Response response =
      Raw(token, Method::kPost, kArticles, "{\"title\": \"x\",}", "application/json");
  EXPECT_EQ(response.status, 400);
  const std::string message = BodyOf(response)["errors"][0]["message"];
  EXPECT_TRUE(message.starts_with("the body is not valid JSON: ")) << message;
  EXPECT_NE(message.find("column"), std::string::npos) << message;

  http::Response array = Raw(token, Method::kPost, kArticles, "[1, 2]", "application/json");
  EXPECT_EQ(array.status, 400);
  EXPECT_EQ(BodyOf(array)["errors"][0]["message"],
            "the body must be a JSON object ({…}), not array");
  EXPECT_EQ(store().CountArticles({}).value(), 0);
}

TEST_F(AdminApiTest, UnknownAndMistypedFieldsGet422NamingThem) {
  http::Response response = Call(TokenFor(editor_id_), Method::kPost, kArticles,
                                 json{{"titel", "Typo"},
                                      {"section", "europe"},
                                      {"tags", "not a list"},
                                      {"lead_image", {{"id", 3}, {"caption", "x"}}}});
  EXPECT_EQ(response.status, 422) << response.body;
  EXPECT_EQ(ErrorFields(response),
            (std::vector<std::string>{"lead_image.caption", "tags", "titel"}));
  const json body = BodyOf(response);
  std::vector<std::string> messages;
  for (const json& error : body["errors"]) messages.push_back(error["message"]);
  EXPECT_NE(std::find(messages.begin(), messages.end(), "unknown field 'titel'"), messages.end());
  EXPECT_NE(std::find(messages.begin(), messages.end(), "unknown field 'lead_image.caption'"),
            messages.end());
  EXPECT_EQ(body["errors"][0]["status"], 422);
  EXPECT_EQ(store().CountArticles({}).value(), 0);
}

TEST_F(AdminApiTest, ServiceFieldErrorsUseTheApiFieldNames) {
  http::Response response = Call(TokenFor(editor_id_), Method::kPost, kArticles,
                                 json{{"title", " "}, {"section", "atlantis"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(ErrorFields(response), (std::vector<std::string>{"section", "title"}));
  EXPECT_EQ(store().CountArticles({}).value(), 0);
}

TEST_F(AdminApiTest, ListShowsEveryStatusWithFiltersAndPages) {
  const std::string writer = TokenFor(contributor_id_);
  const std::string editor = TokenFor(editor_id_);
  for (const char* title : {"Alpha Port", "Beta Port", "Gamma Field"}) CreateDraft(writer, title);
  const int64_t published = CreateDraft(editor, "Delta Port")["id"];
  ASSERT_EQ(Call(editor, Method::kPost, Path(published, "publish"), json{{"version", 1}}).status,
            200);

  http::Response all = Call(writer, Method::kGet, "/api/admin/v1/articles?limit=3");
  ASSERT_EQ(all.status, 200) << all.body;
  const json page1 = BodyOf(all);
  EXPECT_EQ(page1["articles"].size(), 3u);
  EXPECT_EQ(
      page1["meta"],
      (json{
          {"page", 1}, {"limit", 3}, {"pages", 2}, {"total", 4}, {"next", 2}, {"prev", nullptr}}));
  EXPECT_FALSE(page1["articles"][0].contains("body_md")) << "lists leave bodies out";

  http::Response ports = Call(writer, Method::kGet,
                              "/api/admin/v1/articles/?q=port&status=draft&section=europe&page=");
  ASSERT_EQ(ports.status, 200) << ports.body;
  EXPECT_EQ(BodyOf(ports)["meta"]["total"], 2);

  http::Response live = Call(writer, Method::kGet, "/api/admin/v1/articles/?status=published");
  EXPECT_EQ(BodyOf(live)["articles"][0]["title"], "Delta Port");
  EXPECT_EQ(BodyOf(live)["articles"][0]["can_edit"], false);

  EXPECT_EQ(Call(writer, Method::kGet, "/api/admin/v1/articles/?status=gone").status, 400);
  EXPECT_EQ(Call(writer, Method::kGet, "/api/admin/v1/articles/?limit=0").status, 400);
  EXPECT_EQ(Call(writer, Method::kGet, "/api/admin/v1/articles/?section=atlantis").status, 404);
  EXPECT_EQ(Call(writer, Method::kGet, "/api/admin/v1/articles/?author=nobody").status, 404);
}

TEST_F(AdminApiTest, UnknownArticleGets404) {
  const std::string token = TokenFor(editor_id_);
  http::Response response = Call(token, Method::kGet, Path(4242));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(BodyOf(response)["errors"][0]["message"], "unknown article '4242'");
  EXPECT_EQ(Call(token, Method::kGet, std::string(kArticles) + "abc/").status, 404);
  EXPECT_EQ(Call(token, Method::kPost, Path(4242, "publish"), json{{"version", 1}}).status, 404);
}

TEST_F(AdminApiTest, CookieSessionNeedsTheCsrfHeaderToChangeThings) {
  const testing::Client browser = SignIn("editor@example.org");
  http::Request post = MakeRequest(Method::kPost, kArticles);
  post.headers["content-type"] = "application/json";
  post.body = json{{"title", "From The Page"}, {"section", "europe"}}.dump();

  http::Response refused = browser.Send(post);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(store().CountArticles({}).value(), 0);

  post.headers["x-csrf-token"] = browser.csrf;
  EXPECT_EQ(browser.Send(post).status, 201);
  EXPECT_EQ(browser.Get("/api/admin/v1/me").status, 200) << "reads need no header";
}

TEST_F(AdminApiTest, MediaUploadOfTextGets422) {
  const std::string token = TokenFor(contributor_id_);
  http::Response raw =
      Raw(token, Method::kPost, "/api/admin/v1/media/", "just some words", "text/plain");
  EXPECT_EQ(raw.status, 422) << raw.body;
  EXPECT_EQ(ErrorFields(raw), std::vector<std::string>{"image"});
  EXPECT_NE(BodyOf(raw)["errors"][0]["message"].get<std::string>().find("JPEG"), std::string::npos);

  http::Response no_field = Raw(token, Method::kPost, "/api/admin/v1/media/",
                                "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n"
                                "x\r\n--b--\r\n",
                                "multipart/form-data; boundary=b");
  EXPECT_EQ(no_field.status, 422);
  EXPECT_EQ(ErrorFields(no_field), std::vector<std::string>{"image"});
  EXPECT_TRUE(store().ListMedia(10, 0).value().empty());
}

TEST_F(AdminApiTest, MediaUploadOfPngGets201WithVariants) {
  const std::string token = TokenFor(contributor_id_);
  const std::string png = Png(64, 48);
  http::Request request = MakeRequest(Method::kPost, "/api/admin/v1/media/");
  request.headers["authorization"] = "Bearer " + token;
  request.headers["content-type"] = "image/png";
  request.headers["content-disposition"] = "attachment; filename=\"harbour.png\"";
  request.body = png;
  http::Response raw = Dispatch(request);
  ASSERT_EQ(raw.status, 201) << raw.body;
  const json media = BodyOf(raw);
  const int64_t id = media["id"];
  EXPECT_EQ(media["filename"], "harbour.png");
  EXPECT_EQ(media["width"], 64);
  EXPECT_EQ(media["height"], 48);
  ASSERT_EQ(media["variants"].size(), 2u);
  EXPECT_EQ(media["variants"][0]["format"], "webp");
  EXPECT_EQ(media["variants"][0]["url"],
            "http://127.0.0.1:8080/media/" + std::to_string(id) + "/64.webp");
  EXPECT_EQ(media["variants"][1]["format"], "jpeg");
  const content::Media stored = store().GetMedia(id).value();
  EXPECT_EQ(stored.uploaded_by, contributor_id_);
  EXPECT_EQ(stored.variants.size(), 2u);

  const std::string multipart =
      "--xyz\r\nContent-Disposition: form-data; name=\"image\"; filename=\"again.png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      png + "\r\n--xyz--\r\n";
  http::Response again = Raw(token, Method::kPost, "/api/admin/v1/media", multipart,
                             "multipart/form-data; boundary=xyz");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(BodyOf(again)["id"], id) << "the same image is stored once";

  const int64_t article = CreateDraft(token, "With Picture")["id"];
  http::Response patched =
      Call(token, Method::kPatch, Path(article),
           json{{"lead_image", {{"id", id}, {"alt", "A black frame"}}}, {"version", 1}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(BodyOf(patched)["lead_image"], (json{{"id", id}, {"alt", "A black frame"}}));
}

}  // namespace
}  // namespace gazette::admin
