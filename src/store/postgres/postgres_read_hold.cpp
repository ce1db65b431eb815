// PostgresStore::HoldReads: one connection and read transaction for a run of a thread's reads.
#include <memory>
#include <utility>

#include "store/postgres/postgres_store_internal.h"

namespace gazette::store::postgres {

thread_local PostgresStore::HeldReads* PostgresStore::held_ = nullptr;

// Ends the held transaction and gives the connection back.
class PostgresStore::Hold final : public ReadHold {
 public:
  explicit Hold(std::unique_ptr<HeldReads> held) : held_reads_(std::move(held)) {
    held_ = held_reads_.get();
  }
  ~Hold() override {
    if (held_ == held_reads_.get()) held_ = nullptr;
    // COMMIT ends a failed transaction too (as a rollback); a read has nothing to keep.
    (void)held_reads_->lease.connection().Exec("COMMIT");
  }

 private:
  std::unique_ptr<HeldReads> held_reads_;
};

std::unique_ptr<ReadHold> PostgresStore::HoldReads() {
  if (held_ != nullptr) return std::make_unique<ReadHold>();
  ConnectionPool::Lease lease = pool_.Acquire();
  // Without a transaction to hold, each read takes its own, as it would unheld.
  if (!lease.connection().Exec(kBeginRead)) return std::make_unique<ReadHold>();
  return std::make_unique<Hold>(
      std::make_unique<HeldReads>(HeldReads{.store = this, .lease = std::move(lease)}));
}

}  // namespace gazette::store::postgres
