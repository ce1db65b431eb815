-- 0004_search: the full-text index of published articles, for reader search. One row per
-- published article (rowid = articles.id) holding its title, dek, Markdown body and the names of
-- its authors and tags as plain text. Only published articles are indexed: a draft, a scheduled
-- piece or an unpublished one is never found, and the index stays the size of what readers see.
-- The triggers below keep it in step with every write, inside the writing transaction.
--
-- unicode61 with remove_diacritics 2 folds case and accents ("Élysée" finds "elysee"); porter
-- stems English words on top of it ("sanctions" finds "sanctioned"). The body is indexed as its
-- Markdown source: emphasis marks and link targets are punctuation to the tokenizer. The private-
-- use characters U+E000 and U+E001 are blanked out of titles, deks and bodies: search snippets
-- mark the matched words with them.

CREATE VIRTUAL TABLE article_search USING fts5(
  title, dek, body, authors, tags,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The articles published before this migration. An edit or a change of status deletes the
-- article's row and inserts it again if it is published; link and name changes update the names.
INSERT INTO article_search (rowid, title, dek, body, authors, tags)
  SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
         replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
         replace(replace(a.body_md, char(57344), ' '), char(57345), ' '),
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
            replace(replace(NEW.body_md, char(57344), ' '), char(57345), ' '), '', '');
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, dek, body_md, status ON articles
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, dek, body, authors, tags)
    SELECT a.id, replace(replace(a.title, char(57344), ' '), char(57345), ' '),
           replace(replace(a.dek, char(57344), ' '), char(57345), ' '),
           replace(replace(a.body_md, char(57344), ' '), char(57345), ' '),
           (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
              JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
           (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
              JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
    FROM articles a WHERE a.id = NEW.id AND a.status = 'published';
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles
BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
END;

-- A byline or tag list that changes, or an author or tag renamed, changes the indexed names.
CREATE TRIGGER article_search_author_link_insert AFTER INSERT ON article_authors
  WHEN NEW.status = 'published'
BEGIN
  UPDATE article_search SET authors =
      (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
         JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = NEW.article_id)
    WHERE rowid = NEW.article_id;
END;

CREATE TRIGGER article_search_author_link_delete AFTER DELETE ON article_authors
  WHEN OLD.status = 'published'
BEGIN
  UPDATE article_search SET authors =
      (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
         JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = OLD.article_id)
    WHERE rowid = OLD.article_id;
END;

CREATE TRIGGER article_search_tag_link_insert AFTER INSERT ON article_tags
  WHEN NEW.status = 'published'
BEGIN
  UPDATE article_search SET tags =
      (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
         JOIN tags t ON t.id = at.tag_id WHERE at.article_id = NEW.article_id)
    WHERE rowid = NEW.article_id;
END;

CREATE TRIGGER article_search_tag_link_delete AFTER DELETE ON article_tags
  WHEN OLD.status = 'published'
BEGIN
  UPDATE article_search SET tags =
      (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
         JOIN tags t ON t.id = at.tag_id WHERE at.article_id = OLD.article_id)
    WHERE rowid = OLD.article_id;
END;

CREATE TRIGGER article_search_author_rename AFTER UPDATE OF name ON authors
  WHEN OLD.name IS NOT NEW.name
BEGIN
  UPDATE article_search SET authors =
      (SELECT coalesce(group_concat(au.name, ' '), '') FROM article_authors aa
         JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = article_search.rowid)
    WHERE rowid IN (SELECT article_id FROM article_authors
                      WHERE author_id = NEW.id AND status = 'published');
END;

CREATE TRIGGER article_search_tag_rename AFTER UPDATE OF name ON tags
  WHEN OLD.name IS NOT NEW.name
BEGIN
  UPDATE article_search SET tags =
      (SELECT coalesce(group_concat(t.name, ' '), '') FROM article_tags at
         JOIN tags t ON t.id = at.tag_id WHERE at.article_id = article_search.rowid)
    WHERE rowid IN (SELECT article_id FROM article_tags
                      WHERE tag_id = NEW.id AND status = 'published');
END;
