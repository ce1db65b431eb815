#include "store/postgres/connection_pool.h"

namespace gazette::store::postgres {

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->GiveBack(std::move(connection_));
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Connection> connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(connection));
}

void ConnectionPool::GiveBack(std::unique_ptr<Connection> connection) {
  if (connection->IsBroken()) connection->Reset();
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

}  // namespace gazette::store::postgres
