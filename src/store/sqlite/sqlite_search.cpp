// SqliteStore: full-text search of the published articles through the FTS5 table article_search
// (migration 0004), ranked by bm25 with the title weighted most, with marked snippets.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/html_escape.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {
namespace {

// snippet() wraps the matched words in these private-use characters, which the HTML is then
// built from after escaping; text that contains them itself cannot unbalance the <mark> tags.
constexpr std::string_view kOpenMarker = "\uE000";
constexpr std::string_view kCloseMarker = "\uE001";
// The snippet and the count of candidates follow the article columns (kArticleColumns lists 15).
constexpr int kSnippetColumn = 15;
constexpr int kCandidatesColumn = 16;

// How much each column of article_search counts: title, dek, body, authors, tags.
// gazette_rank is bm25() with the rows holding each phrase kept between queries (search_rank.h).
constexpr std::string_view kRank = "gazette_rank(article_search, :match, 10.0, 4.0, 1.0, 3.0, 3.0)";

// The FTS5 expression for the terms: each term one quoted string (so that no character of a
// word is an operator), '*' after a prefix term, all of them ANDed. Control characters become
// spaces, which the tokenizer skips. Empty when no term has a word.
std::string MatchExpression(const std::vector<SearchTerm>& terms) {
  std::string match;
  for (const SearchTerm& term : terms) {
    std::string phrase;
    for (const std::string& word : term.words) {
      if (word.empty()) continue;
      if (!phrase.empty()) phrase += ' ';
      for (char c : word) {
        if (c == '"') {
          phrase += "\"\"";
        } else if (static_cast<unsigned char>(c) < 0x20) {
          phrase += ' ';
        } else {
          phrase += c;
        }
      }
    }
    if (phrase.empty()) continue;
    if (!match.empty()) match += ' ';
    match += '"';
    match += phrase;
    match += '"';
    if (term.prefix) match += '*';
  }
  return match;
}

// The snippet as safe HTML: text escaped, markers turned into <mark> tags that always pair up.
std::string SnippetHtml(std::string_view marked) {
  std::string html;
  html.reserve(marked.size() + 32);
  bool open = false;
  for (size_t i = 0; i < marked.size();) {
    if (marked.substr(i).starts_with(kOpenMarker)) {
      if (!open) html += "<mark>";
      open = true;
      i += kOpenMarker.size();
    } else if (marked.substr(i).starts_with(kCloseMarker)) {
      if (open) html += "</mark>";
      open = false;
      i += kCloseMarker.size();
    } else {
      base::AppendEscapedHtml(marked.substr(i, 1), html);
      ++i;
    }
  }
  if (open) html += "</mark>";
  return html;
}

// The search or count query for the filters present in `query`, one text (and cached statement)
// per combination. The candidates are the kSearchRanked matches with the highest ids, which the
// full-text index yields in descending rowid order without reading the others; only they are
// ranked, so that a common word costs the same in a large archive as in a small one. One more
// is read (and left out of the page) so that the page's rows also say whether there are more
// (the count column): walking the matches a second time for a count cost a sixth of a search,
// and sorting the candidates by id to drop it a tenth. The page is chosen from them,
// then matched again by rowid for snippet(), which is costly. CROSS JOIN keeps the full-text
// index as the outer loop; the planner would otherwise walk every published article and probe
// the index once for each. The count query, for a page past the end, stops one past
// kSearchRanked too.
const std::string& SearchSql(const SearchQuery& query, bool count) {
  enum Filter { kSection = 1, kAuthor = 2, kFrom = 4, kTo = 8, kCount = 16 };
  static const std::array<std::string, 32> kSql = [] {
    std::array<std::string, 32> all;
    for (int mask = 0; mask < 32; ++mask) {
      std::string where =
          " FROM article_search CROSS JOIN articles a ON a.id = article_search.rowid"
          " WHERE article_search MATCH :match AND a.status = 'published'";
      if (mask & kSection) where += " AND a.section_id = :section";
      if (mask & kAuthor) {
        where +=
            " AND EXISTS (SELECT 1 FROM article_authors aa"
            " WHERE aa.article_id = a.id AND aa.author_id = :author)";
      }
      if (mask & kFrom) where += " AND a.published_at >= :from";
      if (mask & kTo) where += " AND a.published_at < :to";
      if (mask & kCount) {
        all[mask] = "SELECT count(*) FROM (SELECT 1" + where + " LIMIT " +
                    std::to_string(kSearchRanked + 1) + ")";
        continue;
      }
      std::string sql = "WITH candidates AS MATERIALIZED (SELECT a.id AS id, ";
      sql += kRank;
      sql += " AS score, a.published_at AS at" + where +
             " ORDER BY article_search.rowid DESC LIMIT " + std::to_string(kSearchRanked + 1) +
             "), page AS (SELECT id, score, at FROM candidates WHERE (SELECT count(*) FROM "
             "candidates) <= " +
             std::to_string(kSearchRanked) +
             " OR id > (SELECT min(id) FROM candidates)"
             " ORDER BY score, at DESC, id DESC LIMIT :limit OFFSET :offset) ";
      sql += Select(kArticleColumns, ", snippet(article_search, -1, char(57344), char(57345), ");
      sql +=
          "'\u2026', 32), (SELECT count(*) FROM candidates) FROM page"
          " CROSS JOIN article_search ON article_search.rowid = page.id"
          " CROSS JOIN articles a ON a.id = page.id"
          " WHERE article_search MATCH :match ORDER BY page.score, page.at DESC, page.id DESC";
      all[mask] = std::move(sql);
    }
    return all;
  }();
  const int mask = (query.section_id ? kSection : 0) | (query.author_id ? kAuthor : 0) |
                   (query.from ? kFrom : 0) | (query.to ? kTo : 0) | (count ? kCount : 0);
  return kSql[mask];
}

void BindFilters(Statement& stmt, const SearchQuery& query, const std::string& match) {
  stmt.Bind(":match", match);
  if (query.section_id) stmt.Bind(":section", *query.section_id);
  if (query.author_id) stmt.Bind(":author", *query.author_id);
  if (query.from) stmt.Bind(":from", UnixSeconds(*query.from));
  if (query.to) stmt.Bind(":to", UnixSeconds(*query.to));
}

}  // namespace

Result<SearchPage> SqliteStore::SearchArticles(const SearchQuery& query) {
  if (auto page = CheckPage(query.limit, query.offset); !page) {
    return base::Unexpected(page.error());
  }
  const std::string match = MatchExpression(query.terms);
  if (match.empty()) return SearchPage{};
  return Read([&](Db& db) -> Result<SearchPage> {
    SearchPage page;
    auto search = db.Prepare(SearchSql(query, false));
    if (!search) return base::Unexpected(search.error());
    BindFilters(*search, query, match);
    search->Bind(":limit", static_cast<int64_t>(query.limit));
    search->Bind(":offset", static_cast<int64_t>(query.offset));
    std::vector<content::Article> articles;
    std::vector<std::string> snippets;
    while (true) {
      auto step = search->Step();
      if (!step) return base::Unexpected(step.error());
      if (!*step) break;
      auto article = ReadArticle(*search, false);
      if (!article) return base::Unexpected(article.error());
      articles.push_back(std::move(*article));
      snippets.push_back(SnippetHtml(search->Text(kSnippetColumn)));
      page.total = search->Int(kCandidatesColumn);
    }
    if (articles.empty()) {
      // No match, or a page past the last: only a count tells which.
      auto count = db.Prepare(SearchSql(query, true));
      if (!count) return base::Unexpected(count.error());
      BindFilters(*count, query, match);
      auto row = count->Step();
      if (!row) return base::Unexpected(row.error());
      page.total = *row ? count->Int(0) : 0;
    }
    page.more = page.total > kSearchRanked;
    page.total = std::min<int64_t>(page.total, kSearchRanked);
    if (auto filled = FillArticleLinks(db, articles); !filled) {
      return base::Unexpected(filled.error());
    }
    page.hits.reserve(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
      page.hits.push_back({.article = std::move(articles[i]), .snippet_html = snippets[i]});
    }
    return page;
  });
}

}  // namespace gazette::store::sqlite
