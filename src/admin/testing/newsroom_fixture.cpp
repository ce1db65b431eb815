#include "admin/testing/newsroom_fixture.h"

#include "auth/password.h"
#include "auth/token.h"
#include "http/cookies.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::admin::testing {
std::string UrlEncode(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += http::PercentEncode(name, true) + "=" + http::PercentEncode(value, true);
  }
  return body;
}

std::string SetCookieValue(const http::Response& response, std::string_view name) {
  for (const auto& [header, value] : response.headers) {
    if (header != "Set-Cookie") continue;
    const std::string prefix = std::string(name) + "=";
    if (!value.starts_with(prefix)) continue;
    return value.substr(prefix.size(), value.find(';') - prefix.size());
  }
  return "";
}

http::Request MakeRequest(http::Method method, const std::string& target) {
  http::Request request;
  request.method = method;
  request.target = target;
  const size_t question = target.find('?');
  request.path = http::PercentDecode(target.substr(0, question), false);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  request.remote_address = "127.0.0.1";
  request.headers["host"] = "127.0.0.1:8080";
  return request;
}

http::Response Client::Get(const std::string& target) const {
  return Send(MakeRequest(http::Method::kGet, target));
}

http::Response Client::Post(const std::string& target, Fields fields, bool with_csrf) const {
  if (with_csrf) fields.emplace_back("_csrf", csrf);
  http::Request request = MakeRequest(http::Method::kPost, target);
  request.headers["content-type"] = "application/x-www-form-urlencoded";
  request.body = UrlEncode(fields);
  return Send(std::move(request));
}

http::Response Client::Send(http::Request request) const {
  if (!cookie.empty()) {
    std::string& header = request.headers["cookie"];
    header = header.empty() ? cookie : header + "; " + cookie;
  }
  return fixture->Dispatch(request);
}

void NewsroomFixture::SetUp() {
  store_ =
      store::OpenSqliteStore((dir_.path() / "newsroom.db").string(), {.create_if_missing = true})
          .value();
  europe_id_ = store_
                   ->CreateSection({.slug = "europe",
                                    .name = "Europe",
                                    .kind = content::SectionKind::kRegion,
                                    .position = 1})
                   .value();
  economy_id_ = store_
                    ->CreateSection({.slug = "economy",
                                     .name = "Economy",
                                     .kind = content::SectionKind::kTopic,
                                     .position = 2})
                    .value();
  admin_id_ = AddUser("admin@example.org", "Ada Admin", content::Role::kAdmin);
  editor_id_ = AddUser("editor@example.org", "Edie Editor", content::Role::kEditor);
  contributor_id_ = AddUser("writer@example.org", "Wren Writer", content::Role::kContributor);
  other_contributor_id_ = AddUser("other@example.org", "Otto Other", content::Role::kContributor);

  AdminConfig config;
  config.site_name = "The Test Review";
  config.password_cost = auth::PasswordCost::kMinimum;
  config.render_preview = [](const content::Article& article) {
    return "<!doctype html><title>" + article.title + "</title><article>" + article.body_html +
           "</article>";
  };
  auto admin = Admin::Create(*store_, clock_, std::move(config));
  ASSERT_TRUE(admin.has_value()) << admin.error().ToString();
  admin_ = std::move(*admin);
  admin_->Register(router_);
}

int64_t NewsroomFixture::AddUser(const std::string& email, const std::string& name,
                                 content::Role role) {
  content::User user;
  user.email = email;
  user.name = name;
  user.role = role;
  user.password_hash = auth::HashPassword(kPassword, auth::PasswordCost::kMinimum).value();
  user.created_at = clock_.Now();
  auto id = store_->CreateUser(user);
  EXPECT_TRUE(id.has_value()) << id.error().ToString();
  return id.value_or(0);
}

Client NewsroomFixture::SignIn(const std::string& email) {
  http::Response form = Anonymous().Get("/admin/login");
  EXPECT_EQ(form.status, 200);
  const std::string login_token = SetCookieValue(form, "gz_login");
  EXPECT_FALSE(login_token.empty());

  http::Request post = MakeRequest(http::Method::kPost, "/admin/login");
  post.headers["content-type"] = "application/x-www-form-urlencoded";
  post.headers["cookie"] = "gz_login=" + login_token;
  post.body =
      UrlEncode({{"_csrf", login_token}, {"email", email}, {"password", std::string(kPassword)}});
  http::Response signed_in = Dispatch(post);
  EXPECT_EQ(signed_in.status, 303) << signed_in.body;
  const std::string token = SetCookieValue(signed_in, "gz_session");
  EXPECT_FALSE(token.empty()) << "no session cookie for " << email;

  Client client{this, "gz_session=" + token, ""};
  auto session = store_->GetSession(auth::HashToken(token), clock_.Now());
  EXPECT_TRUE(session.has_value());
  if (session) client.csrf = session->csrf_token;
  return client;
}

}  // namespace gazette::admin::testing
