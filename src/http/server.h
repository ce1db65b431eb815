// The HTTP/1.1 server (Boost.Beast): keep-alive, worker threads, limits, HEAD, ETag/304,
// gzip and brotli, access log, graceful shutdown. Handlers never see the socket.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"

namespace gazette::http {

using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";  // IPv4 or IPv6 literal to listen on
  uint16_t port = 8080;               // 0 picks a free port; see Server::port()
  int threads = 0;                    // worker threads; 0 means one per core
  // Threads for requests that change state (any method but GET, HEAD and OPTIONS). Their
  // handlers may block — on the store's single writer, a password hash, an image decode —
  // without holding up the worker threads that serve pages.
  int blocking_threads = 2;
  size_t header_limit = 16 * 1024;  // bytes of request line + headers; beyond: 431
  size_t body_limit = 1024 * 1024;  // bytes of request body; beyond: 413
  // The body limit of uploads: multipart/form-data and image/* bodies.
  size_t upload_limit = 16 * 1024 * 1024;
  std::chrono::seconds idle_timeout{30};     // keep-alive connection with no request: closed
  std::chrono::seconds request_timeout{15};  // a request not fully read by then: closed
  bool access_log = true;                    // one line per request on standard output
};

// Owns the listening socket and the worker threads.
// Run() blocks; Stop() may be called from any thread, including a signal handler's thread.
class Server {
 public:
  // Binds and listens. InvalidArgument for a bad address; Unavailable when the port is taken.
  static base::Result<std::unique_ptr<Server>> Create(const ServerOptions& options,
                                                      Handler handler);
  virtual ~Server() = default;

  // The port actually bound (useful with port 0).
  virtual uint16_t port() const = 0;

  // Serves until Stop() or SIGINT/SIGTERM; then stops accepting, lets requests in flight
  // finish (up to request_timeout), closes idle connections and returns.
  virtual void Run() = 0;
  virtual void Stop() = 0;
};

}  // namespace gazette::http
