#include "store/related_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gazette::store {
namespace {

using Words = std::vector<std::string>;

// envoys: 2 in the dek + 2 in the body; title and tag words 3; rice 3 in the body; meet 2.
TEST(DistinctiveWordsTest, OccurrencesAddUpWeightedByWhereTheyAre) {
  const std::vector<std::string> tags = {"Sanctions"};
  const Words words = DistinctiveWords({.title = "Pyongyang talks",
                                        .dek = "Envoys meet",
                                        .tag_names = tags,
                                        .body_text = "Rice rice rice. Envoys envoys."},
                                       10);
  EXPECT_EQ(words, (Words{"envoys", "pyongyang", "sanctions", "talks", "rice", "meet"}));
}

TEST(DistinctiveWordsTest, StopWordsShortWordsAndNumbersAreLeftOut) {
  const Words words = DistinctiveWords({.title = "",
                                        .dek = "",
                                        .tag_names = {},
                                        .body_text = "The UN and the 2024 vote: it was over."},
                                       10);
  EXPECT_EQ(words, (Words{"vote"}));
}

TEST(DistinctiveWordsTest, TiesGoToLongerWordsThenAlphabetically) {
  const Words words = DistinctiveWords(
      {.title = "", .dek = "", .tag_names = {}, .body_text = "tea oolong bamboo tariff"}, 3);
  EXPECT_EQ(words, (Words{"bamboo", "oolong", "tariff"}));
}

TEST(DistinctiveWordsTest, LettersOfAnyScriptLowercasedWithDiacriticsKept) {
  const Words words = DistinctiveWords(
      {.title = "\u00e9lys\u00e9e \u041c\u041e\u0421\u041a\u0412\u0410 Korea\u2019s",
       .dek = "",
       .tag_names = {},
       .body_text = ""},
      10);
  EXPECT_EQ(words, (Words{"\u043c\u043e\u0441\u043a\u0432\u0430", "\u00e9lys\u00e9e", "korea"}));
}

TEST(DistinctiveWordsTest, NoWordsAndInvalidUtf8GiveNothingOrWholeWords) {
  EXPECT_TRUE(
      DistinctiveWords({.title = "", .dek = "", .tag_names = {}, .body_text = ""}, 5).empty());
  EXPECT_TRUE(DistinctiveWords({.title = "--- !!", .dek = "", .tag_names = {}, .body_text = ""}, 5)
                  .empty());
  EXPECT_EQ(
      DistinctiveWords({.title = "", .dek = "", .tag_names = {}, .body_text = "ab\xFFxyz"}, 5),
      (Words{"xyz"}));
  EXPECT_TRUE(
      DistinctiveWords({.title = "word", .dek = "", .tag_names = {}, .body_text = ""}, 0).empty());
}

}  // namespace
}  // namespace gazette::store
