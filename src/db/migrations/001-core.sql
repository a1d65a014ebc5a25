-- Users, their quota and XP; the explanation cache; a request log for stats.
CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  first_name      TEXT    NOT NULL DEFAULT '',
  lang            TEXT    NOT NULL,
  lang_chosen     INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  last_seen_at    INTEGER NOT NULL,
  banned          INTEGER NOT NULL DEFAULT 0,
  xp              INTEGER NOT NULL DEFAULT 0,
  last_request_at INTEGER NOT NULL DEFAULT 0,
  quota_day       INTEGER NOT NULL DEFAULT 0,
  quota_used      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE requests (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  source      TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX requests_created_at ON requests(created_at);
CREATE INDEX requests_user ON requests(user_id);

CREATE TABLE cache (
  key        TEXT    PRIMARY KEY,
  text       TEXT    NOT NULL,
  source     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX cache_expires_at ON cache(expires_at);
