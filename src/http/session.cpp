#include "http/session.h"

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <cstdint>
#include <exception>
#include <limits>
#include <vector>

#include "base/log.h"
#include "http/access_log.h"
#include "http/ascii.h"

namespace gazette::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

// How much to ask the socket for when waiting for a new request.
constexpr std::size_t kReadChunk = 16 * 1024;
// How long to keep reading (and discarding) after an error response before closing, so that the
// client receives the response instead of a reset caused by its own unread request bytes.
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::string_view View(beast::string_view text) { return {text.data(), text.size()}; }

Method MethodFrom(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

Request BuildRequest(bhttp::request<bhttp::string_body>& message, const std::string& remote) {
  Request request;
  request.method = MethodFrom(message.method());
  request.target = std::string(View(message.target()));
  std::string_view target = request.target;
  size_t question = target.find('?');
  request.path = PercentDecode(target.substr(0, question), false);
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message) {
    request.headers[Lowercase(View(field.name_string()))] = std::string(View(field.value()));
  }
  request.body = std::move(message.body());
  request.remote_address = remote;
  return request;
}

bool ChangesState(Method method) {
  return method != Method::kGet && method != Method::kHead && method != Method::kOptions;
}

Response CallHandler(const Handler& handler, const Request& request) {
  try {
    Response response = handler(request);
    if (response.status >= 100 && response.status <= 599) return response;
    base::LogError("handler answered " + request.target + " with invalid status " +
                   std::to_string(response.status));
  } catch (const std::exception& e) {
    base::LogError("handler failed on " + request.target + ": " + e.what());
  } catch (...) {
    base::LogError("handler failed on " + request.target + ": unknown exception");
  }
  return Response::Text(500, "Internal server error\n");
}

// Connection ends that are part of normal life and need no log line above debug.
bool IsQuietEnd(beast::error_code ec) {
  return ec == beast::error::timeout || ec == net::error::operation_aborted ||
         ec == net::error::eof || ec == net::error::connection_reset ||
         ec == net::error::broken_pipe || ec == bhttp::error::end_of_stream ||
         ec == bhttp::error::partial_message || ec == bhttp::error::short_read;
}

std::string_view ReasonText(int status) {
  switch (status) {
    case 400:
      return "Bad request\n";
    case 413:
      return "Request body too large\n";
    case 431:
      return "Request header fields too large\n";
    default:
      return "Error\n";
  }
}

}  // namespace

Session::Session(SessionShared& shared, tcp::socket socket)
    : shared_(shared), stream_(std::move(socket)) {
  beast::error_code ec;
  tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
  remote_address_ = ec ? "-" : remote.address().to_string();
  stream_.socket().set_option(tcp::no_delay(true), ec);
}

Session::~Session() {
  if (!registration_) return;
  std::lock_guard lock(shared_.mutex);
  shared_.sessions.erase(*registration_);
}

void Session::Start() {
  {
    std::lock_guard lock(shared_.mutex);
    registration_ = shared_.sessions.insert(shared_.sessions.end(), weak_from_this());
  }
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&Session::WaitForRequest, shared_from_this()));
}

void Session::CloseIfIdle() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_) self->stream_.cancel();
  });
}

void Session::WaitForRequest() {
  if (shared_.stopping) return Close();
  if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already here
  idle_ = true;
  stream_.expires_after(shared_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
}

void Session::OnFirstBytes(beast::error_code ec, std::size_t bytes) {
  idle_ = false;
  if (ec) return OnReadError(ec);
  buffer_.commit(bytes);
  ReadHeader();
}

void Session::ReadHeader() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
      shared_.options.header_limit, std::numeric_limits<std::uint32_t>::max())));
  parser_->body_limit(std::max(shared_.options.body_limit, shared_.options.upload_limit));
  request_start_ = std::chrono::steady_clock::now();
  // One deadline for the whole request, header and body, counted from its first byte.
  stream_.expires_after(shared_.options.request_timeout);
  GatherHeader();
}

// Beast 1.74 applies header_limit to each run of unparsed bytes, not to the whole header: a
// header that arrives in pieces passes any limit. So the whole header is gathered and measured
// here first, and only then handed to the parser in one piece.
void Session::GatherHeader() {
  const std::string_view received(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  // A bare "\n\n" ends the header too: the parser then answers it with 400.
  const std::size_t end = std::min(received.find("\r\n\r\n"), received.find("\n\n"));
  const std::size_t header_size = end == std::string_view::npos ? received.size() : end + 4;
  if (header_size > shared_.options.header_limit) return SendError(431);
  if (end == std::string_view::npos) {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::OnHeaderBytes, shared_from_this()));
    return;
  }
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
}

void Session::OnHeaderBytes(beast::error_code ec, std::size_t bytes) {
  if (ec) return OnReadError(ec);
  buffer_.commit(bytes);
  GatherHeader();
}

void Session::OnHeader(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  if (parser_->is_done()) return Respond();
  const auto& message = parser_->get();
  // Beast checks a Content-Length against the limit while it parses the header, so the header
  // was read under the larger of the two limits and the right one is applied now.
  const std::string_view content_type = View(message[bhttp::field::content_type]);
  const bool upload = ContainsIgnoreCase(content_type, "multipart/form-data") ||
                      ContainsIgnoreCase(content_type, "image/");
  const size_t body_limit = upload ? shared_.options.upload_limit : shared_.options.body_limit;
  if (parser_->content_length().value_or(0) > body_limit) return SendError(413);
  parser_->body_limit(body_limit);
  if (message.version() >= 11 &&
      EqualsIgnoreCase(TrimSpace(View(message[bhttp::field::expect])), "100-continue")) {
    net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                     beast::bind_front_handler(&Session::OnContinueSent, shared_from_this()));
    return;
  }
  ReadBody();
}

void Session::OnContinueSent(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  ReadBody();
}

void Session::ReadBody() {
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&Session::OnBody, shared_from_this()));
}

void Session::OnBody(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  Respond();
}

void Session::OnReadError(beast::error_code ec) {
  if (ec == bhttp::error::header_limit) return SendError(431);
  if (ec == bhttp::error::body_limit) return SendError(413);
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
      !IsQuietEnd(ec)) {
    return SendError(400);
  }
  if (!IsQuietEnd(ec)) base::LogDebug("connection from " + remote_address_ + ": " + ec.message());
  Close();
}

void Session::Respond() {
  bhttp::request<bhttp::string_body> message = parser_->release();
  parser_.reset();
  const unsigned version = message.version();
  const bool keep_alive = message.keep_alive();
  log_method_ = std::string(View(message.method_string()));
  log_target_ = std::string(View(message.target()));
  log_user_agent_ = std::string(View(message[bhttp::field::user_agent]));
  auto request = std::make_shared<Request>(BuildRequest(message, remote_address_));
  // Only origin-form targets ("/path?query") are served; absolute-form and "*" are refused.
  if (!request->target.starts_with('/')) {
    return Answer(*request, Response::Text(400, std::string(ReasonText(400))), version, keep_alive);
  }
  if (!ChangesState(request->method) || shared_.blocking_pool == nullptr) {
    return Answer(*request, CallHandler(shared_.handler, *request), version, keep_alive);
  }
  // The work guard keeps the io_context running while the handler is away from it.
  net::post(*shared_.blocking_pool, [self = shared_from_this(), request, version, keep_alive,
                                     work = net::make_work_guard(stream_.get_executor())] {
    Response response = CallHandler(self->shared_.handler, *request);
    net::post(self->stream_.get_executor(),
              [self, request, version, keep_alive, response = std::move(response)]() mutable {
                self->Answer(*request, std::move(response), version, keep_alive);
              });
  });
}

void Session::Answer(const Request& request, Response response, unsigned version, bool keep_alive) {
  WireResponse wire =
      PrepareForWire(request, std::move(response), std::chrono::system_clock::now());
  Write(std::move(wire), version, keep_alive && !shared_.stopping);
}

void Session::SendError(int status) {
  if (parser_ && parser_->is_header_done()) {
    log_method_ = std::string(View(parser_->get().method_string()));
    log_target_ = std::string(View(parser_->get().target()));
    log_user_agent_ = std::string(View(parser_->get()[bhttp::field::user_agent]));
  } else {
    log_method_ = log_target_ = "-";
    log_user_agent_.clear();
  }
  parser_.reset();
  linger_after_write_ = true;
  WireResponse wire =
      PrepareForWire(Request{}, Response::Text(status, std::string(ReasonText(status))),
                     std::chrono::system_clock::now());
  Write(std::move(wire), 11, false);
}

void Session::Write(WireResponse wire, unsigned version, bool keep_alive) {
  // The head is written by hand rather than by Beast's serializer: PrepareForWire has already
  // checked every field, and a cache hit spends most of its time here otherwise.
  written_head_ = WireHead(wire, version % 10, keep_alive);
  written_body_ = std::move(wire.body);
  written_status_ = wire.status;
  close_after_write_ = !keep_alive;
  stream_.expires_after(shared_.options.request_timeout);
  const std::array<net::const_buffer, 2> buffers = {net::buffer(written_head_),
                                                    net::buffer(written_body_)};
  net::async_write(stream_, buffers,
                   beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code ec, std::size_t) {
  if (shared_.options.access_log) {
    WriteAccessLogLine(FormatAccessLogLine({
        .remote_address = remote_address_,
        .method = log_method_,
        .target = log_target_,
        .status = written_status_,
        .bytes = written_body_.size(),
        .duration = std::chrono::steady_clock::now() - request_start_,
        .user_agent = log_user_agent_,
    }));
  }
  if (ec) {
    if (!IsQuietEnd(ec)) base::LogDebug("writing to " + remote_address_ + ": " + ec.message());
    return Close();
  }
  if (linger_after_write_) return Linger();
  if (close_after_write_) return Close();
  WaitForRequest();
}

void Session::Linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  buffer_.clear();
  stream_.expires_after(kLingerTime);
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          beast::bind_front_handler(&Session::OnLinger, shared_from_this()));
}

void Session::OnLinger(beast::error_code ec, std::size_t) {
  if (ec) return Close();
  // The deadline set by Linger() still runs: it bounds the whole drain.
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          beast::bind_front_handler(&Session::OnLinger, shared_from_this()));
}

void Session::Close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

void CloseIdleSessions(SessionShared& shared) {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(shared.mutex);
    for (const auto& weak : shared.sessions) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (const auto& session : live) session->CloseIfIdle();
}

}  // namespace gazette::http
