// The gazette.toml that `gazette init` writes: every key with its default, each explained.
#pragma once

#include <string>
#include <string_view>

namespace gazette::app {

// The text of a new gazette.toml whose [site] name and tagline are `site_name` and `tagline`
// and whose database.url is `database_url` (each quoted and escaped as a TOML string); every
// other key has its default from Config.
std::string DefaultConfigText(std::string_view site_name, std::string_view tagline,
                              std::string_view database_url);

}  // namespace gazette::app
