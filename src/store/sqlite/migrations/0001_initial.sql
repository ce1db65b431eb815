-- 0001_initial: sections, authors, partners, tags, articles with their author and tag links,
-- moved-article history, daily page views and site settings. The schema_version table is made by
-- the migration runner itself, before this file runs. Times are Unix seconds (UTC); days are days
-- since 1970-01-01 (UTC).

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('region', 'topic')),
  position INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  name TEXT NOT NULL,
  bio TEXT NOT NULL DEFAULT '',
  -- the login of an author who writes here; NULL for outside contributors
  user_id INTEGER
) STRICT;

CREATE TABLE partners (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  feed_url TEXT,
  credit TEXT NOT NULL DEFAULT 'canonical' CHECK (credit IN ('canonical', 'noindex')),
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  title TEXT NOT NULL,
  dek TEXT NOT NULL DEFAULT '',
  body_md TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL
    CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  section_id INTEGER NOT NULL REFERENCES sections (id),
  partner_id INTEGER REFERENCES partners (id),
  -- where a partner piece was first published; '' for our own pieces
  original_url TEXT NOT NULL DEFAULT '',
  published_at INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL DEFAULT 0,
  word_count INTEGER NOT NULL DEFAULT 0 CHECK (word_count >= 0),
  -- the media row of the lead image, once media are stored
  lead_image_id INTEGER
) STRICT;

-- Published listings, newest first: overall, per section, per partner.
CREATE INDEX articles_by_status_date ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_by_section_status_date
  ON articles (section_id, status, published_at DESC, id DESC);
CREATE INDEX articles_by_partner_status_date
  ON articles (partner_id, status, published_at DESC, id DESC);

-- How many articles each section holds in each status, kept by the triggers below: the published
-- articles of the site or of a section are counted (for pagination) without reading them all.
CREATE TABLE article_counts (
  section_id INTEGER NOT NULL REFERENCES sections (id),
  status TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (section_id, status)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER articles_count_insert AFTER INSERT ON articles
BEGIN
  INSERT INTO article_counts (section_id, status, count) VALUES (NEW.section_id, NEW.status, 1)
    ON CONFLICT (section_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER articles_count_delete AFTER DELETE ON articles
BEGIN
  UPDATE article_counts SET count = count - 1
    WHERE section_id = OLD.section_id AND status = OLD.status;
END;

CREATE TRIGGER articles_count_update AFTER UPDATE OF section_id, status ON articles
  WHEN OLD.section_id IS NOT NEW.section_id OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE article_counts SET count = count - 1
    WHERE section_id = OLD.section_id AND status = OLD.status;
  INSERT INTO article_counts (section_id, status, count) VALUES (NEW.section_id, NEW.status, 1)
    ON CONFLICT (section_id, status) DO UPDATE SET count = count + 1;
END;

-- The byline, authors in order of position, and the tags, in the order the editor gave them.
-- status and published_at are copies of the article's, written with each link and kept equal by
-- the trigger below: an author's or a tag's published articles are then listed newest first, and
-- counted, from the index alone, however many articles there are.
CREATE TABLE article_authors (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES authors (id),
  position INTEGER NOT NULL,
  status TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, author_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_authors_by_author
  ON article_authors (author_id, status, published_at DESC, article_id DESC);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  position INTEGER NOT NULL,
  status TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_tags_by_tag
  ON article_tags (tag_id, status, published_at DESC, article_id DESC);

CREATE TRIGGER articles_copy_listing_fields_to_links
  AFTER UPDATE OF status, published_at ON articles
  WHEN OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at
BEGIN
  UPDATE article_authors SET status = NEW.status, published_at = NEW.published_at
    WHERE article_id = NEW.id;
  UPDATE article_tags SET status = NEW.status, published_at = NEW.published_at
    WHERE article_id = NEW.id;
END;

-- Where articles used to be: an old /<section>/<slug>/ answers with a redirect to the article.
CREATE TABLE article_slug_history (
  section_id INTEGER NOT NULL REFERENCES sections (id),
  slug TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (section_id, slug)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_slug_history_by_article ON article_slug_history (article_id);

CREATE TABLE views_daily (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  day INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (article_id, day)
) STRICT, WITHOUT ROWID;

-- "Most read since day D": covers the sum without touching the table.
CREATE INDEX views_daily_by_day ON views_daily (day, article_id, count);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
