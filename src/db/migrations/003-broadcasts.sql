-- Admin broadcasts, resumable: `cursor` is the last user id a message was sent to; indexes
-- for the admin stats (active today, banned).
CREATE TABLE broadcasts (
  id         INTEGER PRIMARY KEY,
  admin_id   INTEGER NOT NULL,
  chat_id    INTEGER NOT NULL,
  text       TEXT    NOT NULL,
  status     TEXT    NOT NULL CHECK (status IN ('pending', 'running', 'done', 'cancelled')),
  created_at INTEGER NOT NULL,
  cursor     INTEGER NOT NULL DEFAULT 0,
  total      INTEGER NOT NULL DEFAULT 0,
  sent       INTEGER NOT NULL DEFAULT 0,
  failed     INTEGER NOT NULL DEFAULT 0,
  progress_message_id INTEGER
) STRICT;
CREATE INDEX broadcasts_status ON broadcasts(status);
CREATE INDEX users_last_seen ON users(last_seen_at);
CREATE INDEX users_banned ON users(banned) WHERE banned = 1;
