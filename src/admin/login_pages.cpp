#include "admin/login_pages.h"

#include <charconv>

#include "auth/password.h"
#include "auth/signed_value.h"
#include "auth/token.h"
#include "auth/totp.h"
#include "base/log.h"
#include "http/cookies.h"
#include "http/form.h"

namespace gazette::admin {
namespace {

using http::Method;
using http::Request;
using http::Response;

// The browser's half of the sign-in form's CSRF check: the form echoes the cookie's value.
constexpr std::string_view kLoginCookie = "gz_login";
constexpr std::chrono::seconds kLoginCookieLife{60 * 60};
// How long the second-factor step may take after the password was right.
constexpr std::chrono::seconds kSecondFactorWindow{5 * 60};

class LoginPages {
 public:
  LoginPages(AdminServices& services, std::string dummy_hash)
      : services_(services), dummy_hash_(std::move(dummy_hash)) {}

  Response ShowForm(const Request& request) {
    if (services_.sessions.FromCookie(request)) {
      return Ui::SeeOther(SafeNextPath(request.QueryParam("next").value_or("")));
    }
    auto token = auth::NewSessionToken();
    if (!token) return services_.ui.Error(500, "The sign-in form could not be made.", nullptr);
    Response response = FormPage(200, *token, request.QueryParam("next").value_or(""), "",
                                 NoticeText(request.QueryParam("notice").value_or("")));
    response.AddHeader("Set-Cookie", LoginCookie(*token));
    return response;
  }

  Response SignIn(const Request& request) {
    auto form = http::ParseForm(request);
    if (!form) return services_.ui.Error(400, form.error().message(), nullptr);
    std::optional<std::string> csrf = CheckedLoginToken(request, *form);
    if (!csrf) return ExpiredForm();
    const std::string email = form->Value("email");
    const std::string next = form->Value("next");
    const std::string address = request.remote_address;
    if (auto wait = services_.throttle.RetryAfter(email, address)) return Throttled(*wait, email);

    auto user = services_.store.GetUserByEmail(email);
    if (!user && user.error().code() != base::ErrorCode::kNotFound)
      return Unavailable(user.error());
    const bool password_right =
        auth::VerifyPassword(user ? user->password_hash : dummy_hash_, form->Value("password"));
    if (!user || !password_right || user->disabled) {
      services_.throttle.RecordFailure(email, address);
      base::LogInfo("sign-in refused for '" + email + "' from " + address);
      return FormPage(401, *csrf, next, email, "", "The email or the password is not right.");
    }
    if (auth::NeedsRehash(user->password_hash, services_.config.password_cost)) {
      Rehash(*user, form->Value("password"));
    }
    if (user->totp_secret) {
      return CodePage(200, *csrf, PendingToken(user->id), next, "");
    }
    services_.throttle.RecordSuccess(email, address);
    return StartSession(user->id, next);
  }

  Response SignInWithCode(const Request& request) {
    auto form = http::ParseForm(request);
    if (!form) return services_.ui.Error(400, form.error().message(), nullptr);
    std::optional<std::string> csrf = CheckedLoginToken(request, *form);
    if (!csrf) return ExpiredForm();
    const std::string next = form->Value("next");
    std::optional<int64_t> user_id = PendingUser(form->Value("pending"));
    if (!user_id) {
      return FormPage(401, *csrf, next, "", "",
                      "The sign-in took too long. Enter your email and password again.");
    }
    auto user = services_.store.GetUser(*user_id);
    if (!user && user.error().code() != base::ErrorCode::kNotFound)
      return Unavailable(user.error());
    if (!user || user->disabled || !user->totp_secret) {
      return FormPage(401, *csrf, next, "", "", "Enter your email and password again.");
    }
    const std::string address = request.remote_address;
    if (auto wait = services_.throttle.RetryAfter(user->email, address)) {
      return Throttled(*wait, user->email);
    }
    int64_t last_step = 0;
    if (auto stored = services_.store.GetSetting(TotpLastStepKey(user->id))) {
      std::from_chars(stored->data(), stored->data() + stored->size(), last_step);
    }
    auto step =
        auth::VerifyTotp(*user->totp_secret, form->Value("code"), services_.clock.Now(), last_step);
    if (!step) {
      services_.throttle.RecordFailure(user->email, address);
      std::string message = step.error().message();
      if (!message.empty()) message[0] = static_cast<char>(std::toupper(message[0]));
      return CodePage(401, *csrf, form->Value("pending"), next, message + ".");
    }
    if (auto saved = services_.store.SetSetting(TotpLastStepKey(user->id), std::to_string(*step));
        !saved) {
      return Unavailable(saved.error());
    }
    services_.throttle.RecordSuccess(user->email, address);
    return StartSession(user->id, next);
  }

  Response SignOut(const AdminRequest& request) {
    if (auto ended = services_.sessions.End(request.http); !ended) {
      return Unavailable(ended.error());
    }
    Response response = Ui::SeeOther("/admin/login?notice=signed-out");
    response.AddHeader("Set-Cookie", services_.sessions.ClearCookie());
    return response;
  }

 private:
  std::string LoginCookie(std::string_view token) const {
    return http::FormatSetCookie(kLoginCookie, token,
                                 {.path = "/admin/login",
                                  .max_age = kLoginCookieLife,
                                  .secure = services_.sessions.options().secure_cookie,
                                  .same_site = http::SameSite::kStrict});
  }

  // The form's token when it matches the browser's login cookie; nullopt otherwise.
  static std::optional<std::string> CheckedLoginToken(const Request& request,
                                                      const http::Form& form) {
    std::optional<std::string> cookie = http::GetCookie(request, kLoginCookie);
    const std::string sent = form.Value("_csrf");
    if (!cookie || sent.empty() || !auth::ConstantTimeEquals(*cookie, sent)) return std::nullopt;
    return sent;
  }

  Response FormPage(int status, std::string_view csrf, std::string_view next,
                    std::string_view email, std::string_view notice, std::string_view error = {}) {
    nlohmann::json view = {{"next", SafeNextPath(next)}, {"email", email}, {"error", error}};
    if (!notice.empty()) view["notice"] = notice;
    return services_.ui.PublicPage(status, "login.tpl", "Sign in", csrf, std::move(view));
  }

  Response CodePage(int status, std::string_view csrf, std::string_view pending,
                    std::string_view next, std::string_view error) {
    nlohmann::json view = {{"pending", pending}, {"next", SafeNextPath(next)}, {"error", error}};
    return services_.ui.PublicPage(status, "login-totp.tpl", "Two-factor sign-in", csrf,
                                   std::move(view));
  }

  Response ExpiredForm() {
    return services_.ui.Error(
        403,
        "The sign-in form has expired or did not come from this site. Open the sign-in page "
        "again; your browser must accept cookies from it.",
        nullptr);
  }

  Response Throttled(std::chrono::seconds wait, std::string_view email) {
    base::LogWarning("sign-in throttled for '" + std::string(email) + "' (" +
                     std::to_string(wait.count()) + " s)");
    Response response = services_.ui.Error(
        429,
        "Too many failed sign-ins for this account or from this address. Try again in " +
            std::to_string(wait.count()) + (wait.count() == 1 ? " second." : " seconds."),
        nullptr);
    response.SetHeader("Retry-After", std::to_string(wait.count()));
    return response;
  }

  Response Unavailable(const base::Error& error) {
    base::LogError("sign-in: " + error.message());
    return services_.ui.Error(503, "The newsroom cannot reach its database just now.", nullptr);
  }

  void Rehash(content::User user, std::string_view password) {
    auto hash = auth::HashPassword(password, services_.config.password_cost);
    if (!hash) return;
    user.password_hash = std::move(*hash);
    if (auto updated = services_.store.UpdateUser(user); !updated) {
      base::LogWarning("password of user " + std::to_string(user.id) +
                       " not rehashed: " + updated.error().message());
    }
  }

  std::string PendingToken(int64_t user_id) {
    const auto until = services_.clock.Now() + kSecondFactorWindow;
    const std::string payload =
        "totp:" + std::to_string(user_id) + ":" + std::to_string(until.time_since_epoch().count());
    auto key = services_.SigningKey();
    if (!key) return "";
    return auth::SignValue(payload, *key).value_or("");
  }

  std::optional<int64_t> PendingUser(std::string_view token) {
    auto key = services_.SigningKey();
    if (!key) return std::nullopt;
    auto payload = auth::VerifySignedValue(token, *key);
    if (!payload || !payload->starts_with("totp:")) return std::nullopt;
    std::string_view rest = std::string_view(*payload).substr(5);
    const size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    int64_t user_id = 0;
    int64_t until = 0;
    std::from_chars(rest.data(), rest.data() + colon, user_id);
    std::from_chars(rest.data() + colon + 1, rest.data() + rest.size(), until);
    if (services_.clock.Now().time_since_epoch().count() >= until) return std::nullopt;
    return user_id;
  }

  Response StartSession(int64_t user_id, std::string_view next) {
    auto started = services_.sessions.Start(user_id);
    if (!started) return Unavailable(started.error());
    Response response = Ui::SeeOther(SafeNextPath(next));
    response.AddHeader("Set-Cookie", started->set_cookie);
    response.AddHeader("Set-Cookie",
                       http::FormatSetCookie(kLoginCookie, "",
                                             {.path = "/admin/login",
                                              .max_age = std::chrono::seconds(0),
                                              .secure = services_.sessions.options().secure_cookie,
                                              .same_site = http::SameSite::kStrict}));
    return response;
  }

  AdminServices& services_;
  std::string dummy_hash_;
};

}  // namespace

std::string TotpLastStepKey(int64_t user_id) {
  return "auth.totp_last_step." + std::to_string(user_id);
}

std::string SafeNextPath(std::string_view next) {
  const bool safe = next.starts_with("/admin/") && next.find("//") == std::string_view::npos &&
                    next.find('\\') == std::string_view::npos &&
                    next.find_first_of("\r\n") == std::string_view::npos &&
                    !next.starts_with("/admin/login");
  return safe ? std::string(next) : std::string("/admin/");
}

void RegisterLoginPages(AdminRoutes& routes, AdminServices& services, std::string dummy_hash) {
  auto pages = std::make_shared<LoginPages>(services, std::move(dummy_hash));
  routes.Public(Method::kGet, "/admin/login",
                [pages](const Request& request, const http::PathParams&) {
                  return pages->ShowForm(request);
                });
  routes.Public(
      Method::kPost, "/admin/login",
      [pages](const Request& request, const http::PathParams&) { return pages->SignIn(request); });
  routes.Public(Method::kPost, "/admin/login/code",
                [pages](const Request& request, const http::PathParams&) {
                  return pages->SignInWithCode(request);
                });
  routes.Page(Method::kPost, "/admin/logout", content::Role::kContributor,
              [pages](const AdminRequest& request) { return pages->SignOut(request); });
}

}  // namespace gazette::admin
