// A fixed pool of read-only SQLite connections, lent to one thread at a time.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sqlite/sqlite_db.h"

namespace gazette::store::sqlite {

// Lends connections to any number of threads; a thread waits while all are lent.
// Safe for concurrent use. Must outlive every Lease it hands out.
class ReadPool {
 public:
  // A borrowed connection, given back when the lease is destroyed. Used by one thread at a time.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), db_(std::move(other.db_)) {
      other.pool_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Db& db() const { return *db_; }

   private:
    friend class ReadPool;
    Lease(ReadPool* pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}

    ReadPool* pool_;  // null once moved from
    std::unique_ptr<Db> db_;
  };

  // REQUIRES: connections is not empty.
  explicit ReadPool(std::vector<std::unique_ptr<Db>> connections) : idle_(std::move(connections)) {}

  // Waits for an idle connection and lends it.
  Lease Acquire();

 private:
  void GiveBack(std::unique_ptr<Db> db);

  std::mutex mutex_;
  std::condition_variable returned_;       // signalled when a connection goes back into idle_
  std::vector<std::unique_ptr<Db>> idle_;  // GUARDED_BY(mutex_)
};

}  // namespace gazette::store::sqlite
