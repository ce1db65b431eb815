#include "app/user_command.h"

#include <algorithm>
#include <array>

#include "app/site_folder.h"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;
using base::Result;
using content::User;

base::Error TakenError(std::string_view email) {
  return base::Error(base::ErrorCode::kConflict,
                     "user '" + std::string(email) + "' already exists");
}

// The account as it will be stored (its name filled in), or why it cannot be.
Result<NewAccount> CompleteAccount(const NewAccount& account) {
  if (auto valid = content::CheckEmail(account.email); !valid) {
    return base::Unexpected(valid.error());
  }
  NewAccount complete = account;
  if (complete.name.empty()) complete.name = complete.email.substr(0, complete.email.find('@'));
  const bool control = std::any_of(complete.name.begin(), complete.name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (control) return base::InvalidArgumentError("the name must not contain control characters");
  return complete;
}

// UTF-8 characters in `text`, for lining up columns.
size_t Width(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

Result<User> CreateAccount(store::Store& store, const NewAccount& account,
                           std::string_view password, auth::PasswordCost cost,
                           const base::Clock& clock) {
  auto complete = CompleteAccount(account);
  if (!complete) return base::Unexpected(complete.error());
  auto hash = auth::HashPassword(password, cost);
  if (!hash) return base::Unexpected(hash.error());
  User user{.email = complete->email,
            .name = complete->name,
            .role = complete->role,
            .password_hash = std::move(*hash),
            .created_at = clock.Now()};
  auto id = store.CreateUser(user);
  if (!id && id.error().code() == base::ErrorCode::kConflict) {
    return base::Unexpected(TakenError(user.email));
  }
  if (!id) return base::Unexpected(id.error());
  user.id = *id;
  return user;
}

Result<User> AddUser(const fs::path& dir, const NewAccount& account, const PasswordSource& password,
                     auth::PasswordCost cost, const base::Clock& clock) {
  auto complete = CompleteAccount(account);
  if (!complete) return base::Unexpected(complete.error());
  auto store = OpenSiteStore(dir);
  if (!store) return base::Unexpected(store.error());
  auto existing = (*store)->GetUserByEmail(complete->email);
  if (existing) return base::Unexpected(TakenError(complete->email));
  if (!existing.error().IsNotFound()) return base::Unexpected(existing.error());
  auto secret = password();
  if (!secret) return base::Unexpected(secret.error());
  return CreateAccount(**store, *complete, *secret, cost, clock);
}

Result<int64_t> ChangePassword(const fs::path& dir, std::string_view email,
                               const PasswordSource& password, auth::PasswordCost cost) {
  auto store = OpenSiteStore(dir);
  if (!store) return base::Unexpected(store.error());
  auto user = (*store)->GetUserByEmail(email);
  if (!user) return base::Unexpected(user.error());
  auto secret = password();
  if (!secret) return base::Unexpected(secret.error());
  auto hash = auth::HashPassword(*secret, cost);
  if (!hash) return base::Unexpected(hash.error());
  user->password_hash = std::move(*hash);
  if (auto updated = (*store)->UpdateUser(*user); !updated) {
    return base::Unexpected(updated.error());
  }
  return (*store)->DeleteUserSessions(user->id);
}

Result<int64_t> SetUserDisabled(const fs::path& dir, std::string_view email, bool disabled) {
  auto store = OpenSiteStore(dir);
  if (!store) return base::Unexpected(store.error());
  auto user = (*store)->GetUserByEmail(email);
  if (!user) return base::Unexpected(user.error());
  user->disabled = disabled;
  if (auto updated = (*store)->UpdateUser(*user); !updated) {
    return base::Unexpected(updated.error());
  }
  if (!disabled) return int64_t{0};
  return (*store)->DeleteUserSessions(user->id);
}

Result<std::vector<User>> ListAccounts(const fs::path& dir) {
  auto store = OpenSiteStore(dir);
  if (!store) return base::Unexpected(store.error());
  return (*store)->ListUsers();
}

std::string FormatUserTable(const std::vector<User>& users) {
  using Row = std::array<std::string, 4>;
  std::vector<Row> rows = {{"EMAIL", "NAME", "ROLE", "DISABLED"}};
  for (const User& user : users) {
    rows.push_back({user.email, user.name, std::string(content::RoleName(user.role)),
                    user.disabled ? "yes" : "no"});
  }
  std::array<size_t, 4> widths{};
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
  }
  std::string table;
  for (const Row& row : rows) {
    for (size_t i = 0; i + 1 < row.size(); ++i) {
      table += row[i];
      table.append(widths[i] - Width(row[i]) + 2, ' ');
    }
    table += row.back();
    table += '\n';
  }
  return table;
}

}  // namespace gazette::app
