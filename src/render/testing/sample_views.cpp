#include "render/testing/sample_views.h"

#include <array>

namespace gazette::render::testing {
namespace {

struct SampleArticleText {
  const char* section;
  const char* section_slug;
  const char* title;
  const char* slug;
  const char* dek;
  std::array<const char*, 3> authors;
  const char* partner;
  int minutes;
};

constexpr std::array<SampleArticleText, 12> kArticles = {{
    {"East Asia",
     "east-asia",
     "Why Seoul and Tokyo keep rediscovering each other",
     "seoul-tokyo-rediscovery",
     "Old grievances have not gone away, but a shared reading of Beijing and Washington keeps "
     "pulling the two capitals back to the table.",
     {"Hana Kim", "Kenji Mori", nullptr},
     nullptr,
     9},
    {"Southeast Asia",
     "southeast-asia",
     "The Mekong's dams and the diplomacy of water",
     "mekong-dams-water-diplomacy",
     "Upstream hydropower is rewriting the politics of a river that feeds sixty million people.",
     {"Linh Tran", nullptr, nullptr},
     nullptr,
     11},
    {"Eastern Europe",
     "eastern-europe",
     "Chișinău's long road to European regulation",
     "chisinau-europe-regulation",
     "Moldova is rewriting thousands of rules to join the single market. The hard part is "
     "enforcing them.",
     {"Ana Rusu", nullptr, nullptr},
     "Lakeside Institute",
     8},
    {"Defense",
     "defense",
     "Cheap drones, costly lessons",
     "cheap-drones-costly-lessons",
     "Armies are learning that mass beats sophistication, and that procurement systems built "
     "for the opposite are hard to turn around.",
     {"Marcus Hale", nullptr, nullptr},
     nullptr,
     7},
    {"World News",
     "world-news",
     "Can the Security Council still make rules?",
     "security-council-rules",
     "Vetoes have hollowed out its resolutions, yet states keep bringing their disputes to it.",
     {"Amara Okafor", "Luis Ortega", "Priya Sen"},
     nullptr,
     12},
    {"Middle East",
     "middle-east",
     "Gulf mediators and the new statecraft",
     "gulf-mediators-statecraft",
     "Doha, Muscat and Abu Dhabi have turned mediation into an instrument of national power.",
     {"Yusuf Al-Hashimi", nullptr, nullptr},
     nullptr,
     10},
    {"South Asia",
     "south-asia",
     "Bangladesh's graduation dilemma",
     "bangladesh-graduation-dilemma",
     "Leaving the least-developed category ends trade preferences that built the garment "
     "industry.",
     {"Farhana Rahman", nullptr, nullptr},
     nullptr,
     8},
    {"Science & Technology",
     "science-technology",
     "Undersea cables are the new chokepoints",
     "undersea-cables-chokepoints",
     "Ninety-nine per cent of intercontinental data runs through a few hundred fibres on the "
     "sea floor, and navies have noticed.",
     {"Elena Petrova", nullptr, nullptr},
     nullptr,
     6},
    {"East Asia",
     "east-asia",
     "The quiet arithmetic of China's coastal ageing",
     "china-coastal-ageing",
     "The provinces that powered the export boom are now the oldest in the country.",
     {"Wei Zhang", nullptr, nullptr},
     nullptr,
     9},
    {"East Asia",
     "east-asia",
     "Mongolia's third-neighbour policy comes of age",
     "mongolia-third-neighbour",
     "Squeezed between two giants, Ulaanbaatar has built a foreign policy out of distant "
     "friends.",
     {"Bolormaa Enkh", nullptr, nullptr},
     "Lakeside Institute",
     7},
    {"Southeast Asia",
     "southeast-asia",
     "Jakarta's capital move, seen from the provinces",
     "jakarta-capital-move",
     "",
     {"Dewi Santoso", nullptr, nullptr},
     nullptr,
     5},
    {"East Asia",
     "east-asia",
     "Taiwan's chip diplomacy after the subsidies race",
     "taiwan-chip-diplomacy",
     "Fabs abroad were meant to buy friends. They may also export leverage.",
     {"Chen Mei-ling", "Daniel Ross", nullptr},
     nullptr,
     10},
}};

std::string Slugify(std::string_view name) {
  std::string slug;
  for (char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    } else if (c >= 'A' && c <= 'Z') {
      slug += static_cast<char>(c - 'A' + 'a');
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  return slug;
}

constexpr const char* kSampleBody =
    "<p>When the two foreign ministers met in Busan last spring, the communiqué ran to a "
    "single page. Its brevity was the point: after a decade of stop-and-start diplomacy, both "
    "governments wanted to show that routine contact had become, at last, routine."
    "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"
    "</p>\n"
    "<p>The reasons are not sentimental. Both capitals read the same trends in Beijing's naval "
    "build-up and in Washington's domestic politics, and both have concluded that neither "
    "trend can be managed alone. Trade figures tell a similar story.</p>\n"
    "<blockquote>\n<p>Neither capital has forgiven the past. Both have decided that the "
    "present is too dangerous to leave to it.</p>\n</blockquote>\n"
    "<h2>The numbers behind the thaw</h2>\n"
    "<p>Bilateral trade has recovered faster than either side predicted, led by components "
    "for batteries and semiconductors.<sup class=\"footnote-ref\"><a href=\"#fn-2\" "
    "id=\"fnref-2\" data-footnote-ref>2</a></sup></p>\n"
    "<table>\n<thead>\n<tr>\n<th>Year</th>\n<th>Trade (US$ bn)</th>\n<th>Ministerial "
    "meetings</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2019</td>\n<td>76.2</td>\n<td>2</td>\n"
    "</tr>\n<tr>\n<td>2022</td>\n<td>79.9</td>\n<td>4</td>\n</tr>\n<tr>\n<td>2025</td>\n"
    "<td>84.1</td>\n<td>9</td>\n</tr>\n</tbody>\n</table>\n"
    "<p>None of this makes the relationship safe from the next history-textbook dispute. It "
    "does make such disputes more expensive to indulge, which is the most that diplomacy can "
    "usually promise.</p>\n"
    "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Joint press "
    "statement of the foreign ministers, Busan, 14 April 2026. <a href=\"#fnref-1\" "
    "class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>"
    "</p>\n</li>\n<li id=\"fn-2\">\n<p>Korea International Trade Association, annual "
    "bilateral trade statistics, 2025 edition. <a href=\"#fnref-2\" class=\"footnote-backref\" "
    "data-footnote-backref aria-label=\"Back to content\">↩</a></p>\n</li>\n</ol>\n</section>\n";

}  // namespace

SiteView SampleSite() {
  SiteView site;
  site.name = "The Meridian Review";
  site.tagline = "Analysis of world affairs";
  site.url = "https://meridian.example";
  for (const char* region :
       {"East Asia", "Southeast Asia", "South Asia", "Middle East", "Eastern Europe"}) {
    site.regions.push_back({region, "/" + Slugify(region) + "/"});
  }
  for (const char* topic : {"World News", "Defense", "Science & Technology"}) {
    site.topics.push_back({topic, "/" + Slugify(topic) + "/"});
  }
  site.stylesheet_url = "/assets/site.css";
  site.script_url = "/assets/site.js";
  site.icon_url = "/assets/favicon.svg";
  site.year = 2026;
  return site;
}

ArticleCard SampleCard(int index) {
  const SampleArticleText& text = kArticles[static_cast<size_t>(index) % kArticles.size()];
  ArticleCard card;
  card.title = text.title;
  card.url = std::string("/") + text.section_slug + "/" + text.slug + "/";
  card.dek = text.dek;
  card.section = {text.section, std::string("/") + text.section_slug + "/"};
  for (const char* author : text.authors) {
    if (author != nullptr) card.authors.push_back({author, "/author/" + Slugify(author) + "/"});
  }
  card.date_iso = "2026-11-24T09:30:00Z";
  card.date_long = "24 November 2026";
  card.date_relative = "4 days ago";
  card.reading_minutes = text.minutes;
  if (text.partner != nullptr) card.partner_name = text.partner;
  return card;
}

HomeView SampleHome() {
  HomeView home;
  home.site = SampleSite();
  home.meta = {"", "Analysis of world affairs from East Asia to Eastern Europe.",
               home.site.url + "/", false};
  home.lead = SampleCard(4);
  home.sections.push_back({{"East Asia", "/east-asia/"},
                           "region",
                           {SampleCard(0), SampleCard(8), SampleCard(9), SampleCard(11)}});
  home.sections.push_back(
      {{"Southeast Asia", "/southeast-asia/"}, "region", {SampleCard(1), SampleCard(10)}});
  home.sections.push_back(
      {{"Defense", "/defense/"}, "topic", {SampleCard(3), SampleCard(7), SampleCard(5)}});
  for (int i : {2, 6, 5, 7, 0, 3, 9, 1}) home.trending.push_back(SampleCard(i));
  home.trending_heading = "Trending";
  return home;
}

ListView SampleList() {
  ListView list;
  list.site = SampleSite();
  list.meta = {"East Asia", "Analysis of East Asia: China, Japan, the Koreas, Mongolia and Taiwan.",
               list.site.url + "/east-asia/page/2/", false};
  list.kind_label = "Region";
  list.heading = "East Asia";
  list.description =
      "China, Japan, the Koreas, Mongolia and Taiwan: power, trade and memory in the region "
      "that will decide the century's balance.";
  for (int i : {0, 8, 9, 11, 2, 4}) list.articles.push_back(SampleCard(i));
  list.pagination = {2, 7, "/east-asia/", "/east-asia/page/3/"};
  for (int i : {2, 6, 5, 7, 3}) list.trending.push_back(SampleCard(i));
  list.trending_heading = "Trending";
  return list;
}

ArticleView SampleArticle() {
  ArticleView view;
  view.site = SampleSite();
  view.article = SampleCard(0);
  view.meta = {view.article.title, view.article.dek,
               "https://lakeside.example/analytics/seoul-tokyo/", false};
  view.lead_image = ResponsiveImage{
      .sources = {{.type = "image/webp",
                   .srcset = "/media/3/480.webp 480w, /media/3/960.webp 960w, "
                             "/media/3/1600.webp 1600w"}},
      .src = "/media/3/1600.jpeg",
      .srcset = "/media/3/480.jpeg 480w, /media/3/960.jpeg 960w, /media/3/1600.jpeg 1600w",
      .width = 1600,
      .height = 1067,
      .alt = "The foreign ministers of Japan and South Korea shake hands in Seoul"};
  view.body_html = kSampleBody;
  view.credit = PartnerCredit{"Lakeside Institute", "/partner/lakeside/",
                              "https://lakeside.example/analytics/seoul-tokyo/"};
  view.tags = {{"Diplomacy", "/tag/diplomacy/"},
               {"Trade", "/tag/trade/"},
               {"Japan", "/tag/japan/"},
               {"South Korea", "/tag/south-korea/"}};
  for (int i : {4, 10}) view.related.push_back(SampleCard(i));
  for (int i : {8, 9, 11}) view.more_in_section.push_back(SampleCard(i));
  for (int i : {2, 6, 5, 7, 3}) view.trending.push_back(SampleCard(i));
  view.trending_heading = "Trending";
  return view;
}

ErrorView SampleError(int status) {
  ErrorView view;
  view.site = SampleSite();
  view.status = status;
  const bool not_found = status == 404;
  view.meta = {not_found ? "Page not found" : "Something went wrong", "", "", true};
  view.heading = view.meta.title;
  view.message = not_found ? "We could not find the page you asked for."
                           : "The page could not be shown just now. Please try again shortly.";
  for (int i : {4, 0, 1, 2}) view.latest.push_back(SampleCard(i));
  return view;
}

}  // namespace gazette::render::testing
