import { afterEach, describe, expect, it } from "bun:test";
import { dispatch, start, stop } from "nact";
import { until } from "../../test/support/until";
import { ManualClock } from "../clock";
import { createAdminReads } from "../db/admin-reads";
import { openDatabase } from "../db/open";
import type { Write } from "../db/writes";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { resume } from "../supervisors/policies";
import { ask } from "./ask";
import {
  type BroadcasterMsg,
  type ConfirmReply,
  type CreateReply,
  type SendOutcome,
  spawnBroadcaster,
} from "./broadcaster";
import { type DbWriterMsg, spawnDbWriter, type WriteResult } from "./db-writer";
import { createWriterClient } from "./writer-client";

const systems: ReturnType<typeof start>[] = [];
afterEach(() => {
  for (const system of systems.splice(0)) stop(system);
});

function setup(userIds: number[]) {
  const system = start();
  systems.push(system);
  const db = openDatabase(":memory:");
  const clock = new ManualClock();
  const writer = spawnDbWriter(
    system,
    {
      db,
      clock: new ManualClock(),
      logger: silentLogger(),
      metrics: createMetrics(),
      flushMs: 25,
      flushMax: 1,
    },
    resume,
  );
  const write = (writes: Write[]) =>
    ask<DbWriterMsg, WriteResult>(writer, (replyTo) => ({ type: "write", writes, replyTo }), 5000);
  const reads = createAdminReads(db);
  const sent: number[] = [];
  const reports: string[] = [];
  let failFor = new Set<number>();
  const spawn = () =>
    spawnBroadcaster(
      system,
      {
        reads,
        writer: createWriterClient(writer, { logger: silentLogger(), timeoutMs: 5000 }),
        clock,
        logger: silentLogger(),
        intervalMs: 40,
        reportEvery: 2,
        send: async (userId): Promise<SendOutcome> => {
          sent.push(userId);
          return failFor.has(userId) ? "blocked" : "sent";
        },
        report: async (row) => {
          reports.push(`${row.status} ${row.sent}/${row.failed}/${row.total}`);
        },
      },
      resume,
    );
  return {
    system,
    db,
    clock,
    reads,
    sent,
    reports,
    spawn,
    failing: (ids: number[]) => {
      failFor = new Set(ids);
    },
    async seed() {
      await write(
        userIds.map((userId) => ({
          type: "ensureUser",
          userId,
          firstName: "u",
          lang: "en",
          at: 1,
        })),
      );
      await write([{ type: "setBanned", userId: userIds[1] ?? 0, banned: true }]);
      await write([
        {
          type: "broadcastCreate",
          broadcastId: 1,
          adminId: 99,
          chatId: 99,
          text: "hello",
          total: userIds.length - 1,
          at: 1,
        },
      ]);
      await write([
        {
          type: "broadcastProgress",
          broadcastId: 1,
          cursor: 0,
          sent: 0,
          failed: 0,
          status: "running",
          progressMessageId: 5,
        },
      ]);
    },
  };
}

/** Advances the clock one pacing interval at a time until `condition` holds. */
async function pace(clock: ManualClock, condition: () => boolean) {
  for (let i = 0; i < 1000 && !condition(); i++) {
    clock.advance(40);
    await until(() => clock.pendingTimers > 0 || condition(), "the next step");
  }
  expect(condition()).toBe(true);
}

describe("broadcaster", () => {
  it("sends to every user not banned, in id order, paced by the clock", async () => {
    const s = setup([10, 20, 30, 40]);
    await s.seed();
    s.failing([40]);
    // A broadcast committed as running is picked up from SQLite when the actor spawns.
    s.spawn();
    expect(s.sent).toEqual([]);
    await pace(s.clock, () => s.reads.broadcast(1)?.status === "done");
    expect(s.sent).toEqual([10, 30, 40]);
    expect(s.reads.broadcast(1)).toMatchObject({ cursor: 40, sent: 2, failed: 1 });
    expect(s.reports.at(-1)).toBe("done 2/1/3");
  });

  it("resumes after a restart from the last user reached, sending nobody twice", async () => {
    const s = setup([1, 2, 3, 4, 5, 6]);
    await s.seed();
    const first = s.spawn();
    await pace(s.clock, () => s.sent.length === 2);
    await until(() => s.reads.broadcast(1)?.cursor === 3, "progress committed");
    first.stop();
    expect(s.clock.pendingTimers).toBe(0);

    s.spawn();
    await pace(s.clock, () => s.reads.broadcast(1)?.status === "done");
    expect(s.sent).toEqual([1, 3, 4, 5, 6]);
  });

  it("stops a cancelled broadcast", async () => {
    const s = setup([1, 2, 3, 4, 5]);
    await s.seed();
    const b = s.spawn();
    await pace(s.clock, () => s.sent.length === 1);
    const reply = await ask<BroadcasterMsg, { ok: boolean }>(
      b.ref,
      (replyTo) => ({ type: "cancel", broadcastId: 1, replyTo }),
      5000,
    );
    expect(reply).toEqual({ ok: true });
    s.clock.advance(400);
    await until(() => s.reads.broadcast(1)?.status === "cancelled", "cancel committed");
    expect(s.sent).toEqual([1]);
  });

  it("stores an admin's draft and sends it only when that admin confirms", async () => {
    const s = setup([1, 2, 3]);
    await s.seed();
    const b = s.spawn();
    await pace(s.clock, () => s.reads.broadcast(1)?.status === "done");
    const sentBefore = s.sent.length;
    const created = await ask<BroadcasterMsg, CreateReply>(
      b.ref,
      (replyTo) => ({ type: "create", adminId: 99, chatId: 99, text: "news", replyTo }),
      5000,
    );
    if (!created.ok) throw new Error("draft not stored");
    expect(created.total).toBe(2);
    expect(s.reads.broadcast(created.broadcastId)?.status).toBe("pending");
    const confirm = (adminId: number) =>
      ask<BroadcasterMsg, ConfirmReply>(
        b.ref,
        (replyTo) => ({
          type: "confirm",
          broadcastId: created.broadcastId,
          adminId,
          send: true,
          replyTo,
        }),
        5000,
      );
    expect(await confirm(7)).toEqual({ ok: false, reason: "stale" });
    expect(await confirm(99)).toEqual({ ok: true, total: 2 });
    expect(await confirm(99)).toEqual({ ok: false, reason: "stale" });
    dispatch(b.ref, { type: "start", broadcastId: created.broadcastId });
    await pace(s.clock, () => s.reads.broadcast(created.broadcastId)?.status === "done");
    expect(s.sent.slice(sentBefore)).toEqual([1, 3]);
  });

  it("lets only the admin who started a broadcast stop it", async () => {
    const s = setup([1, 2, 3, 4]);
    await s.seed();
    const b = s.spawn();
    const cancel = (adminId: number) =>
      ask<BroadcasterMsg, { ok: boolean }>(
        b.ref,
        (replyTo) => ({ type: "cancel", broadcastId: 1, adminId, replyTo }),
        5000,
      );
    expect(await cancel(7)).toEqual({ ok: false });
    expect(await cancel(99)).toEqual({ ok: true });
    s.clock.advance(400);
    await until(() => s.reads.broadcast(1)?.status === "cancelled", "cancel committed");
  });
});
