#include "app/config_template.h"

#include <toml++/toml.h>

#include <sstream>

namespace gazette::app {
namespace {

std::string TomlString(std::string_view text) {
  // Without literal strings ('...'), so that every string in the file is double-quoted.
  std::ostringstream out;
  const toml::value<std::string> value{std::string(text)};
  out << toml::toml_formatter(value, toml::format_flags::none);
  return out.str();
}

constexpr std::string_view kBeforeDatabaseUrl = R"(
# Public base URL of the site, used in canonical links and feeds.
url = "http://127.0.0.1:8080"
# The language of the pages (the lang attribute).
language = "en"
# Articles on each page of a section, author, partner or tag listing (1 to 100).
articles_per_page = 10

[server]
# Address and port to listen on: "IPV4:PORT" or "[IPV6]:PORT". Port 0 picks a free one.
listen = "127.0.0.1:8080"
# Worker threads; 0 means one per processor core.
threads = 0
# Write one line per request to standard output.
access_log = true

[database]
# "sqlite:PATH", a relative PATH being relative to this folder; or a PostgreSQL database
# that several gazette nodes share, "postgresql://USER:PASSWORD@HOST:PORT/NAME"
# (`gazette init --database URL` creates the site in such a database).
url = )";

constexpr std::string_view kAfterDatabaseUrl = R"(

[theme]
# A folder under themes/ in this folder.
name = "default"

[limits]
# Largest request line plus headers, in bytes (1024 to 1048576).
header_bytes = 16384
# Largest request body, in bytes.
body_bytes = 1048576
# Largest uploaded image, in bytes.
upload_bytes = 16777216
# Seconds before an idle keep-alive connection is closed.
idle_timeout_seconds = 30
# Seconds a client has to send a whole request.
request_timeout_seconds = 15

[cache]
# Bytes the page cache may keep of reader pages, all encodings counted; 0 turns it off.
memory_bytes = 67108864
# Seconds before a kept page is rendered again even if nothing changed (1 to 86400): relative
# dates and the trending list age without any write.
max_age_seconds = 60
)";

}  // namespace

std::string DefaultConfigText(std::string_view site_name, std::string_view tagline,
                              std::string_view database_url) {
  std::string text =
      "# Gazette site configuration. Every key is listed with its default, except the site's\n"
      "# name and tagline, which `gazette init` may have set.\n"
      "# Any key can be overridden by an environment variable GAZETTE_<TABLE>_<KEY>\n"
      "# (GAZETTE_SERVER_LISTEN, GAZETTE_DATABASE_URL, ...); the flags of `gazette serve`\n"
      "# (--listen, --threads) override both.\n"
      "\n"
      "[site]\n"
      "# Shown in the masthead and in page titles.\n"
      "name = " +
      TomlString(site_name) +
      "\n"
      "# Shown under the masthead.\n"
      "tagline = " +
      TomlString(tagline) + "\n";
  text += kBeforeDatabaseUrl;
  text += TomlString(database_url);
  text += kAfterDatabaseUrl;
  return text;
}

}  // namespace gazette::app
