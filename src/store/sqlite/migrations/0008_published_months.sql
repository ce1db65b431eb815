-- 0008_published_months: how many published articles each month (UTC) holds and when the latest
-- of them was updated, kept by the triggers below. The sitemap index lists and dates the months
-- from this table, a few rows per month, instead of reading every published article (56 s on a
-- million). A month's rows are split by partner (0: the site's own pieces) and by whether the
-- articles have an original_url: whether a partner piece is indexed here depends on its partner's
-- credit, which the reader applies, so that a partner's change needs no trigger here.

CREATE TABLE published_months (
  -- the month's first second, in Unix seconds (UTC)
  month INTEGER NOT NULL,
  -- the articles' partner; 0 for the site's own
  partner_id INTEGER NOT NULL,
  -- 1 when the articles have an original_url, 0 when it is ''
  has_original_url INTEGER NOT NULL CHECK (has_original_url IN (0, 1)),
  -- a group that loses its last article loses its row: a listed month has articles
  count INTEGER NOT NULL CHECK (count > 0),
  -- the greatest updated_at of the group's articles
  last_updated_at INTEGER NOT NULL,
  -- newest month first, in the order the sitemap index lists them
  PRIMARY KEY (month DESC, partner_id, has_original_url)
) STRICT, WITHOUT ROWID;

INSERT INTO published_months (month, partner_id, has_original_url, count, last_updated_at)
  SELECT unixepoch(published_at, 'unixepoch', 'start of month'), coalesce(partner_id, 0),
         original_url <> '', count(*), max(updated_at)
  FROM articles WHERE status = 'published' GROUP BY 1, 2, 3;

CREATE TRIGGER published_months_insert AFTER INSERT ON articles
  WHEN NEW.status = 'published'
BEGIN
  INSERT INTO published_months (month, partner_id, has_original_url, count, last_updated_at)
    VALUES (unixepoch(NEW.published_at, 'unixepoch', 'start of month'),
            coalesce(NEW.partner_id, 0), NEW.original_url <> '', 1, NEW.updated_at)
    ON CONFLICT (month, partner_id, has_original_url) DO UPDATE
    SET count = count + 1, last_updated_at = max(last_updated_at, excluded.last_updated_at);
END;

-- A published article leaving its group (deleted, or changed in status, date, partner, original
-- or update time): the group's row goes with its last article; otherwise it counts one less, and
-- when the article held the latest update the group's latest is read again. That read is one
-- month of articles through articles_by_status_date, and only when the latest update leaves; an
-- insert or a newer edit never reads articles, so filling a large archive stays one upsert per
-- article. A max of nothing (counts broken by hand, see CheckIntegrity) keeps the stored date
-- rather than failing the write.
CREATE TRIGGER published_months_delete AFTER DELETE ON articles
  WHEN OLD.status = 'published'
BEGIN
  DELETE FROM published_months
    WHERE month = unixepoch(OLD.published_at, 'unixepoch', 'start of month')
      AND partner_id = coalesce(OLD.partner_id, 0) AND has_original_url = (OLD.original_url <> '')
      AND count = 1;
  UPDATE published_months SET count = count - 1
    WHERE month = unixepoch(OLD.published_at, 'unixepoch', 'start of month')
      AND partner_id = coalesce(OLD.partner_id, 0) AND has_original_url = (OLD.original_url <> '');
  UPDATE published_months SET last_updated_at = coalesce((
      SELECT max(a.updated_at) FROM articles a
      WHERE a.status = 'published' AND a.published_at >= published_months.month
        AND a.published_at < unixepoch(published_months.month, 'unixepoch', '+1 month')
        AND coalesce(a.partner_id, 0) = published_months.partner_id
        AND (a.original_url <> '') = published_months.has_original_url), last_updated_at)
    WHERE month = unixepoch(OLD.published_at, 'unixepoch', 'start of month')
      AND partner_id = coalesce(OLD.partner_id, 0) AND has_original_url = (OLD.original_url <> '')
      AND last_updated_at <= OLD.updated_at;
END;

-- An update leaves the old group as a delete does, then joins the new one as an insert does. In
-- one trigger, so that the order is this one: when both groups are the same, the read of the
-- latest update already sees the new row, and the join then changes nothing but the count.
CREATE TRIGGER published_months_update
  AFTER UPDATE OF status, published_at, updated_at, partner_id, original_url ON articles
  WHEN (OLD.status = 'published' OR NEW.status = 'published')
    AND (OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at
      OR OLD.updated_at IS NOT NEW.updated_at OR OLD.partner_id IS NOT NEW.partner_id
      OR OLD.original_url IS NOT NEW.original_url)
BEGIN
  DELETE FROM published_months
    WHERE OLD.status = 'published'
      AND month = unixepoch(OLD.published_at, 'unixepoch', 'start of month')
      AND partner_id = coalesce(OLD.partner_id, 0) AND has_original_url = (OLD.original_url <> '')
      AND count = 1;
  UPDATE published_months SET count = count - 1
    WHERE OLD.status = 'published'
      AND month = unixepoch(OLD.published_at, 'unixepoch', 'start of month')
      AND partner_id = coalesce(OLD.partner_id, 0) AND has_original_url = (OLD.original_url <> '');
  UPDATE published_months SET last_updated_at = coalesce((
      SELECT max(a.updated_at) FROM articles a
      WHERE a.status = 'published' AND a.published_at >= published_months.month
        AND a.published_at < unixepoch(published_months.month, 'unixepoch', '+1 month')
        AND coalesce(a.partner_id, 0) = published_months.partner_id
        AND (a.original_url <> '') = published_months.has_original_url), last_updated_at)
    WHERE OLD.status = 'published'
      AND month = unixepoch(OLD.published_at, 'unixepoch', 'start of month')
      AND partner_id = coalesce(OLD.partner_id, 0) AND has_original_url = (OLD.original_url <> '')
      AND last_updated_at <= OLD.updated_at;
  INSERT INTO published_months (month, partner_id, has_original_url, count, last_updated_at)
    SELECT unixepoch(NEW.published_at, 'unixepoch', 'start of month'),
           coalesce(NEW.partner_id, 0), NEW.original_url <> '', 1, NEW.updated_at
    WHERE NEW.status = 'published'
    ON CONFLICT (month, partner_id, has_original_url) DO UPDATE
    SET count = count + 1, last_updated_at = max(last_updated_at, excluded.last_updated_at);
END;
