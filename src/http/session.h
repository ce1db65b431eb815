// One client connection of the server (Boost.Beast): reads requests under size limits and
// deadlines, runs the handler, writes the responses in order, closes on request, error or
// shutdown. Private to src/http: the only header that names Beast, which public headers never do.
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "http/server.h"
#include "http/wire_response.h"

namespace gazette::http {

class Session;

// What all sessions of one server share. Owned by the server, which outlives its sessions.
struct SessionShared {
  ServerOptions options;
  Handler handler;
  // Runs the handlers of state-changing requests (see ServerOptions::blocking_threads).
  boost::asio::thread_pool* blocking_pool = nullptr;
  std::atomic<bool> stopping{false};  // set once by Server::Stop()
  std::mutex mutex;
  std::list<std::weak_ptr<Session>> sessions;  // the live sessions; guarded by `mutex`
};

// Confined to its own strand; Start() and CloseIfIdle() may be called from any thread.
// Keeps itself alive (shared_from_this) while an operation is pending.
class Session : public std::enable_shared_from_this<Session> {
 public:
  // `socket` must run on a strand of its own.
  Session(SessionShared& shared, boost::asio::ip::tcp::socket socket);
  ~Session();

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Registers the session in `shared.sessions` and starts reading. Call once.
  void Start();

  // Closes the connection if it is waiting for a new request; a request being read or answered
  // is finished first, and the connection closes after its response.
  void CloseIfIdle();

 private:
  void WaitForRequest();
  void OnFirstBytes(boost::beast::error_code ec, std::size_t bytes);
  void ReadHeader();
  void GatherHeader();
  void OnHeaderBytes(boost::beast::error_code ec, std::size_t bytes);
  void OnHeader(boost::beast::error_code ec, std::size_t bytes);
  void OnContinueSent(boost::beast::error_code ec, std::size_t bytes);
  void ReadBody();
  void OnBody(boost::beast::error_code ec, std::size_t bytes);
  void OnReadError(boost::beast::error_code ec);
  void Respond();
  void Answer(const Request& request, Response response, unsigned version, bool keep_alive);
  void SendError(int status);
  void Write(WireResponse wire, unsigned version, bool keep_alive);
  void OnWrite(boost::beast::error_code ec, std::size_t bytes);
  void Linger();
  void OnLinger(boost::beast::error_code ec, std::size_t bytes);
  void Close();

  SessionShared& shared_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  // The response being written: its head and body, which must outlive the write.
  std::string written_head_;
  std::string written_body_;
  int written_status_ = 0;
  std::optional<std::list<std::weak_ptr<Session>>::iterator> registration_;  // set by Start()
  std::string remote_address_;
  bool idle_ = false;  // waiting for the first byte of a request
  bool close_after_write_ = false;
  bool linger_after_write_ = false;  // an error response: drain the client's bytes, then close
  std::chrono::steady_clock::time_point request_start_;
  std::string log_method_;  // for the access log line of the response being written
  std::string log_target_;
  std::string log_user_agent_;
};

// Calls CloseIfIdle() on every live session of `shared`. Safe from any thread.
void CloseIdleSessions(SessionShared& shared);

}  // namespace gazette::http
