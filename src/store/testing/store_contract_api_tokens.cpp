// The Store contract for API tokens: kept per user by the hash of their secret, refused once
// their user is disabled, revoked only by their own user, and stamped when used.
#include <string>
#include <vector>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

using base::ErrorCode;
using content::ApiToken;

ApiToken NewToken(int64_t user_id, const std::string& name, char digit, int64_t created_at) {
  return {.user_id = user_id,
          .name = name,
          .token_hash = std::string(64, digit),
          .created_at = At(created_at)};
}

std::vector<std::string> NamesOf(const std::vector<ApiToken>& tokens) {
  std::vector<std::string> names;
  for (const ApiToken& token : tokens) names.push_back(token.name);
  return names;
}

TEST_P(StoreContractTest, ApiTokensKeepTheirFieldsAndAreListedPerUserNewestFirst) {
  const int64_t ann = AddUser("ann@example.com");
  const int64_t bob = AddUser("bob@example.com");
  const int64_t newsletter = Must(store().CreateApiToken(NewToken(ann, "newsletter", 'a', 100)));
  Must(store().CreateApiToken(NewToken(ann, "importer", 'b', 300)));
  Must(store().CreateApiToken(NewToken(ann, "tie-low", 'c', 200)));
  Must(store().CreateApiToken(NewToken(ann, "tie-high", 'd', 200)));
  Must(store().CreateApiToken(NewToken(bob, "bob's", 'e', 500)));

  EXPECT_EQ(NamesOf(Must(store().ListApiTokens(ann))),
            (std::vector<std::string>{"importer", "tie-high", "tie-low", "newsletter"}));
  EXPECT_EQ(NamesOf(Must(store().ListApiTokens(bob))), std::vector<std::string>{"bob's"});
  EXPECT_TRUE(Must(store().ListApiTokens(ann + bob + 1)).empty());

  auto token = Must(store().GetApiToken(std::string(64, 'a')));
  EXPECT_EQ(token.id, newsletter);
  EXPECT_EQ(token.user_id, ann);
  EXPECT_EQ(token.name, "newsletter");
  EXPECT_EQ(token.token_hash, std::string(64, 'a'));
  EXPECT_EQ(token.created_at, At(100));
  EXPECT_EQ(token.last_used_at, std::nullopt);
  EXPECT_TRUE(FailsWith(store().GetApiToken(std::string(64, 'f')), ErrorCode::kNotFound));
}

TEST_P(StoreContractTest, ApiTokensOfADisabledUserAreNotReturned) {
  auto user = Must(store().GetUser(AddUser("ann@example.com")));
  const int64_t id = Must(store().CreateApiToken(NewToken(user.id, "script", 'a', 100)));
  user.disabled = true;
  ASSERT_TRUE(Succeeds(store().UpdateUser(user)));
  EXPECT_TRUE(FailsWith(store().GetApiToken(std::string(64, 'a')), ErrorCode::kNotFound));
  user.disabled = false;
  ASSERT_TRUE(Succeeds(store().UpdateUser(user)));
  EXPECT_EQ(Must(store().GetApiToken(std::string(64, 'a'))).id, id);
}

TEST_P(StoreContractTest, OnlyItsOwnUserRevokesAToken) {
  const int64_t ann = AddUser("ann@example.com");
  const int64_t bob = AddUser("bob@example.com");
  const int64_t anns = Must(store().CreateApiToken(NewToken(ann, "ann's", 'a', 100)));
  const int64_t bobs = Must(store().CreateApiToken(NewToken(bob, "bob's", 'b', 100)));

  EXPECT_TRUE(FailsWith(store().DeleteApiToken(bob, anns), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().GetApiToken(std::string(64, 'a'))).id, anns);
  EXPECT_EQ(Must(store().ListApiTokens(ann)).size(), 1u);

  ASSERT_TRUE(Succeeds(store().DeleteApiToken(ann, anns)));
  EXPECT_TRUE(FailsWith(store().GetApiToken(std::string(64, 'a')), ErrorCode::kNotFound));
  EXPECT_TRUE(Must(store().ListApiTokens(ann)).empty());
  EXPECT_TRUE(FailsWith(store().DeleteApiToken(ann, anns), ErrorCode::kNotFound));
  EXPECT_EQ(Must(store().GetApiToken(std::string(64, 'b'))).id, bobs);
}

TEST_P(StoreContractTest, BadApiTokensAreRefused) {
  const int64_t ann = AddUser("ann@example.com");
  Must(store().CreateApiToken(NewToken(ann, "first", 'a', 100)));
  EXPECT_TRUE(FailsWith(store().CreateApiToken(NewToken(ann, "same hash", 'a', 200)),
                        ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().CreateApiToken(NewToken(ann + 1, "nobody's", 'b', 200)),
                        ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      FailsWith(store().CreateApiToken(NewToken(ann, "", 'c', 200)), ErrorCode::kInvalidArgument));
  ApiToken no_hash = NewToken(ann, "no hash", 'd', 200);
  no_hash.token_hash.clear();
  EXPECT_TRUE(FailsWith(store().CreateApiToken(no_hash), ErrorCode::kInvalidArgument));
  EXPECT_EQ(NamesOf(Must(store().ListApiTokens(ann))), std::vector<std::string>{"first"});
}

TEST_P(StoreContractTest, TouchingAnApiTokenRecordsItsUse) {
  const int64_t ann = AddUser("ann@example.com");
  const int64_t id = Must(store().CreateApiToken(NewToken(ann, "script", 'a', 100)));
  const int64_t other = Must(store().CreateApiToken(NewToken(ann, "other", 'b', 100)));
  ASSERT_TRUE(Succeeds(store().TouchApiToken(id, At(5000))));
  EXPECT_EQ(Must(store().GetApiToken(std::string(64, 'a'))).last_used_at, At(5000));
  EXPECT_EQ(Must(store().GetApiToken(std::string(64, 'b'))).last_used_at, std::nullopt);
  ASSERT_TRUE(Succeeds(store().TouchApiToken(id, At(6000))));
  EXPECT_EQ(Must(store().ListApiTokens(ann)).back().last_used_at, At(6000));
  EXPECT_TRUE(FailsWith(store().TouchApiToken(id + other, At(7000)), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace gazette::store
