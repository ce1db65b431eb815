#include "store/postgres/postgres_change_feed.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "base/log.h"
#include "store/change_tags.h"

namespace gazette::store {
namespace {

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
constexpr size_t kPayloadLimit = 7999;
// How long the listener waits before it tries a lost connection again.
constexpr int kReconnectMillis = 1000;

using PgConn = std::unique_ptr<PGconn, decltype(&PQfinish)>;

// What the server says outside an answer (a FATAL before it closes a connection) goes to the log
// rather than to libpq's default, standard error.
void LogNotice(void*, const char* message) {
  std::string text = message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  base::LogWarning("change feed: the database says: " + text);
}

// Connects with defaults that `url` may override: a connection attempt gives up after 10 s, so
// that the listener's retries (and the destructor waiting for them) never hang on a server that
// does not answer; and TCP keepalives notice within about a minute a server that went away
// without closing the connection, which the listener, only waiting to read, would not.
PgConn Connect(const std::string& url) {
  const char* keywords[] = {"connect_timeout",  "keepalives_idle", "keepalives_interval",
                            "keepalives_count", "dbname",          nullptr};
  const char* values[] = {"10", "30", "10", "3", url.c_str(), nullptr};
  PgConn conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1), PQfinish);
  if (conn) PQsetNoticeProcessor(conn.get(), LogNotice, nullptr);
  return conn;
}

bool IsUp(const PgConn& conn) { return conn && PQstatus(conn.get()) == CONNECTION_OK; }

std::string ConnectionError(const PgConn& conn) {
  std::string message = conn ? PQerrorMessage(conn.get()) : "out of memory";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// Runs `sql` with text parameters; whether it worked, with libpq's reason in `error` if not.
bool Run(PGconn* conn, const char* sql, std::vector<const char*> params, std::string* error) {
  PGresult* result = PQexecParams(conn, sql, static_cast<int>(params.size()), nullptr,
                                  params.data(), nullptr, nullptr, 0);
  const ExecStatusType status = PQresultStatus(result);
  const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok) *error = PQresultErrorMessage(result);
  PQclear(result);
  return ok;
}

// Whether `conn` is up and now listens on the channel; logs why not.
bool StartListeningOn(const PgConn& conn) {
  if (!IsUp(conn)) {
    base::LogWarning("change feed: cannot reach the database: " + ConnectionError(conn));
    return false;
  }
  std::string error;
  const std::string listen = "LISTEN " + std::string(kChangeChannel);
  if (!Run(conn.get(), listen.c_str(), {}, &error)) {
    base::LogWarning("change feed: cannot listen: " + error);
    return false;
  }
  return true;
}

class PostgresChangeFeed final : public ChangeFeed {
 public:
  PostgresChangeFeed(std::string url, ChangeFeedHandlers handlers, PgConn notifier, PgConn listener,
                     int wake_fd)
      : url_(std::move(url)),
        handlers_(std::move(handlers)),
        notifier_(std::move(notifier)),
        notifier_pid_(PQbackendPID(notifier_.get())),
        wake_fd_(wake_fd),
        thread_([this, listener = std::move(listener)]() mutable { Listen(std::move(listener)); }) {
  }

  ~PostgresChangeFeed() override {
    stopping_ = true;
    const uint64_t one = 1;
    if (write(wake_fd_, &one, sizeof one) < 0)
      base::LogWarning("change feed: cannot wake listener");
    thread_.join();
    close(wake_fd_);
  }

  void Announce(const std::vector<std::string>& tags) override {
    std::lock_guard lock(notifier_mutex_);
    for (const std::string& payload : ChangePayloads(tags, kPayloadLimit)) {
      // A connection that dropped since the last announcement gets one new try.
      if (!Notify(payload) && !(Reconnect() && Notify(payload))) return;
    }
  }

 private:
  // Whether the notification went out; logs why not.
  bool Notify(const std::string& payload) {  // REQUIRES(notifier_mutex_)
    if (!IsUp(notifier_)) return false;
    std::string error;
    const std::string channel(kChangeChannel);
    if (Run(notifier_.get(), "SELECT pg_notify($1, $2)", {channel.c_str(), payload.c_str()},
            &error)) {
      return true;
    }
    base::LogWarning("change feed: other nodes not told of a change: " + error);
    return false;
  }

  bool Reconnect() {  // REQUIRES(notifier_mutex_)
    notifier_ = Connect(url_);
    if (!IsUp(notifier_)) {
      base::LogWarning("change feed: cannot reach the database: " + ConnectionError(notifier_));
      return false;
    }
    notifier_pid_ = PQbackendPID(notifier_.get());
    return true;
  }

  // Waits until the listening socket is readable, the feed stops or `millis` pass (-1: no limit).
  // Whether the socket is readable.
  bool Wait(int socket, int millis) {
    pollfd fds[2] = {{.fd = wake_fd_, .events = POLLIN, .revents = 0},
                     {.fd = socket, .events = POLLIN, .revents = 0}};
    const int ready = poll(fds, socket >= 0 ? 2 : 1, millis);
    return ready > 0 && socket >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
  }

  void Deliver(PGconn* conn) {
    while (PGnotify* notify = PQnotifies(conn)) {
      const bool own = notify->be_pid == notifier_pid_.load();
      std::vector<std::string> tags =
          own ? std::vector<std::string>{} : TagsOfChangePayload(notify->extra);
      PQfreemem(notify);
      if (!tags.empty()) handlers_.on_tags(tags);
    }
  }

  void Listen(PgConn conn) {
    while (!stopping_) {
      if (!IsUp(conn)) {
        base::LogWarning("change feed: listening connection lost; connecting again");
        do {
          Wait(-1, kReconnectMillis);
          if (stopping_) return;
          conn = Connect(url_);
        } while (!StartListeningOn(conn));
        // Whatever was announced while this node was not listening is lost.
        handlers_.on_gap();
      }
      if (!Wait(PQsocket(conn.get()), -1)) continue;
      if (PQconsumeInput(conn.get()) == 0) {
        conn.reset();
        continue;
      }
      Deliver(conn.get());
    }
  }

  const std::string url_;
  const ChangeFeedHandlers handlers_;
  std::mutex notifier_mutex_;
  PgConn notifier_;  // GUARDED_BY(notifier_mutex_)
  // The notifier's server process, whose notifications are this node's own.
  std::atomic<int> notifier_pid_;
  const int wake_fd_;  // written once to stop the listener
  std::atomic<bool> stopping_ = false;
  std::thread thread_;
};

}  // namespace

std::vector<std::string> ChangePayloads(const std::vector<std::string>& tags, size_t limit) {
  std::vector<std::string> payloads;
  std::string payload;
  // A write names a list tag once for each state it is in (change_tags.h): one copy is enough.
  std::unordered_set<std::string_view> announced;
  const std::string site = SiteTag();
  for (const std::string& given : tags) {
    const std::string_view tag = given.size() > limit ? std::string_view(site) : given;
    if (tag.empty() || !announced.insert(tag).second) continue;
    if (!payload.empty() && payload.size() + 1 + tag.size() > limit) {
      payloads.push_back(std::move(payload));
      payload.clear();
    }
    if (!payload.empty()) payload += '\n';
    payload += tag;
  }
  if (!payload.empty()) payloads.push_back(std::move(payload));
  return payloads;
}

std::vector<std::string> TagsOfChangePayload(std::string_view payload) {
  std::vector<std::string> tags;
  while (!payload.empty()) {
    const size_t end = std::min(payload.find('\n'), payload.size());
    if (end > 0) tags.emplace_back(payload.substr(0, end));
    payload.remove_prefix(std::min(end + 1, payload.size()));
  }
  return tags;
}

base::Result<std::unique_ptr<ChangeFeed>> OpenPostgresChangeFeed(const std::string& url,
                                                                 ChangeFeedHandlers handlers) {
  PgConn notifier = Connect(url);
  if (!IsUp(notifier)) {
    return base::UnavailableError("change feed: cannot reach the database: " +
                                  ConnectionError(notifier));
  }
  PgConn listener = Connect(url);
  if (!StartListeningOn(listener)) {
    return base::UnavailableError("change feed: cannot listen on the database");
  }
  const int wake_fd = eventfd(0, EFD_CLOEXEC);
  if (wake_fd < 0) {
    return base::InternalError("change feed: no eventfd: errno " + std::to_string(errno));
  }
  return std::make_unique<PostgresChangeFeed>(url, std::move(handlers), std::move(notifier),
                                              std::move(listener), wake_fd);
}

}  // namespace gazette::store
