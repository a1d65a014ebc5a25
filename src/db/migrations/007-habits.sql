-- Habits: XP per UTC day (the last seven days in /profile and /progress), daily reminders, and
-- users the bot can no longer reach. Both tables cascade from users, so /deletemydata erases them.

-- One row per user and UTC day with any XP or learning, written in the same transaction as the
-- XP award. `learned_at` is the last lesson or quiz activity that day (NULL: explanations only).
CREATE TABLE xp_daily (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day        INTEGER NOT NULL, -- UTC day number
  xp         INTEGER NOT NULL DEFAULT 0,
  learned_at INTEGER,
  PRIMARY KEY (user_id, day)
) STRICT, WITHOUT ROWID;

-- A user's reminder: the local hour (8..21) and their UTC offset in minutes. `next_at` is the
-- next time (UTC ms) it is due; it is moved to the next day before a reminder is sent, so a
-- restart never sends one twice. `sent_at` is when the last one was delivered.
CREATE TABLE reminders (
  user_id        INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  enabled        INTEGER NOT NULL DEFAULT 1,
  hour           INTEGER NOT NULL CHECK (hour BETWEEN 8 AND 21),
  offset_minutes INTEGER NOT NULL CHECK (offset_minutes BETWEEN -720 AND 840),
  next_at        INTEGER NOT NULL,
  sent_at        INTEGER
) STRICT;
CREATE INDEX reminders_due ON reminders(next_at) WHERE enabled = 1;
CREATE INDEX reminders_sent ON reminders(sent_at) WHERE sent_at IS NOT NULL;

-- Set when Telegram answers 403 (the user blocked the bot); cleared when they turn reminders on.
ALTER TABLE users ADD COLUMN inactive_at INTEGER;
