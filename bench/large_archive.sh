#!/bin/sh
# Fills a site made by `gazette init DIR` with a large synthetic archive, straight through
# sqlite3, to measure reader pages at scale (issue 5) before `gazette bench-data` exists:
#
#   bench/large_archive.sh DIR [ARTICLES]     (default 1000000)
#
# 12 sections, 300 authors, 2000 tags (a Zipf-like spread: a few tags on many articles, most on
# few), 3 partners, dates over 20 years, bodies of ~200 words drawn from a 3000-word vocabulary
# (again Zipf-like) so that full-text search has real postings, 2% drafts. The search index is
# rebuilt in one pass after the inserts, with its per-row triggers set aside meanwhile, which is
# far faster than letting them run for every row. Not a test and not run by one.
set -eu

dir=${1:?usage: bench/large_archive.sh DIR [ARTICLES]}
articles=${2:-1000000}
db="$dir/gazette.db"
[ -f "$db" ] || { echo "no $db: run gazette init $dir first" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }

# The search triggers of the schema, to set aside and put back as they were.
triggers=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger'
                          AND name LIKE 'article_search_%'")

sqlite3 -bail "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -400000;
PRAGMA temp_store = MEMORY;
BEGIN;
$(sqlite3 "$db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'
                 AND name LIKE 'article_search_%'")

-- A vocabulary of pronounceable words from syllables; word n is the n-th most common.
CREATE TEMP TABLE syllables (i INTEGER PRIMARY KEY, s TEXT);
INSERT INTO syllables (s) VALUES ('ka'),('lo'),('mi'),('ren'),('sa'),('to'),('vi'),('dan'),
  ('ex'),('por'),('tri'),('al'),('ben'),('cor'),('du'),('fe'),('gra'),('hu'),('in'),('jo'),
  ('mar'),('nel'),('os'),('pe'),('qui'),('ra'),('sti'),('ul'),('ver'),('zo');
CREATE TEMP TABLE words (n INTEGER PRIMARY KEY, w TEXT);
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 2999)
INSERT INTO words (n, w)
  SELECT n, (SELECT s FROM syllables WHERE i = 1 + n % 30) ||
            (SELECT s FROM syllables WHERE i = 1 + (n / 30) % 30) ||
            CASE WHEN n >= 900 THEN (SELECT s FROM syllables WHERE i = 1 + (n / 900) % 30)
                 ELSE '' END
  FROM k;

-- 4000 sentences of 20 words; a body is 10 of them, picked by the article's id.
CREATE TEMP TABLE sentences (i INTEGER PRIMARY KEY, s TEXT);
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 4000 * 20 - 1),
  picks AS MATERIALIZED (
    SELECT n, CAST(3000 * ((abs(random()) % 1000000) / 1000000.0)
                        * ((abs(random()) % 1000000) / 1000000.0) AS INTEGER) AS r FROM k)
INSERT INTO sentences (i, s)
  SELECT n / 20, group_concat(w, ' ') || '.'
  FROM (SELECT picks.n, words.w FROM picks JOIN words ON words.n = picks.r ORDER BY picks.n)
  GROUP BY n / 20;

INSERT INTO sections (id, slug, name, kind, position) VALUES
  (1, 'east-asia', 'East Asia', 'region', 1), (2, 'southeast-asia', 'Southeast Asia', 'region', 2),
  (3, 'south-asia', 'South Asia', 'region', 3), (4, 'middle-east', 'Middle East', 'region', 4),
  (5, 'eastern-europe', 'Eastern Europe', 'region', 5), (6, 'africa', 'Africa', 'region', 6),
  (7, 'americas', 'Americas', 'region', 7), (8, 'world-news', 'World News', 'topic', 8),
  (9, 'defense', 'Defense', 'topic', 9), (10, 'science', 'Science & Technology', 'topic', 10),
  (11, 'economy', 'Economy', 'topic', 11), (12, 'climate', 'Climate', 'topic', 12);
INSERT INTO partners (id, slug, name, url) VALUES
  (1, 'riac', 'RIAC', 'https://riac.example'), (2, 'isas', 'ISAS', 'https://isas.example'),
  (3, 'ecfr', 'ECFR', 'https://ecfr.example');

WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 300)
INSERT INTO authors (id, slug, name)
  SELECT i, 'author-' || i, upper(substr(first.w, 1, 1)) || substr(first.w, 2) || ' ' ||
         upper(substr(last.w, 1, 1)) || substr(last.w, 2)
  FROM k JOIN words first ON first.n = 1000 + i JOIN words last ON last.n = 2999 - i;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000)
INSERT INTO tags (id, slug, name)
  SELECT i, 'tag-' || i, w.w || ' ' || i FROM k JOIN words w ON w.n = i % 3000;

-- Dates: id order is roughly date order, as in a real archive, with a day's jitter.
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $articles)
INSERT INTO articles (id, slug, title, dek, body_md, body_text, body_html, status, section_id,
                      partner_id, original_url, published_at, updated_at, word_count)
  SELECT n, 'article-' || n, t.s, d.s, b, b, '<p>' || b || '</p>',
         CASE WHEN n % 50 = 0 THEN 'draft' ELSE 'published' END,
         1 + (n * 7 + n / 13) % 12,
         CASE WHEN n % 20 = 0 THEN 1 + n % 3 END,
         CASE WHEN n % 40 = 0 THEN 'https://partner.example/' || n ELSE '' END,
         1104537600 + n * (631152000 / $articles) + abs(random()) % 86400,
         1104537600 + n * (631152000 / $articles) + 86400, 200
  FROM (SELECT n,
          (SELECT group_concat(s, ' ') FROM sentences
             WHERE i IN (n % 4000, (n * 7 + 1) % 4000, (n * 13 + 2) % 4000, (n * 17 + 3) % 4000,
                         (n * 19 + 4) % 4000, (n * 23 + 5) % 4000, (n * 29 + 6) % 4000,
                         (n * 31 + 7) % 4000, (n * 37 + 8) % 4000, (n * 41 + 9) % 4000)) AS b
        FROM k) JOIN sentences t ON t.i = (n * 3) % 4000 JOIN sentences d ON d.i = (n * 11) % 4000;

-- One or two authors, and three tags from a Zipf-like spread (tag 1 the most common).
INSERT INTO article_authors (article_id, author_id, position, status, published_at)
  SELECT id, 1 + (id * 7919) % 300, 0, status, published_at FROM articles;
INSERT OR IGNORE INTO article_authors (article_id, author_id, position, status, published_at)
  SELECT id, 1 + (id * 104729) % 300, 1, status, published_at FROM articles WHERE id % 5 = 0;
WITH slots(p) AS (VALUES (0), (1), (2))
INSERT OR IGNORE INTO article_tags (article_id, tag_id, position, status, published_at)
  SELECT id, 1 + CAST(2000 * pow((abs(random()) % 1000000) / 1000000.0, 3) AS INTEGER), p,
         status, published_at
  FROM articles, slots;

-- The search index of the published articles, in one pass.
DELETE FROM article_search;
INSERT INTO article_search (rowid, title, dek, body, authors, tags)
  SELECT a.id, a.title, a.dek, a.body_text,
         (SELECT group_concat(au.name, ' ') FROM article_authors aa
            JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
         (SELECT group_concat(t.name, ' ') FROM article_tags at
            JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)
  FROM articles a WHERE a.status = 'published';

$triggers
COMMIT;
SQL
sqlite3 "$db" "SELECT count(*) || ' articles, ' || (SELECT count(*) FROM article_search) ||
               ' indexed' FROM articles"
