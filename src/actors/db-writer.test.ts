import { afterEach, describe, expect, it } from "bun:test";
import { dispatch, start, stop } from "nact";
import { untilValue } from "../../test/support/until";
import { ManualClock } from "../clock";
import { openDatabase } from "../db/open";
import type { Write } from "../db/writes";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { resume } from "../supervisors/policies";
import { ask } from "./ask";
import { type DbWriterMsg, spawnDbWriter, type WriteResult } from "./db-writer";

const user = (userId: number): Write => ({
  type: "ensureUser",
  userId,
  firstName: `user ${userId}`,
  lang: "en",
  at: 1,
});

function setup(flushMax = 512) {
  const system = start();
  const db = openDatabase(":memory:");
  const clock = new ManualClock();
  const metrics = createMetrics();
  const writer = spawnDbWriter(
    system,
    {
      db,
      clock,
      logger: silentLogger(),
      metrics,
      flushMs: 25,
      flushMax,
    },
    resume,
  );
  const write = (writes: Write[]) =>
    ask<DbWriterMsg, WriteResult>(writer, (replyTo) => ({ type: "write", writes, replyTo }), 5000);
  const users = () => (db.query("SELECT count(*) AS n FROM users").get() as { n: number }).n;
  const batches = async () => {
    const histogram = await metrics.dbFlushBatch.get();
    return histogram.values.find((v) => v.metricName === "rvx_db_flush_batch_size_count")?.value;
  };
  const batchSizes = async () => {
    const histogram = await metrics.dbFlushBatch.get();
    return histogram.values.find((v) => v.metricName === "rvx_db_flush_batch_size_sum")?.value;
  };
  const queueDepth = async () => (await metrics.dbQueueDepth.get()).values[0]?.value ?? 0;
  return { system, db, clock, metrics, writer, write, users, batches, batchSizes, queueDepth };
}

let current: ReturnType<typeof setup> | undefined;
afterEach(() => {
  if (current) stop(current.system);
  current = undefined;
});

describe("db-writer", () => {
  it("commits a lone write at once, without the clock advancing", async () => {
    current = setup();
    const { clock, write, users, batches } = current;
    expect(await write([user(1)])).toEqual({ type: "committed" });
    expect(users()).toBe(1);
    expect(await batches()).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it("batches writes that arrive while the writer is busy into one transaction", async () => {
    current = setup();
    const { clock, write, users, batches } = current;
    const replies = [
      write([user(1)]),
      write([user(2)]),
      write([user(3), { type: "awardXp", userId: 3, amount: 5, week: 1 }]),
    ];
    expect(await Promise.all(replies)).toEqual([
      { type: "committed" },
      { type: "committed" },
      { type: "committed" },
    ]);
    expect(users()).toBe(3);
    expect(await batches()).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it("under load holds a batch for a window that grows with the rate, at most flushMs", async () => {
    current = setup();
    const { clock, write, users, batches, queueDepth } = current;
    // 512 writes in this flush window: load 512 / (2 × 512), a hold of 25 ms × 0.5^1.25 = 10.5 ms.
    await Promise.all(
      Array.from({ length: 256 }, (_, i) => write([user(1000 + i), user(2000 + i)])),
    );
    expect(await batches()).toBe(1);
    const held = write([user(1)]);
    await untilValue(queueDepth, (n) => n === 1, "one queued write");
    clock.advance(10);
    expect(users()).toBe(512);
    clock.advance(1);
    expect(await held).toEqual({ type: "committed" });
    expect(users()).toBe(513);
    expect(await batches()).toBe(2);
  });

  it("commits at once when the queue reaches flushMax, however long the hold", async () => {
    current = setup(4);
    const { clock, write, batches, batchSizes } = current;
    // A burst of 10 writes: transactions of 4, 4 and 2, the clock never moving.
    const burst = Array.from({ length: 10 }, (_, i) => write([user(i + 1)]));
    expect(new Set((await Promise.all(burst)).map((r) => r.type))).toEqual(new Set(["committed"]));
    expect(await batches()).toBe(3);
    expect(await batchSizes()).toBe(10);
    // The rate now asks for the longest hold; reaching flushMax still commits at once.
    const more = Array.from({ length: 4 }, (_, i) => write([user(100 + i)]));
    expect(new Set((await Promise.all(more)).map((r) => r.type))).toEqual(new Set(["committed"]));
    expect(await batches()).toBe(4);
    expect(clock.pendingTimers).toBe(0);
  });

  it("reports not writable while commits fail on a full disk, and writable once one lands", async () => {
    current = setup(1);
    const { db, writer, write } = current;
    const probe = () =>
      ask<DbWriterMsg, WriteResult>(writer, (replyTo) => ({ type: "probe", replyTo }), 5000);
    const bulky = (userId: number): Write => ({
      type: "ensureUser",
      userId,
      firstName: "x".repeat(3000),
      lang: "en",
      at: 1,
    });
    const pages = (db.query("PRAGMA page_count").get() as { page_count: number }).page_count;
    db.run(`PRAGMA max_page_count = ${pages}`); // SQLITE_FULL, as when the disk is full

    const failed = [];
    for (let id = 1; id <= 4; id++) failed.push(await write([bulky(id)]));

    expect(failed).toContainEqual({ type: "failed", reason: "sqlite" });
    expect(await probe()).toEqual({ type: "failed", reason: "sqlite" });
    db.run(`PRAGMA max_page_count = ${pages * 100}`);
    expect(await write([bulky(5)])).toEqual({ type: "committed" });
    expect(await probe()).toEqual({ type: "committed" });
  });

  it("commits at once when the queue reaches flushMax", async () => {
    current = setup(2);
    const { write, users } = current;
    expect(await Promise.all([write([user(1)]), write([user(2)])])).toEqual([
      { type: "committed" },
      { type: "committed" },
    ]);
    expect(users()).toBe(2);
  });

  it("fails only the request whose write breaks, committing its neighbours", async () => {
    current = setup();
    const { write, users } = current;
    // Sent in one turn, the three requests share one transaction, which fails and is retried.
    const good = write([user(1)]);
    const bad = write([
      { type: "logRequest", userId: 999, source: "offline", at: 1, durationMs: 1 },
    ]);
    const alsoGood = write([user(2)]);
    expect(await Promise.all([good, bad, alsoGood])).toEqual([
      { type: "committed" },
      { type: "failed", reason: "sqlite" },
      { type: "committed" },
    ]);
    expect(users()).toBe(2);
  });

  it("commits fire-and-forget writes and counts committed XP", async () => {
    current = setup();
    const { writer, clock, metrics, users } = current;
    dispatch(writer, {
      type: "write",
      writes: [user(5), { type: "awardXp", userId: 5, amount: 7, week: 1 }],
    });
    const flushed = ask<DbWriterMsg, WriteResult>(
      writer,
      (replyTo) => ({ type: "flush", replyTo }),
      5000,
    );
    expect(await flushed).toEqual({ type: "committed" });
    expect(users()).toBe(1);
    expect((await metrics.xpAwarded.get()).values[0]?.value).toBe(7);
    expect(clock.pendingTimers).toBe(0);
  });
});
