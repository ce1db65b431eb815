// The newsroom: the pages under /admin/ where contributors, editors and admins write, review,
// schedule and publish, and the Admin API under /api/admin/v1/ that scripts use to do the same.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "admin/route_spec.h"
#include "auth/password.h"
#include "base/clock.h"
#include "content/model.h"
#include "http/router.h"
#include "media/image_processor.h"
#include "store/store.h"

namespace gazette::admin {

struct AdminConfig {
  std::string site_name = "Gazette";
  std::string site_url = "http://127.0.0.1:8080";  // absolute, no trailing '/'
  int articles_per_page = 10;                      // gazette.toml's, until an admin sets one
  auth::PasswordCost password_cost = auth::PasswordCost::kInteractive;
  // A session ends after this long without a request, and in any case after max_session.
  std::chrono::seconds session_idle{std::chrono::hours(24 * 2)};
  std::chrono::seconds max_session{std::chrono::hours(24 * 30)};
  media::ImageLimits image_limits;
  // The article page exactly as readers would see it if it were published now (the site
  // renders it; the app wires it, since admin and site never include each other).
  std::function<std::string(const content::Article&)> render_preview;
};

// Safe for concurrent use: handlers run on any server thread.
class Admin {
 public:
  // Borrows `store` and `clock`, which must outlive the Admin. Errors when the built-in page
  // templates do not load (a broken build) or the store cannot be read.
  static base::Result<std::unique_ptr<Admin>> Create(store::Store& store, const base::Clock& clock,
                                                     AdminConfig config);
  ~Admin();

  // Adds every /admin/ and /api/admin/v1/ route to `router`.
  void Register(http::Router& router);

  // Every route Register added, in order, with how it is reached and the role it needs.
  std::vector<RouteSpec> RouteTable() const;

  // Publishes the scheduled articles that are due; returns how many. The app calls it at start
  // (for articles whose time passed while the server was down) and every few seconds.
  base::Result<int> PublishDueArticles();

 private:
  struct Impl;
  explicit Admin(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::admin
