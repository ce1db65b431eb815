#include "app/serve_command.h"

#include <chrono>

#include "admin/admin.h"
#include "app/config_mapping.h"
#include "app/listen_address.h"
#include "app/password_cost.h"
#include "app/periodic_task.h"
#include "app/site_folder.h"
#include "app/theme_watcher.h"
#include "base/log.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "http/server.h"
#include "site/site.h"
#include "store/change_feed.h"
#include "store/change_notifying_store.h"
#include "store/change_tags.h"
#include "store/postgres/postgres_change_feed.h"

namespace gazette::app {
namespace {

constexpr std::chrono::seconds kViewFlushInterval{5};
// How often scheduled articles are checked for being due: they go live within this of their time.
constexpr std::chrono::seconds kSchedulerInterval{1};
// How often the theme folder is looked at for edits: an edited template shows within this.
constexpr std::chrono::seconds kThemeCheckInterval{1};

void FlushViews(site::Site& site) {
  if (auto flushed = site.FlushViews(); !flushed) {
    base::LogWarning("page views not saved: " + flushed.error().message());
  }
}

void PublishDueArticles(admin::Admin& admin) {
  if (auto published = admin.PublishDueArticles(); !published) {
    base::LogWarning("scheduled articles not published: " + published.error().message());
  }
}

admin::AdminConfig AdminConfigFrom(const Config& config) {
  admin::AdminConfig admin_config;
  const site::SiteConfig site_config = SiteConfigFrom(config);
  admin_config.site_name = site_config.name;
  admin_config.site_url = site_config.url;
  admin_config.articles_per_page = site_config.articles_per_page;
  admin_config.password_cost = PasswordCostForThisProcess();
  admin_config.image_limits.max_bytes = static_cast<size_t>(config.limits.upload_bytes);
  return admin_config;
}

}  // namespace

base::Status Serve(const std::filesystem::path& dir, const ConfigFlags& flags, std::ostream& out) {
  auto folder = OpenSiteFolder(dir, flags);
  if (!folder) return base::Unexpected(folder.error());

  // Every reader of the site and every writer (the newsroom, the scheduler) goes through the
  // decorated store, so that each write drops the kept pages that show what it changed.
  http::PageCache cache(PageCacheOptionsFrom(folder->config));
  // On PostgreSQL other nodes write too: the change feed brings their tags to this cache, and
  // takes this node's to theirs.
  std::unique_ptr<store::ChangeFeed> feed;
  if (IsPostgresUrl(folder->config.database.url)) {
    auto opened = store::OpenPostgresChangeFeed(
        folder->config.database.url,
        {.on_tags = [&cache](const std::vector<std::string>& tags) { cache.Invalidate(tags); },
         .on_gap = [&cache] { cache.Clear(); }});
    if (!opened) return base::Unexpected(opened.error());
    feed = std::move(*opened);
  }
  store::ChangeNotifyingStore store(std::move(folder->store),
                                    [&cache, &feed](const std::vector<std::string>& tags) {
                                      cache.Invalidate(tags);
                                      if (feed) feed->Announce(tags);
                                    });
  const base::SystemClock clock;
  site::Site site(store, clock, folder->theme, folder->assets, SiteConfigFrom(folder->config));
  admin::AdminConfig admin_config = AdminConfigFrom(folder->config);
  admin_config.render_preview = [&site](const content::Article& article) {
    return site.RenderPreview(article);
  };
  auto admin = admin::Admin::Create(store, clock, std::move(admin_config));
  if (!admin) return base::Unexpected(admin.error());
  // Articles whose time came while the server was down go live before the first request.
  PublishDueArticles(**admin);

  http::Router router;
  site.Register(router);
  (*admin)->Register(router);
  router.Add(http::Method::kGet, "/healthz", [](const http::Request&, const http::PathParams&) {
    return http::Response::Text(200, "ok");
  });

  const http::ServerOptions options = ServerOptionsFrom(folder->config);
  const std::function<http::Response(const http::Request&)> dispatch =
      [&router](const http::Request& request) { return router.Dispatch(request); };
  auto server = http::Server::Create(options, [&cache, &dispatch](const http::Request& request) {
    return cache.Serve(request, dispatch);
  });
  if (!server) return base::Unexpected(server.error());

  const ListenAddress bound{options.address, (*server)->port()};
  out << "gazette: serving " << dir.string() << " at http://" << FormatListenAddress(bound) << "/"
      << std::endl;

  PeriodicTask flusher(kViewFlushInterval, [&site] { FlushViews(site); });
  PeriodicTask scheduler(kSchedulerInterval, [&admin] { PublishDueArticles(**admin); });
  // The theme is on every page: a new one drops them all.
  ThemeWatcher theme_watcher(folder->theme->dir(),
                             [&site, &cache](std::shared_ptr<const render::Theme> theme) {
                               site.SetTheme(std::move(theme));
                               const std::string tags[] = {store::SiteTag()};
                               cache.Invalidate(tags);
                             });
  PeriodicTask theme_checker(kThemeCheckInterval, [&theme_watcher] { theme_watcher.Check(); });
  (*server)->Run();
  theme_checker.Stop();
  scheduler.Stop();
  flusher.Stop();
  FlushViews(site);
  return base::Ok();
}

}  // namespace gazette::app
