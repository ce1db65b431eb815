// Two `gazette serve` nodes on one PostgreSQL database behind nginx, configured by the file
// docs/deploy.md ships (deploy/nginx/gazette.conf, TLS included): what one node publishes shows
// on the other at once, also on a page the other had kept in its cache; reads through nginx go on
// while a node stops; an article scheduled while both run goes out once. nginx runs unprivileged
// on loopback ports, as a child of the test. Skipped without nginx or a PostgreSQL server in a dev
// build; failing in CI (CI=true), where both must be there.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/testing/temp_dir.h"
#include "support/backend.h"
#include "support/child_process.h"
#include "support/files.h"
#include "support/http_client.h"
#include "support/site_database.h"
#include "support/site_process.h"

namespace gazette::integration {
namespace {

using Clock = std::chrono::steady_clock;
using support::Headers;
using support::HttpResponse;

// How long anything waited for may take on a loaded machine; waits end when it has come.
constexpr std::chrono::seconds kPatience{15};
// What a reader of another node waits at most for a publish to show (issue 6): the change feed
// takes tens of milliseconds.
constexpr std::chrono::seconds kPublishShowsEverywhere{1};
// Only the change feed can refresh a page a node keeps: the cache's own expiry is far away.
const support::Environment kNodeEnv = {{"GAZETTE_CACHE_MAX_AGE_SECONDS", "3600"}};

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

std::string NginxBinary() {
  for (const char* path : {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
    if (access(path, X_OK) == 0) return path;
  }
  return "";
}

// A TCP port of 127.0.0.1 that nothing listens on now.
uint16_t FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  uint16_t port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// What Debian's /etc/nginx/nginx.conf gives the files of conf.d/, with every path nginx writes
// under @PREFIX@, and an access log that names the node each request went to.
constexpr std::string_view kMainConfig = R"(pid @PREFIX@/nginx.pid;
worker_processes 1;
events { worker_connections 256; }
http {
  log_format upstreams '$status $upstream_addr';
  access_log @PREFIX@/access.log upstreams;
  client_body_temp_path @PREFIX@/client_body;
  proxy_temp_path @PREFIX@/proxy;
  fastcgi_temp_path @PREFIX@/fastcgi;
  uwsgi_temp_path @PREFIX@/uwsgi;
  scgi_temp_path @PREFIX@/scgi;
  include @PREFIX@/gazette.conf;
}
)";

// nginx with deploy/nginx/gazette.conf in front of `nodes`, its files in a folder of its own: a
// self-signed certificate for TLS, a main configuration that includes the template filled in,
// and an access log of the status and node of every request.
class Nginx {
 public:
  // Starts it; false (with a test failure) if it does not come up.
  bool Start(const std::vector<uint16_t>& nodes) {
    const std::string prefix = dir_.path().string();
    // nginx's workers run as nobody when the test runs as root: they must reach their files.
    chmod(prefix.c_str(), 0755);
    auto cert = support::RunProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec",
                                     "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days",
                                     "1", "-subj", "/CN=localhost", "-keyout", prefix + "/key.pem",
                                     "-out", prefix + "/cert.pem"});
    if (!cert || cert->exit_code != 0) {
      ADD_FAILURE() << "openssl: " << (cert ? cert->err : cert.error().ToString());
      return false;
    }
    auto site = support::ReadFile(GAZETTE_TEST_NGINX_TEMPLATE);
    if (!site) {
      ADD_FAILURE() << site.error().ToString();
      return false;
    }
    std::string servers;
    for (uint16_t node : nodes) {
      if (!servers.empty()) servers += "\n    ";
      servers += "server 127.0.0.1:" + std::to_string(node) + " max_fails=1 fail_timeout=5s;";
    }
    https_port_ = FreePort();
    do {
      http_port_ = FreePort();
    } while (http_port_ == https_port_);
    ReplaceAll(*site, "@NODES@", servers);
    ReplaceAll(*site, "@SERVER_NAME@", "localhost");
    ReplaceAll(*site, "@HTTPS_LISTEN@", "127.0.0.1:" + std::to_string(https_port_));
    ReplaceAll(*site, "@HTTP_LISTEN@", "127.0.0.1:" + std::to_string(http_port_));
    ReplaceAll(*site, "@CERTIFICATE@", prefix + "/cert.pem");
    ReplaceAll(*site, "@CERTIFICATE_KEY@", prefix + "/key.pem");
    ReplaceAll(*site, "@UPLOAD_LIMIT@", "16m");
    EXPECT_FALSE(std::regex_search(*site, std::regex("@[A-Z_]+@")))
        << "a placeholder left unfilled:\n"
        << *site;
    std::string main(kMainConfig);
    ReplaceAll(main, "@PREFIX@", prefix);
    if (!support::WriteFile(prefix + "/gazette.conf", *site) ||
        !support::WriteFile(prefix + "/nginx.conf", main)) {
      ADD_FAILURE() << "cannot write nginx's configuration in " << prefix;
      return false;
    }
    auto child =
        support::ChildProcess::Spawn({NginxBinary(), "-p", prefix, "-e", prefix + "/error.log",
                                      "-c", prefix + "/nginx.conf", "-g", "daemon off;"},
                                     {}, prefix + "/nginx.out", prefix + "/nginx.err");
    if (!child) {
      ADD_FAILURE() << child.error().ToString();
      return false;
    }
    child_.emplace(std::move(*child));
    const auto give_up = Clock::now() + kPatience;
    while (Clock::now() < give_up) {
      if (support::HttpConnection::Connect(https_port_)) return true;
      if (child_->WaitFor(std::chrono::milliseconds(20))) break;
    }
    ADD_FAILURE() << "nginx did not start: " << Log("nginx.err") << Log("error.log");
    return false;
  }

  ~Nginx() {
    if (child_) {
      child_->Signal(SIGQUIT);  // nginx's graceful stop
      child_->WaitFor(kPatience);
    }
  }

  uint16_t https_port() const { return https_port_; }
  uint16_t http_port() const { return http_port_; }
  std::string Url(const std::string& path) const {
    return "https://127.0.0.1:" + std::to_string(https_port_) + path;
  }
  // A file of nginx's folder ("access.log"): one "STATUS NODE[, NODE...]" line per request.
  std::string Log(const std::string& name) const {
    return support::ReadFile((dir_.path() / name).string()).value_or("");
  }

 private:
  base::testing::TempDir dir_{"gazette-nginx-"};
  std::optional<support::ChildProcess> child_;
  uint16_t https_port_ = 0;
  uint16_t http_port_ = 0;
};

// The status of every GET of `urls`, in order, fetched by curl over TLS on one connection ("000"
// for a request that got no answer at all).
std::vector<std::string> CurlStatuses(const std::vector<std::string>& urls) {
  std::vector<std::string> argv = {"/usr/bin/curl",  "--insecure", "--silent",
                                   "--max-time",     "10",         "--write-out",
                                   "%{http_code}\\n"};
  for (const std::string& url : urls) {
    argv.insert(argv.end(), {"--output", "/dev/null", url});
  }
  auto run = support::RunProcess(argv);
  if (!run) return {"curl: " + run.error().ToString()};
  std::vector<std::string> statuses;
  std::istringstream lines(run->out);
  for (std::string line; std::getline(lines, line);) statuses.push_back(line);
  return statuses;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += name + "=";
    for (unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
        body += static_cast<char>(c);
      } else {
        body += '%';
        body += kHex[c >> 4];
        body += kHex[c & 0xf];
      }
    }
  }
  return body;
}

// The value a Set-Cookie header of `response` gives cookie `name`, or "".
std::string CookieSetBy(const HttpResponse& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (header == "set-cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return "";
}

HttpResponse Send(uint16_t port, const std::string& method, const std::string& target,
                  const Headers& headers, const std::string& body = "") {
  auto connection = support::HttpConnection::Connect(port);
  EXPECT_TRUE(connection.has_value());
  if (!connection) return {};
  EXPECT_TRUE(connection->Send(support::BuildRequest(method, target, headers, body)));
  auto response = connection->ReadResponse();
  EXPECT_TRUE(response.has_value()) << response.error().ToString();
  return response.value_or(HttpResponse{});
}

std::string BodyOf(const HttpResponse& response) { return response.DecodedBody().value_or(""); }

// A newsroom session on one node, for the Admin API: its cookie and CSRF token.
struct AdminSession {
  uint16_t port = 0;
  std::string cookie;
  std::string csrf;

  static AdminSession SignIn(const support::SiteProcess& node) {
    AdminSession session{.port = node.port()};
    const std::string login = CookieSetBy(Send(node.port(), "GET", "/admin/login", {}), "gz_login");
    const HttpResponse signed_in = Send(
        node.port(), "POST", "/admin/login",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "gz_login=" + login}},
        FormEncode({{"_csrf", login},
                    {"email", node.admin_email()},
                    {"password", node.admin_password()}}));
    EXPECT_EQ(signed_in.status, 303);
    session.cookie = "gz_session=" + CookieSetBy(signed_in, "gz_session");
    std::smatch match;
    const std::string dashboard =
        BodyOf(Send(node.port(), "GET", "/admin/", {{"Cookie", session.cookie}}));
    if (std::regex_search(dashboard, match, std::regex("name=\"_csrf\" value=\"([^\"]+)\""))) {
      session.csrf = match[1];
    }
    EXPECT_FALSE(session.csrf.empty()) << "signed in, but no CSRF token on the dashboard";
    return session;
  }

  // POSTs `json` to the Admin API; the answer's JSON (null if it is none).
  nlohmann::json Post(const std::string& target, const nlohmann::json& json, int want_status) {
    const HttpResponse response =
        Send(port, "POST", target,
             {{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", csrf}},
             json.dump());
    EXPECT_EQ(response.status, want_status) << target << ": " << BodyOf(response);
    return nlohmann::json::parse(BodyOf(response), nullptr, /*allow_exceptions=*/false);
  }
};

// Asks `done` until it says yes or `patience` passes; whether it did.
bool PollUntil(const std::function<bool()>& done, Clock::duration patience = kPatience) {
  const auto give_up = Clock::now() + patience;
  while (Clock::now() < give_up) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

int Occurrences(const std::string& text, const std::string& part) {
  int count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(MultiNodeTest, TwoNodesBehindNginxServeOneSite) {
  if (!support::BackendAvailable(support::Backend::kPostgres)) {
    GTEST_SKIP() << support::BackendSkipReason();
  }
  if (NginxBinary().empty()) {
    if (InCi()) FAIL() << "nginx is not installed, and CI must run the multi-node test";
    GTEST_SKIP() << "nginx is not installed (scripts/install-deps.sh --test)";
  }
  auto a = support::SiteProcess::Start({.backend = support::Backend::kPostgres, .env = kNodeEnv});
  ASSERT_TRUE(a.has_value()) << a.error().ToString();
  auto b = (*a)->StartAnotherNode(kNodeEnv);
  ASSERT_TRUE(b.has_value()) << b.error().ToString();
  Nginx nginx;
  ASSERT_TRUE(nginx.Start({(*a)->port(), (*b)->port()}));

  // Plain HTTP only sends readers to TLS.
  auto plain = support::Fetch(nginx.http_port(), "/east-asia/");
  ASSERT_TRUE(plain.has_value()) << plain.error().ToString();
  EXPECT_EQ(plain->status, 301);
  EXPECT_TRUE(plain->Header("location").starts_with("https://")) << plain->Header("location");

  // B keeps its home page.
  const uint16_t b_port = (*b)->port();
  ASSERT_EQ(Send(b_port, "GET", "/", {}).status, 200);
  ASSERT_EQ(Send(b_port, "GET", "/", {}).Header("x-cache"), "hit");

  // Published through A, the article shows on B: its own page, and the kept home page.
  AdminSession editor = AdminSession::SignIn(**a);
  const std::string title = "Harbour Talks Resume In Qingdao";
  const nlohmann::json draft = editor.Post(
      "/api/admin/v1/articles/",
      {{"title", title}, {"section", "east-asia"}, {"body_md", "Ships wait in the roads."}}, 201);
  ASSERT_TRUE(draft.is_object());
  const int64_t id = draft.value("id", int64_t{0});
  const nlohmann::json published =
      editor.Post("/api/admin/v1/articles/" + std::to_string(id) + "/publish",
                  {{"version", draft.value("version", int64_t{0})}}, 200);
  ASSERT_TRUE(published.is_object());
  const auto published_at = Clock::now();
  const std::string path = "/east-asia/" + published.value("slug", std::string()) + "/";
  EXPECT_TRUE(PollUntil(
      [&] { return BodyOf(Send(b_port, "GET", "/", {})).find(title) != std::string::npos; },
      kPublishShowsEverywhere))
      << "B's home page did not show the article A published within a second";
  std::cout
      << "B's kept home page showed A's article after "
      << std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - published_at).count()
      << " ms" << std::endl;
  EXPECT_EQ(Send(b_port, "GET", path, {}).status, 200);

  // Scheduled while both nodes run: one of them publishes it, once.
  auto store = support::OpenSiteDatabase((*a)->site_dir());
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  content::Article scheduled;
  scheduled.slug = "talks-in-a-moment";
  scheduled.title = "Talks In A Moment";
  scheduled.body_md = "Soon.";
  scheduled.body_html = "<p>Soon.</p>";
  scheduled.status = content::ArticleStatus::kScheduled;
  scheduled.section_id = (*store)->GetSectionBySlug("east-asia").value().id;
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  scheduled.published_at = now + std::chrono::seconds(2);
  scheduled.updated_at = now;
  const int64_t scheduled_id = (*store)->CreateArticle(scheduled).value_or(0);
  ASSERT_NE(scheduled_id, 0);
  const int64_t scheduled_version = (*store)->GetArticle(scheduled_id).value().version;
  EXPECT_TRUE(PollUntil([&] {
    return BodyOf(Send(b_port, "GET", "/", {})).find(scheduled.title) != std::string::npos;
  })) << "the scheduled article never showed on B's home page";

  // Readers through nginx while B stops: nginx gives B's share to A, and no read fails.
  const std::vector<std::string> pages = {nginx.Url("/"), nginx.Url(path),
                                          nginx.Url("/east-asia/")};
  std::vector<std::string> urls;
  for (int i = 0; i < 10; ++i) urls.insert(urls.end(), pages.begin(), pages.end());
  std::atomic<bool> reading = true;
  std::atomic<int> reads = 0;
  std::vector<std::vector<std::string>> failures(3);
  std::vector<std::thread> readers;
  for (auto& failed : failures) {
    readers.emplace_back([&] {
      while (reading) {
        for (const std::string& status : CurlStatuses(urls)) {
          if (status != "200") failed.push_back(status);
          ++reads;
        }
      }
    });
  }
  EXPECT_TRUE(PollUntil([&] { return reads >= 200; })) << "the readers are not reading";
  auto stopped = (*b)->Stop();
  const int reads_at_stop = reads;
  EXPECT_TRUE(PollUntil([&] { return reads >= reads_at_stop + 200; }));
  reading = false;
  for (std::thread& reader : readers) reader.join();
  ASSERT_TRUE(stopped.has_value()) << stopped.error().ToString();
  EXPECT_EQ(*stopped, 0) << (*b)->Stderr();
  for (const auto& failed : failures) EXPECT_TRUE(failed.empty()) << failed.size() << " failed";
  const std::string log = nginx.Log("access.log");
  EXPECT_GT(Occurrences(log, "127.0.0.1:" + std::to_string(b_port)), 0)
      << "nginx sent B nothing: stopping it proved nothing";
  std::cout << reads << " reads through nginx" << std::endl;

  const std::string announced = "published scheduled article " + std::to_string(scheduled_id);
  EXPECT_EQ(Occurrences((*a)->Stderr() + (*b)->Stderr(), announced), 1);
  const content::Article stored = (*store)->GetArticle(scheduled_id).value();
  EXPECT_EQ(stored.status, content::ArticleStatus::kPublished);
  EXPECT_EQ(stored.version, scheduled_version + 1);
}

}  // namespace
}  // namespace gazette::integration
