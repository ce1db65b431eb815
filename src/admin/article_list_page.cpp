#include "admin/article_list_page.h"

#include <map>

#include "admin/field_checks.h"
#include "base/time_format.h"

namespace gazette::admin {
namespace {

using content::ArticleStatus;

constexpr int kPerPage = 25;

constexpr ArticleStatus kStatuses[] = {ArticleStatus::kDraft, ArticleStatus::kReview,
                                       ArticleStatus::kScheduled, ArticleStatus::kPublished,
                                       ArticleStatus::kArchived};

// The filters as given in the query string, kept as text for the form and the page links.
struct ListParams {
  std::string status;
  std::string section;
  std::string author;
  std::string q;
  int page = 1;

  // The list's URL with these filters on page `n`.
  std::string Url(int n) const {
    std::string query;
    auto add = [&query](std::string_view name, const std::string& value) {
      if (value.empty()) return;
      query += (query.empty() ? "?" : "&") + std::string(name) + "=" +
               http::PercentEncode(value, /*space_as_plus=*/true);
    };
    add("q", q);
    add("status", status);
    add("section", section);
    add("author", author);
    if (n > 1) add("page", std::to_string(n));
    return "/admin/articles/" + query;
  }
};

class ArticleList {
 public:
  explicit ArticleList(AdminServices& services) : services_(services) {}

  http::Response Show(const AdminRequest& request) {
    const http::Request& http = request.http;
    ListParams params{.status = Trimmed(http.QueryParam("status").value_or("")),
                      .section = Trimmed(http.QueryParam("section").value_or("")),
                      .author = Trimmed(http.QueryParam("author").value_or("")),
                      .q = Trimmed(http.QueryParam("q").value_or(""))};
    store::ArticleFilter filter{.title_contains = params.q, .limit = kPerPage};
    if (!params.status.empty()) {
      auto status = content::ParseArticleStatus(params.status);
      if (!status) return BadFilter(request, "There is no status “" + params.status + "”.");
      filter.status = *status;
    }
    auto sections = services_.store.ListSections();
    if (!sections) return Failure(request, "listing sections", sections.error());
    auto authors = services_.store.ListAuthors();
    if (!authors) return Failure(request, "listing authors", authors.error());
    std::map<int64_t, std::string> section_names;
    for (const content::Section& section : *sections) {
      section_names[section.id] = section.name;
      if (section.slug == params.section) filter.section_id = section.id;
    }
    if (!params.section.empty() && !filter.section_id) {
      return BadFilter(request, "There is no section “" + params.section + "”.");
    }
    std::map<int64_t, std::string> author_names;
    for (const content::Author& author : *authors) author_names[author.id] = author.name;
    if (!params.author.empty()) {
      std::optional<int64_t> id = ParseInteger(params.author);
      if (!id || !author_names.contains(*id)) {
        return BadFilter(request, "There is no author “" + params.author + "”.");
      }
      filter.author_id = *id;
    }
    if (auto page = http.QueryParam("page")) {
      std::optional<int64_t> n = ParseInteger(*page);
      if (!n || *n < 1 || *n > 1'000'000) {
        return BadFilter(request, "The page must be a whole number from 1.");
      }
      params.page = static_cast<int>(*n);
    }
    filter.offset = (params.page - 1) * kPerPage;

    auto articles = services_.store.ListArticles(filter);
    if (!articles) return Failure(request, "listing articles", articles.error());
    auto count = services_.store.CountArticles(filter);
    if (!count) return Failure(request, "counting articles", count.error());

    const base::Seconds now = services_.clock.Now();
    nlohmann::json rows = nlohmann::json::array();
    for (const content::Article& article : *articles) {
      std::string byline;
      for (int64_t id : article.author_ids) {
        byline += (byline.empty() ? "" : ", ") + author_names[id];
      }
      rows.push_back({{"article_title", article.title.empty() ? "(untitled)" : article.title},
                      {"edit_url", "/admin/articles/" + std::to_string(article.id) + "/"},
                      {"status", content::ArticleStatusName(article.status)},
                      {"section", section_names[article.section_id]},
                      {"byline", byline},
                      {"updated", base::FormatRelative(article.updated_at, now)},
                      {"updated_iso", base::FormatIso8601(article.updated_at)}});
    }
    nlohmann::json view = {{"q", params.q},
                           {"statuses", StatusOptions(params.status)},
                           {"sections", SectionOptions(*sections, params.section)},
                           {"authors", AuthorOptions(*authors, filter.author_id)},
                           {"summary", Summary(*count, filter.offset, rows.size())},
                           {"articles_empty", rows.empty()},
                           {"articles", std::move(rows)}};
    if (params.page > 1) view["newer_url"] = params.Url(params.page - 1);
    if (filter.offset + kPerPage < *count) view["older_url"] = params.Url(params.page + 1);
    return services_.ui.Page(request, 200, "articles.tpl", "Articles", std::move(view));
  }

 private:
  static nlohmann::json StatusOptions(const std::string& chosen) {
    nlohmann::json options = nlohmann::json::array();
    for (ArticleStatus status : kStatuses) {
      const std::string_view name = content::ArticleStatusName(status);
      options.push_back({{"value", name}, {"selected", name == chosen}});
    }
    return options;
  }

  static nlohmann::json SectionOptions(const std::vector<content::Section>& sections,
                                       const std::string& chosen) {
    nlohmann::json options = nlohmann::json::array();
    for (const content::Section& section : sections) {
      options.push_back(
          {{"slug", section.slug}, {"name", section.name}, {"selected", section.slug == chosen}});
    }
    return options;
  }

  static nlohmann::json AuthorOptions(const std::vector<content::Author>& authors,
                                      std::optional<int64_t> chosen) {
    nlohmann::json options = nlohmann::json::array();
    for (const content::Author& author : authors) {
      options.push_back(
          {{"id", author.id}, {"name", author.name}, {"selected", chosen == author.id}});
    }
    return options;
  }

  // "Articles 26–50 of 60.", "1 article.", "No articles."
  static std::string Summary(int64_t count, int offset, size_t shown) {
    if (count == 0) return "No articles.";
    if (count == 1) return "1 article.";
    if (shown == 0) return std::to_string(count) + " articles; none on this page.";
    return "Articles " + std::to_string(offset + 1) + "–" + std::to_string(offset + shown) +
           " of " + std::to_string(count) + ".";
  }

  http::Response Failure(const AdminRequest& request, std::string_view what,
                         const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  http::Response BadFilter(const AdminRequest& request, const std::string& problem) {
    return services_.ui.Error(400, problem + " Change the filters and try again.", &request.user);
  }

  AdminServices& services_;
};

}  // namespace

void RegisterArticleList(AdminRoutes& routes, AdminServices& services) {
  auto list = std::make_shared<ArticleList>(services);
  routes.Page(http::Method::kGet, "/admin/articles/", content::Role::kContributor,
              [list](const AdminRequest& request) { return list->Show(request); });
}

}  // namespace gazette::admin
