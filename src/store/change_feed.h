// The change feed: how the nodes that share one database tell each other what their writes
// changed, as page-cache tags (change_tags.h), so that every node's page cache drops the pages a
// write on any node made stale. One node alone (SQLite) needs none.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace gazette::store {

// What a feed calls with what the other nodes announce, on a thread of its own.
struct ChangeFeedHandlers {
  // Pages with any of these tags changed on another node; never an empty list.
  std::function<void(const std::vector<std::string>& tags)> on_tags;
  // Announcements may have been missed (the feed lost its connection): every kept page may be
  // stale.
  std::function<void()> on_gap;
};

// Announces this node's changes and hears the other nodes'. Safe for concurrent use.
class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;

  // Tells the other nodes that the pages with these tags changed; called once a write is
  // committed. This node's own handlers are not called for them, except, harmlessly, for an
  // announcement still on its way when the feed renewed a lost connection. A failure is logged, not
  // returned: the write stands, and the other nodes' pages age out with the cache's max age.
  virtual void Announce(const std::vector<std::string>& tags) = 0;
};

}  // namespace gazette::store
