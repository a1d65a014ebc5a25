/**
 * Webhook intake: how fast RVX acknowledges webhook POSTs at a fixed offered rate. The whole
 * process (`bun src/main.ts`, BOT_MODE=webhook: each update stored in the durable inbox, then
 * answered 200, then handled) against the Bot API emulator, and in the same run the baseline:
 * bare grammY behind `webhookCallback` (scripts/bench/bare-webhook-bot.ts), which answers each
 * POST once its handler has replied. Open loop: updates are offered at RATE a second whatever
 * the answers do, and each acknowledgement time is counted from the moment its update was due
 * (so a stall shows in the percentiles instead of slowing the offer). Texts are the bench's
 * news items from USERS users (answered from the cache after the warm-up); answers are offline.
 *
 *   bun run scripts/bench/webhook-intake.ts [--quick]
 *
 * Target: 4,000 updates/s offered, all acknowledged at that rate, p99 < 50 ms, on 2 cores.
 */
import { join } from "node:path";
import type { Subprocess } from "bun";
import type { Update } from "grammy/types";
import {
  type BotApiEmulator,
  postWebhookUpdate,
  startBotApiEmulator,
} from "../../test/support/bot-api-emulator";
import { childEnv, freePort } from "../../test/support/process";
import { NEWS } from "./in-process";
import {
  formatPercentiles,
  header,
  type Percentiles,
  percentiles,
  quick,
  ratio,
  report,
  round,
  tempDir,
} from "./lib";

const RATE = 4_000;
const SECONDS = quick ? 3 : 10;
const WARMUP_RATE = 1_000;
const WARMUP_SECONDS = 2;
const USERS = 400;
const P99_TARGET_MS = 50;
const SECRET = "intake-bench-secret-0123";
const ROOT = join(import.meta.dir, "..", "..");

const update = (i: number): Update => {
  const id = 200_000 + (i % USERS);
  return {
    update_id: 1_000_000 + i,
    message: {
      message_id: i + 1,
      date: 1,
      chat: { id, type: "private", first_name: "U" },
      from: { id, is_bot: false, first_name: "U", language_code: "en" },
      text: NEWS[i % NEWS.length] as string,
    },
  };
};

interface Offered {
  /** Updates acknowledged per second over the measured window (offer start → last answer). */
  readonly ackedPerSecond: number;
  readonly ackMs: Percentiles;
  readonly failed: number;
}

interface Measured extends Offered {
  /** Updates answered (their reply sent) per second, offer start → last reply. */
  readonly repliedPerSecond: number;
}

/** Offers `rate` updates a second for `seconds` (ids from `first`), each POST on its own. */
async function offer(url: string, rate: number, seconds: number, first: number): Promise<Offered> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let failed = 0;
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    for (; sent < due; sent++) {
      const dueAt = started + (sent * 1000) / rate;
      pending.push(
        postWebhookUpdate(url, update(first + sent), SECRET).then(
          async (response) => {
            await response.arrayBuffer();
            if (response.status === 200) latencies.push(performance.now() - dueAt);
            else failed++;
          },
          () => void failed++,
        ),
      );
    }
    await Bun.sleep(1);
  }
  await Promise.all(pending);
  const elapsed = performance.now() - started;
  return {
    ackedPerSecond: round(latencies.length / (elapsed / 1000), 0),
    ackMs: percentiles(latencies),
    failed,
  };
}

/** Starts a bot process on a fresh emulator, warms it up, then measures one offered run. */
async function measure(command: string[], env: Record<string, string>): Promise<Measured> {
  using dir = tempDir();
  await using api = await startBotApiEmulator();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/hook`;
  const child: Subprocess = Bun.spawn(command, {
    cwd: ROOT,
    env: childEnv({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PORT: String(port),
      ...env,
    }),
    stdin: "ignore",
    stdout: "ignore",
    stderr: "inherit",
  });
  try {
    await api.waitFor((c) => c.method === "getMe", { timeoutMs: 30_000 });
    // Ready when a POST is answered (RVX: after setWebhook; bare grammY: once it listens).
    for (let i = 0; ; i++) {
      const ok = await postWebhookUpdate(url, update(i), SECRET).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await Bun.sleep(20);
    }
    await offer(url, WARMUP_RATE, WARMUP_SECONDS, 100);
    // Let the warm-up's backlog drain: the measured run starts from an idle process.
    const warmReplies = WARMUP_RATE * WARMUP_SECONDS;
    await repliesReach(api, warmReplies, 60_000);
    const before = api.calls.filter((c) => c.method === "sendMessage").length;
    const started = performance.now();
    const run = await offer(url, RATE, SECONDS, 100_000);
    const total = Math.round(RATE * SECONDS);
    await repliesReach(api, before + total, 120_000);
    const repliedPerSecond = round(total / ((performance.now() - started) / 1000), 0);
    return { ...run, repliedPerSecond };
  } finally {
    child.kill("SIGTERM");
    await child.exited;
  }
}

/** Resolves once the emulator has taken `count` sendMessage calls (counted once each). */
async function repliesReach(api: BotApiEmulator, count: number, timeoutMs: number): Promise<void> {
  let seen = 0;
  await api.waitFor((c) => c.method === "sendMessage" && ++seen >= count, { timeoutMs });
}

async function main(): Promise<void> {
  header("webhook-intake", `${RATE} updates/s offered for ${SECONDS} s over the webhook`);
  const bare = await measure([process.execPath, "scripts/bench/bare-webhook-bot.ts"], {});
  // BENCH_CHILD_PROFILE_DIR=<dir>: RVX runs under `bun --cpu-prof` (see profile-summary.ts).
  const profileDir = process.env.BENCH_CHILD_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const rvx = await measure([process.execPath, ...profile, "src/main.ts"], {
    BOT_MODE: "webhook",
    FLOOD_INTERVAL_MS: "0",
    DAILY_LIMIT: "1000000",
    DEFAULT_LANGUAGE: "en",
  });
  console.log(`baseline: bare grammY webhookCallback, replying "ok" before it answers the POST`);
  for (const [name, run] of [
    ["RVX        ", rvx],
    ["bare grammY", bare],
  ] as const) {
    console.log(
      `${name}  ${String(run.ackedPerSecond).padStart(6)} acked/s  ack ${formatPercentiles(run.ackMs)}  failed ${run.failed}  ${run.repliedPerSecond} replied/s`,
    );
  }
  const kept = (run: Measured) => run.failed === 0 && run.ackedPerSecond >= RATE * 0.95;
  const met = kept(rvx) && rvx.ackMs.p99 < P99_TARGET_MS;
  report({
    benchmark: "webhook-intake",
    command: "bun run scripts/bench/webhook-intake.ts",
    setup: { rate: RATE, seconds: SECONDS, warmupRate: WARMUP_RATE, users: USERS },
    results: { rvx, bareGrammy: bare },
    summary: [
      {
        metric: `Webhook intake p99, ${RATE}/s offered`,
        unit: "ms",
        rvx: rvx.ackMs.p99,
        baselineLabel: "bare grammY webhook p99",
        baseline: bare.ackMs.p99,
        ratio: ratio(rvx.ackMs.p99, bare.ackMs.p99),
        target: `< ${P99_TARGET_MS} ms at ${RATE}/s kept`,
        met,
        bound:
          `RVX acknowledged ${rvx.ackedPerSecond} updates/s of ${RATE} offered (${rvx.failed} failed), ` +
          `p50 ${rvx.ackMs.p50} ms; the POSTs share the event loop with the handling of the updates ` +
          `already acknowledged (the pipeline bench's CPU per update), so a stall there delays acks`,
      },
      {
        metric: `Webhook intake, updates acknowledged/s at ${RATE}/s offered`,
        unit: "updates/s",
        rvx: rvx.ackedPerSecond,
        baselineLabel: "bare grammY webhook",
        baseline: bare.ackedPerSecond,
        ratio: ratio(rvx.ackedPerSecond, bare.ackedPerSecond),
        target: "—",
      },
      {
        metric: `Webhook intake, updates answered/s at ${RATE}/s offered`,
        unit: "updates/s",
        rvx: rvx.repliedPerSecond,
        baselineLabel: "bare grammY webhook",
        baseline: bare.repliedPerSecond,
        ratio: ratio(rvx.repliedPerSecond, bare.repliedPerSecond),
        target: "—",
      },
    ],
  });
}

await main();
