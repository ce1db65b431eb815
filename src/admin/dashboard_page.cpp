#include "admin/dashboard_page.h"

#include <map>

#include "base/log.h"
#include "base/time_format.h"

namespace gazette::admin {
namespace {

using content::ArticleStatus;

constexpr int kPerColumn = 8;

struct Column {
  std::string_view id;
  std::string_view heading;
  std::string_view when_label;
  std::string_view empty;
  store::ArticleFilter filter;
  bool by_publication_time;  // show published_at (scheduled, published) rather than updated_at
};

http::Response ShowDashboard(AdminServices& services, const AdminRequest& request) {
  const content::User& user = request.user;
  const bool contributor = user.role == content::Role::kContributor;
  const std::optional<int64_t> mine = user.id;
  std::vector<Column> columns = {
      {"drafts",
       "My drafts",
       "edited",
       "No drafts. Start one with “Write a new article”.",
       {.status = ArticleStatus::kDraft, .created_by = mine},
       false},
      {"review",
       contributor ? "My articles in review" : "Waiting for review",
       "submitted",
       "Nothing waits for review.",
       {.status = ArticleStatus::kReview,
        .created_by = contributor ? mine : std::optional<int64_t>()},
       false},
      {"scheduled",
       "Scheduled",
       "goes live",
       "Nothing is scheduled.",
       {.status = ArticleStatus::kScheduled},
       true},
      {"published",
       "Recently published",
       "published",
       "Nothing published yet.",
       {.status = ArticleStatus::kPublished},
       true},
  };

  auto sections = services.store.ListSections();
  if (!sections) {
    base::LogError("dashboard: " + sections.error().message());
    return services.ui.Error(503, "The newsroom cannot reach its database just now.", &user);
  }
  std::map<int64_t, std::string> section_names;
  for (const content::Section& section : *sections) section_names[section.id] = section.name;

  const base::Seconds now = services.clock.Now();
  nlohmann::json view_columns = nlohmann::json::array();
  for (Column& column : columns) {
    column.filter.limit = kPerColumn;
    auto articles = services.store.ListArticles(column.filter);
    auto count = services.store.CountArticles(column.filter);
    if (!articles || !count) {
      base::LogError("dashboard: " + (!articles ? articles.error() : count.error()).message());
      return services.ui.Error(503, "The newsroom cannot reach its database just now.", &user);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const content::Article& article : *articles) {
      const base::Seconds when =
          column.by_publication_time ? article.published_at : article.updated_at;
      rows.push_back({{"title", article.title.empty() ? "(untitled)" : article.title},
                      {"edit_url", "/admin/articles/" + std::to_string(article.id) + "/"},
                      {"section", section_names[article.section_id]},
                      {"when_label", column.when_label},
                      {"when", base::FormatRelative(when, now)},
                      {"when_iso", base::FormatIso8601(when)}});
    }
    nlohmann::json entry = {{"id", column.id},
                            {"heading", column.heading},
                            {"count", *count},
                            {"articles", rows},
                            {"empty", rows.empty() ? column.empty : ""}};
    if (*count > kPerColumn) {
      entry["more_url"] = "/admin/articles/?status=" +
                          std::string(content::ArticleStatusName(*column.filter.status));
    }
    view_columns.push_back(std::move(entry));
  }
  return services.ui.Page(request, 200, "dashboard.tpl", "Dashboard",
                          {{"columns", std::move(view_columns)}});
}

}  // namespace

void RegisterDashboard(AdminRoutes& routes, AdminServices& services) {
  routes.Page(
      http::Method::kGet, "/admin/", content::Role::kContributor,
      [&services](const AdminRequest& request) { return ShowDashboard(services, request); });
}

}  // namespace gazette::admin
