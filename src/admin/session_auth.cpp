#include "admin/session_auth.h"

#include "auth/token.h"
#include "http/cookies.h"

namespace gazette::admin {
namespace {

// A session's idle end is moved forward at most this often.
constexpr std::chrono::seconds kTouchInterval{60};

tl::unexpected<base::Error> NotSignedIn() {
  return base::UnauthenticatedError("you are not signed in, or your session has ended");
}

}  // namespace

SessionAuth::SessionAuth(store::Store& store, const base::Clock& clock, SessionOptions options)
    : store_(store), clock_(clock), options_(options) {}

base::Result<SessionAuth::Started> SessionAuth::Start(int64_t user_id) {
  auto token = auth::NewSessionToken();
  if (!token) return base::Unexpected(token.error());
  auto csrf = auth::NewSessionToken();
  if (!csrf) return base::Unexpected(csrf.error());
  const base::Seconds now = clock_.Now();
  content::Session session{
      .token_hash = auth::HashToken(*token),
      .user_id = user_id,
      .csrf_token = std::move(*csrf),
      .created_at = now,
      .expires_at = now + std::min(options_.idle, options_.max),
      .last_seen_at = now,
  };
  if (auto stored = store_.CreateSession(session); !stored) {
    return base::Unexpected(stored.error());
  }
  std::string cookie = http::FormatSetCookie(
      kSessionCookie, *token, {.max_age = options_.max, .secure = options_.secure_cookie});
  return Started{std::move(session), std::move(cookie)};
}

base::Result<Caller> SessionAuth::FromCookie(const http::Request& request) {
  std::optional<std::string> token = http::GetCookie(request, kSessionCookie);
  if (!token || token->size() != auth::kSessionTokenLength) return NotSignedIn();
  const base::Seconds now = clock_.Now();
  auto session = store_.GetSession(auth::HashToken(*token), now);
  if (!session) {
    if (session.error().code() == base::ErrorCode::kNotFound) return NotSignedIn();
    return base::Unexpected(session.error());
  }
  auto user = store_.GetUser(session->user_id);
  if (!user) {
    if (user.error().code() == base::ErrorCode::kNotFound) return NotSignedIn();
    return base::Unexpected(user.error());
  }
  if (user->disabled) return NotSignedIn();
  if (now - session->last_seen_at >= kTouchInterval) {
    const base::Seconds expires = std::min(now + options_.idle, session->created_at + options_.max);
    if (store_.TouchSession(session->token_hash, now, expires)) {
      session->last_seen_at = now;
      session->expires_at = expires;
    }
  }
  return Caller{std::move(*user), std::move(*session)};
}

base::Result<Caller> SessionAuth::FromApiToken(const http::Request& request) {
  std::string_view header = request.Header("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (!header.starts_with(kScheme)) {
    return base::UnauthenticatedError("send an API token: Authorization: Bearer <token>");
  }
  const std::string_view token = header.substr(kScheme.size());
  auto refused = [] {
    return base::UnauthenticatedError("the API token is not valid, or has been revoked");
  };
  if (token.size() != auth::kSessionTokenLength) return refused();
  auto stored = store_.GetApiToken(auth::HashToken(token));
  if (!stored) {
    if (stored.error().code() == base::ErrorCode::kNotFound) return refused();
    return base::Unexpected(stored.error());
  }
  auto user = store_.GetUser(stored->user_id);
  if (!user || user->disabled) return refused();
  const base::Seconds now = clock_.Now();
  if (!stored->last_used_at || now - *stored->last_used_at >= kTouchInterval) {
    // Only a record of use: the call goes on if it cannot be written.
    (void)store_.TouchApiToken(stored->id, now);
  }
  return Caller{std::move(*user), std::nullopt};
}

base::Status SessionAuth::End(const http::Request& request) {
  std::optional<std::string> token = http::GetCookie(request, kSessionCookie);
  if (!token) return base::Ok();
  return store_.DeleteSession(auth::HashToken(*token));
}

std::string SessionAuth::ClearCookie() const {
  return http::FormatSetCookie(
      kSessionCookie, "", {.max_age = std::chrono::seconds(0), .secure = options_.secure_cookie});
}

}  // namespace gazette::admin
