#include "http/router.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gazette::http {
namespace {

Request Get(std::string target, Method method = Method::kGet) {
  Request request;
  request.method = method;
  request.target = target;
  size_t question = target.find('?');
  request.path = PercentDecode(target.substr(0, question), false);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  return request;
}

// A handler that answers with its name and the parameters it was given: "article section=asia".
RouteHandler Named(std::string name) {
  return [name](const Request&, const PathParams& params) {
    std::string body = name;
    for (const auto& [key, value] : params) body += " " + key + "=" + value;
    return Response::Text(200, body);
  };
}

TEST(RouterTest, LiteralBeatsParameterWhateverTheRegistrationOrder) {
  Router literal_first;
  literal_first.Add(Method::kGet, "/author/", Named("authors"));
  literal_first.Add(Method::kGet, "/{section}/", Named("section"));
  Router param_first;
  param_first.Add(Method::kGet, "/{section}/", Named("section"));
  param_first.Add(Method::kGet, "/author/", Named("authors"));
  for (const Router* router : {&literal_first, &param_first}) {
    EXPECT_EQ(router->Dispatch(Get("/author/")).body, "authors");
    EXPECT_EQ(router->Dispatch(Get("/asia/")).body, "section section=asia");
  }
}

TEST(RouterTest, FailedLiteralBranchFallsBackToParameter) {
  Router router;
  router.Add(Method::kGet, "/{section}/{slug}/", Named("article"));
  router.Add(Method::kGet, "/tag/{slug}/feed/", Named("tag-feed"));
  EXPECT_EQ(router.Dispatch(Get("/tag/x/feed/")).body, "tag-feed slug=x");
  EXPECT_EQ(router.Dispatch(Get("/tag/x/")).body, "article section=tag slug=x");
}

TEST(RouterTest, ParametersArePercentDecoded) {
  Router router;
  router.Add(Method::kGet, "/{section}/{slug}/", Named("article"));
  EXPECT_EQ(router.Dispatch(Get("/east%20asia/caf%C3%A9/?page=2")).body,
            "article section=east asia slug=caf\xC3\xA9");
  EXPECT_EQ(router.Dispatch(Get("/a%2Fb/c/")).body, "article section=a/b slug=c");
}

TEST(RouterTest, LiteralSegmentsMatchEncodedForms) {
  Router router;
  router.Add(Method::kGet, "/search/", Named("search"));
  EXPECT_EQ(router.Dispatch(Get("/se%61rch/")).body, "search");
}

TEST(RouterTest, TrailingSlashIsSignificant) {
  Router router;
  router.Add(Method::kGet, "/feed.xml", Named("feed"));
  router.Add(Method::kGet, "/{section}/", Named("section"));
  EXPECT_EQ(router.Dispatch(Get("/feed.xml")).body, "feed");
  EXPECT_EQ(router.Dispatch(Get("/feed.xml/")).body, "section section=feed.xml");
  EXPECT_EQ(router.Dispatch(Get("/feed.xml/x")).status, 404);
}

TEST(RouterTest, MissingTrailingSlashRedirectsKeepingTheQuery) {
  Router router;
  router.Add(Method::kGet, "/{section}/", Named("section"));
  Response response = router.Dispatch(Get("/east-asia?page=2&x=%20"));
  EXPECT_EQ(response.status, 301);
  EXPECT_EQ(response.Header("Location"), "/east-asia/?page=2&x=%20");
  EXPECT_EQ(router.Dispatch(Get("/east-asia")).Header("location"), "/east-asia/");
}

TEST(RouterTest, RootPath) {
  Router router;
  router.Add(Method::kGet, "/", Named("home"));
  EXPECT_EQ(router.Dispatch(Get("/")).body, "home");
  EXPECT_EQ(router.Dispatch(Get("/?x=1")).body, "home");
  EXPECT_EQ(router.Dispatch(Get("/x")).status, 404);
}

TEST(RouterTest, OtherMethodsGet405WithAllow) {
  Router router;
  router.Add(Method::kGet, "/login/", Named("form"));
  router.Add(Method::kPost, "/login/", Named("submit"));
  EXPECT_EQ(router.Dispatch(Get("/login/", Method::kPost)).body, "submit");
  Response response = router.Dispatch(Get("/login/", Method::kDelete));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD, POST");
  EXPECT_EQ(router.Dispatch(Get("/elsewhere/", Method::kDelete)).status, 404);
}

TEST(RouterTest, GetRoutesAnswerHeadUnlessHeadHasItsOwn) {
  Router router;
  router.Add(Method::kGet, "/a/", Named("get-a"));
  router.Add(Method::kGet, "/b/", Named("get-b"));
  router.Add(Method::kHead, "/b/", Named("head-b"));
  EXPECT_EQ(router.Dispatch(Get("/a/", Method::kHead)).body, "get-a");
  EXPECT_EQ(router.Dispatch(Get("/b/", Method::kHead)).body, "head-b");
  EXPECT_EQ(router.Dispatch(Get("/b/")).body, "get-b");
}

TEST(RouterTest, RegisteringTwiceReplaces) {
  Router router;
  router.Add(Method::kGet, "/x/", Named("first"));
  router.Add(Method::kGet, "/x/", Named("second"));
  EXPECT_EQ(router.Dispatch(Get("/x/")).body, "second");
}

TEST(RouterTest, CustomNotFound) {
  Router router;
  router.SetNotFound(
      [](const Request& request) { return Response::Html(404, "no " + request.path); });
  EXPECT_EQ(router.Dispatch(Get("/nothing/")).body, "no /nothing/");
}

TEST(RouterTest, HostilePathsDoNotMatchAndDoNotRedirect) {
  Router router;
  router.Add(Method::kGet, "/", Named("home"));
  router.Add(Method::kGet, "/{section}/", Named("section"));
  router.Add(Method::kGet, "/{section}/{slug}/", Named("article"));
  for (const std::string& target : std::vector<std::string>{
           "//evil.example", "//evil.example/", "/\\evil.example", "/a//b/", "/../", "/a/../",
           "/%2e%2e/", "/./", "/a/%00/", "/%zz/", "/%4/", "/a%/", "/%", "", "relative/",
           "/a/b/c/d/e/f/g/h/", std::string("/a\0b/", 5)}) {
    Response response = router.Dispatch(Get(target));
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.Header("Location"), "") << target;
  }
}

TEST(RouterTest, RandomPathsGetOnlyWellFormedAnswers) {
  Router router;
  router.Add(Method::kGet, "/", Named("home"));
  router.Add(Method::kGet, "/{section}/", Named("section"));
  router.Add(Method::kGet, "/{section}/{slug}/", Named("article"));
  router.Add(Method::kPost, "/search/", Named("search"));
  std::mt19937 rng(20261128);
  const std::string alphabet("/%.?a2F\\\0\xff", 10);
  for (int i = 0; i < 20000; ++i) {
    std::string target = "/";
    size_t length = rng() % 12;
    for (size_t j = 0; j < length; ++j) target += alphabet[rng() % alphabet.size()];
    Response response = router.Dispatch(Get(target, i % 2 ? Method::kGet : Method::kDelete));
    EXPECT_TRUE(response.status == 200 || response.status == 301 || response.status == 404 ||
                response.status == 405)
        << target;
    if (response.status == 301) {
      std::string_view location = response.Header("Location");
      EXPECT_TRUE(location.starts_with('/') && !location.starts_with("//")) << location;
    }
  }
}

TEST(RouterTest, FallsBackToThePathWhenThereIsNoTarget) {
  Router router;
  router.Add(Method::kGet, "/{section}/", Named("section"));
  Request request;
  request.path = "/asia/";
  EXPECT_EQ(router.Dispatch(request).body, "section section=asia");
}

TEST(RouterTest, MovedRouterKeepsItsRoutes) {
  Router router;
  router.Add(Method::kGet, "/x/", Named("x"));
  Router moved = std::move(router);
  EXPECT_EQ(moved.Dispatch(Get("/x/")).body, "x");
}

}  // namespace
}  // namespace gazette::http
