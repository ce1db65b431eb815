-- 0003_newsroom: what the editors' newsroom needs beside the articles: who started an article and
-- which version of it an editor opened, earlier states of articles, uploaded images with their
-- re-encoded variants, and API tokens for scripts. Times are Unix seconds (UTC).

-- The alt text goes with the lead image (lead_image_id, made in 0001), which now names a media
-- row; SQLite cannot add a foreign key to an existing column, so the store checks that reference
-- itself. version counts the saves: an edit made from an older version is refused instead of
-- silently overwriting someone else's newer save.
ALTER TABLE articles ADD COLUMN lead_image_alt TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users (id);
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- The newsroom's article lists, most recently updated first: all articles, by status, by section
-- and by the user who started them. With an author filter, article_authors_by_author finds the
-- author's articles. Scheduled articles come due through articles_by_status_date (status,
-- published_at) from 0001, which already serves that lookup.
CREATE INDEX articles_by_update ON articles (updated_at DESC, id DESC);
CREATE INDEX articles_by_status_update ON articles (status, updated_at DESC, id DESC);
CREATE INDEX articles_by_section_update ON articles (section_id, updated_at DESC, id DESC);
CREATE INDEX articles_by_creator_update ON articles (created_by, updated_at DESC, id DESC);

-- A user has at most one author profile: GetAuthorByUser has one answer.
CREATE UNIQUE INDEX authors_by_user ON authors (user_id) WHERE user_id IS NOT NULL;

-- An earlier state of an article, kept on save. The editor's account may go; the revision stays.
CREATE TABLE revisions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  dek TEXT NOT NULL DEFAULT '',
  body_md TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL
    CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- An article's history, newest first.
CREATE INDEX revisions_by_article ON revisions (article_id, created_at DESC, id DESC);

-- An uploaded image: one row per distinct upload (its sha256), whoever uploads it again. The
-- uploaded file itself is never kept, only its variants below.
CREATE TABLE media (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (sha256 <> ''),
  original_mime TEXT NOT NULL,
  filename TEXT NOT NULL DEFAULT '',
  width INTEGER NOT NULL CHECK (width >= 0),
  height INTEGER NOT NULL CHECK (height >= 0),
  uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- The media library, newest first.
CREATE INDEX media_by_creation ON media (created_at DESC, id DESC);

-- One re-encoding of an image at one width. Kept in a rowid table, not WITHOUT ROWID: its rows
-- hold whole images, far larger than the small rows WITHOUT ROWID tables are made for.
CREATE TABLE media_variants (
  media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  format TEXT NOT NULL CHECK (format IN ('webp', 'jpeg')),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  bytes BLOB NOT NULL CHECK (length(bytes) > 0),
  PRIMARY KEY (media_id, format, width)
) STRICT;

-- A script's key to the Admin API. As with sessions, only the hash of the secret is kept, and
-- the tokens go with their user.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  token_hash TEXT NOT NULL UNIQUE CHECK (token_hash <> ''),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
) STRICT;

-- A user's tokens, newest first.
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at DESC, id DESC);
