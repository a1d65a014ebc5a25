-- Where each user is in the learning flow (the page read, the quiz in progress with its option
-- order and answers, the last finished quiz for its review, the number of quizzes started), so
-- a passivated or restarted user actor carries on. One JSON document per user, written by the
-- pure rules' encoder (src/learning/learn-place.ts) and checked against the content on load.
-- ON DELETE CASCADE: /deletemydata erases it with the user.
CREATE TABLE learn_sessions (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  data       TEXT    NOT NULL CHECK (json_valid(data)),
  updated_at INTEGER NOT NULL
) STRICT;
