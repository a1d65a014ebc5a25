-- The durable inbox: every update Telegram delivers is stored here before it is acknowledged,
-- and marked done once its reply is sent. `chat_key` orders one chat's updates.
CREATE TABLE inbox (
  update_id   INTEGER PRIMARY KEY,
  chat_key    TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  payload     TEXT    NOT NULL,
  state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
  attempts    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX inbox_pending ON inbox(update_id) WHERE state = 'pending';
CREATE INDEX inbox_received ON inbox(received_at);
-- A user's rows, for erasing their data (a private chat's key is the user's id).
CREATE INDEX inbox_chat ON inbox(chat_key);
-- The effects of an update applied by a user actor, committed in the same transaction as those
-- effects: a replay of the update answers with `reply` (JSON) instead of applying them again.
CREATE TABLE update_effects (
  update_id  INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  reply      TEXT    NOT NULL,
  applied_at INTEGER NOT NULL,
  PRIMARY KEY (update_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX update_effects_applied ON update_effects(applied_at);
