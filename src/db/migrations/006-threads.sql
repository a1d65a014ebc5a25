-- Conversation threads: an explanation or answer RVX sent, and the follow-up questions asked by
-- replying to it. Keyed by chat and the thread's first bot message; every bot message of a thread
-- maps to it. Rows reference users with ON DELETE CASCADE, so /deletemydata erases them.
CREATE TABLE threads (
  chat_id    INTEGER NOT NULL,
  root_id    INTEGER NOT NULL, -- message id of RVX's first answer in the thread
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  news       TEXT    NOT NULL, -- the news (or first question) the thread is about, capped
  terms      TEXT    NOT NULL, -- JSON array of glossary term ids found in it
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (chat_id, root_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX threads_user_updated ON threads(user_id, updated_at);

CREATE TABLE thread_turns (
  chat_id  INTEGER NOT NULL,
  root_id  INTEGER NOT NULL,
  seq      INTEGER NOT NULL, -- 0: RVX's first answer (question empty), then each follow-up
  question TEXT    NOT NULL,
  answer   TEXT    NOT NULL,
  PRIMARY KEY (chat_id, root_id, seq),
  FOREIGN KEY (chat_id, root_id) REFERENCES threads(chat_id, root_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE thread_messages (
  chat_id    INTEGER NOT NULL,
  message_id INTEGER NOT NULL,
  root_id    INTEGER NOT NULL,
  PRIMARY KEY (chat_id, message_id),
  FOREIGN KEY (chat_id, root_id) REFERENCES threads(chat_id, root_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Which news a request explained (the cache key), so the same news again the same UTC day
-- earns nothing.
ALTER TABLE requests ADD COLUMN news_key TEXT;
CREATE INDEX requests_user_news ON requests(user_id, news_key, created_at);
