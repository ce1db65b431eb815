#include "admin/partner_pages.h"

#include <memory>

#include "admin/field_checks.h"
#include "content/slug.h"

namespace gazette::admin {
namespace {

using content::Partner;
using http::Method;
using http::Response;

struct PartnerInput {
  Partner partner;
  FieldErrors errors;
};

class PartnerPages {
 public:
  explicit PartnerPages(AdminServices& services) : services_(services) {}

  Response List(const AdminRequest& request) {
    auto partners = services_.store.ListPartners();
    if (!partners) return Failure(request, "listing partners", partners.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const Partner& partner : *partners) {
      rows.push_back({{"name", partner.name},
                      {"slug", partner.slug},
                      {"url", partner.url},
                      {"feed_url", partner.feed_url.value_or("")},
                      {"credit", content::PartnerCreditName(partner.credit)},
                      {"edit_url", EditUrl(partner.id)}});
    }
    const bool empty = rows.empty();
    return services_.ui.Page(request, 200, "partners.tpl", "Partners",
                             {{"partners", std::move(rows)}, {"empty", empty}});
  }

  Response New(const AdminRequest& request) {
    return Form(request, 200, std::nullopt, PartnerInput{});
  }

  Response Create(const AdminRequest& request) {
    PartnerInput input = Read(request.form, 0);
    if (!input.errors.empty()) return Form(request, 422, std::nullopt, input);
    auto id = services_.store.CreatePartner(input.partner);
    if (!id) return SaveFailed(request, std::nullopt, input, id.error());
    return Ui::SeeOther("/admin/partners/?notice=created");
  }

  Response Edit(const AdminRequest& request) {
    auto partner = Find(request);
    if (!partner) return Missing(request, partner.error());
    return Form(request, 200, partner->id, PartnerInput{*partner, {}});
  }

  Response Update(const AdminRequest& request) {
    auto partner = Find(request);
    if (!partner) return Missing(request, partner.error());
    PartnerInput input = Read(request.form, partner->id);
    if (!input.errors.empty()) return Form(request, 422, partner->id, input);
    if (auto saved = services_.store.UpdatePartner(input.partner); !saved) {
      return SaveFailed(request, partner->id, input, saved.error());
    }
    return Ui::SeeOther("/admin/partners/?notice=saved");
  }

 private:
  static std::string EditUrl(int64_t id) { return "/admin/partners/" + std::to_string(id) + "/"; }

  base::Result<Partner> Find(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    if (!id) return base::NotFoundError("no such partner");
    return services_.store.GetPartner(*id);
  }

  PartnerInput Read(const http::Form& form, int64_t id) {
    PartnerInput input;
    Partner& partner = input.partner;
    partner.id = id;
    partner.name = Trimmed(form.Value("name"));
    partner.slug = Trimmed(form.Value("slug"));
    partner.url = Trimmed(form.Value("url"));
    std::string feed_url = Trimmed(form.Value("feed_url"));
    if (!feed_url.empty()) partner.feed_url = feed_url;
    partner.description = Trimmed(form.Value("description"));
    FieldErrors& errors = input.errors;

    if (std::string problem = LineProblem(partner.name, true); !problem.empty()) {
      errors["name"] = problem;
    }
    if (partner.slug.empty() && !partner.name.empty())
      partner.slug = content::Slugify(partner.name);
    if (std::string problem = SlugProblem(partner.slug); !problem.empty()) {
      errors["slug"] = problem;
    } else if (auto other = services_.store.GetPartnerBySlug(partner.slug);
               other && other->id != id) {
      errors["slug"] = "The partner “" + other->name + "” has this slug. Choose another one.";
    }
    if (std::string problem = HttpUrlProblem(partner.url); !problem.empty()) {
      errors["url"] = problem;
    }
    if (partner.feed_url) {
      if (std::string problem = HttpUrlProblem(*partner.feed_url); !problem.empty()) {
        errors["feed_url"] = problem;
      }
    }
    if (auto credit = content::ParsePartnerCredit(form.Value("credit"))) {
      partner.credit = *credit;
    } else {
      errors["credit"] = "Choose how the original is credited.";
    }
    if (std::string problem = DescriptionProblem(partner.description); !problem.empty()) {
      errors["description"] = problem;
    }
    return input;
  }

  Response Form(const AdminRequest& request, int status, std::optional<int64_t> id,
                const PartnerInput& input) {
    const Partner& partner = input.partner;
    nlohmann::json view = {
        {"heading", id ? "Edit partner" : "New partner"},
        {"action", id ? EditUrl(*id) : "/admin/partners/"},
        {"submit_label", id ? "Save partner" : "Create partner"},
        {"name", partner.name},
        {"slug", partner.slug},
        {"url", partner.url},
        {"feed_url", partner.feed_url.value_or("")},
        {"credit_canonical", partner.credit == content::PartnerCredit::kCanonical},
        {"credit_noindex", partner.credit == content::PartnerCredit::kNoindex},
        {"description", partner.description},
    };
    if (id) view["public_url"] = "/partner/" + partner.slug + "/";
    AddFieldErrors(input.errors, view);
    return services_.ui.Page(request, status, "partner-form.tpl",
                             id ? "Edit partner" : "New partner", std::move(view));
  }

  Response SaveFailed(const AdminRequest& request, std::optional<int64_t> id, PartnerInput input,
                      const base::Error& error) {
    if (error.code() == base::ErrorCode::kConflict) {
      input.errors["slug"] = "Another partner took this slug just now. Choose another one.";
      return Form(request, 409, id, input);
    }
    if (error.code() == base::ErrorCode::kNotFound) return Missing(request, error);
    return Failure(request, "saving a partner", error);
  }

  Response Missing(const AdminRequest& request, const base::Error& error) {
    if (error.code() != base::ErrorCode::kNotFound) {
      return Failure(request, "reading a partner", error);
    }
    return services_.ui.Error(404, "There is no such partner. It may have been removed.",
                              &request.user);
  }

  Response Failure(const AdminRequest& request, std::string_view what, const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  AdminServices& services_;
};

}  // namespace

void RegisterPartnerPages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<PartnerPages>(services);
  const content::Role role = content::Role::kEditor;
  routes.Page(Method::kGet, "/admin/partners/", role,
              [pages](const AdminRequest& request) { return pages->List(request); });
  routes.Page(Method::kGet, "/admin/partners/new", role,
              [pages](const AdminRequest& request) { return pages->New(request); });
  routes.Page(Method::kPost, "/admin/partners/", role,
              [pages](const AdminRequest& request) { return pages->Create(request); });
  routes.Page(Method::kGet, "/admin/partners/{id}/", role,
              [pages](const AdminRequest& request) { return pages->Edit(request); });
  routes.Page(Method::kPost, "/admin/partners/{id}/", role,
              [pages](const AdminRequest& request) { return pages->Update(request); });
}

}  // namespace gazette::admin
