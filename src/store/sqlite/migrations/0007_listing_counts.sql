-- 0007_listing_counts: how many articles each author, tag and partner has in each status, kept by
-- the triggers below as article_counts (0001) keeps them per section. An author's, a tag's or a
-- partner's page is numbered from its count, which is then one row read instead of a walk over
-- every article it lists (a common tag is on a quarter of a large archive).

CREATE TABLE author_counts (
  author_id INTEGER NOT NULL REFERENCES authors (id),
  status TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (author_id, status)
) STRICT, WITHOUT ROWID;

CREATE TABLE tag_counts (
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  status TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (tag_id, status)
) STRICT, WITHOUT ROWID;

CREATE TABLE partner_counts (
  partner_id INTEGER NOT NULL REFERENCES partners (id),
  status TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (partner_id, status)
) STRICT, WITHOUT ROWID;

INSERT INTO author_counts (author_id, status, count)
  SELECT author_id, status, count(*) FROM article_authors GROUP BY author_id, status;
INSERT INTO tag_counts (tag_id, status, count)
  SELECT tag_id, status, count(*) FROM article_tags GROUP BY tag_id, status;
INSERT INTO partner_counts (partner_id, status, count)
  SELECT partner_id, status, count(*) FROM articles WHERE partner_id IS NOT NULL
  GROUP BY partner_id, status;

-- The links carry their article's status (0001), so their own inserts, deletes and status
-- updates are what the author and tag counts follow.
CREATE TRIGGER author_counts_insert AFTER INSERT ON article_authors
BEGIN
  INSERT INTO author_counts (author_id, status, count) VALUES (NEW.author_id, NEW.status, 1)
    ON CONFLICT (author_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER author_counts_delete AFTER DELETE ON article_authors
BEGIN
  UPDATE author_counts SET count = count - 1
    WHERE author_id = OLD.author_id AND status = OLD.status;
END;

CREATE TRIGGER author_counts_update AFTER UPDATE OF author_id, status ON article_authors
  WHEN OLD.author_id IS NOT NEW.author_id OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE author_counts SET count = count - 1
    WHERE author_id = OLD.author_id AND status = OLD.status;
  INSERT INTO author_counts (author_id, status, count) VALUES (NEW.author_id, NEW.status, 1)
    ON CONFLICT (author_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER tag_counts_insert AFTER INSERT ON article_tags
BEGIN
  INSERT INTO tag_counts (tag_id, status, count) VALUES (NEW.tag_id, NEW.status, 1)
    ON CONFLICT (tag_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER tag_counts_delete AFTER DELETE ON article_tags
BEGIN
  UPDATE tag_counts SET count = count - 1 WHERE tag_id = OLD.tag_id AND status = OLD.status;
END;

CREATE TRIGGER tag_counts_update AFTER UPDATE OF tag_id, status ON article_tags
  WHEN OLD.tag_id IS NOT NEW.tag_id OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE tag_counts SET count = count - 1 WHERE tag_id = OLD.tag_id AND status = OLD.status;
  INSERT INTO tag_counts (tag_id, status, count) VALUES (NEW.tag_id, NEW.status, 1)
    ON CONFLICT (tag_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER partner_counts_insert AFTER INSERT ON articles
  WHEN NEW.partner_id IS NOT NULL
BEGIN
  INSERT INTO partner_counts (partner_id, status, count) VALUES (NEW.partner_id, NEW.status, 1)
    ON CONFLICT (partner_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER partner_counts_delete AFTER DELETE ON articles
  WHEN OLD.partner_id IS NOT NULL
BEGIN
  UPDATE partner_counts SET count = count - 1
    WHERE partner_id = OLD.partner_id AND status = OLD.status;
END;

CREATE TRIGGER partner_counts_update AFTER UPDATE OF partner_id, status ON articles
  WHEN OLD.partner_id IS NOT NEW.partner_id OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE partner_counts SET count = count - 1
    WHERE partner_id = OLD.partner_id AND status = OLD.status;
  INSERT INTO partner_counts (partner_id, status, count)
    SELECT NEW.partner_id, NEW.status, 1 WHERE NEW.partner_id IS NOT NULL
    ON CONFLICT (partner_id, status) DO UPDATE SET count = count + 1;
END;
