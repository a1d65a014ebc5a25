import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { migrate } from "./migrations";
import { createThreadWriteApplier } from "./thread-writes";

function setup() {
  const db = new Database(":memory:", { strict: true });
  db.run("PRAGMA foreign_keys = ON");
  migrate(db);
  db.run("INSERT INTO users (id, lang, created_at, last_seen_at) VALUES (7, 'en', 0, 0)");
  return { db, apply: createThreadWriteApplier(db) };
}

const start = (rootId: number, answer: string) =>
  ({
    type: "threadStart",
    userId: 7,
    chatId: 7,
    rootId,
    news: "news",
    terms: ["etf"],
    question: "",
    answer,
    at: 100,
    expiredBefore: 0,
  }) as const;

const turns = (db: Database) =>
  db.query("SELECT seq, question, answer FROM thread_turns ORDER BY seq").all();

describe("thread writes", () => {
  it("numbers a thread's turns from 0 in the order they come", () => {
    const { db, apply } = setup();
    apply(start(10, "first"));
    apply({
      type: "threadTurn",
      chatId: 7,
      rootId: 10,
      messageId: 11,
      question: "q",
      answer: "a",
      at: 200,
    });
    expect(turns(db)).toEqual([
      { seq: 0, question: "", answer: "first" },
      { seq: 1, question: "q", answer: "a" },
    ]);
  });

  it("starts a thread begun again at the same message with only its new first turn", () => {
    const { db, apply } = setup();
    apply(start(10, "old"));
    apply({
      type: "threadTurn",
      chatId: 7,
      rootId: 10,
      messageId: 11,
      question: "q",
      answer: "a",
      at: 200,
    });
    apply(start(10, "new"));
    expect(turns(db)).toEqual([{ seq: 0, question: "", answer: "new" }]);
  });
});
