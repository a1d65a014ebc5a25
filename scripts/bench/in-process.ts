/**
 * The in-process harness for the pipeline, latency, routing, memory and group-commit
 * benchmarks: the real RVX app (actors, SQLite in a temp dir, offline analyzer) and its real
 * grammY bot, or a bare grammY bot, fed with `bot.handleUpdate`. Bot API calls are answered in
 * process by a grammY transformer, so no request leaves the process and none is faked deeper.
 */
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { Bot, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { type App, createApp } from "../../src/app";
import { botInfo } from "../../src/bot/bot-info";
import type { Clock } from "../../src/clock";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { nextTurn, tempDir } from "./lib";

const TOKEN = "7000000001:AAEmulatedTokenForBenchmarks_000001";

export const BOT_INFO: UserFromGetMe = botInfo({
  id: 7000000001,
  firstName: "RVX Bench",
  username: "rvx_bench_bot",
});

/** Something that handles updates: the RVX bot or the bare baseline. */
export interface Target {
  readonly name: string;
  handleUpdate(update: Update): Promise<void>;
  /** API calls answered so far, by method. */
  readonly calls: Map<string, number>;
}

/**
 * A transformer that answers every Bot API call in process, the way Telegram would: a Message
 * for send and edit methods, `true` for the rest. It never calls `prev`, so nothing goes out.
 */
export function answerInProcess(calls: Map<string, number>): Transformer {
  let messageId = 1;
  return async (_prev, method, payload) => {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    if (!method.startsWith("send") && !method.startsWith("edit")) {
      return { ok: true, result: true as never };
    }
    const p = payload as { chat_id?: number; text?: string; message_id?: number };
    const chatId = Number(p.chat_id ?? 0);
    const message = {
      message_id: p.message_id ?? messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "User" },
      from: BOT_INFO,
      text: p.text ?? "",
    };
    return { ok: true, result: message as never };
  };
}

/** The environment RVX runs with here: production defaults unless a benchmark says otherwise. */
export const BENCH_ENV: Record<string, string> = {
  // Updates arrive faster than a person types: no flood interval, a quota nobody reaches,
  // so every update takes the whole explanation path (limits, cache, XP commit, reply).
  FLOOD_INTERVAL_MS: "0",
  DAILY_LIMIT: "1000000",
  DEFAULT_LANGUAGE: "en",
};

export interface RvxTarget extends Target, AsyncDisposable {
  readonly app: App;
  readonly bot: Bot;
}

/**
 * Starts the whole RVX app on a fresh SQLite file in a temp dir and its bot (createApp,
 * createBot: observe, sequentialize, identify, features, error boundary). The logger is the
 * production one at `info`, writing to /dev/null.
 */
export function startRvx(options: { env?: Record<string, string>; clock?: Clock } = {}): RvxTarget {
  const dir = tempDir();
  const config = parseConfig({
    ...BENCH_ENV,
    DATABASE_PATH: join(dir.path, "rvx.db"),
    ...options.env,
  });
  const devNull = openSync("/dev/null", "w");
  const logger = createLogger({ level: "info", secrets: [TOKEN], destination: devNull });
  const app = createApp({
    config,
    logger,
    telegram: { token: TOKEN, botInfo: BOT_INFO },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const bot = app.createBot();
  const calls = new Map<string, number>();
  bot.api.config.use(answerInProcess(calls));
  let stopped = false;
  return {
    name: "RVX",
    app,
    bot: bot as unknown as Bot,
    calls,
    handleUpdate: (update) => bot.handleUpdate(update),
    async [Symbol.asyncDispose]() {
      if (stopped) return;
      stopped = true;
      try {
        await app.stop();
      } finally {
        closeSync(devNull);
        dir[Symbol.dispose]();
      }
    },
  };
}

/** The baseline: bare grammY with a trivial handler that replies to every text message. */
export function startBare(): Target {
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO });
  const calls = new Map<string, number>();
  bot.api.config.use(answerInProcess(calls));
  bot.on("message:text", (ctx) => ctx.reply("ok"));
  return { name: "bare grammY", calls, handleUpdate: (update) => bot.handleUpdate(update) };
}

let nextUpdateId = 1;

/** A private text message from `userId`, as Telegram delivers it. */
export function textUpdate(userId: number, text: string): Update {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: `User${userId}` },
      from: { id: userId, is_bot: false, first_name: `User${userId}`, language_code: "en" },
      text,
      ...(text.startsWith("/")
        ? {
            entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }],
          }
        : {}),
    },
  };
}

/** Short crypto news items; the same few texts over and over make cache hits. */
export const NEWS = [
  "SEC approves spot Bitcoin ETF applications from several asset managers",
  "Hackers drained $200M from a DeFi bridge on Ethereum overnight",
  "Binance will list Solana (SOL) perpetual futures next week",
  "Ethereum completes its network upgrade, lowering fees for layer 2 rollups",
  "The Federal Reserve holds rates; Bitcoin price jumps 5% after the decision",
  "Coinbase faces a lawsuit from the SEC over staking services",
  "Bitcoin halving cuts the block reward to 3.125 BTC",
  "Tether mints another $1B USDT on Tron as stablecoin demand grows",
  "Ripple and a major bank announce a partnership for cross-border payments",
  "Kraken delists several privacy coins in Europe after new regulation",
  "Dogecoin rallies 20% as meme coins surge on social media hype",
  "Solana network suffers a five-hour outage; validators coordinate a restart",
] as const;

/**
 * Feeds `count` updates with at most `concurrency` in flight (as @grammyjs/runner does; its
 * default is 500) and returns the wall time in ms and each update's latency.
 */
export async function driveClosed(
  target: Target,
  make: (i: number) => Update,
  count: number,
  concurrency: number,
): Promise<{ elapsedMs: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const update = make(next++);
      const t0 = performance.now();
      await target.handleUpdate(update);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { elapsedMs: performance.now() - started, latencies };
}

/**
 * Offers updates at a fixed rate whatever the bot's progress (an open loop), and measures each
 * update from the moment it was due, so a stalled event loop shows up as latency instead of
 * slowing the offered load (no coordinated omission).
 */
export async function driveOpen(
  target: Target,
  make: (i: number) => Update,
  ratePerSecond: number,
  count: number,
): Promise<{ elapsedMs: number; latencies: number[]; maxLagMs: number }> {
  const latencies: number[] = [];
  const interval = 1000 / ratePerSecond;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  let maxLagMs = 0;
  while (sent < count) {
    const now = performance.now();
    const due = Math.min(count, Math.floor((now - started) / interval) + 1);
    if (sent < due) maxLagMs = Math.max(maxLagMs, now - (started + sent * interval));
    for (; sent < due; sent++) {
      const dueAt = started + sent * interval;
      pending.push(
        target.handleUpdate(make(sent)).then(() => {
          latencies.push(performance.now() - dueAt);
        }),
      );
    }
    await nextTurn();
  }
  await Promise.all(pending);
  return { elapsedMs: performance.now() - started, latencies, maxLagMs };
}
