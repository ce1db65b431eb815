// The Store contract for held reads (Store::HoldReads): one snapshot for a run of reads.
#include <string>
#include <thread>

#include "store/testing/result_assertions.h"
#include "store/testing/store_contract.h"

namespace gazette::store {
namespace {

std::string Title(Store& store) { return store.GetSetting("site.title").value_or(""); }

TEST_P(StoreContractTest, ReadsUnderAHoldSeeOneSnapshotUntilItEnds) {
  ASSERT_TRUE(Succeeds(store().SetSetting("site.title", "Before")));
  {
    const auto hold = store().HoldReads();
    EXPECT_EQ(Title(store()), "Before");
    ASSERT_TRUE(Succeeds(store().SetSetting("site.title", "After")));
    EXPECT_EQ(Title(store()), "Before");
    // Another thread's reads are its own: they see the write.
    std::string elsewhere;
    std::thread([&] { elsewhere = Title(store()); }).join();
    EXPECT_EQ(elsewhere, "After");
    // A hold asked for within one does nothing, and ending it ends nothing.
    store().HoldReads().reset();
    EXPECT_EQ(Title(store()), "Before");
  }
  EXPECT_EQ(Title(store()), "After");
}

TEST_P(StoreContractTest, AFailedReadUnderAHoldLeavesTheReadsAfterItWorking) {
  ASSERT_TRUE(Succeeds(store().SetSetting("site.title", "Kept")));
  const auto hold = store().HoldReads();
  // Not UTF-8: PostgreSQL fails the statement, and with it the transaction it was in.
  EXPECT_FALSE(store().GetSectionBySlug("\xff\xfe").has_value());
  EXPECT_EQ(Title(store()), "Kept");
  EXPECT_TRUE(Succeeds(store().ListSections()));
}

}  // namespace
}  // namespace gazette::store
