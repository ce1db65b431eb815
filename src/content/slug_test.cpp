#include "content/slug.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "content/utf8.h"

namespace gazette::content {
namespace {

TEST(SlugifyTest, EnglishTitles) {
  EXPECT_EQ(Slugify("Korea's Détente: Will It Last?"), "koreas-detente-will-it-last");
  EXPECT_EQ(Slugify("  The G7 -- and the 2024 Budget!!  "), "the-g7-and-the-2024-budget");
  EXPECT_EQ(Slugify("Science & Technology"), "science-technology");
  EXPECT_EQ(Slugify("already-a-slug"), "already-a-slug");
  EXPECT_EQ(Slugify("snake_case/and.dots"), "snake-case-and-dots");
}

TEST(SlugifyTest, TypographicApostropheJoinsLikeAscii) {
  EXPECT_EQ(Slugify("Korea\u2019s \u201cNew\u201d Deal"), "koreas-new-deal");
  EXPECT_EQ(Slugify("rock 'n' roll"), "rock-n-roll");
}

TEST(SlugifyTest, LatinDiacriticsFoldToBaseLetters) {
  EXPECT_EQ(Slugify("Éléphant à Besançon"), "elephant-a-besancon");
  EXPECT_EQ(Slugify("Ñandú Señor"), "nandu-senor");
  EXPECT_EQ(Slugify("Çanakkale Şehir İstanbul ığdır"), "canakkale-sehir-istanbul-igdir");
  EXPECT_EQ(Slugify("Ærø Øresund Þingvellir Œuvre"), "aero-oresund-thingvellir-oeuvre");
  EXPECT_EQ(Slugify("Dvořák Čapek Žižka"), "dvorak-capek-zizka");
  EXPECT_EQ(Slugify("Timișoara Constanța"), "timisoara-constanta");
}

TEST(SlugifyTest, GermanSharpS) {
  EXPECT_EQ(Slugify("Die Straße über Großbritannien"), "die-strasse-uber-grossbritannien");
  EXPECT_EQ(Slugify("GROẞE"), "grosse");
}

TEST(SlugifyTest, PolishAndCroatianStrokes) {
  EXPECT_EQ(Slugify("Łódź i Wałęsa"), "lodz-i-walesa");
  EXPECT_EQ(Slugify("Đoković"), "dokovic");
}

TEST(SlugifyTest, VietnameseAndTransliteration) {
  EXPECT_EQ(Slugify("Nguyễn Phú Trọng, Việt Nam"), "nguyen-phu-trong-viet-nam");
  EXPECT_EQ(Slugify("Ḥamās and ʿAlī"), "hamas-and-ali");
}

TEST(SlugifyTest, DecomposedAccentsAreDropped) {
  EXPECT_EQ(Slugify("Cafe\u0301 Ame\u0301lie"), "cafe-amelie");
}

TEST(SlugifyTest, SoftHyphenAndZeroWidthJoinersDoNotSplitWords) {
  EXPECT_EQ(Slugify("Geo\u00adpolitics"), "geopolitics");
  EXPECT_EQ(Slugify("Fullwidth ＡＢＣ１２"), "fullwidth-abc12");
}

TEST(SlugifyTest, CyrillicIsKeptAndLowercased) {
  EXPECT_EQ(Slugify("Россия и Китай: Новая Эпоха"), "россия-и-китай-новая-эпоха");
  EXPECT_EQ(Slugify("ЁЛКА Їжак ЄС Ґанок"), "ёлка-їжак-єс-ґанок");
}

TEST(SlugifyTest, GreekAndArmenianAreLowercased) {
  EXPECT_EQ(Slugify("ΑΘΗΝΑ Ώρα"), "αθηνα-ώρα");
  EXPECT_EQ(Slugify("Հայաստան"), "հայաստան");
}

TEST(SlugifyTest, ChineseAndJapaneseAreKept) {
  EXPECT_EQ(Slugify("中国的外交政策"), "中国的外交政策");
  EXPECT_EQ(Slugify("日本、韓国。「協力」"), "日本-韓国-協力");
  EXPECT_EQ(Slugify("佐々木・トランプ会談"), "佐々木-トランプ会談");
}

TEST(SlugifyTest, ArabicPunctuationSeparates) {
  EXPECT_EQ(Slugify("سوريا، لبنان؟"), "سوريا-لبنان");
}

TEST(SlugifyTest, SymbolsOnlyGiveUntitled) {
  EXPECT_EQ(Slugify(""), "untitled");
  EXPECT_EQ(Slugify("   "), "untitled");
  EXPECT_EQ(Slugify("!!! --- ???"), "untitled");
  EXPECT_EQ(Slugify("🎉🔥 ❤️ 👍🏽"), "untitled");
  EXPECT_EQ(Slugify("→ € © ™ ±"), "untitled");
  EXPECT_EQ(Slugify("'’"), "untitled");
}

TEST(SlugifyTest, EmojiSeparateWords) { EXPECT_EQ(Slugify("Tech🔥News"), "tech-news"); }

TEST(SlugifyTest, InvalidUtf8ActsAsSeparator) {
  EXPECT_EQ(Slugify("bad\xff\xfe"
                    "bytes\xc3"),
            "bad-bytes");
  EXPECT_EQ(Slugify("over\xc0\xaflong"), "over-long");
  EXPECT_EQ(Slugify(std::string("nul\0byte", 8)), "nul-byte");
}

TEST(SlugifyTest, LongTitleIsCutAtAWordBoundary) {
  const std::string title =
      "The Long and Winding Road of Northeast Asian Security Cooperation After the Summit in "
      "Seoul";
  const std::string slug = Slugify(title);
  EXPECT_EQ(slug, "the-long-and-winding-road-of-northeast-asian-security-cooperation-after-the");
  EXPECT_LE(slug.size(), 80u);
}

TEST(SlugifyTest, CutKeepsAWordEndingExactlyAtTheLimit) {
  const std::string first(75, 'a');
  EXPECT_EQ(Slugify(first + " bcde fgh"), first + "-bcde");  // 80 bytes exactly
}

TEST(SlugifyTest, SingleLongWordIsCutOnACharacterBoundary) {
  EXPECT_EQ(Slugify(std::string(100, 'x')), std::string(80, 'x'));
  std::string cyrillic;
  for (int i = 0; i < 60; ++i) cyrillic += "ж";  // 2 bytes each
  const std::string slug = Slugify("a" + cyrillic);
  EXPECT_EQ(slug.size(), 79u);
  EXPECT_TRUE(IsValidUtf8(slug));
}

TEST(SlugifyTest, NeverLongerThanTheLimitAndAlwaysValid) {
  std::string title;
  for (int i = 0; i < 300; ++i) title += (i % 7 == 0) ? " " : (i % 3 == 0 ? "中" : "é");
  const std::string slug = Slugify(title);
  EXPECT_LE(slug.size(), 80u);
  EXPECT_TRUE(IsValidUtf8(slug));
  EXPECT_NE(slug.front(), '-');
  EXPECT_NE(slug.back(), '-');
}

TEST(UniqueSlugTest, ReturnsBaseWhenFree) {
  EXPECT_EQ(UniqueSlug("korea", [](const std::string&) { return false; }), "korea");
}

TEST(UniqueSlugTest, NumbersFromTwo) {
  const std::set<std::string> taken = {"korea", "korea-2", "korea-3"};
  std::vector<std::string> asked;
  const std::string slug = UniqueSlug("korea", [&](const std::string& candidate) {
    asked.push_back(candidate);
    return taken.count(candidate) > 0;
  });
  EXPECT_EQ(slug, "korea-4");
  EXPECT_EQ(asked, (std::vector<std::string>{"korea", "korea-2", "korea-3", "korea-4"}));
}

TEST(UniqueSlugTest, SkipsOnlyWhatIsTaken) {
  const std::set<std::string> taken = {"korea", "korea-3"};
  EXPECT_EQ(UniqueSlug("korea", [&](const std::string& s) { return taken.count(s) > 0; }),
            "korea-2");
}

}  // namespace
}  // namespace gazette::content
