#include "render/template_set.h"

#include <set>
#include <utility>

#include "render/internal/ctemplate.h"
#include "render/internal/theme_files.h"

namespace gazette::render {
namespace {

std::string MarkerName(std::string_view key) {
  std::string name(key);
  for (char& c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return name;
}

std::string ScalarText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  return value.dump();
}

void Fill(const nlohmann::json& object, ctemplate::TemplateDictionary& dict);

void FillEntry(const std::string& name, const nlohmann::json& value,
               ctemplate::TemplateDictionary& dict) {
  if (value.is_null()) return;
  if (value.is_boolean()) {
    if (value.get<bool>()) dict.ShowSection(name);
  } else if (value.is_object()) {
    Fill(value, *dict.AddSectionDictionary(name));
  } else if (value.is_array()) {
    for (const nlohmann::json& element : value) {
      ctemplate::TemplateDictionary* item = dict.AddSectionDictionary(name);
      if (element.is_object()) {
        Fill(element, *item);
      } else {
        item->SetValue("VALUE", ScalarText(element));
      }
    }
  } else {
    std::string text = ScalarText(value);
    if (!text.empty()) dict.ShowSection(name);
    dict.SetValue(name, text);
  }
}

void Fill(const nlohmann::json& object, ctemplate::TemplateDictionary& dict) {
  for (const auto& [key, value] : object.items()) FillEntry(MarkerName(key), value, dict);
}

constexpr ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

}  // namespace

struct TemplateSet::Impl {
  ctemplate::TemplateCache cache;
  std::set<std::string, std::less<>> names;
  std::string layout;
};

base::Result<std::shared_ptr<const TemplateSet>> TemplateSet::Load(
    std::span<const TemplateSource> sources, std::string layout) {
  auto impl = std::make_unique<Impl>();
  for (const TemplateSource& source : sources) {
    if (auto checked = internal::CheckTemplateSource(source.name, source.text); !checked) {
      return base::Unexpected(checked.error());
    }
    const std::string name(source.name);
    if (!impl->cache.StringToTemplateCache(name, std::string(source.text), kStrip)) {
      return base::InvalidArgumentError("template '" + name +
                                        "' does not parse (the reason is on standard error)");
    }
    impl->names.insert(name);
  }
  if (!impl->names.contains(layout)) {
    return base::NotFoundError("no layout template '" + layout + "'");
  }
  impl->cache.Freeze();
  impl->layout = std::move(layout);
  return std::shared_ptr<const TemplateSet>(new TemplateSet(std::move(impl)));
}

TemplateSet::TemplateSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TemplateSet::~TemplateSet() = default;

base::Result<std::string> TemplateSet::Render(std::string_view page,
                                              const nlohmann::json& view) const {
  if (!impl_->names.contains(page)) {
    return base::NotFoundError("no template '" + std::string(page) + "'");
  }
  ctemplate::TemplateDictionary dict("layout");
  Fill(view, dict);
  ctemplate::TemplateDictionary* included = dict.AddIncludeDictionary("PAGE");
  included->SetFilename(std::string(page));
  Fill(view, *included);
  std::string out;
  if (!impl_->cache.ExpandNoLoad(impl_->layout, kStrip, &dict, nullptr, &out)) {
    return base::InternalError("expanding '" + std::string(page) + "' failed");
  }
  return out;
}

}  // namespace gazette::render
