#include "http/static_assets.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "http/compression.h"
#include "http/etag.h"

namespace gazette::http {

struct StaticAssets::File {
  std::string content_type;
  std::string etag;  // of the uncompressed content; variants add EtagSuffix()
  std::string identity;
  std::string gzip;    // empty when it would not be smaller than `identity`
  std::string brotli;  // likewise
};

namespace {

namespace fs = std::filesystem;

constexpr size_t kFingerprintDigits = 10;
constexpr int kGzipLevel = 9;
constexpr int kBrotliQuality = 11;
constexpr std::string_view kCacheControl = "public, max-age=31536000, immutable";

std::string_view ContentTypeFor(std::string_view extension) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".gif", "image/gif"},
      {".woff2", "font/woff2"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".json", "application/json"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (ext == extension) return type;
  }
  return "application/octet-stream";
}

// The extension of the last path component, dot included: "css/site.css" -> ".css"; "" when
// there is none (a leading dot, as in ".htaccess", starts a name, not an extension).
std::string_view ExtensionOf(std::string_view path) {
  size_t name_start = path.rfind('/') + 1;  // npos + 1 == 0
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || dot <= name_start) return {};
  return path.substr(dot);
}

base::Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::InternalError("cannot read asset '" + path.string() + "'");
  std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return base::InternalError("cannot read asset '" + path.string() + "'");
  return content;
}

// The variant worth keeping: the compressed form when it is smaller, else "".
std::string SmallerOrEmpty(base::Result<std::string> compressed, size_t original_size) {
  if (!compressed || compressed->size() >= original_size) return {};
  return std::move(*compressed);
}

}  // namespace

base::Result<std::shared_ptr<const StaticAssets>> StaticAssets::Load(const std::string& dir,
                                                                     std::string url_prefix) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return base::NotFoundError("no asset folder '" + dir + "'");
  auto assets = std::make_shared<StaticAssets>();
  assets->prefix_ = std::move(url_prefix);
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    base::Result<std::string> content = ReadFile(it->path());
    if (!content) return base::Unexpected(content.error());
    std::string relative = it->path().lexically_relative(dir).generic_string();
    assets->Add(std::move(relative), std::move(*content));
  }
  if (ec) return base::InternalError("cannot list asset folder '" + dir + "': " + ec.message());
  return assets;
}

std::shared_ptr<const StaticAssets> StaticAssets::FromMemory(std::span<const MemoryFile> files,
                                                             std::string url_prefix) {
  auto assets = std::make_shared<StaticAssets>();
  assets->prefix_ = std::move(url_prefix);
  for (const MemoryFile& file : files) {
    assets->Add(std::string(file.path), std::string(file.contents));
  }
  return assets;
}

void StaticAssets::Add(std::string relative, std::string content) {
  std::string_view extension = ExtensionOf(relative);
  auto file = std::make_shared<File>();
  file->content_type = ContentTypeFor(extension);
  std::string hash = ContentHashHex(content);
  file->etag = "\"" + hash + "\"";
  if (IsCompressible(file->content_type)) {
    file->gzip = SmallerOrEmpty(GzipCompress(content, kGzipLevel), content.size());
    file->brotli = SmallerOrEmpty(BrotliCompress(content, kBrotliQuality), content.size());
  }
  file->identity = std::move(content);

  std::string url = prefix_;
  url += std::string_view(relative).substr(0, relative.size() - extension.size());
  url += '.';
  url += std::string_view(hash).substr(0, kFingerprintDigits);
  url += extension;
  url_by_path_[relative] = PercentEncode(url, /*space_as_plus=*/false, "/");
  file_by_url_[std::move(url)] = std::move(file);
}

std::optional<std::string> StaticAssets::UrlFor(std::string_view relative_path) const {
  auto it = url_by_path_.find(relative_path);
  if (it == url_by_path_.end()) return std::nullopt;
  return it->second;
}

Response StaticAssets::Serve(const Request& request) const {
  auto it = file_by_url_.find(request.path);
  if (it == file_by_url_.end()) return Response::Text(404, "Not found\n");
  const File& file = *it->second;
  Encoding encoding =
      ChooseEncoding(request.Header("accept-encoding"), !file.brotli.empty(), !file.gzip.empty());
  Response response;
  response.content_type = file.content_type;
  switch (encoding) {
    case Encoding::kBrotli:
      response.body = file.brotli;
      break;
    case Encoding::kGzip:
      response.body = file.gzip;
      break;
    case Encoding::kIdentity:
      response.body = file.identity;
      break;
  }
  if (encoding != Encoding::kIdentity) {
    response.SetHeader("Content-Encoding", std::string(EncodingToken(encoding)));
  }
  if (!file.gzip.empty() || !file.brotli.empty()) response.SetHeader("Vary", "Accept-Encoding");
  response.SetHeader("Cache-Control", std::string(kCacheControl));
  response.SetHeader("ETag", EtagWithSuffix(file.etag, EtagSuffix(encoding)));
  return response;
}

}  // namespace gazette::http
