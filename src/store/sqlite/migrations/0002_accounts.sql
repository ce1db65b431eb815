-- 0002_accounts: the newsroom's accounts and their sign-in sessions. Times are Unix seconds (UTC).

-- Emails are compared without regard to the case of ASCII letters: Ann@Example.com and
-- ann@example.com are one account.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (email <> ''),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('contributor', 'editor', 'admin')),
  -- an argon2id string in libsodium's format, parameters and salt included
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  -- the shared secret of a second factor; NULL until one is set up
  totp_secret TEXT,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;

-- A signed-in browser. The table keeps a hash of the token the browser holds, never the token:
-- a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (token_hash <> ''),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Expired sessions are swept by time; a user's sessions are ended together.
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_user ON sessions (user_id);
