-- 0009_article_bodies: the bodies (Markdown, HTML and plain text) move out of articles into a
-- table of their own, one row per article. An articles row used to carry ~13 KB of bodies in
-- overflow pages, and its listing columns came after body_md and body_html, so every listing,
-- card and search candidate read walked those pages; the rows are now a few hundred bytes and
-- only the reads of one whole article join article_bodies.
--
-- The store writes an article's body row right after its articles row, in the same transaction.

CREATE TABLE article_bodies (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  body_md TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  -- content::MarkdownToPlainText of body_md (0006), which the search index holds
  body_text TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO article_bodies (article_id, body_md, body_html, body_text)
  SELECT id, body_md, body_html, body_text FROM articles;

-- The search triggers of 0006 read articles.body_text, and SQLite drops no column a trigger
-- names. The index itself holds the same text as before and is kept.
DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_update;

-- The columns have no index, constraint or view, so ALTER TABLE can drop them in place (it
-- rewrites each row); the 12-step rebuild would have to recreate every index and trigger of
-- articles for the same result.
ALTER TABLE articles DROP COLUMN body_md;
ALTER TABLE articles DROP COLUMN body_html;
ALTER TABLE articles DROP COLUMN body_text;

-- A published article is indexed once it has its body: when the body row is inserted (the
-- articles row is always there first), when a published article is edited or changes status,
-- and when its body text changes. The index row is the join of the two rows, with the author and
-- tag names, as in 0006; the link and rename triggers of 0004 stay.
CREATE TRIGGER article_search_insert AFTER INSERT ON article_bodies
BEGIN
  INSERT INTO article_search (rowid, title, dek, body, authors, tags)
    SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
           replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
           replace(replace(NEW.body_text, char(57344), ' '), char(57345), ' '),
           (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
              JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
           (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
              JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
    FROM articles a WHERE a.id = NEW.article_id AND a.status = 'published';
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, dek, status ON articles
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, dek, body, authors, tags)
    SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
           replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
           replace(replace(b.body_text, char(57344), ' '), char(57345), ' '),
           (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
              JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
           (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
              JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
    FROM articles a JOIN article_bodies b ON b.article_id = a.id
    WHERE a.id = NEW.id AND a.status = 'published';
END;

-- Only a changed text: an edit writes the body row with every save, and the update trigger on
-- articles has already indexed the unchanged one.
CREATE TRIGGER article_search_body_update AFTER UPDATE OF body_text ON article_bodies
  WHEN OLD.body_text IS NOT NEW.body_text
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.article_id;
  INSERT INTO article_search (rowid, title, dek, body, authors, tags)
    SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
           replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
           replace(replace(NEW.body_text, char(57344), ' '), char(57345), ' '),
           (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
              JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
           (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
              JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
    FROM articles a WHERE a.id = NEW.article_id AND a.status = 'published';
END;

-- Deleting an article deletes its body row too (ON DELETE CASCADE); article_search_delete has
-- already dropped the index row then, so this one matters only for a body row deleted alone.
CREATE TRIGGER article_search_body_delete AFTER DELETE ON article_bodies
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.article_id;
END;
