-- 0009_article_bodies (PostgreSQL): the bodies (Markdown, HTML and plain text) move out of
-- articles into a table of their own, one row per article, as on SQLite. PostgreSQL keeps large
-- values out of line (TOAST) already; the split keeps both backends' schemas and SQL parallel,
-- and listings, cards and search candidates read narrow rows on both.
--
-- The store writes an article's body row right after its articles row, in the same transaction.

CREATE TABLE article_bodies (
  article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  body_md text NOT NULL DEFAULT '',
  body_html text NOT NULL DEFAULT '',
  -- content::MarkdownToPlainText of body_md (0006), which the search index holds
  body_text text NOT NULL DEFAULT ''
);

INSERT INTO article_bodies (article_id, body_md, body_html, body_text)
  SELECT id, body_md, body_html, body_text FROM articles;

-- The update trigger of 0006 names body_text, which cannot be dropped while it does. The insert
-- trigger moves to article_bodies: an article is indexed once its body is there.
DROP TRIGGER article_search_update ON articles;
DROP TRIGGER article_search_insert ON articles;
ALTER TABLE articles DROP COLUMN body_md, DROP COLUMN body_html, DROP COLUMN body_text;

-- The index row is the join of the two rows, with the author and tag names, as in 0006; the
-- rows already indexed hold the same text and are kept.
CREATE OR REPLACE FUNCTION gazette_index_article(article bigint) RETURNS void LANGUAGE sql AS $$
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
           setweight(to_tsvector('gazette_search', b.body_text), 'D')
    FROM articles a JOIN article_bodies b ON b.article_id = a.id
    WHERE a.id = article AND a.status = 'published';
$$;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, dek, status ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_article_changed();

CREATE FUNCTION article_search_body_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM gazette_index_article(OLD.article_id);
  ELSE
    PERFORM gazette_index_article(NEW.article_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER article_search_insert AFTER INSERT ON article_bodies
  FOR EACH ROW EXECUTE FUNCTION article_search_body_changed();
-- Only a changed text: an edit writes the body row with every save, and the update trigger on
-- articles has already indexed the unchanged one.
CREATE TRIGGER article_search_body_update AFTER UPDATE OF body_text ON article_bodies
  FOR EACH ROW WHEN (OLD.body_text IS DISTINCT FROM NEW.body_text)
  EXECUTE FUNCTION article_search_body_changed();
-- A body row deleted alone takes the index row with it; one deleted with its article (ON DELETE
-- CASCADE) finds nothing left to index.
CREATE TRIGGER article_search_body_delete AFTER DELETE ON article_bodies
  FOR EACH ROW EXECUTE FUNCTION article_search_body_changed();
