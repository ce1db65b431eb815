// SqliteStore::HoldReads: one read connection and transaction for a run of a thread's reads.
#include <memory>
#include <utility>

#include "store/sqlite/sqlite_store_internal.h"

namespace gazette::store::sqlite {

thread_local SqliteStore::HeldReads* SqliteStore::held_ = nullptr;

// Ends the held transaction and gives the connection back.
class SqliteStore::Hold final : public ReadHold {
 public:
  explicit Hold(std::unique_ptr<HeldReads> held) : held_reads_(std::move(held)) {
    held_ = held_reads_.get();
  }
  ~Hold() override {
    held_ = nullptr;
    // A read transaction has nothing to keep: a failed COMMIT ends it as well.
    (void)held_reads_->transaction.Commit();
  }

 private:
  std::unique_ptr<HeldReads> held_reads_;
};

std::unique_ptr<ReadHold> SqliteStore::HoldReads() {
  if (held_ != nullptr) return std::make_unique<ReadHold>();
  ReadPool::Lease lease = readers_.Acquire();
  auto transaction = Transaction::Begin(lease.db(), Transaction::Mode::kRead);
  // Without a transaction to hold, each read takes its own, as it would unheld.
  if (!transaction) return std::make_unique<ReadHold>();
  return std::make_unique<Hold>(std::make_unique<HeldReads>(
      HeldReads{.store = this, .lease = std::move(lease), .transaction = std::move(*transaction)}));
}

}  // namespace gazette::store::sqlite
