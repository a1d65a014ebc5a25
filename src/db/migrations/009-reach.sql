-- Reach: groups RVX is in, the per-group explanation limit, and news that teaches (the lesson
-- suggested under an explanation, and the "check yourself" question answered per news).

-- A group or supergroup RVX was added to. `status` is the bot's membership as Telegram last
-- reported it (my_chat_member): member, administrator, left, kicked. `lang` is set by the
-- group's admins with /language (NULL: each member's own language).
CREATE TABLE groups (
  chat_id    INTEGER PRIMARY KEY,
  title      TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL,
  lang       TEXT CHECK (lang IN ('ru', 'en')),
  changed_by INTEGER,
  joined_at  INTEGER,
  left_at    INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;

-- One row per explanation RVX posted in a group in the last hour (GROUP_EXPLAINS_PER_HOUR);
-- older rows are pruned when a group's next one is written. Kept across restarts.
CREATE TABLE group_explains (
  chat_id INTEGER NOT NULL,
  at      INTEGER NOT NULL
) STRICT;
CREATE INDEX group_explains_chat ON group_explains(chat_id, at);

-- The lesson suggested under an explanation on a UTC day: finishing it that day pays a bonus
-- once (`paid_at`).
CREATE TABLE lesson_suggestions (
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day       INTEGER NOT NULL,
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  paid_at   INTEGER,
  PRIMARY KEY (user_id, day, course_id, lesson_id)
) STRICT, WITHOUT ROWID;

-- "Check yourself" after an explanation: the first answer per user and news counts.
CREATE TABLE news_checks (
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  news_key    TEXT NOT NULL,
  correct     INTEGER NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, news_key)
) STRICT, WITHOUT ROWID;
