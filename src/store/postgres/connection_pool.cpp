#include "store/postgres/connection_pool.h"

namespace gazette::store::postgres {

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->GiveBack(std::move(connection_));
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_ptr<Connection> connection;
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty(); });
    connection = std::move(idle_.back());
    idle_.pop_back();
  }
  // Checked when lent rather than when given back, so that a connection the server closed
  // while it sat idle is replaced before a statement fails on it. Outside the lock: connecting
  // takes a while, and fails fast while the server is away (the statement then reports
  // Unavailable, and the next lease tries again).
  if (connection->IsBroken()) connection->Reset();
  return Lease(this, std::move(connection));
}

void ConnectionPool::GiveBack(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

}  // namespace gazette::store::postgres
