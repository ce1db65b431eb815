#include "http/error_mapping.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(ErrorMappingTest, EachCodeHasItsStatus) {
  using base::Error;
  using base::ErrorCode;
  EXPECT_EQ(StatusForError(Error(ErrorCode::kNotFound, "no article")), 404);
  EXPECT_EQ(StatusForError(Error(ErrorCode::kInvalidArgument, "bad page")), 400);
  EXPECT_EQ(StatusForError(Error(ErrorCode::kConflict, "slug taken")), 409);
  EXPECT_EQ(StatusForError(Error(ErrorCode::kPermissionDenied, "not an editor")), 403);
  EXPECT_EQ(StatusForError(Error(ErrorCode::kUnauthenticated, "log in")), 401);
  EXPECT_EQ(StatusForError(Error(ErrorCode::kUnavailable, "database busy")), 503);
  EXPECT_EQ(StatusForError(Error(ErrorCode::kInternal, "bug")), 500);
}

}  // namespace
}  // namespace gazette::http
