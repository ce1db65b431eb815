#include "app/serve_command.h"

#include <chrono>

#include "app/config_mapping.h"
#include "app/listen_address.h"
#include "app/periodic_task.h"
#include "app/site_folder.h"
#include "base/log.h"
#include "http/router.h"
#include "http/server.h"
#include "site/site.h"

namespace gazette::app {
namespace {

constexpr std::chrono::seconds kViewFlushInterval{5};

void FlushViews(site::Site& site) {
  if (auto flushed = site.FlushViews(); !flushed) {
    base::LogWarning("page views not saved: " + flushed.error().message());
  }
}

}  // namespace

base::Status Serve(const std::filesystem::path& dir, const ConfigFlags& flags, std::ostream& out) {
  auto folder = OpenSiteFolder(dir, flags);
  if (!folder) return base::Unexpected(folder.error());

  const base::SystemClock clock;
  site::Site site(*folder->store, clock, folder->theme, folder->assets,
                  SiteConfigFrom(folder->config));
  http::Router router;
  site.Register(router);
  router.Add(http::Method::kGet, "/healthz", [](const http::Request&, const http::PathParams&) {
    return http::Response::Text(200, "ok");
  });

  const http::ServerOptions options = ServerOptionsFrom(folder->config);
  auto server = http::Server::Create(
      options, [&router](const http::Request& request) { return router.Dispatch(request); });
  if (!server) return base::Unexpected(server.error());

  const ListenAddress bound{options.address, (*server)->port()};
  out << "gazette: serving " << dir.string() << " at http://" << FormatListenAddress(bound) << "/"
      << std::endl;

  PeriodicTask flusher(kViewFlushInterval, [&site] { FlushViews(site); });
  (*server)->Run();
  flusher.Stop();
  FlushViews(site);
  return base::Ok();
}

}  // namespace gazette::app
