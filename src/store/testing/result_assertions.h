// GoogleTest assertions on base::Result: EXPECT_TRUE(Succeeds(r)), EXPECT_TRUE(FailsWith(r, code)),
// and Must(r) for a value a test cannot go on without. The failure message carries the Error, so
// a broken test says why.
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

// The value of a result that must succeed; a recorded failure and T{} otherwise.
template <class T>
T Must(base::Result<T> result) {
  EXPECT_TRUE(Succeeds(result));
  return result ? std::move(*result) : T{};
}

}  // namespace gazette::store
