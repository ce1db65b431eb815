#include "admin/settings_pages.h"

#include <memory>
#include <utility>

#include "admin/field_checks.h"

namespace gazette::admin {
namespace {

using store::FeedContent;
using store::kArticlesPerPageSetting;
using store::kFeedContentSetting;
using store::kMaxArticlesPerPage;
using store::kSiteDescriptionSetting;
using store::kSiteNameSetting;
using store::kSiteTaglineSetting;
using store::kSiteUrlSetting;

using http::Method;
using http::Response;

std::string UrlProblem(std::string_view url) {
  if (std::string problem = HttpUrlProblem(url); !problem.empty()) return problem;
  if (url.ends_with('/')) return "Leave out the final “/”.";
  if (url.find_first_of("?#") != std::string_view::npos) {
    return "Enter the site's address without “?” or “#” parts.";
  }
  return "";
}

class SettingsPages {
 public:
  explicit SettingsPages(AdminServices& services) : services_(services) {}

  Response Show(const AdminRequest& request) {
    auto settings = LoadSiteSettings(services_);
    if (!settings)
      return StoreFailure(services_.ui, request.user, "reading settings", settings.error());
    return Form(request, 200, *settings, std::to_string(settings->articles_per_page), {});
  }

  Response Save(const AdminRequest& request) {
    const http::Form& form = request.form;
    SiteSettings settings;
    settings.name = Trimmed(form.Value("name"));
    settings.tagline = Trimmed(form.Value("tagline"));
    settings.description = Trimmed(form.Value("description"));
    settings.url = Trimmed(form.Value("url"));
    const std::string per_page_text = Trimmed(form.Value("articles_per_page"));

    FieldErrors errors;
    if (std::string problem = LineProblem(settings.name, true); !problem.empty()) {
      errors["name"] = problem;
    }
    if (std::string problem = LineProblem(settings.tagline, false); !problem.empty()) {
      errors["tagline"] = problem;
    }
    if (std::string problem = DescriptionProblem(settings.description); !problem.empty()) {
      errors["description"] = problem;
    }
    if (std::string problem = UrlProblem(settings.url); !problem.empty()) errors["url"] = problem;
    std::optional<int64_t> per_page = ParseInteger(per_page_text);
    if (!per_page || *per_page < 1 || *per_page > kMaxArticlesPerPage) {
      errors["articles_per_page"] =
          "Enter a whole number from 1 to " + std::to_string(kMaxArticlesPerPage) + ".";
    } else {
      settings.articles_per_page = static_cast<int>(*per_page);
    }
    if (auto feed_content = store::ParseFeedContent(form.Value("feed_content"))) {
      settings.feed_content = *feed_content;
    } else {
      errors["feed_content"] = "Choose what feed entries carry.";
    }
    if (!errors.empty()) return Form(request, 422, settings, per_page_text, errors);

    const std::pair<std::string_view, std::string> values[] = {
        {kSiteNameSetting, settings.name},
        {kSiteTaglineSetting, settings.tagline},
        {kSiteDescriptionSetting, settings.description},
        {kSiteUrlSetting, settings.url},
        {kArticlesPerPageSetting, std::to_string(settings.articles_per_page)},
        {kFeedContentSetting, std::string(store::FeedContentName(settings.feed_content))},
    };
    for (const auto& [key, value] : values) {
      if (auto saved = services_.store.SetSetting(key, value); !saved) {
        return StoreFailure(services_.ui, request.user, "saving settings", saved.error());
      }
    }
    return Ui::SeeOther("/admin/settings/?notice=saved");
  }

 private:
  Response Form(const AdminRequest& request, int status, const SiteSettings& settings,
                std::string_view per_page_text, const FieldErrors& errors) {
    nlohmann::json view = {
        {"name", settings.name},
        {"tagline", settings.tagline},
        {"description", settings.description},
        {"url", settings.url},
        {"articles_per_page", per_page_text},
        {"max_articles_per_page", kMaxArticlesPerPage},
        {"feed_full", settings.feed_content == FeedContent::kFull},
        {"feed_summary", settings.feed_content == FeedContent::kSummary},
    };
    AddFieldErrors(errors, view);
    return services_.ui.Page(request, status, "settings.tpl", "Site settings", std::move(view));
  }

  AdminServices& services_;
};

}  // namespace

base::Result<SiteSettings> LoadSiteSettings(const AdminServices& services) {
  auto stored = store::LoadSiteSettingOverrides(services.store);
  if (!stored) return base::Unexpected(stored.error());
  return SiteSettings{
      .name = stored->name.value_or(services.config.site_name),
      .tagline = stored->tagline.value_or(""),
      .description = stored->description.value_or(""),
      .url = stored->url.value_or(services.config.site_url),
      .articles_per_page = stored->articles_per_page.value_or(services.config.articles_per_page),
      .feed_content = stored->feed_content.value_or(FeedContent::kFull),
  };
}

void RegisterSettingsPages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<SettingsPages>(services);
  routes.Page(Method::kGet, "/admin/settings/", content::Role::kAdmin,
              [pages](const AdminRequest& request) { return pages->Show(request); });
  routes.Page(Method::kPost, "/admin/settings/", content::Role::kAdmin,
              [pages](const AdminRequest& request) { return pages->Save(request); });
}

}  // namespace gazette::admin
