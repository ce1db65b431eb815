-- 0008_published_months (PostgreSQL): how many published articles each month (UTC) holds and
-- when the latest of them was updated, kept by the trigger below. The sitemap index lists and
-- dates the months from this table, a few rows per month, instead of reading every published
-- article. A month's rows are split by partner (0: the site's own pieces) and by whether the
-- articles have an original_url: whether a partner piece is indexed here depends on its
-- partner's credit, which the reader applies, so that a partner's change needs no trigger here.

-- The first second (UTC) of the month that holds `seconds`, both in Unix seconds.
CREATE FUNCTION published_month_start(seconds bigint) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN extract(epoch FROM date_trunc('month', to_timestamp(seconds) AT TIME ZONE 'UTC'))::bigint;

CREATE TABLE published_months (
  -- the month's first second, in Unix seconds (UTC)
  month bigint NOT NULL,
  -- the articles' partner; 0 for the site's own
  partner_id bigint NOT NULL,
  -- whether the articles have an original_url
  has_original_url boolean NOT NULL,
  -- a group that loses its last article loses its row: a listed month has articles
  count bigint NOT NULL CHECK (count > 0),
  -- the greatest updated_at of the group's articles
  last_updated_at bigint NOT NULL,
  -- The reader's order (month DESC, then ascending) is not one an index scan gives here; it
  -- sorts a few rows per month.
  PRIMARY KEY (month, partner_id, has_original_url)
);

INSERT INTO published_months (month, partner_id, has_original_url, count, last_updated_at)
  SELECT published_month_start(published_at), coalesce(partner_id, 0), original_url <> '',
         count(*), max(updated_at)
  FROM articles WHERE status = 'published' GROUP BY 1, 2, 3;

-- A published article leaving its group (deleted, or changed in status, date, partner, original
-- or update time): the group's row goes with its last article; otherwise it counts one less, and
-- when the article held the latest update the group's latest is read again, one month of
-- articles through articles_by_status_date. That read is its own statement, run once the row is
-- locked by the count: its snapshot then holds every writer that changed the row before, and a
-- writer after waits for the lock and keeps the greater date. A max of nothing (counts broken by
-- hand, see CheckIntegrity) keeps the stored date rather than failing the write.
-- Then a published article joins its new group; an update leaves first, so that when both groups
-- are the same the read of the latest update already sees the new row.
CREATE FUNCTION published_months_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_month bigint;
  kept_latest bigint;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
    old_month := published_month_start(OLD.published_at);
    DELETE FROM published_months
      WHERE month = old_month AND partner_id = coalesce(OLD.partner_id, 0)
        AND has_original_url = (OLD.original_url <> '') AND count = 1;
    IF NOT FOUND THEN
      UPDATE published_months SET count = count - 1
        WHERE month = old_month AND partner_id = coalesce(OLD.partner_id, 0)
          AND has_original_url = (OLD.original_url <> '')
        RETURNING last_updated_at INTO kept_latest;
      IF FOUND AND kept_latest <= OLD.updated_at THEN
        UPDATE published_months SET last_updated_at = coalesce((
            SELECT max(a.updated_at) FROM articles a
            WHERE a.status = 'published' AND a.published_at >= old_month
              AND a.published_at < extract(epoch FROM
                    (to_timestamp(old_month) AT TIME ZONE 'UTC') + interval '1 month')::bigint
              AND coalesce(a.partner_id, 0) = coalesce(OLD.partner_id, 0)
              AND (a.original_url <> '') = (OLD.original_url <> '')), last_updated_at)
          WHERE month = old_month AND partner_id = coalesce(OLD.partner_id, 0)
            AND has_original_url = (OLD.original_url <> '');
      END IF;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
    INSERT INTO published_months (month, partner_id, has_original_url, count, last_updated_at)
      VALUES (published_month_start(NEW.published_at), coalesce(NEW.partner_id, 0),
              NEW.original_url <> '', 1, NEW.updated_at)
      ON CONFLICT (month, partner_id, has_original_url) DO UPDATE
      SET count = published_months.count + 1,
          last_updated_at = greatest(published_months.last_updated_at, excluded.last_updated_at);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER published_months_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION published_months_follow();
CREATE TRIGGER published_months_delete AFTER DELETE ON articles
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION published_months_follow();
CREATE TRIGGER published_months_update
  AFTER UPDATE OF status, published_at, updated_at, partner_id, original_url ON articles
  FOR EACH ROW
  WHEN ((OLD.status = 'published' OR NEW.status = 'published')
    AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
      OR OLD.updated_at IS DISTINCT FROM NEW.updated_at
      OR OLD.partner_id IS DISTINCT FROM NEW.partner_id
      OR OLD.original_url IS DISTINCT FROM NEW.original_url))
  EXECUTE FUNCTION published_months_follow();
