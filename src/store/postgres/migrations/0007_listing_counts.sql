-- 0007_listing_counts (PostgreSQL): how many articles each author, tag and partner has in each
-- status, kept by the triggers below as article_counts (0001) keeps them per section. An
-- author's, a tag's or a partner's page is numbered from its count, which is then one row read
-- instead of a walk over every article it lists (a common tag is on a quarter of a large
-- archive).

CREATE TABLE author_counts (
  author_id bigint NOT NULL REFERENCES authors (id),
  status text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (author_id, status)
);

CREATE TABLE tag_counts (
  tag_id bigint NOT NULL REFERENCES tags (id),
  status text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (tag_id, status)
);

CREATE TABLE partner_counts (
  partner_id bigint NOT NULL REFERENCES partners (id),
  status text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (partner_id, status)
);

INSERT INTO author_counts (author_id, status, count)
  SELECT author_id, status, count(*) FROM article_authors GROUP BY author_id, status;
INSERT INTO tag_counts (tag_id, status, count)
  SELECT tag_id, status, count(*) FROM article_tags GROUP BY tag_id, status;
INSERT INTO partner_counts (partner_id, status, count)
  SELECT partner_id, status, count(*) FROM articles WHERE partner_id IS NOT NULL
  GROUP BY partner_id, status;

-- The links carry their article's status (0001), so their own inserts, deletes and status
-- updates are what the author and tag counts follow.
CREATE FUNCTION author_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE author_counts SET count = count - 1
      WHERE author_id = OLD.author_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO author_counts (author_id, status, count) VALUES (NEW.author_id, NEW.status, 1)
      ON CONFLICT (author_id, status) DO UPDATE SET count = author_counts.count + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER author_counts_insert AFTER INSERT ON article_authors
  FOR EACH ROW EXECUTE FUNCTION author_counts_follow();
CREATE TRIGGER author_counts_delete AFTER DELETE ON article_authors
  FOR EACH ROW EXECUTE FUNCTION author_counts_follow();
CREATE TRIGGER author_counts_update AFTER UPDATE OF author_id, status ON article_authors
  FOR EACH ROW
  WHEN (OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION author_counts_follow();

CREATE FUNCTION tag_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE tag_counts SET count = count - 1 WHERE tag_id = OLD.tag_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO tag_counts (tag_id, status, count) VALUES (NEW.tag_id, NEW.status, 1)
      ON CONFLICT (tag_id, status) DO UPDATE SET count = tag_counts.count + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tag_counts_insert AFTER INSERT ON article_tags
  FOR EACH ROW EXECUTE FUNCTION tag_counts_follow();
CREATE TRIGGER tag_counts_delete AFTER DELETE ON article_tags
  FOR EACH ROW EXECUTE FUNCTION tag_counts_follow();
CREATE TRIGGER tag_counts_update AFTER UPDATE OF tag_id, status ON article_tags
  FOR EACH ROW
  WHEN (OLD.tag_id IS DISTINCT FROM NEW.tag_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION tag_counts_follow();

CREATE FUNCTION partner_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.partner_id IS NOT NULL THEN
    UPDATE partner_counts SET count = count - 1
      WHERE partner_id = OLD.partner_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.partner_id IS NOT NULL THEN
    INSERT INTO partner_counts (partner_id, status, count) VALUES (NEW.partner_id, NEW.status, 1)
      ON CONFLICT (partner_id, status) DO UPDATE SET count = partner_counts.count + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER partner_counts_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (NEW.partner_id IS NOT NULL) EXECUTE FUNCTION partner_counts_follow();
CREATE TRIGGER partner_counts_delete AFTER DELETE ON articles
  FOR EACH ROW WHEN (OLD.partner_id IS NOT NULL) EXECUTE FUNCTION partner_counts_follow();
CREATE TRIGGER partner_counts_update AFTER UPDATE OF partner_id, status ON articles
  FOR EACH ROW
  WHEN (OLD.partner_id IS DISTINCT FROM NEW.partner_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION partner_counts_follow();
