// The Store contract for the newsroom: users (unique emails whatever their case, updates,
// disabling) and sessions (expiry, touching, ending one, a user's, or the expired ones).
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::Role;
using content::Session;
using content::User;

User NewUser(const std::string& email, Role role = Role::kEditor) {
  return {.email = email,
          .name = "Name of " + email,
          .role = role,
          .password_hash = "$argon2id$v=19$m=8,t=1,p=1$hash-of-" + email,
          .created_at = At(1'700'000'000)};
}

// A session token's hash as the auth layer makes them: 64 hex digits.
std::string TokenHash(char digit) { return std::string(64, digit); }

Session NewSession(const std::string& token_hash, int64_t user_id, int64_t expires_at) {
  return {.token_hash = token_hash,
          .user_id = user_id,
          .csrf_token = "csrf-" + token_hash.substr(0, 8),
          .created_at = At(1000),
          .expires_at = At(expires_at),
          .last_seen_at = At(1000)};
}

std::vector<std::string> EmailsOf(const std::vector<User>& users) {
  std::vector<std::string> emails;
  for (const User& user : users) emails.push_back(user.email);
  return emails;
}

// --- users

TEST_P(StoreContractTest, UsersKeepEveryFieldAndAreFoundByEmailInAnyCase) {
  User ann = NewUser("Ann.Lee@Example.com", Role::kAdmin);
  ann.totp_secret = "JBSWY3DPEHPK3PXP";
  ann.id = Must(store().CreateUser(ann));
  const int64_t bob = Must(store().CreateUser(NewUser("bob@example.com", Role::kContributor)));
  const int64_t carl = Must(store().CreateUser(NewUser("carl@example.com")));
  EXPECT_NE(ann.id, bob);
  EXPECT_NE(bob, carl);

  for (const User& stored :
       {Must(store().GetUser(ann.id)), Must(store().GetUserByEmail("ann.lee@example.com")),
        Must(store().GetUserByEmail("ANN.LEE@EXAMPLE.COM"))}) {
    EXPECT_EQ(stored.id, ann.id);
    EXPECT_EQ(stored.email, "Ann.Lee@Example.com");
    EXPECT_EQ(stored.name, ann.name);
    EXPECT_EQ(stored.role, Role::kAdmin);
    EXPECT_EQ(stored.password_hash, ann.password_hash);
    EXPECT_EQ(stored.totp_secret, "JBSWY3DPEHPK3PXP");
    EXPECT_FALSE(stored.disabled);
    EXPECT_EQ(stored.created_at, At(1'700'000'000));
  }
  EXPECT_EQ(Must(store().GetUser(bob)).role, Role::kContributor);
  EXPECT_EQ(Must(store().GetUser(bob)).totp_secret, std::nullopt);
  EXPECT_EQ(Must(store().GetUser(carl)).role, Role::kEditor);

  Reopen();
  EXPECT_EQ(
      EmailsOf(Must(store().ListUsers())),
      (std::vector<std::string>{"Ann.Lee@Example.com", "bob@example.com", "carl@example.com"}));
}

TEST_P(StoreContractTest, UsersAreListedByEmailWhateverItsCase) {
  for (const char* email : {"carl@example.com", "Bob@example.com", "ann@example.com"}) {
    Must(store().CreateUser(NewUser(email)));
  }
  EXPECT_EQ(EmailsOf(Must(store().ListUsers())),
            (std::vector<std::string>{"ann@example.com", "Bob@example.com", "carl@example.com"}));
}

TEST_P(StoreContractTest, ATakenEmailIsAConflictWhateverItsCase) {
  Must(store().CreateUser(NewUser("ann@example.com")));
  EXPECT_TRUE(FailsWith(store().CreateUser(NewUser("ann@example.com")), ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().CreateUser(NewUser("ANN@Example.COM")), ErrorCode::kConflict));
  EXPECT_EQ(Must(store().ListUsers()).size(), 1u);
}

TEST_P(StoreContractTest, UsersNeedAnEmailAndAPasswordHash) {
  EXPECT_TRUE(FailsWith(store().CreateUser(NewUser("")), ErrorCode::kInvalidArgument));
  User no_hash = NewUser("ann@example.com");
  no_hash.password_hash.clear();
  EXPECT_TRUE(FailsWith(store().CreateUser(no_hash), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Must(store().ListUsers()).empty());
}

TEST_P(StoreContractTest, MissingUsersAreNotFound) {
  EXPECT_TRUE(FailsWith(store().GetUser(42), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetUserByEmail("nobody@example.com"), ErrorCode::kNotFound));
  User ghost = NewUser("ghost@example.com");
  ghost.id = 42;
  EXPECT_TRUE(FailsWith(store().UpdateUser(ghost), ErrorCode::kNotFound));
  EXPECT_TRUE(Must(store().ListUsers()).empty());
}

TEST_P(StoreContractTest, UpdateUserReplacesAllButEmailAndCreationTime) {
  User ann = NewUser("ann@example.com", Role::kContributor);
  ann.id = Must(store().CreateUser(ann));
  const int64_t bob = Must(store().CreateUser(NewUser("bob@example.com")));

  User changed = ann;
  changed.email = "someone-else@example.com";
  changed.name = "Ann Lee-Park";
  changed.role = Role::kEditor;
  changed.password_hash = "$argon2id$v=19$m=8,t=1,p=1$new";
  changed.totp_secret = "KRSXG5CTMVRXEZLU";
  changed.disabled = true;
  changed.created_at = At(1);
  ASSERT_TRUE(Succeeds(store().UpdateUser(changed)));

  const User stored = Must(store().GetUser(ann.id));
  EXPECT_EQ(stored.email, "ann@example.com");
  EXPECT_EQ(stored.created_at, ann.created_at);
  EXPECT_EQ(stored.name, "Ann Lee-Park");
  EXPECT_EQ(stored.role, Role::kEditor);
  EXPECT_EQ(stored.password_hash, "$argon2id$v=19$m=8,t=1,p=1$new");
  EXPECT_EQ(stored.totp_secret, "KRSXG5CTMVRXEZLU");
  EXPECT_TRUE(stored.disabled);
  EXPECT_TRUE(FailsWith(store().GetUserByEmail("someone-else@example.com"), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().GetUser(bob)).name, "Name of bob@example.com");

  changed.totp_secret.reset();
  changed.disabled = false;
  ASSERT_TRUE(Succeeds(store().UpdateUser(changed)));
  EXPECT_EQ(Must(store().GetUser(ann.id)).totp_secret, std::nullopt);
  EXPECT_FALSE(Must(store().GetUser(ann.id)).disabled);

  changed.password_hash.clear();
  EXPECT_TRUE(FailsWith(store().UpdateUser(changed), ErrorCode::kInvalidArgument));
  EXPECT_EQ(Must(store().GetUser(ann.id)).password_hash, "$argon2id$v=19$m=8,t=1,p=1$new");
}

// --- sessions

TEST_P(StoreContractTest, ASessionIsValidUntilItExpires) {
  const int64_t ann = Must(store().CreateUser(NewUser("ann@example.com")));
  const Session session = NewSession(TokenHash('a'), ann, 2000);
  ASSERT_TRUE(Succeeds(store().CreateSession(session)));

  const Session stored = Must(store().GetSession(TokenHash('a'), At(1000)));
  EXPECT_EQ(stored.token_hash, TokenHash('a'));
  EXPECT_EQ(stored.user_id, ann);
  EXPECT_EQ(stored.csrf_token, session.csrf_token);
  EXPECT_EQ(stored.created_at, At(1000));
  EXPECT_EQ(stored.expires_at, At(2000));
  EXPECT_EQ(stored.last_seen_at, At(1000));
  EXPECT_TRUE(Succeeds(store().GetSession(TokenHash('a'), At(1999))));
  EXPECT_TRUE(FailsWith(store().GetSession(TokenHash('a'), At(2000)), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetSession(TokenHash('b'), At(1000)), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, TouchingASessionMovesItsEnd) {
  const int64_t ann = Must(store().CreateUser(NewUser("ann@example.com")));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('a'), ann, 2000))));
  ASSERT_TRUE(Succeeds(store().TouchSession(TokenHash('a'), At(1500), At(3000))));
  const Session touched = Must(store().GetSession(TokenHash('a'), At(2500)));
  EXPECT_EQ(touched.last_seen_at, At(1500));
  EXPECT_EQ(touched.expires_at, At(3000));
  EXPECT_EQ(touched.created_at, At(1000));

  // An expired session is still there to be touched until it is deleted; a missing one is not.
  ASSERT_TRUE(Succeeds(store().TouchSession(TokenHash('a'), At(2900), At(2950))));
  EXPECT_TRUE(FailsWith(store().GetSession(TokenHash('a'), At(2950)), ErrorCode::kNotFound));
  EXPECT_TRUE(
      FailsWith(store().TouchSession(TokenHash('b'), At(1500), At(3000)), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, SessionsNeedAUniqueTokenHashAndAUser) {
  const int64_t ann = Must(store().CreateUser(NewUser("ann@example.com")));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('a'), ann, 2000))));
  EXPECT_TRUE(FailsWith(store().CreateSession(NewSession(TokenHash('a'), ann, 5000)),
                        ErrorCode::kConflict));
  EXPECT_EQ(Must(store().GetSession(TokenHash('a'), At(1000))).expires_at, At(2000));
  EXPECT_TRUE(FailsWith(store().CreateSession(NewSession(TokenHash('b'), ann + 100, 2000)),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().GetSession(TokenHash('b'), At(1000)), ErrorCode::kNotFound));
  EXPECT_TRUE(
      FailsWith(store().CreateSession(NewSession("", ann, 2000)), ErrorCode::kInvalidArgument));
}

TEST_P(StoreContractTest, SessionsEndOneByOneOrByUser) {
  const int64_t ann = Must(store().CreateUser(NewUser("ann@example.com")));
  const int64_t bob = Must(store().CreateUser(NewUser("bob@example.com")));
  for (char digit : {'1', '2', '3'}) {
    ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash(digit), ann, 2000))));
  }
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('b'), bob, 2000))));

  ASSERT_TRUE(Succeeds(store().DeleteSession(TokenHash('1'))));
  EXPECT_TRUE(FailsWith(store().GetSession(TokenHash('1'), At(1000)), ErrorCode::kNotFound));
  EXPECT_TRUE(Succeeds(store().DeleteSession(TokenHash('1'))));
  EXPECT_TRUE(Succeeds(store().GetSession(TokenHash('2'), At(1000))));

  EXPECT_EQ(Must(store().DeleteUserSessions(ann)), 2);
  EXPECT_EQ(Must(store().DeleteUserSessions(ann)), 0);
  EXPECT_EQ(Must(store().DeleteUserSessions(bob + 100)), 0);
  for (char digit : {'2', '3'}) {
    EXPECT_TRUE(FailsWith(store().GetSession(TokenHash(digit), At(1000)), ErrorCode::kNotFound));
  }
  EXPECT_EQ(Must(store().GetSession(TokenHash('b'), At(1000))).user_id, bob);
}

TEST_P(StoreContractTest, ExpiredSessionsAreSweptAndOthersKept) {
  const int64_t ann = Must(store().CreateUser(NewUser("ann@example.com")));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('1'), ann, 1500))));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('2'), ann, 2000))));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('3'), ann, 2001))));

  EXPECT_EQ(Must(store().DeleteExpiredSessions(At(1000))), 0);
  EXPECT_EQ(Must(store().DeleteExpiredSessions(At(2000))), 2);
  EXPECT_EQ(Must(store().DeleteExpiredSessions(At(2000))), 0);
  // Gone, not merely expired: touching them finds nothing.
  EXPECT_TRUE(
      FailsWith(store().TouchSession(TokenHash('1'), At(900), At(9000)), ErrorCode::kNotFound));
  EXPECT_TRUE(
      FailsWith(store().TouchSession(TokenHash('2'), At(900), At(9000)), ErrorCode::kNotFound));
  EXPECT_TRUE(Succeeds(store().GetSession(TokenHash('3'), At(2000))));
}

TEST_P(StoreContractTest, ADisabledUsersSessionsAreNotValidUntilEnabledAgain) {
  User ann = NewUser("ann@example.com");
  ann.id = Must(store().CreateUser(ann));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('a'), ann.id, 2000))));

  ann.disabled = true;
  ASSERT_TRUE(Succeeds(store().UpdateUser(ann)));
  EXPECT_TRUE(FailsWith(store().GetSession(TokenHash('a'), At(1000)), ErrorCode::kNotFound));
  EXPECT_TRUE(Must(store().GetUserByEmail("ann@example.com")).disabled);
  ASSERT_EQ(Must(store().ListUsers()).size(), 1u);
  EXPECT_TRUE(Must(store().ListUsers()).front().disabled);

  ann.disabled = false;
  ASSERT_TRUE(Succeeds(store().UpdateUser(ann)));
  EXPECT_TRUE(Succeeds(store().GetSession(TokenHash('a'), At(1000))));
}

TEST_P(StoreContractTest, IntegrityCheckPassesWithUsersAndSessions) {
  const int64_t ann = Must(store().CreateUser(NewUser("ann@example.com")));
  ASSERT_TRUE(Succeeds(store().CreateSession(NewSession(TokenHash('a'), ann, 2000))));
  EXPECT_TRUE(Succeeds(store().CheckIntegrity()));
}

}  // namespace
}  // namespace gazette::store
