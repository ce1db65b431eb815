// Line-oriented logging to standard error. Safe for concurrent use: each line is written whole.
#pragma once

#include <string_view>

namespace gazette::base {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

// Lines below `level` are dropped. Default: kInfo.
void SetLogLevel(LogLevel level);
bool LogEnabled(LogLevel level);

// Writes "2026-11-28T15:00:00Z info message\n".
void Log(LogLevel level, std::string_view message);

// Writes all of `text` to the file descriptor with as few write(2) calls as the kernel allows,
// so that a line from one thread is not interleaved with another's. Gives up on an error.
void WriteWhole(int fd, std::string_view text);

inline void LogDebug(std::string_view m) { Log(LogLevel::kDebug, m); }
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarning(std::string_view m) { Log(LogLevel::kWarning, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

}  // namespace gazette::base
