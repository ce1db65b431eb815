// GoogleTest assertions on base::Result: EXPECT_TRUE(Succeeds(r)), EXPECT_TRUE(FailsWith(r, code)).
// The failure message carries the Error, so a broken test says why.
#pragma once

#include <gtest/gtest.h>

#include "base/result.h"

namespace gazette::store {

template <class T>
::testing::AssertionResult Succeeds(const base::Result<T>& result) {
  if (result) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "failed: " << result.error().ToString();
}

template <class T>
::testing::AssertionResult FailsWith(const base::Result<T>& result, base::ErrorCode code) {
  if (result) {
    return ::testing::AssertionFailure() << "succeeded; expected " << base::ErrorCodeName(code);
  }
  if (result.error().code() != code) {
    return ::testing::AssertionFailure()
           << result.error().ToString() << "; expected " << base::ErrorCodeName(code);
  }
  return ::testing::AssertionSuccess();
}

}  // namespace gazette::store
