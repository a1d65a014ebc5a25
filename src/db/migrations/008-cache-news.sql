-- The news text an answer was cached for, so the near-duplicate index can be rebuilt at start.
ALTER TABLE cache ADD COLUMN news TEXT;
CREATE INDEX cache_created_at ON cache(created_at);
