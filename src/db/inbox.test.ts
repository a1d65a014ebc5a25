import { describe, expect, it } from "bun:test";
import { createInbox } from "./inbox";
import { openDatabase } from "./open";
import { createReads } from "./reads";
import { createWriteApplier } from "./writes";

function setup() {
  const db = openDatabase(":memory:");
  return { db, inbox: createInbox(db), apply: createWriteApplier(db), reads: createReads(db) };
}

describe("inbox", () => {
  it("stores an update once and lists those not done, oldest first", () => {
    const { inbox } = setup();
    expect(inbox.store(7, "1", '{"update_id":7}', 100)).toBe(true);
    expect(
      inbox.storeAll([{ updateId: 5, chatKey: "2", payload: '{"update_id":5}' }], 100),
    ).toEqual([true]);
    expect(inbox.store(7, "1", '{"update_id":7}', 200)).toBe(false);
    inbox.markDone(5);
    expect(inbox.markFailed(7)).toBe(1);
    expect(inbox.pending()).toEqual([
      { updateId: 7, chatKey: "1", payload: '{"update_id":7}', attempts: 1 },
    ]);
  });

  it("keeps the reply committed with an update's effects, and prunes both", () => {
    const { inbox, apply, reads } = setup();
    inbox.store(9, "1", "{}", 100);
    apply({ type: "updateApplied", updateId: 9, kind: "explain", reply: '{"ok":true}', at: 100 });
    expect(reads.appliedReply(9, "explain")).toBe('{"ok":true}');
    expect(reads.appliedReply(9, "hello")).toBeUndefined();
    expect(() =>
      apply({ type: "updateApplied", updateId: 9, kind: "explain", reply: "{}", at: 100 }),
    ).toThrow();
    expect(inbox.prune(101)).toEqual({ updates: 1, effects: 1 });
    expect(reads.appliedReply(9, "explain")).toBeUndefined();
  });

  it("forgets a user's waiting messages and replies when their data is erased", () => {
    const { db, inbox, apply } = setup();
    apply({ type: "ensureUser", userId: 42, firstName: "A", lang: "en", at: 1 });
    inbox.store(1, "42", '{"text":"private"}', 1);
    inbox.store(2, "43", "{}", 1);
    apply({ type: "updateApplied", updateId: 1, kind: "explain", reply: '"mine"', at: 1 });
    apply({ type: "deleteUser", userId: 42 });
    expect(db.query("SELECT update_id FROM inbox").all()).toEqual([{ update_id: 2 }]);
    expect(db.query("SELECT COUNT(*) AS n FROM update_effects").get()).toEqual({ n: 0 });
  });
});
