// A fixed pool of PostgreSQL connections, lent to one thread at a time, for reads and writes
// alike: PostgreSQL runs concurrent writers itself, so there is no single writer as on SQLite.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/postgres/pg_connection.h"

namespace gazette::store::postgres {

// Lends connections to any number of threads; a thread waits while all are lent.
// Safe for concurrent use. Must outlive every Lease it hands out.
class ConnectionPool {
 public:
  // A borrowed connection, given back when the lease is destroyed. Used by one thread at a time.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {
      other.pool_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Connection& connection() const { return *connection_; }

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}

    ConnectionPool* pool_;  // null once moved from
    std::unique_ptr<Connection> connection_;
  };

  // REQUIRES: connections is not empty.
  explicit ConnectionPool(std::vector<std::unique_ptr<Connection>> connections)
      : idle_(std::move(connections)) {}

  // Waits for an idle connection and lends it; a broken one (the server restarted, or is
  // away) is connected again first, which may leave it broken.
  Lease Acquire();

 private:
  void GiveBack(std::unique_ptr<Connection> connection);

  std::mutex mutex_;
  std::condition_variable returned_;               // signalled when a connection goes back
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mutex_)
};

}  // namespace gazette::store::postgres
