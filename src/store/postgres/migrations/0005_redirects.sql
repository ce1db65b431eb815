-- 0005_redirects (PostgreSQL): addresses an article had on another system before it was imported
-- (WordPress's /?p=123, /2019/05/01/summit/, /summit/), each answered with a 301 to the article.
-- The path is as a reader's request has it after percent-decoding, with the query for "/?p=123".
-- Moves within Gazette stay in article_slug_history (0001).
CREATE TABLE redirects (
  path text COLLATE "C" PRIMARY KEY
    CHECK (octet_length(path) BETWEEN 1 AND 2048 AND left(path, 1) = '/'),
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX redirects_by_article ON redirects (article_id);
