import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { MIGRATIONS, migrate } from "./migrations";

function threadsBefore010(): Database {
  const db = new Database(":memory:", { strict: true });
  db.run("PRAGMA foreign_keys = ON");
  migrate(db, MIGRATIONS.slice(0, 9));
  db.run("INSERT INTO users (id, lang, created_at, last_seen_at) VALUES (1, 'en', 0, 0)");
  db.run("INSERT INTO threads VALUES (1, 10, 1, 'news', '[\"etf\"]', 5, 6)");
  db.run("INSERT INTO thread_turns VALUES (1, 10, 0, '', 'answer'), (1, 10, 1, 'why?', 'because')");
  db.run("INSERT INTO thread_messages VALUES (1, 10, 10), (1, 12, 10)");
  return db;
}

const rows = (db: Database) => ({
  threads: db.query("SELECT * FROM threads").all(),
  turns: db.query("SELECT * FROM thread_turns ORDER BY seq").all(),
  messages: db.query("SELECT * FROM thread_messages ORDER BY message_id").all(),
});

describe("migration 010-thread-rows", () => {
  it("keeps every thread, turn and message link", () => {
    const db = threadsBefore010();
    const before = rows(db);
    expect(migrate(db)).toEqual(["010-thread-rows"]);
    expect({ rows: rows(db), check: db.query("PRAGMA foreign_key_check").all() }).toEqual({
      rows: before,
      check: [],
    });
  });

  it("keeps the cascades: deleting the user erases the thread, its turns and links", () => {
    const db = threadsBefore010();
    migrate(db);
    db.run("DELETE FROM users WHERE id = 1");
    expect(rows(db)).toEqual({ threads: [], turns: [], messages: [] });
  });
});
