-- 0006_reading (PostgreSQL): what readers find next. The body's plain text (articles.body_text),
-- which the search index holds instead of the Markdown source so that snippets show no Markdown
-- marks.
--
-- body_text is what content::MarkdownToPlainText makes of body_md; the store writes it with
-- every create and update. PostgreSQL cannot call that C++ function, so the migration runner
-- fills body_text of the articles stored before this migration right after this file, in the
-- same transaction (migrations.cpp); the update trigger below then indexes them again.

ALTER TABLE articles ADD COLUMN body_text text NOT NULL DEFAULT '';

-- The index on body_text; the link and rename triggers of 0004 stay.
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
           setweight(to_tsvector('gazette_search', a.body_text), 'D')
    FROM articles a WHERE a.id = article AND a.status = 'published';
$$;

DROP TRIGGER article_search_update ON articles;
CREATE TRIGGER article_search_update AFTER UPDATE OF title, dek, body_text, status ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_article_changed();

-- Related reading: for each published article, the kRelatedKept (store.h) published articles
-- most related to it, with the score that ranked them (higher is closer). Worked out by the
-- store in the transaction that publishes or edits the article; an article that stops being
-- published is removed from every list, and reads join on status as well.
CREATE TABLE article_related (
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  related_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  score bigint NOT NULL,  -- in millionths
  PRIMARY KEY (article_id, related_id)
);

CREATE INDEX article_related_by_related ON article_related (related_id);

-- Published articles whose related list is still to be worked out: every one published before
-- this migration. The store works through them when it opens, in small transactions, because the
-- lists need the word picker of C++ code, not SQL alone; a store that stops halfway goes on from
-- there the next time.
CREATE TABLE related_pending (
  article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

INSERT INTO related_pending (article_id) SELECT id FROM articles WHERE status = 'published';
