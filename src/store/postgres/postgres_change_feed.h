// The change feed (change_feed.h) of the nodes on one PostgreSQL database, by LISTEN/NOTIFY.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/change_feed.h"

namespace gazette::store {

// The channel the nodes NOTIFY and LISTEN on.
inline constexpr std::string_view kChangeChannel = "gazette_changes";

// Connects twice to `url`: once to NOTIFY this node's announcements (tags joined by '\n', split
// over as many notifications as PostgreSQL's 8000-byte payload limit needs), once to LISTEN on a
// thread of its own that calls `handlers` with the other nodes' (this node's own are skipped).
// When the listening connection drops, the thread connects again (every second until it can),
// and then calls on_gap, since notifications sent meanwhile are lost. Unless `url` says
// otherwise, a connection attempt gives up after 10 s and TCP keepalives find a silent server
// gone within about a minute. Unavailable when `url` cannot be reached at the start. The
// destructor stops the thread (waiting at most for one connection attempt).
base::Result<std::unique_ptr<ChangeFeed>> OpenPostgresChangeFeed(const std::string& url,
                                                                 ChangeFeedHandlers handlers);

// The payloads that announce `tags`, each at most `limit` bytes: as many tags in each as fit,
// joined by '\n', each tag once, empty ones left out. A tag longer than `limit` is announced as
// the site tag (every page carries it).
std::vector<std::string> ChangePayloads(const std::vector<std::string>& tags, size_t limit);

// The tags of one payload.
std::vector<std::string> TagsOfChangePayload(std::string_view payload);

}  // namespace gazette::store
