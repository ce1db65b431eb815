-- 0006_reading: what readers find next. The body's plain text (articles.body_text), which the
-- search index holds instead of the Markdown source so that snippets show no Markdown marks.
--
-- body_text is what content::MarkdownToPlainText makes of body_md; the store writes it with
-- every create and update. The articles stored before this migration get theirs from
-- gazette_plain_text(), the same function, which the migration runner registers.

ALTER TABLE articles ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
UPDATE articles SET body_text = gazette_plain_text(body_md);

-- The index and its article triggers again, on body_text; the link and rename triggers of 0004
-- touch only the authors and tags columns and stay.
DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_update;
DELETE FROM article_search;

INSERT INTO article_search (rowid, title, dek, body, authors, tags)
  SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
         replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
         replace(replace(a.body_text, char(57344), ' '), char(57345), ' '),
         (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
            JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
         (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
  FROM articles a WHERE a.status = 'published';

CREATE TRIGGER article_search_insert AFTER INSERT ON articles
  WHEN NEW.status = 'published'
BEGIN
  INSERT INTO article_search (rowid, title, dek, body, authors, tags)
    VALUES (NEW.id, replace(replace(NEW.title, char(57344), ' '), char(57345), ' '),
            replace(replace(NEW.dek, char(57344), ' '), char(57345), ' '),
            replace(replace(NEW.body_text, char(57344), ' '), char(57345), ' '), '', '');
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, dek, body_text, status ON articles
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, dek, body, authors, tags)
    SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
           replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
           replace(replace(a.body_text, char(57344), ' '), char(57345), ' '),
           (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
              JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
           (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
              JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
    FROM articles a WHERE a.id = NEW.id AND a.status = 'published';
END;

-- Related reading: for each published article, the kRelatedKept (store.h) published articles
-- most related to it, with the score that ranked them (higher is closer). Worked out by the
-- store in the transaction that publishes or edits the article (sqlite_related.cpp); an article
-- that stops being published is removed from every list, and reads join on status as well.
CREATE TABLE article_related (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  score INTEGER NOT NULL,  -- in millionths
  PRIMARY KEY (article_id, related_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_related_by_related ON article_related (related_id);

-- Published articles whose related list is still to be worked out: every one published before
-- this migration. The store works through them when it opens, in small transactions, because the
-- lists need the word picker and full-text queries of C++ code, not SQL alone; a store that
-- stops halfway goes on from there the next time.
CREATE TABLE related_pending (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
) STRICT;

INSERT INTO related_pending (article_id) SELECT id FROM articles WHERE status = 'published';
