import { describe, expect, it } from "bun:test";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { type BotApiEmulator, startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { until } from "../../test/support/until";
import { ManualClock } from "../clock";
import { createInbox } from "../db/inbox";
import { openDatabase } from "../db/open";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import type { BotContext } from "./context";
import { trackDeliveries } from "./delivery";
import { chatKeyOf, createInboxProcessor } from "./inbox-processor";

const RETRY_MS = 60_000;
const KEEP_MS = 48 * 3_600_000;

/** A processor over an in-memory inbox, handing updates to a bot that echoes texts. */
function setup(
  api: BotApiEmulator,
  options: {
    ready?: Promise<unknown>;
    gate?: { readonly wait: () => Promise<void> };
    markDone?: (updateId: number) => void;
  } = {},
) {
  const { ready, gate } = options;
  const db = openDatabase(":memory:");
  const inbox = createInbox(db);
  const clock = new ManualClock();
  const deliveries = trackDeliveries();
  const bot = new Bot<BotContext>(api.token, {
    botInfo: api.botInfo,
    client: { apiRoot: api.apiRoot },
  });
  const handled: string[] = [];
  const metrics = createMetrics();
  bot.use(deliveries.middleware);
  bot.on("message:text", async (ctx) => {
    handled.push(ctx.message.text);
    await gate?.wait();
    if (ctx.message.text.startsWith("typing"))
      await ctx.replyWithChatAction("typing").catch(() => {});
    await ctx.reply(`echo ${ctx.message.text}`).catch(() => {});
  });
  const processor = createInboxProcessor({
    inbox,
    handle: (update) => bot.handleUpdate(update),
    deliveries,
    clock,
    logger: silentLogger(),
    metrics,
    retryMs: RETRY_MS,
    keepMs: KEEP_MS,
    maxAttempts: 3,
    concurrency: 2,
    ...(ready ? { ready } : {}),
    ...(options.markDone ? { markDone: options.markDone } : {}),
  });
  const states = () =>
    db.query("SELECT update_id AS id, state, attempts FROM inbox ORDER BY update_id").all();
  return {
    db,
    inbox,
    clock,
    processor,
    handled,
    states,
    metrics,
    async [Symbol.asyncDispose]() {
      await processor.stop();
      db.close();
    },
  };
}

const alice = { id: 11, first_name: "Alice" };
const bob = { id: 12, first_name: "Bob" };

describe("inbox processor", () => {
  it("stores at once but handles only when ready, each chat's updates in order", async () => {
    await using api = await startBotApiEmulator();
    const ready = Promise.withResolvers<void>();
    await using s = setup(api, { ready: ready.promise });
    const updates = [
      api.sendText(alice, "a1"),
      api.sendText(bob, "b1"),
      api.sendText(alice, "a2"),
      api.sendText(alice, "a3"),
    ];
    expect(updates.map((u) => s.processor.accept(u))).toEqual(Array(4).fill("stored"));
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(s.handled).toEqual([]);
    expect(s.states()).toHaveLength(4);

    ready.resolve();
    await until(() => s.processor.inFlight === 0);
    expect(s.handled.filter((t) => t.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    expect(s.states()).toEqual(
      updates.map((u) => ({ id: u.update_id, state: "done", attempts: 0 })),
    );
  });

  it("handles a bounded number of updates at once, across chats", async () => {
    await using api = await startBotApiEmulator();
    const gates: (() => void)[] = [];
    const gate = { wait: () => new Promise<void>((resolve) => gates.push(resolve)) };
    await using s = setup(api, { gate });
    const users = [31, 32, 33, 34].map((id) => ({ id, first_name: `U${id}` }));
    for (const user of users) s.processor.accept(api.sendText(user, `from ${user.id}`));
    await until(() => gates.length === 2, "two updates in the handler");
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(s.handled).toHaveLength(2);
    while (s.handled.length < 4 || gates.length > 0) {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => s.processor.inFlight === 0);
    expect(s.handled.toSorted()).toEqual(["from 31", "from 32", "from 33", "from 34"]);
  });

  it("acknowledges a duplicate update_id without handling it again", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    const update = api.sendText(alice, "once");
    expect(s.processor.accept(update)).toBe("stored");
    await until(() => s.processor.inFlight === 0);
    expect(s.processor.accept(update)).toBe("duplicate");
    const fresh = api.sendText(alice, "fresh");
    expect(s.processor.acceptAll([update, fresh])).toEqual(["duplicate", "stored"]);
    await until(() => s.processor.inFlight === 0);
    expect(s.handled).toEqual(["once", "fresh"]);
    const counted = (await s.metrics.inboxUpdates.get()).values.map((v) => [
      v.labels.outcome,
      v.value,
    ]);
    expect(Object.fromEntries(counted)).toEqual({ stored: 2, duplicate: 2 });
  });

  it("keeps an update whose reply failed pending and sends it on the next tick", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    s.processor.start();
    s.processor.accept(api.sendText(alice, "later"));
    await until(() => s.processor.inFlight === 0);
    expect(s.states()).toEqual([{ id: expect.any(Number), state: "pending", attempts: 1 }]);

    s.clock.advance(RETRY_MS);
    expect((await s.metrics.inboxPending.get()).values[0]?.value).toBe(1);
    await until(() => s.processor.inFlight === 0);
    expect(s.states()).toMatchObject([{ state: "done", attempts: 1 }]);
    expect(api.sent(alice.id).map((m) => m.text)).toEqual(["echo later"]);
  });

  it("does not retry an update whose done mark still waits for its group commit", async () => {
    await using api = await startBotApiEmulator();
    const unflushed: number[] = [];
    await using s = setup(api, { markDone: (id) => unflushed.push(id) });
    s.processor.start();
    const update = api.sendText(alice, "answered");
    s.processor.accept(update);
    await until(() => s.processor.inFlight === 0);
    expect(unflushed).toEqual([update.update_id]);
    s.clock.advance(RETRY_MS);
    await until(() => s.processor.inFlight === 0);
    expect(s.handled).toEqual(["answered"]);
  });

  it("treats a reply Telegram refuses for good (403) as done", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked" });
    s.processor.accept(api.sendText(alice, "blocked"));
    await until(() => s.processor.inFlight === 0);
    expect(s.states()).toMatchObject([{ state: "done", attempts: 0 }]);
  });

  it("does not keep an update pending for a failed typing indicator", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    api.failNext("sendChatAction", { error_code: 502, description: "Bad Gateway" });
    s.processor.accept(api.sendText(alice, "typing then reply"));
    await until(() => s.processor.inFlight === 0);
    expect(s.states()).toMatchObject([{ state: "done", attempts: 0 }]);
  });

  it("stops at once while waiting for readiness, leaving the updates pending", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api, { ready: new Promise(() => {}) });
    s.processor.accept(api.sendText(alice, "waiting"));
    await s.processor.stop();
    expect(s.handled).toEqual([]);
    expect(s.states()).toMatchObject([{ state: "pending", attempts: 0 }]);
  });

  it("gives an update up after its last attempt", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    for (let i = 0; i < 3; i++) api.failNext("sendMessage", { error_code: 500, description: "x" });
    s.processor.start();
    s.processor.accept(api.sendText(alice, "never"));
    for (let attempt = 1; attempt < 3; attempt++) {
      await until(() => s.processor.inFlight === 0);
      s.clock.advance(RETRY_MS);
    }
    await until(() => s.processor.inFlight === 0);
    expect(s.states()).toMatchObject([{ state: "done", attempts: 3 }]);
    expect(s.handled).toEqual(["never", "never", "never"]);
  });

  it("handles updates left pending by an earlier run at start, oldest first", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    const left = [api.sendText(alice, "old1"), api.sendText(alice, "old2")];
    for (const u of left) s.inbox.store(u.update_id, chatKeyOf(u), JSON.stringify(u), 0);
    expect(s.processor.start()).toBe(2);
    await until(() => s.processor.inFlight === 0);
    expect(s.handled).toEqual(["old1", "old2"]);
  });

  it("prunes rows older than the keep time on its tick", async () => {
    await using api = await startBotApiEmulator();
    await using s = setup(api);
    const old: Update = api.sendText(alice, "old");
    s.inbox.store(old.update_id, chatKeyOf(old), JSON.stringify(old), s.clock.now() - KEEP_MS - 1);
    s.inbox.markDone(old.update_id);
    s.processor.start();
    s.clock.advance(RETRY_MS);
    expect(s.states()).toEqual([]);
  });
});
