// PostgresStore: full-text search of the published articles through article_search (migration
// 0004): a tsvector per article under a GIN index, ranked by ts_rank with the title weighted
// most, with snippets marked by ts_headline.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/html_escape.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {
namespace {

// ts_headline wraps the matched words in these private-use characters, which the HTML is then
// built from after escaping; they are blanked out of the text first, so that text containing
// them cannot unbalance the <mark> tags.
constexpr std::string_view kOpenMarker = "\uE000";
constexpr std::string_view kCloseMarker = "\uE001";
// ts_headline's parser drops what looks like an HTML tag ("<script>"), so '<' and '>' travel
// through it as these private-use characters, and become &lt; and &gt; again in SnippetHtml.
constexpr std::string_view kLessThan = "\uE002";
constexpr std::string_view kGreaterThan = "\uE003";
// The snippet follows the article columns (kArticleColumns lists 15).
constexpr int kSnippetColumn = 15;

// ts_rank's weights for D (body), C (author and tag names), B (dek) and A (title): in the same
// proportions as the SQLite backend's bm25 column weights (1, 3, 4, 10).
constexpr std::string_view kWeights = "'{0.1, 0.3, 0.4, 1.0}'";

// The tsquery text for the terms: every word a quoted lexeme (so that none of its characters is
// an operator), the words of a phrase joined by <-> (followed by), ':*' after the last word of a
// prefix term, the terms joined by &. to_tsquery then folds and stems each word as the index
// did. Control characters become spaces. Empty when no term has a word.
std::string TsQueryText(const std::vector<SearchTerm>& terms) {
  std::string query;
  for (const SearchTerm& term : terms) {
    std::string phrase;
    for (const std::string& word : term.words) {
      if (word.empty()) continue;
      if (!phrase.empty()) phrase += " <-> ";
      phrase += '\'';
      for (char c : word) {
        if (c == '\'') {
          phrase += "''";
        } else if (c == '\\') {
          phrase += "\\\\";
        } else if (static_cast<unsigned char>(c) < 0x20) {
          phrase += ' ';
        } else {
          phrase += c;
        }
      }
      phrase += '\'';
    }
    if (phrase.empty()) continue;
    if (term.prefix) phrase += ":*";
    if (!query.empty()) query += " & ";
    query += "(" + phrase + ")";
  }
  return query;
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
    } else if (marked.substr(i).starts_with(kLessThan)) {
      html += "&lt;";
      i += kLessThan.size();
    } else if (marked.substr(i).starts_with(kGreaterThan)) {
      html += "&gt;";
      i += kGreaterThan.size();
    } else {
      base::AppendEscapedHtml(marked.substr(i, 1), html);
      ++i;
    }
  }
  if (open) html += "</mark>";
  return html;
}

// The search or count query for the filters present in `query`, and its parameters ($1 is the
// tsquery text). The candidates are the kSearchRanked matches with the highest ids; only they
// are ranked, so that a common word costs the same in a large archive as in a small one. The
// page is chosen from them, and only its articles get a headline, which is costly: of the body
// where the body matches, else of the dek, else of the title. The count stops one past
// kSearchRanked.
std::pair<std::string, std::vector<Param>> SearchSql(const SearchQuery& query,
                                                     const std::string& tsquery, bool count) {
  std::vector<Param> params;
  auto next = [&params](Param param) {
    params.push_back(std::move(param));
    return "$" + std::to_string(params.size());
  };
  const std::string q = "to_tsquery('gazette_search', " + next(ToParam(tsquery)) + ")";
  std::string where =
      " FROM article_search s JOIN articles a ON a.id = s.article_id"
      " WHERE s.document @@ " +
      q + " AND a.status = 'published'";
  if (query.section_id) where += " AND a.section_id = " + next(ToParam(*query.section_id));
  if (query.author_id) {
    where +=
        " AND EXISTS (SELECT 1 FROM article_authors aa"
        " WHERE aa.article_id = a.id AND aa.author_id = " +
        next(ToParam(*query.author_id)) + ")";
  }
  if (query.from) where += " AND a.published_at >= " + next(ToParam(UnixSeconds(*query.from)));
  if (query.to) where += " AND a.published_at < " + next(ToParam(UnixSeconds(*query.to)));
  if (count) {
    return {"SELECT count(*) FROM (SELECT 1" + where + " LIMIT " +
                std::to_string(kSearchRanked + 1) + ") counted",
            std::move(params)};
  }
  std::string sql = "WITH candidates AS MATERIALIZED (SELECT a.id AS id, ts_rank(";
  sql += kWeights;
  sql += ", s.document, " + q + ") AS score, a.published_at AS at" + where +
         " ORDER BY s.article_id DESC LIMIT " + std::to_string(kSearchRanked) +
         "), page AS (SELECT id, score, at FROM candidates"
         " ORDER BY score DESC, at DESC, id DESC LIMIT " +
         next(ToParam(query.limit)) + " OFFSET " + next(ToParam(query.offset)) + ") ";
  const std::string options =
      next(ToParam("StartSel=" + std::string(kOpenMarker) +
                   ", StopSel=" + std::string(kCloseMarker) + ", MaxWords=32, MinWords=12"));
  auto headline = [&](std::string_view column) {
    return "ts_headline('gazette_search', translate(" + std::string(column) +
           ", U&'\\E000\\E001<>', U&'  \\E002\\E003'), " + q + ", " + options + ")";
  };
  sql += Select(kArticleColumns,
                ", CASE WHEN to_tsvector('gazette_search', b.body_text) @@ " + q + " THEN " +
                    headline("b.body_text") + " WHEN to_tsvector('gazette_search', a.dek) @@ " + q +
                    " THEN " + headline("a.dek") + " ELSE " + headline("a.title") + " END");
  sql += " FROM page JOIN articles a ON a.id = page.id" + std::string(kArticleBodyJoin) +
         " ORDER BY page.score DESC, page.at DESC,"
         " page.id DESC";
  return {std::move(sql), std::move(params)};
}

}  // namespace

Result<SearchPage> PostgresStore::SearchArticles(const SearchQuery& query) {
  if (auto page = CheckPage(query.limit, query.offset); !page) {
    return base::Unexpected(page.error());
  }
  const std::string tsquery = TsQueryText(query.terms);
  if (tsquery.empty()) return SearchPage{};
  return Read([&](Connection& c) -> Result<SearchPage> {
    SearchPage page;
    {
      const auto [sql, params] = SearchSql(query, tsquery, /*count=*/true);
      auto counted = c.QueryParams(sql, params);
      if (!counted) return base::Unexpected(counted.error());
      page.total = counted->Int(0, 0);
    }
    page.more = page.total > kSearchRanked;
    page.total = std::min<int64_t>(page.total, kSearchRanked);
    if (page.total == 0) return page;

    const auto [sql, params] = SearchSql(query, tsquery, /*count=*/false);
    auto rows = c.QueryParams(sql, params);
    if (!rows) return base::Unexpected(rows.error());
    std::vector<content::Article> articles;
    std::vector<std::string> snippets;
    for (int row = 0; row < rows->size(); ++row) {
      auto article = ReadArticle(*rows, row, /*with_body=*/false);
      if (!article) return base::Unexpected(article.error());
      articles.push_back(std::move(*article));
      snippets.push_back(SnippetHtml(rows->Text(row, kSnippetColumn)));
    }
    if (auto filled = FillArticleLinks(c, articles); !filled) {
      return base::Unexpected(filled.error());
    }
    page.hits.reserve(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
      page.hits.push_back({.article = std::move(articles[i]), .snippet_html = snippets[i]});
    }
    return page;
  });
}

}  // namespace gazette::store::postgres
