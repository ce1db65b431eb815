// Theme assets (CSS, JS, fonts, images) served from memory under fingerprinted names with
// long cache lifetimes: "/assets/style.css" is published as "/assets/style.3f9c1a2b7d.css".
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"

namespace gazette::http {

// Immutable after Load: safe for concurrent use.
class StaticAssets {
 public:
  // Reads every regular file under `dir` (recursively). `url_prefix` is "/assets/".
  // NotFound if `dir` does not exist; Internal if a file cannot be read.
  static base::Result<std::shared_ptr<const StaticAssets>> Load(const std::string& dir,
                                                                std::string url_prefix);

  // A file given by its bytes, for assets built into the binary.
  struct MemoryFile {
    std::string_view path;  // relative, '/'-separated: "admin.css"
    std::string_view contents;
  };
  // The same as Load for files given in memory.
  static std::shared_ptr<const StaticAssets> FromMemory(std::span<const MemoryFile> files,
                                                        std::string url_prefix);

  // The fingerprinted URL of a file given by its path relative to `dir` ("style.css"),
  // or nullopt if there is no such file.
  std::optional<std::string> UrlFor(std::string_view relative_path) const;

  // The response for a request whose path starts with the prefix: 200 with the file (gzip or
  // brotli variant when accepted, precompressed once), Cache-Control: public, max-age=31536000,
  // immutable; a 404 response for an unknown or stale fingerprint.
  Response Serve(const Request& request) const;

 private:
  struct File;
  // Stores `content` under its fingerprinted URL, compressed variants included.
  void Add(std::string relative_path, std::string content);

  std::string prefix_;
  std::map<std::string, std::string, std::less<>> url_by_path_;
  std::map<std::string, std::shared_ptr<const File>, std::less<>> file_by_url_;
};

}  // namespace gazette::http
