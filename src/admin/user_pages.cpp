#include "admin/user_pages.h"

#include <memory>

#include "admin/field_checks.h"
#include "auth/password.h"
#include "base/time_format.h"

namespace gazette::admin {
namespace {

using content::Role;
using content::User;
using http::Method;
using http::Response;

constexpr Role kRoles[] = {Role::kContributor, Role::kEditor, Role::kAdmin};

std::string_view RoleHint(Role role) {
  switch (role) {
    case Role::kContributor:
      return "writes drafts and submits them for review";
    case Role::kEditor:
      return "also reviews, publishes, and manages sections and partners";
    case Role::kAdmin:
      return "also manages users and site settings";
  }
  return "";
}

nlohmann::json RoleOptions(std::optional<Role> selected) {
  nlohmann::json options = nlohmann::json::array();
  for (Role role : kRoles) {
    options.push_back({{"value", content::RoleName(role)},
                       {"hint", RoleHint(role)},
                       {"selected", selected == role}});
  }
  return options;
}

std::string DisplayName(const User& user) { return user.name.empty() ? user.email : user.name; }

class UserPages {
 public:
  explicit UserPages(AdminServices& services) : services_(services) {}

  Response List(const AdminRequest& request) {
    auto users = services_.store.ListUsers();
    if (!users) return Failure(request, "listing users", users.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const User& user : *users) {
      rows.push_back({{"email", user.email},
                      {"name", user.name},
                      {"role", content::RoleName(user.role)},
                      {"state", user.disabled ? "disabled" : "active"},
                      {"totp", user.totp_secret ? "on" : "off"},
                      {"is_you", user.id == request.user.id},
                      {"edit_url", EditUrl(user.id)}});
    }
    return services_.ui.Page(request, 200, "users.tpl", "Users", {{"accounts", std::move(rows)}});
  }

  Response New(const AdminRequest& request) {
    return NewForm(request, 200, "", "", Role::kContributor, {});
  }

  Response Create(const AdminRequest& request) {
    const std::string email = Trimmed(request.form.Value("email"));
    const std::string name = Trimmed(request.form.Value("name"));
    FieldErrors errors;
    if (auto valid = content::CheckEmail(email); !valid) {
      errors["email"] = Sentence(valid.error().message());
    } else if (services_.store.GetUserByEmail(email).has_value()) {
      errors["email"] = "An account with this email exists already.";
    }
    if (std::string problem = LineProblem(name, true); !problem.empty()) errors["name"] = problem;
    auto role = content::ParseRole(request.form.Value("role"));
    if (!role) errors["role"] = "Choose a role.";
    if (!errors.empty()) {
      return NewForm(request, 422, email, name, role ? *role : Role::kContributor, errors);
    }

    auto password = auth::GeneratePassword();
    if (!password) return Failure(request, "generating a password", password.error());
    auto hash = auth::HashPassword(*password, services_.config.password_cost);
    if (!hash) return Failure(request, "hashing a password", hash.error());
    User user{.email = email,
              .name = name,
              .role = *role,
              .password_hash = std::move(*hash),
              .created_at = services_.clock.Now()};
    auto id = services_.store.CreateUser(user);
    if (!id) {
      if (id.error().code() == base::ErrorCode::kConflict) {
        errors["email"] = "An account with this email exists already.";
        return NewForm(request, 409, email, name, *role, errors);
      }
      return Failure(request, "creating a user", id.error());
    }
    user.id = *id;
    return PasswordPage(request, user, *password, true);
  }

  Response Edit(const AdminRequest& request) {
    auto user = Find(request);
    if (!user) return Missing(request, user.error());
    return EditForm(request, 200, *user, user->name, user->role, {}, "");
  }

  Response Update(const AdminRequest& request) {
    auto user = Find(request);
    if (!user) return Missing(request, user.error());
    const std::string name = Trimmed(request.form.Value("name"));
    FieldErrors errors;
    if (std::string problem = LineProblem(name, true); !problem.empty()) errors["name"] = problem;
    auto role = content::ParseRole(request.form.Value("role"));
    if (!role) {
      errors["role"] = "Choose a role.";
    } else if (IsSelf(request, *user) && *role != Role::kAdmin) {
      errors["role"] =
          "You cannot take the admin role from yourself. Another admin can, if it must go.";
    }
    if (!errors.empty()) {
      return EditForm(request, 422, *user, name, role ? *role : user->role, errors, "");
    }
    user->name = name;
    user->role = *role;
    if (auto saved = services_.store.UpdateUser(*user); !saved) {
      return SaveFailed(request, "updating a user", saved.error());
    }
    return Ui::SeeOther("/admin/users/?notice=saved");
  }

  Response SetDisabled(const AdminRequest& request, bool disabled) {
    auto user = Find(request);
    if (!user) return Missing(request, user.error());
    if (disabled && IsSelf(request, *user)) {
      return EditForm(request, 422, *user, user->name, user->role, {},
                      "You cannot disable your own account. Another admin can.");
    }
    user->disabled = disabled;
    if (auto saved = services_.store.UpdateUser(*user); !saved) {
      return SaveFailed(request, "disabling or enabling a user", saved.error());
    }
    if (disabled) {
      if (auto ended = services_.store.DeleteUserSessions(user->id); !ended) {
        return Failure(request, "ending a disabled user's sessions", ended.error());
      }
    }
    return Ui::SeeOther(EditUrl(user->id) + (disabled ? "?notice=disabled" : "?notice=enabled"));
  }

  Response ResetPassword(const AdminRequest& request) {
    auto user = Find(request);
    if (!user) return Missing(request, user.error());
    if (IsSelf(request, *user)) {
      return EditForm(request, 422, *user, user->name, user->role, {},
                      "Change your own password on your profile page, where your present one "
                      "is asked for.");
    }
    auto password = auth::GeneratePassword();
    if (!password) return Failure(request, "generating a password", password.error());
    auto hash = auth::HashPassword(*password, services_.config.password_cost);
    if (!hash) return Failure(request, "hashing a password", hash.error());
    user->password_hash = std::move(*hash);
    if (auto saved = services_.store.UpdateUser(*user); !saved) {
      return SaveFailed(request, "resetting a password", saved.error());
    }
    if (auto ended = services_.store.DeleteUserSessions(user->id); !ended) {
      return Failure(request, "ending sessions after a password reset", ended.error());
    }
    return PasswordPage(request, *user, *password, false);
  }

  Response TurnOffTotp(const AdminRequest& request) {
    auto user = Find(request);
    if (!user) return Missing(request, user.error());
    user->totp_secret.reset();
    if (auto saved = services_.store.UpdateUser(*user); !saved) {
      return SaveFailed(request, "turning off two-factor sign-in", saved.error());
    }
    return Ui::SeeOther(EditUrl(user->id) + "?notice=totp-off");
  }

 private:
  static std::string EditUrl(int64_t id) { return "/admin/users/" + std::to_string(id) + "/"; }

  static bool IsSelf(const AdminRequest& request, const User& user) {
    return user.id == request.user.id;
  }

  base::Result<User> Find(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    if (!id) return base::NotFoundError("no such user");
    return services_.store.GetUser(*id);
  }

  Response NewForm(const AdminRequest& request, int status, std::string_view email,
                   std::string_view name, Role role, const FieldErrors& errors) {
    nlohmann::json view = {{"email", email}, {"name", name}, {"roles", RoleOptions(role)}};
    AddFieldErrors(errors, view);
    return services_.ui.Page(request, status, "user-new.tpl", "New user", std::move(view));
  }

  // The edit page of `user`, with the name and role fields showing `name` and `role`, and
  // `action_error` above the actions when one was refused.
  Response EditForm(const AdminRequest& request, int status, const User& user,
                    std::string_view name, Role role, const FieldErrors& errors,
                    std::string_view action_error) {
    const bool self = IsSelf(request, user);
    nlohmann::json view = {
        {"id", user.id},
        {"email", user.email},
        {"name", name},
        {"display_name", DisplayName(user)},
        {"roles", RoleOptions(role)},
        {"disabled", user.disabled},
        {"enabled", !user.disabled},
        {"totp", user.totp_secret.has_value()},
        {"is_you", self},
        {"others", !self},
        {"created", base::FormatLongDate(user.created_at)},
        {"action_url", EditUrl(user.id)},
        {"action_error", action_error},
    };
    AddFieldErrors(errors, view);
    return services_.ui.Page(request, status, "user-edit.tpl", DisplayName(user), std::move(view));
  }

  // The page that shows a new password once. Sent with Cache-Control: no-store (as every page).
  Response PasswordPage(const AdminRequest& request, const User& user, std::string_view password,
                        bool created) {
    const std::string_view heading = created ? "Account created" : "New password";
    const std::string who = DisplayName(user) + " (" + user.email + ")";
    nlohmann::json view = {
        {"heading", heading},
        {"intro", created ? "The account of " + who + " was made. Its password is:"
                          : who + " has a new password, and every session of the account has "
                                  "ended. The password is:"},
        {"display_name", DisplayName(user)},
        {"password", password},
        {"edit_url", EditUrl(user.id)}};
    return services_.ui.Page(request, 200, "user-password.tpl", heading, std::move(view));
  }

  Response SaveFailed(const AdminRequest& request, std::string_view what,
                      const base::Error& error) {
    if (error.code() == base::ErrorCode::kNotFound) return Missing(request, error);
    return Failure(request, what, error);
  }

  Response Missing(const AdminRequest& request, const base::Error& error) {
    if (error.code() != base::ErrorCode::kNotFound)
      return Failure(request, "reading a user", error);
    return services_.ui.Error(404, "There is no such account.", &request.user);
  }

  Response Failure(const AdminRequest& request, std::string_view what, const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  AdminServices& services_;
};

}  // namespace

void RegisterUserPages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<UserPages>(services);
  const Role role = Role::kAdmin;
  routes.Page(Method::kGet, "/admin/users/", role,
              [pages](const AdminRequest& request) { return pages->List(request); });
  routes.Page(Method::kGet, "/admin/users/new", role,
              [pages](const AdminRequest& request) { return pages->New(request); });
  routes.Page(Method::kPost, "/admin/users/", role,
              [pages](const AdminRequest& request) { return pages->Create(request); });
  routes.Page(Method::kGet, "/admin/users/{id}/", role,
              [pages](const AdminRequest& request) { return pages->Edit(request); });
  routes.Page(Method::kPost, "/admin/users/{id}/", role,
              [pages](const AdminRequest& request) { return pages->Update(request); });
  routes.Page(Method::kPost, "/admin/users/{id}/disable", role,
              [pages](const AdminRequest& request) { return pages->SetDisabled(request, true); });
  routes.Page(Method::kPost, "/admin/users/{id}/enable", role,
              [pages](const AdminRequest& request) { return pages->SetDisabled(request, false); });
  routes.Page(Method::kPost, "/admin/users/{id}/password", role,
              [pages](const AdminRequest& request) { return pages->ResetPassword(request); });
  routes.Page(Method::kPost, "/admin/users/{id}/totp-off", role,
              [pages](const AdminRequest& request) { return pages->TurnOffTotp(request); });
}

}  // namespace gazette::admin
