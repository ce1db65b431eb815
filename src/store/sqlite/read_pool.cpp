#include "store/sqlite/read_pool.h"

namespace gazette::store::sqlite {

ReadPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->GiveBack(std::move(db_));
}

ReadPool::Lease ReadPool::Acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Db> db = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(db));
}

void ReadPool::GiveBack(std::unique_ptr<Db> db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  returned_.notify_one();
}

}  // namespace gazette::store::sqlite
