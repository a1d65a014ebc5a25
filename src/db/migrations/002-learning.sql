-- Learning: streaks, lesson progress, daily quests and weekly XP for the leaderboard.
-- Every table references users with ON DELETE CASCADE, so /deletemydata erases it all.
ALTER TABLE users ADD COLUMN streak_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN streak_last_day INTEGER NOT NULL DEFAULT 0; -- UTC day number

-- All-time ranks: the top 10 and "users with more XP than me" are range scans of this index.
CREATE INDEX users_xp ON users(xp DESC);

CREATE TABLE lesson_progress (
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  course_id    TEXT    NOT NULL,
  lesson_id    TEXT    NOT NULL,
  best_score   INTEGER NOT NULL,
  completed_at INTEGER, -- first pass of the lesson's quiz; NULL until then
  PRIMARY KEY (user_id, course_id, lesson_id)
) STRICT, WITHOUT ROWID;

-- Only days with progress have rows; a user's older days are pruned when a new day is saved.
CREATE TABLE quests (
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day       INTEGER NOT NULL, -- UTC day number
  quest_id  TEXT    NOT NULL,
  progress  INTEGER NOT NULL,
  target    INTEGER NOT NULL,
  completed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day, quest_id)
) STRICT, WITHOUT ROWID;

-- XP earned per UTC week (Monday 00:00), updated in the same transaction as users.xp.
-- WITHOUT ROWID makes the rank index end in the primary key, so (week, xp DESC, user_id)
-- orders ties by user id without a sort.
CREATE TABLE xp_weekly (
  week    INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  xp      INTEGER NOT NULL,
  PRIMARY KEY (week, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX xp_weekly_rank ON xp_weekly(week, xp DESC);
-- The cascade from users looks rows up by user_id.
CREATE INDEX xp_weekly_user ON xp_weekly(user_id);
