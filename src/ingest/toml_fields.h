// Reads typed fields from one TOML table and reports unknown or mistyped keys with their line.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace gazette::ingest {

// Confined to one thread. Borrows `table`, which must outlive the reader.
// Every error is InvalidArgument "FILE:LINE: ..." naming the key.
class TomlFields {
 public:
  // `where` names the file in messages; `first_line` is added to node lines when the TOML text
  // started on a later line of the file (front matter).
  TomlFields(const toml::table& table, std::string where, int line_offset = 0);

  base::Result<std::string> RequiredString(std::string_view key);
  base::Result<std::string> OptionalString(std::string_view key, std::string fallback = "");
  base::Result<std::vector<std::string>> StringArray(std::string_view key);
  base::Result<std::optional<double>> OptionalNumber(std::string_view key);
  base::Result<bool> OptionalBool(std::string_view key, bool fallback);

  // InvalidArgument naming the first key of the table that no reader method asked for.
  base::Status RejectUnknownKeys() const;

  // "FILE:LINE: message" for `node` (or the table itself when null).
  std::string Locate(const toml::node* node, std::string_view message) const;
  // The same, at the line of `key` (or of the table when it has no such key).
  std::string LocateKey(std::string_view key, std::string_view message) const;

 private:
  const toml::node* Find(std::string_view key);

  const toml::table& table_;
  std::string where_;
  int line_offset_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace gazette::ingest
