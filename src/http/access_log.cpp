#include "http/access_log.h"

#include <unistd.h>

#include <cstdio>

#include "base/log.h"

namespace gazette::http {
namespace {

void AppendEscaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string FormatAccessLogLine(const AccessLogEntry& entry) {
  std::string line;
  line.reserve(128 + entry.target.size() + entry.user_agent.size());
  AppendEscaped(line, entry.remote_address);
  line += ' ';
  AppendEscaped(line, entry.method);
  line += ' ';
  AppendEscaped(line, entry.target);
  char numbers[64];
  double ms = std::chrono::duration<double, std::milli>(entry.duration).count();
  std::snprintf(numbers, sizeof numbers, " %d %zu %.2f \"", entry.status, entry.bytes, ms);
  line += numbers;
  AppendEscaped(line, entry.user_agent);
  line += "\"\n";
  return line;
}

void WriteAccessLogLine(std::string_view line) { base::WriteWhole(STDOUT_FILENO, line); }

}  // namespace gazette::http
