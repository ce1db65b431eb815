#include "base/error.h"

#include <gtest/gtest.h>

#include "base/result.h"

namespace gazette::base {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return InvalidArgumentError(std::to_string(n) + " is odd");
  return n / 2;
}

TEST(ErrorTest, ResultCarriesValueOrError) {
  ASSERT_TRUE(Half(4).has_value());
  EXPECT_EQ(*Half(4), 2);
  auto odd = Half(3);
  ASSERT_FALSE(odd.has_value());
  EXPECT_EQ(odd.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(odd.error().ToString(), "invalid argument: 3 is odd");
}

TEST(ErrorTest, NotFoundIsRecognisedByCode) {
  Status s = NotFoundError("no such page");
  EXPECT_TRUE(s.error().IsNotFound());
  EXPECT_FALSE(Error(ErrorCode::kConflict, "x").IsNotFound());
}

}  // namespace
}  // namespace gazette::base
