#include "admin/section_pages.h"

#include <memory>

#include "admin/field_checks.h"
#include "content/slug.h"

namespace gazette::admin {
namespace {

using content::Section;
using http::Method;
using http::Response;

constexpr int64_t kMaxPosition = 1'000'000;

// What the form submitted: the section to store, the raw position text (kept as typed when it
// is wrong), and the problems found.
struct SectionInput {
  Section section;
  std::string position_text;
  FieldErrors errors;
};

class SectionPages {
 public:
  explicit SectionPages(AdminServices& services) : services_(services) {}

  Response List(const AdminRequest& request) {
    auto sections = services_.store.ListSections();
    if (!sections) return Failure(request, "listing sections", sections.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const Section& section : *sections) {
      rows.push_back({{"name", section.name},
                      {"slug", section.slug},
                      {"kind", content::SectionKindName(section.kind)},
                      {"position", section.position},
                      {"edit_url", EditUrl(section.id)}});
    }
    const bool empty = rows.empty();
    return services_.ui.Page(request, 200, "sections.tpl", "Sections",
                             {{"sections", std::move(rows)}, {"empty", empty}});
  }

  Response New(const AdminRequest& request) {
    auto sections = services_.store.ListSections();
    if (!sections) return Failure(request, "listing sections", sections.error());
    int position = 1;
    for (const Section& section : *sections) position = std::max(position, section.position + 1);
    SectionInput input;
    input.position_text = std::to_string(position);
    return Form(request, 200, std::nullopt, input);
  }

  Response Create(const AdminRequest& request) {
    SectionInput input = Read(request.form, 0);
    if (!input.errors.empty()) return Form(request, 422, std::nullopt, input);
    auto id = services_.store.CreateSection(input.section);
    if (!id) return SaveFailed(request, std::nullopt, input, id.error());
    return Ui::SeeOther("/admin/sections/?notice=created");
  }

  Response Edit(const AdminRequest& request) {
    auto section = Find(request);
    if (!section) return Missing(request, section.error());
    SectionInput input{*section, std::to_string(section->position), {}};
    return Form(request, 200, section->id, input);
  }

  Response Update(const AdminRequest& request) {
    auto section = Find(request);
    if (!section) return Missing(request, section.error());
    SectionInput input = Read(request.form, section->id);
    if (!input.errors.empty()) return Form(request, 422, section->id, input);
    if (auto saved = services_.store.UpdateSection(input.section); !saved) {
      return SaveFailed(request, section->id, input, saved.error());
    }
    return Ui::SeeOther("/admin/sections/?notice=saved");
  }

 private:
  static std::string EditUrl(int64_t id) { return "/admin/sections/" + std::to_string(id) + "/"; }

  base::Result<Section> Find(const AdminRequest& request) {
    std::optional<int64_t> id = ParseInteger(request.Param("id"));
    if (!id) return base::NotFoundError("no such section");
    return services_.store.GetSection(*id);
  }

  SectionInput Read(const http::Form& form, int64_t id) {
    SectionInput input;
    Section& section = input.section;
    section.id = id;
    section.name = Trimmed(form.Value("name"));
    section.slug = Trimmed(form.Value("slug"));
    section.description = Trimmed(form.Value("description"));
    input.position_text = Trimmed(form.Value("position"));
    FieldErrors& errors = input.errors;

    if (std::string problem = LineProblem(section.name, true); !problem.empty()) {
      errors["name"] = problem;
    }
    if (section.slug.empty() && !section.name.empty())
      section.slug = content::Slugify(section.name);
    if (std::string problem = SlugProblem(section.slug); !problem.empty()) {
      errors["slug"] = problem;
    } else if (auto free = content::CheckSectionSlugIsFree(section.slug); !free) {
      errors["slug"] = "The site's own pages use /" + section.slug + "/. Choose another slug.";
    } else if (auto other = services_.store.GetSectionBySlug(section.slug);
               other && other->id != id) {
      errors["slug"] = "The section “" + other->name + "” has this slug. Choose another one.";
    }
    if (auto kind = content::ParseSectionKind(form.Value("kind"))) {
      section.kind = *kind;
    } else {
      errors["kind"] = "Choose region or topic.";
    }
    std::optional<int64_t> position = ParseInteger(input.position_text);
    if (!position || *position < 0 || *position > kMaxPosition) {
      errors["position"] = "Enter a whole number from 0 to " + std::to_string(kMaxPosition) + ".";
    } else {
      section.position = static_cast<int>(*position);
    }
    if (std::string problem = DescriptionProblem(section.description); !problem.empty()) {
      errors["description"] = problem;
    }
    return input;
  }

  // The form, to create a section (`id` empty) or edit section `id`.
  Response Form(const AdminRequest& request, int status, std::optional<int64_t> id,
                const SectionInput& input) {
    const Section& section = input.section;
    nlohmann::json view = {
        {"heading", id ? "Edit section" : "New section"},
        {"action", id ? EditUrl(*id) : "/admin/sections/"},
        {"submit_label", id ? "Save section" : "Create section"},
        {"editing", id.has_value()},
        {"name", section.name},
        {"slug", section.slug},
        {"kind_region", section.kind == content::SectionKind::kRegion},
        {"kind_topic", section.kind == content::SectionKind::kTopic},
        {"position", input.position_text},
        {"description", section.description},
    };
    if (id) view["public_url"] = "/" + section.slug + "/";
    AddFieldErrors(input.errors, view);
    return services_.ui.Page(request, status, "section-form.tpl",
                             id ? "Edit section" : "New section", std::move(view));
  }

  Response SaveFailed(const AdminRequest& request, std::optional<int64_t> id, SectionInput input,
                      const base::Error& error) {
    if (error.code() == base::ErrorCode::kConflict) {
      input.errors["slug"] = "Another section took this slug just now. Choose another one.";
      return Form(request, 409, id, input);
    }
    if (error.code() == base::ErrorCode::kNotFound) return Missing(request, error);
    return Failure(request, "saving a section", error);
  }

  Response Missing(const AdminRequest& request, const base::Error& error) {
    if (error.code() != base::ErrorCode::kNotFound) {
      return Failure(request, "reading a section", error);
    }
    return services_.ui.Error(404, "There is no such section. It may have been removed.",
                              &request.user);
  }

  Response Failure(const AdminRequest& request, std::string_view what, const base::Error& error) {
    return StoreFailure(services_.ui, request.user, what, error);
  }

  AdminServices& services_;
};

}  // namespace

void RegisterSectionPages(AdminRoutes& routes, AdminServices& services) {
  auto pages = std::make_shared<SectionPages>(services);
  const content::Role role = content::Role::kEditor;
  routes.Page(Method::kGet, "/admin/sections/", role,
              [pages](const AdminRequest& request) { return pages->List(request); });
  routes.Page(Method::kGet, "/admin/sections/new", role,
              [pages](const AdminRequest& request) { return pages->New(request); });
  routes.Page(Method::kPost, "/admin/sections/", role,
              [pages](const AdminRequest& request) { return pages->Create(request); });
  routes.Page(Method::kGet, "/admin/sections/{id}/", role,
              [pages](const AdminRequest& request) { return pages->Edit(request); });
  routes.Page(Method::kPost, "/admin/sections/{id}/", role,
              [pages](const AdminRequest& request) { return pages->Update(request); });
}

}  // namespace gazette::admin
