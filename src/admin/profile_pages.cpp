#include "admin/profile_pages.h"

#include <memory>
#include <vector>

#include "admin/field_checks.h"
#include "admin/login_pages.h"
#include "admin/settings_pages.h"
#include "auth/password.h"
#include "auth/qr_svg.h"
#include "auth/signed_value.h"
#include "auth/token.h"
#include "auth/totp.h"
#include "base/log.h"
#include "base/time_format.h"

namespace gazette::admin {
namespace {

using content::User;
using http::Method;
using http::Response;

// How long a two-factor setup page may wait for its code.
constexpr std::chrono::seconds kTotpSetupWindow{30 * 60};
constexpr std::string_view kTotpSetupPrefix = "totp-setup";

// "ABCDEFGH…" -> "ABCD EFGH …", easier to type into an app by hand.
std::string Grouped(std::string_view secret) {
  std::string out;
  for (size_t i = 0; i < secret.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += secret[i];
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// What a refused profile form keeps: the fields it showed (never a password) and the problems.
struct ProfileInput {
  std::string name;
  std::string token_name;
  FieldErrors errors;
};

class ProfilePages {
 public:
  explicit ProfilePages(AdminServices& services) : services_(services) {}

  Response Show(const AdminRequest& request) {
    return Overview(request, 200, {.name = request.user.name});
  }

  Response SaveName(const AdminRequest& request) {
    ProfileInput input{.name = Trimmed(request.form.Value("name"))};
    if (std::string problem = LineProblem(input.name, true); !problem.empty()) {
      input.errors["name"] = problem;
      return Overview(request, 422, std::move(input));
    }
    User user = request.user;
    user.name = input.name;
    if (auto saved = services_.store.UpdateUser(user); !saved) {
      return Failure(request, "saving a user's name", saved.error());
    }
    return Ui::SeeOther("/admin/profile/?notice=saved");
  }

  Response ChangePassword(const AdminRequest& request) {
    const http::Form& form = request.form;
    if (auto wait = Throttled(request)) return *wait;
    ProfileInput input{.name = request.user.name};
    const std::string new_password = form.Value("new_password");
    if (!CheckPassword(request, form.Value("current_password"))) {
      input.errors["current_password"] = "This is not your present password.";
    }
    if (auto allowed = auth::CheckPasswordRules(new_password); !allowed) {
      input.errors["new_password"] = Sentence(allowed.error().message());
    } else if (form.Value("new_password_again") != new_password) {
      input.errors["new_password_again"] =
          "The two new passwords differ. Type the same one in both fields.";
    }
    if (!input.errors.empty()) return Overview(request, 422, std::move(input));

    auto hash = auth::HashPassword(new_password, services_.config.password_cost);
    if (!hash) return Failure(request, "hashing a password", hash.error());
    User user = request.user;
    user.password_hash = std::move(*hash);
    if (auto saved = services_.store.UpdateUser(user); !saved) {
      return Failure(request, "changing a password", saved.error());
    }
    if (auto ended = services_.store.DeleteUserSessions(user.id); !ended) {
      return Failure(request, "ending sessions after a password change", ended.error());
    }
    auto started = services_.sessions.Start(user.id);
    if (!started) return Failure(request, "starting a session", started.error());
    Response response = Ui::SeeOther("/admin/profile/?notice=password");
    response.AddHeader("Set-Cookie", started->set_cookie);
    return response;
  }

  Response StartTotp(const AdminRequest& request) {
    if (request.user.totp_secret) return Ui::SeeOther("/admin/profile/");
    auto secret = auth::NewTotpSecret();
    if (!secret) return Failure(request, "making a two-factor secret", secret.error());
    const auto until = services_.clock.Now() + kTotpSetupWindow;
    auto key = services_.SigningKey();
    if (!key) return Failure(request, "reading the signing key", key.error());
    auto pending =
        auth::SignValue(std::string(kTotpSetupPrefix) + ":" + std::to_string(request.user.id) +
                            ":" + std::to_string(until.time_since_epoch().count()) + ":" + *secret,
                        *key);
    if (!pending) return Failure(request, "signing a two-factor setup", pending.error());
    return SetupPage(request, 200, *secret, *pending, "");
  }

  Response ConfirmTotp(const AdminRequest& request) {
    if (request.user.totp_secret) return Ui::SeeOther("/admin/profile/");
    const std::string pending = request.form.Value("pending");
    std::optional<std::string> secret = PendingSecret(request, pending);
    if (!secret) {
      return services_.ui.Error(400,
                                "This two-factor setup was changed, is too old, or is not yours. "
                                "Start it again; nothing was changed.",
                                &request.user);
    }
    auto step = auth::VerifyTotp(*secret, request.form.Value("code"), services_.clock.Now(), 0);
    if (!step) {
      if (step.error().code() == base::ErrorCode::kInternal) {
        return Failure(request, "checking a two-factor code", step.error());
      }
      return SetupPage(request, 422, *secret, pending, Sentence(step.error().message()));
    }
    User user = request.user;
    user.totp_secret = *secret;
    if (auto saved = services_.store.UpdateUser(user); !saved) {
      return Failure(request, "turning on two-factor sign-in", saved.error());
    }
    if (auto recorded = services_.store.SetSetting(TotpLastStepKey(user.id), std::to_string(*step));
        !recorded) {
      return Failure(request, "recording a used two-factor code", recorded.error());
    }
    return Ui::SeeOther("/admin/profile/?notice=totp-on");
  }

  Response TurnOffTotp(const AdminRequest& request) {
    const User& user = request.user;
    if (!user.totp_secret) return Ui::SeeOther("/admin/profile/");
    const std::string password = request.form.Value("off_password");
    const std::string code = request.form.Value("off_code");
    ProfileInput input{.name = user.name};
    if (!password.empty()) {
      if (auto wait = Throttled(request)) return *wait;
      if (!CheckPassword(request, password)) {
        input.errors["off_password"] = "This is not your present password.";
      }
    } else if (!code.empty()) {
      auto step =
          auth::VerifyTotp(*user.totp_secret, code, services_.clock.Now(), LastStep(user.id));
      if (!step) input.errors["off_code"] = Sentence(step.error().message());
    } else {
      input.errors["off_password"] = "Enter your password, or a code from your app.";
    }
    if (!input.errors.empty()) return Overview(request, 422, std::move(input));
    User updated = user;
    updated.totp_secret.reset();
    if (auto saved = services_.store.UpdateUser(updated); !saved) {
      return Failure(request, "turning off two-factor sign-in", saved.error());
    }
    return Ui::SeeOther("/admin/profile/?notice=totp-off");
  }

  Response CreateToken(const AdminRequest& request) {
    ProfileInput input{.name = request.user.name,
                       .token_name = Trimmed(request.form.Value("token_name"))};
    if (std::string problem = LineProblem(input.token_name, true); !problem.empty()) {
      input.errors["token_name"] = problem;
      return Overview(request, 422, std::move(input));
    }
    auto token = auth::NewSessionToken();
    if (!token) return Failure(request, "making an API token", token.error());
    content::ApiToken stored{.user_id = request.user.id,
                             .name = input.token_name,
                             .token_hash = auth::HashToken(*token),
                             .created_at = services_.clock.Now()};
    if (auto id = services_.store.CreateApiToken(stored); !id) {
      return Failure(request, "storing an API token", id.error());
    }
    return services_.ui.Page(request, 200, "token-created.tpl", "API token",
                             {{"token_name", input.token_name}, {"token", *token}});
  }

  Response RevokeToken(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    if (id) {
      auto revoked = services_.store.DeleteApiToken(request.user.id, *id);
      if (revoked) return Ui::SeeOther("/admin/profile/?notice=token-revoked");
      if (revoked.error().code() != base::ErrorCode::kNotFound) {
        return Failure(request, "revoking an API token", revoked.error());
      }
    }
    return services_.ui.Error(404, "You have no such API token. It may have been revoked already.",
                              &request.user);
  }

 private:
  // A 429 page when the account or address must wait before another password is tried.
  std::optional<Response> Throttled(const AdminRequest& request) {
    auto wait = services_.throttle.RetryAfter(request.user.email, request.http.remote_address);
    if (!wait) return std::nullopt;
    Response response = services_.ui.Error(
        429,
        "Too many wrong passwords for this account or from this address. Try again in " +
            std::to_string(wait->count()) + (wait->count() == 1 ? " second." : " seconds."),
        &request.user);
    response.SetHeader("Retry-After", std::to_string(wait->count()));
    return response;
  }

  // The time step of the last code `user_id` signed in with, or 0 when none is recorded.
  int64_t LastStep(int64_t user_id) {
    auto stored = services_.store.GetSetting(TotpLastStepKey(user_id));
    return stored ? ParseInteger(*stored).value_or(0) : 0;
  }

  // Whether `password` is the user's, counting a wrong one against the sign-in throttle.
  bool CheckPassword(const AdminRequest& request, std::string_view password) {
    const std::string& address = request.http.remote_address;
    if (auth::VerifyPassword(request.user.password_hash, password)) {
      services_.throttle.RecordSuccess(request.user.email, address);
      return true;
    }
    services_.throttle.RecordFailure(request.user.email, address);
    base::LogInfo("profile: wrong password given by user " + std::to_string(request.user.id) +
                  " from " + address);
    return false;
  }

  // The secret of a setup page's signed `pending` value, if it is intact, this user's, and not
  // expired.
  std::optional<std::string> PendingSecret(const AdminRequest& request, std::string_view pending) {
    auto key = services_.SigningKey();
    if (!key) return std::nullopt;
    auto payload = auth::VerifySignedValue(pending, *key);
    if (!payload) return std::nullopt;
    std::vector<std::string_view> parts = Split(*payload, ':');
    if (parts.size() != 4 || parts[0] != kTotpSetupPrefix) return std::nullopt;
    std::optional<int64_t> user_id = ParseInteger(parts[1]);
    std::optional<int64_t> until = ParseInteger(parts[2]);
    if (!user_id || *user_id != request.user.id || !until ||
        services_.clock.Now().time_since_epoch().count() >= *until) {
      return std::nullopt;
    }
    return std::string(parts[3]);
  }

  Response SetupPage(const AdminRequest& request, int status, const std::string& secret,
                     std::string_view pending, std::string_view code_error) {
    auto settings = LoadSiteSettings(services_);
    if (!settings) return Failure(request, "reading settings", settings.error());
    auto qr =
        auth::QrCodeSvg(auth::TotpProvisioningUri(settings->name, request.user.email, secret));
    if (!qr) return Failure(request, "drawing a QR code", qr.error());
    nlohmann::json view = {{"secret", Grouped(secret)},
                           {"qr_svg_html", *qr},
                           {"pending", pending},
                           {"issuer", settings->name},
                           {"code_error", code_error}};
    return services_.ui.Page(request, status, "totp-setup.tpl", "Two-factor sign-in",
                             std::move(view));
  }

  Response Overview(const AdminRequest& request, int status, ProfileInput input) {
    const User& user = request.user;
    auto tokens = services_.store.ListApiTokens(user.id);
    if (!tokens) return Failure(request, "listing API tokens", tokens.error());
    const base::Seconds now = services_.clock.Now();
    nlohmann::json rows = nlohmann::json::array();
    for (const content::ApiToken& token : *tokens) {
      nlohmann::json row = {
          {"name", token.name},
          {"created", base::FormatRelative(token.created_at, now)},
          {"created_iso", base::FormatIso8601(token.created_at)},
          {"revoke_url", "/admin/profile/tokens/" + std::to_string(token.id) + "/revoke"}};
      if (token.last_used_at) {
        row["last_used"] = base::FormatRelative(*token.last_used_at, now);
        row["last_used_iso"] = base::FormatIso8601(*token.last_used_at);
      }
      rows.push_back(std::move(row));
    }
    const bool no_tokens = rows.empty();
    nlohmann::json view = {{"name", input.name},
                           {"email", user.email},
                           {"role", content::RoleName(user.role)},
                           {"totp_on", user.totp_secret.has_value()},
                           {"totp_off", !user.totp_secret.has_value()},
                           {"tokens", std::move(rows)},
                           {"no_tokens", no_tokens},
                           {"token_name", input.token_name}};
    AddFieldErrors(input.errors, view);
    return services_.ui.Page(request, status, "profile.tpl", "Your profile", std::move(view));
  }

  Response Failure(const AdminRequest& request, std::string_view what, const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  AdminServices& services_;
};

}  // namespace

void RegisterProfilePages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<ProfilePages>(services);
  const content::Role role = content::Role::kContributor;
  routes.Page(Method::kGet, "/admin/profile/", role,
              [pages](const AdminRequest& request) { return pages->Show(request); });
  routes.Page(Method::kPost, "/admin/profile/name", role,
              [pages](const AdminRequest& request) { return pages->SaveName(request); });
  routes.Page(Method::kPost, "/admin/profile/password", role,
              [pages](const AdminRequest& request) { return pages->ChangePassword(request); });
  routes.Page(Method::kGet, "/admin/profile/totp", role,
              [pages](const AdminRequest& request) { return pages->StartTotp(request); });
  routes.Page(Method::kPost, "/admin/profile/totp", role,
              [pages](const AdminRequest& request) { return pages->ConfirmTotp(request); });
  routes.Page(Method::kPost, "/admin/profile/totp/off", role,
              [pages](const AdminRequest& request) { return pages->TurnOffTotp(request); });
  routes.Page(Method::kPost, "/admin/profile/tokens", role,
              [pages](const AdminRequest& request) { return pages->CreateToken(request); });
  routes.Page(Method::kPost, "/admin/profile/tokens/{id}/revoke", role,
              [pages](const AdminRequest& request) { return pages->RevokeToken(request); });
}

}  // namespace gazette::admin
