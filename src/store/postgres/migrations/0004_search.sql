-- 0004_search (PostgreSQL): the full-text index of published articles, for reader search. One row
-- per published article holding one tsvector of its title (weight A), dek (B), the names of its
-- authors and tags (C) and its Markdown body (D), under a GIN index. Only published articles are
-- indexed: a draft, a scheduled piece or an unpublished one is never found, and the index stays
-- the size of what readers see. The triggers below keep it in step with every write, inside the
-- writing transaction, by working the article's row out again from the tables.
--
-- The gazette_search configuration folds case and accents (unaccent: "Élysée" finds "elysee")
-- and stems English words ("sanctions" finds "sanctioned"), as SQLite's porter unicode61 does.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION gazette_search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION gazette_search
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE article_search (
  article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  document tsvector NOT NULL
);

CREATE INDEX article_search_document ON article_search USING gin (document);

-- Writes article `id`'s row again: removed, and added back if the article is published.
CREATE FUNCTION gazette_index_article(article bigint) RETURNS void LANGUAGE sql AS $$
  DELETE FROM article_search WHERE article_id = article;
  INSERT INTO article_search (article_id, document)
    SELECT a.id,
           setweight(to_tsvector('gazette_search', a.title), 'A') ||
           setweight(to_tsvector('gazette_search', a.dek), 'B') ||
           setweight(to_tsvector('gazette_search',
             (SELECT coalesce(string_agg(au.name, ' '), '') FROM article_authors aa
                JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id) || ' ' ||
             (SELECT coalesce(string_agg(t.name, ' '), '') FROM article_tags at
                JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)), 'C') ||
           setweight(to_tsvector('gazette_search', a.body_md), 'D')
    FROM articles a WHERE a.id = article AND a.status = 'published';
$$;

-- The articles published before this migration.
SELECT gazette_index_article(id) FROM articles WHERE status = 'published';

CREATE FUNCTION article_search_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gazette_index_article(NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER article_search_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (NEW.status = 'published')
  EXECUTE FUNCTION article_search_article_changed();
CREATE TRIGGER article_search_update AFTER UPDATE OF title, dek, body_md, status ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_article_changed();
-- A deleted article's row goes with it (ON DELETE CASCADE).

-- A byline or tag list that changes, or an author or tag renamed, changes the indexed names.
CREATE FUNCTION article_search_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM gazette_index_article(OLD.article_id);
  ELSE
    PERFORM gazette_index_article(NEW.article_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER article_search_author_link_insert AFTER INSERT ON article_authors
  FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION article_search_link_changed();
CREATE TRIGGER article_search_author_link_delete AFTER DELETE ON article_authors
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION article_search_link_changed();
CREATE TRIGGER article_search_tag_link_insert AFTER INSERT ON article_tags
  FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION article_search_link_changed();
CREATE TRIGGER article_search_tag_link_delete AFTER DELETE ON article_tags
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION article_search_link_changed();

CREATE FUNCTION article_search_author_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gazette_index_article(article_id) FROM article_authors
    WHERE author_id = NEW.id AND status = 'published';
  RETURN NULL;
END $$;

CREATE FUNCTION article_search_tag_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gazette_index_article(article_id) FROM article_tags
    WHERE tag_id = NEW.id AND status = 'published';
  RETURN NULL;
END $$;

CREATE TRIGGER article_search_author_rename AFTER UPDATE OF name ON authors
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION article_search_author_renamed();
CREATE TRIGGER article_search_tag_rename AFTER UPDATE OF name ON tags
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION article_search_tag_renamed();
