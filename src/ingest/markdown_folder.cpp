#include "ingest/markdown_folder.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

#include "base/time_format.h"
#include "content/slug.h"
#include "ingest/front_matter.h"
#include "ingest/markdown_front_matter.h"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;
using base::Result;
using Kind = FrontMatterValue::Kind;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    if (end > begin) parts.emplace_back(path.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The file name without its extension: "2019-05-01-summit.md" -> "2019-05-01-summit".
std::string Stem(std::string_view name) {
  const size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

// "2019-05-01-summit" -> date "2019-05-01" and slug "summit", as Jekyll names its posts.
bool SplitJekyllName(std::string_view stem, std::string& date, std::string& slug) {
  if (stem.size() < 12 || stem[4] != '-' || stem[7] != '-' || stem[10] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(stem[i]))) return false;
  }
  date = std::string(stem.substr(0, 10));
  slug = std::string(stem.substr(11));
  return true;
}

// Dates as Hugo and Jekyll write them, brought to the forms base::ParseIso8601 reads:
// "2019-05-01 10:00:00 +0200" (Jekyll), "2019-05-01T10:00:00.000+02:00" (the fraction is
// dropped), "... UTC".
Result<base::Seconds> ParseFrontMatterDate(std::string_view text) {
  auto digit = [&](size_t i) {
    return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
  };
  size_t i = std::min<size_t>(text.size(), 10);
  bool timed = false;
  if (i < text.size() && (text[i] == 'T' || text[i] == 't' || text[i] == ' ') && digit(i + 1)) {
    timed = true;
    ++i;
    while (digit(i) || (i < text.size() && text[i] == ':')) ++i;
  }
  std::string normal(text.substr(0, i));
  if (i < text.size() && text[i] == '.' && digit(i + 1)) {
    ++i;
    while (digit(i)) ++i;
  }
  if (timed) {
    while (i < text.size() && text[i] == ' ') ++i;
  }
  std::string zone(text.substr(i));
  if (zone == "UTC") zone = "Z";
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) zone.insert(3, ":");
  return base::ParseIso8601(normal + zone);
}

// An old address as a path: "https://old.example/a/b/" -> "/a/b/", "a/b" -> "/a/b".
std::optional<std::string> OldPath(std::string_view address) {
  for (std::string_view scheme : {"https://", "http://", "//"}) {
    if (address.starts_with(scheme)) {
      address.remove_prefix(scheme.size());
      const size_t slash = address.find('/');
      address = slash == std::string_view::npos ? "/" : address.substr(slash);
      break;
    }
  }
  if (address.empty()) return std::nullopt;
  std::string path(address);
  if (path.front() != '/') path.insert(path.begin(), '/');
  return path;
}

// A file named in the front matter must stay inside the folder being imported.
bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) {
    return false;
  }
  for (const std::string& part : SplitPath(path)) {
    if (part == "..") return false;
  }
  return true;
}

// "world-news" -> "World news": a folder name standing for a section.
std::string FolderTitle(std::string_view folder) {
  std::string name(folder);
  std::replace(name.begin(), name.end(), '-', ' ');
  std::replace(name.begin(), name.end(), '_', ' ');
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

std::optional<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

// Typed reads of the fields, naming the key and its line in errors.
class Fields {
 public:
  explicit Fields(const FrontMatterFields& fields) : fields_(fields) {}

  // The first of `keys` that is present, with the key's name.
  const FrontMatterValue* Find(std::initializer_list<std::string_view> keys,
                               std::string_view* found = nullptr) const {
    for (std::string_view key : keys) {
      if (auto it = fields_.find(key); it != fields_.end()) {
        if (found) *found = key;
        return &it->second;
      }
    }
    return nullptr;
  }

  // A scalar; nullopt when none of `keys` is present.
  Result<std::optional<std::string>> Text(std::initializer_list<std::string_view> keys) const {
    std::string_view key;
    const FrontMatterValue* value = Find(keys, &key);
    if (!value) return std::optional<std::string>();
    if (value->kind != Kind::kScalar) {
      return base::InvalidArgumentError(At(*value, "'" + std::string(key) + "' must be text"));
    }
    return std::optional<std::string>(value->items.front());
  }

  // A list of scalars, or one scalar as a list of one (split into words with `split_words`,
  // as Jekyll reads "categories: news politics").
  Result<std::vector<std::string>> Texts(std::initializer_list<std::string_view> keys,
                                         bool split_words = false) const {
    std::string_view key;
    const FrontMatterValue* value = Find(keys, &key);
    if (!value) return std::vector<std::string>();
    if (value->kind == Kind::kNested) {
      return base::InvalidArgumentError(
          At(*value, "'" + std::string(key) + "' must be text or a list of texts"));
    }
    if (value->kind == Kind::kScalar && split_words) return SplitWords(value->items.front());
    return value->items;
  }

  Result<std::optional<bool>> Flag(std::string_view key) const {
    auto text = Text({key});
    if (!text) return base::Unexpected(text.error());
    if (!*text) return std::optional<bool>();
    const std::string value = Lower(**text);
    if (value == "true" || value == "yes" || value == "on") return std::optional<bool>(true);
    if (value == "false" || value == "no" || value == "off") return std::optional<bool>(false);
    return base::InvalidArgumentError(
        At(*Find({key}), "'" + std::string(key) + "' must be true or false"));
  }

  Result<std::optional<base::Seconds>> Date(std::initializer_list<std::string_view> keys) const {
    std::string_view key;
    const FrontMatterValue* value = Find(keys, &key);
    auto text = Text(keys);
    if (!text) return base::Unexpected(text.error());
    if (!*text) return std::optional<base::Seconds>();
    auto date = ParseFrontMatterDate(**text);
    if (!date) {
      return base::InvalidArgumentError(
          At(*value, "'" + std::string(key) + "' is not a date: '" + **text + "'"));
    }
    return std::optional<base::Seconds>(*date);
  }

  static std::string At(const FrontMatterValue& value, std::string_view message) {
    return "line " + std::to_string(value.line) + ": " + std::string(message);
  }

 private:
  const FrontMatterFields& fields_;
};

}  // namespace

Result<ImportItem> ReadMarkdownItem(std::string_view path, std::string_view text,
                                    const MarkdownReadOptions& options) {
  auto doc = SplitFrontMatter(text);
  if (!doc) return base::Unexpected(doc.error());
  auto parsed = ParseFrontMatter(*doc);
  if (!parsed) return base::Unexpected(parsed.error());
  const Fields f(*parsed);

  const std::vector<std::string> parts = SplitPath(path);
  const std::string file_name = parts.empty() ? std::string(path) : parts.back();
  const std::vector<std::string> folders(parts.begin(), parts.end() - (parts.empty() ? 0 : 1));
  const std::string stem = Stem(file_name);
  const bool bundle = Lower(stem) == "index";

  ImportItem item;
  item.source = std::string(path);
  item.body_md = std::string(doc->body);

  auto title = f.Text({"title"});
  if (!title) return base::Unexpected(title.error());
  if (!*title || (*title)->find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::InvalidArgumentError("the front matter has no title");
  }
  item.title = **title;

  // Slug and date from the file's name: Jekyll's YYYY-MM-DD-slug.md, a Hugo bundle's
  // folder/index.md, or the name itself.
  std::string name_date;
  std::string name_slug;
  if (!SplitJekyllName(stem, name_date, name_slug)) {
    name_slug = stem;
    if (bundle) name_slug = folders.empty() ? "" : folders.back();
  }
  auto slug = f.Text({"slug"});
  if (!slug) return base::Unexpected(slug.error());
  item.slug = slug->value_or(name_slug);

  auto published = f.Date({"published_at", "date", "publishDate"});
  if (!published) return base::Unexpected(published.error());
  if (*published) {
    item.published_at = **published;
  } else if (!name_date.empty()) {
    auto date = base::ParseIso8601(name_date);
    if (!date) return base::InvalidArgumentError("the date in the file's name is not a date");
    item.published_at = *date;
  }
  auto updated = f.Date({"updated_at", "lastmod", "last_modified_at", "updated"});
  if (!updated) return base::Unexpected(updated.error());
  if (*updated) item.updated_at = **updated;

  auto status = f.Text({"status"});
  if (!status) return base::Unexpected(status.error());
  auto draft = f.Flag("draft");
  if (!draft) return base::Unexpected(draft.error());
  auto published_flag = f.Flag("published");
  if (!published_flag) return base::Unexpected(published_flag.error());
  const bool in_drafts_folder =
      std::find(folders.begin(), folders.end(), "_drafts") != folders.end();
  if (*status) {
    auto parsed_status = content::ParseArticleStatus(**status);
    if (!parsed_status) {
      return base::InvalidArgumentError(
          Fields::At(*f.Find({"status"}), parsed_status.error().message()));
    }
    item.status = *parsed_status;
  } else if (draft->value_or(false) || !published_flag->value_or(true) || in_drafts_folder) {
    item.status = content::ArticleStatus::kDraft;
  }
  const bool needs_date = item.status == content::ArticleStatus::kPublished ||
                          item.status == content::ArticleStatus::kScheduled;
  if (needs_date && item.published_at == base::Seconds{}) {
    return base::InvalidArgumentError("the front matter has no date");
  }

  auto dek = f.Text({"dek", "subtitle", "description", "summary"});
  if (!dek) return base::Unexpected(dek.error());
  item.dek = dek->value_or("");

  auto tags = f.Texts({"tags"}, true);
  if (!tags) return base::Unexpected(tags.error());
  item.tags = std::move(*tags);

  // The section: `section`, else the first category, else the first folder that can stand for
  // one (not Hugo's content/ nor Jekyll's _posts/, nor a bundle's own folder), else the default.
  auto section = f.Text({"section"});
  if (!section) return base::Unexpected(section.error());
  auto categories = f.Texts({"categories", "category"}, true);
  if (!categories) return base::Unexpected(categories.error());
  std::string section_name;
  if (*section) {
    section_name = **section;
  } else if (!categories->empty()) {
    section_name = categories->front();
  } else {
    const size_t candidates = folders.size() - (bundle && !folders.empty() ? 1 : 0);
    for (size_t i = 0; i < candidates; ++i) {
      if (folders[i] == "content" || folders[i].starts_with("_")) continue;
      section_name = FolderTitle(folders[i]);
      break;
    }
    if (section_name.empty()) section_name = options.default_section;
  }
  if (auto known = options.sections.find(section_name); known != options.sections.end()) {
    item.section = known->second;
  } else {
    item.section = {.slug = "", .name = section_name};
  }

  auto authors = f.Texts({"authors", "author"});
  if (!authors) return base::Unexpected(authors.error());
  if (authors->empty() && !options.default_author.empty()) {
    authors->push_back(options.default_author);
  }
  for (const std::string& author : *authors) {
    if (auto known = options.authors.find(author); known != options.authors.end()) {
      item.authors.push_back(known->second);
    } else {
      item.authors.push_back({.slug = "", .name = author});
    }
  }

  auto partner = f.Text({"partner"});
  if (!partner) return base::Unexpected(partner.error());
  if (*partner && !(*partner)->empty()) item.partner_slug = **partner;
  auto original = f.Text({"original_url", "canonicalURL", "canonical_url", "canonical"});
  if (!original) return base::Unexpected(original.error());
  item.original_url = original->value_or("");

  for (std::string_view key : {"old_paths", "aliases", "redirect_from", "url", "permalink"}) {
    auto addresses = f.Texts({key});
    if (!addresses) return base::Unexpected(addresses.error());
    for (const std::string& address : *addresses) {
      auto old_path = OldPath(address);
      if (old_path && std::find(item.old_paths.begin(), item.old_paths.end(), *old_path) ==
                          item.old_paths.end()) {
        item.old_paths.push_back(std::move(*old_path));
      }
    }
  }

  auto lead_image = f.Text({"lead_image"});
  if (!lead_image) return base::Unexpected(lead_image.error());
  auto lead_image_alt = f.Text({"lead_image_alt"});
  if (!lead_image_alt) return base::Unexpected(lead_image_alt.error());
  if (*lead_image && !(*lead_image)->empty()) {
    const FrontMatterValue& at = *f.Find({"lead_image"});
    if (!IsSafeRelativePath(**lead_image)) {
      return base::InvalidArgumentError(
          Fields::At(at, "'lead_image' must be a file inside the folder: '" + **lead_image + "'"));
    }
    if (lead_image_alt->value_or("").empty()) {
      return base::InvalidArgumentError(Fields::At(at, "'lead_image' needs a 'lead_image_alt'"));
    }
    item.lead_image_file = **lead_image;
    item.lead_image_alt = **lead_image_alt;
  }
  return item;
}

Result<std::vector<std::string>> ListMarkdownFiles(const fs::path& root) {
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    return base::NotFoundError(root.string() + " is not a folder");
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(root, error);
  if (error) return base::UnavailableError("cannot read " + root.string() + ": " + error.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".")) {
      if (entry.is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(error)) continue;
    const std::string extension = Lower(entry.path().extension().string());
    if (extension != ".md" && extension != ".markdown") continue;
    files.push_back(fs::relative(entry.path(), root, error).generic_string());
  }
  if (error) return base::UnavailableError("cannot read " + root.string() + ": " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

void ImportMarkdownFiles(const fs::path& root, std::span<const std::string> files,
                         const MarkdownReadOptions& options, ArticleImporter& importer,
                         const ImportProgress& progress) {
  size_t done = 0;
  for (const std::string& file : files) {
    if (fs::path(file).filename() == "_index.md") {
      importer.RecordSkipped();
    } else {
      auto text = ReadWholeFile(root / file);
      if (!text) {
        importer.RecordFailure(file, "the file cannot be read");
      } else if (auto item = ReadMarkdownItem(file, *text, options); !item) {
        importer.RecordFailure(file, item.error().message());
      } else {
        importer.Import(*item);
      }
    }
    if (progress) progress(++done, files.size());
  }
}

}  // namespace gazette::ingest
