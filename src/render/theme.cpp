#include "render/theme.h"

#include <filesystem>
#include <set>
#include <utility>

#include "base/log.h"
#include "render/internal/ctemplate.h"
#include "render/internal/theme_files.h"
#include "render/internal/view_dictionaries.h"

namespace gazette::render {
namespace {

namespace fs = std::filesystem;

// Blank lines go; everything else stays as written, so a line break between two words in a
// template stays a space on the page (STRIP_WHITESPACE would glue them together).
constexpr ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

}  // namespace

// The parsed templates, in a cache of their own that is frozen once loaded: after Freeze(),
// ExpandNoLoad() only reads it (taking ctemplate's internal reader locks and template reference
// counts), so expansions from many threads at once are safe.
struct Theme::Impl {
  ctemplate::TemplateCache cache;
  std::set<std::string> templates;

  std::string Expand(const ctemplate::TemplateDictionary& dict) const {
    std::string out;
    const std::string layout(internal::kLayoutTemplate);
    if (!cache.ExpandNoLoad(layout, kStrip, &dict, nullptr, &out)) {
      // Cannot happen for a theme that loaded: every template the dictionaries name was parsed.
      base::LogError("theme: expanding " + layout + " failed for page " + dict.name());
    }
    return out;
  }
};

base::Result<std::shared_ptr<const Theme>> Theme::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return base::NotFoundError("no theme folder '" + dir + "'");
  auto manifest = internal::ReadManifest(fs::path(dir) / "theme.json");
  if (!manifest) return tl::unexpected(manifest.error());

  const fs::path templates_dir = fs::path(dir) / "templates";
  auto templates = internal::ListTemplates(templates_dir);
  if (!templates) return tl::unexpected(templates.error());
  for (std::string_view required : internal::kRequiredTemplates) {
    if (!templates->contains(std::string(required))) {
      return base::NotFoundError("theme '" + dir + "' lacks templates/" + std::string(required));
    }
  }

  // Each template is parsed from the very text that was checked, under its file name, so that
  // an edit on disk between the check and the parse cannot slip through, and the frozen cache
  // never goes back to the disk.
  auto impl = std::make_unique<Impl>();
  for (const std::string& name : *templates) {
    const fs::path file = templates_dir / name;
    auto source = internal::ReadThemeFile(file);
    if (!source) return tl::unexpected(source.error());
    if (auto checked = internal::CheckTemplateSource(file.string(), *source); !checked) {
      return tl::unexpected(checked.error());
    }
    if (!impl->cache.StringToTemplateCache(name, *source, kStrip)) {
      return base::InvalidArgumentError("template '" + file.string() +
                                        "' does not parse (the reason is on standard error)");
    }
  }
  impl->cache.Freeze();
  impl->templates = std::move(*templates);
  return std::shared_ptr<const Theme>(new Theme(dir, std::move(*manifest), std::move(impl)));
}

Theme::Theme(std::string dir, ThemeManifest manifest, std::unique_ptr<Impl> impl)
    : dir_(std::move(dir)), manifest_(std::move(manifest)), impl_(std::move(impl)) {}

Theme::~Theme() = default;

std::string Theme::RenderHome(const HomeView& view) const {
  ctemplate::TemplateDictionary dict("home");
  internal::FillHome(view, dict);
  return impl_->Expand(dict);
}

std::string Theme::RenderList(const ListView& view) const {
  ctemplate::TemplateDictionary dict("list");
  internal::FillList(view, dict);
  return impl_->Expand(dict);
}

std::string Theme::RenderArticle(const ArticleView& view) const {
  ctemplate::TemplateDictionary dict("article");
  internal::FillArticle(view, dict);
  return impl_->Expand(dict);
}

std::string Theme::RenderSearch(const SearchView& view) const {
  ctemplate::TemplateDictionary dict("search");
  if (impl_->templates.contains(std::string(internal::kSearchTemplate))) {
    internal::FillSearch(view, dict);
  } else {
    internal::FillList(internal::SearchAsList(view), dict);
  }
  return impl_->Expand(dict);
}

std::string Theme::RenderError(const ErrorView& view) const {
  ctemplate::TemplateDictionary dict("error");
  internal::FillError(view, internal::ErrorTemplateFor(view.status, impl_->templates), dict);
  return impl_->Expand(dict);
}

}  // namespace gazette::render
