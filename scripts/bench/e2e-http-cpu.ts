/**
 * End to end over HTTP: the whole RVX process (`bun src/main.ts`: long polling through
 * @grammyjs/runner, replies through the Bot API wire format) against the Bot API emulator on
 * loopback, N simulated users each sending a news text and waiting for the reply before the
 * next. Half the texts were seen before (cache hits), half are new (offline analysis). The
 * baseline is bare grammY under the same runner (scripts/bench/bare-bot.ts), same users, same
 * emulator code, in the same run.
 *
 *   bun run scripts/bench/e2e-http.ts [--quick]
 *
 * Reported: updates/s, p50/p95 reply time (update queued → reply received by the emulator),
 * split by cache hit and offline analysis, checked against RVX's request log in SQLite.
 */
import { Database } from "bun:sqlite";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { createOfflineAnalyzer } from "../../src/analyzers/offline/offline-analyzer";
import { type ApiCall, startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { childEnv } from "../../test/support/process";
import { NEWS } from "./in-process";
import {
  formatPercentiles,
  header,
  percentiles,
  quick,
  ratio,
  report,
  round,
  tempDir,
} from "./lib";

const USERS = 200;
const UPDATES = quick ? 1_000 : 10_000;
const WARMUP = 200;
const ROOT = join(import.meta.dir, "..", "..");
const RUN = Date.now().toString(36);

type Kind = "cache" | "offline";

interface Run {
  readonly elapsedMs: number;
  readonly replies: { readonly kind: Kind; readonly ms: number }[];
}

/**
 * Starts a bot process against a fresh emulator, waits for its first getUpdates, then has
 * USERS users send `count` texts in a closed loop (warm-up first).
 */
async function drive(
  command: string[],
  env: Record<string, string>,
  count: number,
): Promise<Run & { exitCode: number | null; stderr: string }> {
  await using api = await startBotApiEmulator();
  const waiting = new Map<number, (at: number) => void>();
  // One observer for every call (a wait that never matches), so no per-reply scan of the log.
  const observer = api
    .waitFor(
      (call: ApiCall) => {
        if (call.method === "sendMessage" && call.response?.ok) {
          const chatId = Number(call.payload.chat_id);
          const resolve = waiting.get(chatId);
          waiting.delete(chatId);
          resolve?.(performance.now());
        }
        return false;
      },
      { timeoutMs: 2 ** 31 - 1 },
    )
    .catch(() => {}); // rejected when the emulator closes
  const child: Subprocess = Bun.spawn(command, {
    cwd: ROOT,
    env: childEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...env }),
    stdin: "ignore",
    stdout: "ignore",
    stderr: "pipe",
  });
  try {
    await api.waitFor((call) => call.method === "getUpdates", { timeoutMs: 30_000 });
    const replies: Run["replies"] = [];
    let next = 0;
    const user = async (id: number, total: number, record: boolean) => {
      while (next < total) {
        const item = record ? measured(next++) : { text: warmUp(next++), kind: "cache" as const };
        const replied = new Promise<number>((resolve) => waiting.set(id, resolve));
        const sent = performance.now();
        api.sendText({ id, first_name: `User${id}`, language_code: "en" }, item.text);
        const at = await replied;
        if (record) replies.push({ kind: item.kind, ms: at - sent });
      }
    };
    const users = (total: number, record: boolean) =>
      Promise.all(Array.from({ length: USERS }, (_, i) => user(100_001 + i, total, record)));
    await users(WARMUP, false);
    next = 0;
    const started = performance.now();
    await users(count, true);
    const elapsedMs = performance.now() - started;
    child.kill("SIGTERM");
    const exitCode = await child.exited;
    const cpu = child.resourceUsage()?.cpuTime;
    if (cpu) console.log(`CPU ${command.at(-1)}: ${((Number(cpu.user) + Number(cpu.system)) / (count + WARMUP)).toFixed(1)} µs/update`);
    const stderr = await new Response(child.stderr as ReadableStream).text();
    return { elapsedMs, replies, exitCode, stderr };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await child.exited;
    await api.close();
    await observer;
  }
}

/** Warm-up texts: the news items, so RVX has them cached before the measurement. */
const warmUp = (i: number) => NEWS[i % NEWS.length] as string;

/** Measured texts: a cached news item and a text never seen before, alternately. */
function measured(i: number): { text: string; kind: Kind } {
  return i % 2 === 0
    ? { text: NEWS[(i / 2) % NEWS.length] as string, kind: "cache" }
    : { text: `${NEWS[i % NEWS.length]} (report ${i}, run ${RUN})`, kind: "offline" };
}

/** What the offline analyzer itself takes per new text, in µs, in this process. */
async function offlineAnalysisUs(): Promise<number> {
  const analyzer = createOfflineAnalyzer();
  const texts = Array.from({ length: 2_000 }, (_, i) => measured(2 * i + 1).text);
  for (const text of texts.slice(0, 200)) await analyzer.explain({ text, lang: "en" });
  const samples: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    await analyzer.explain({ text, lang: "en" });
    samples.push((performance.now() - started) * 1000);
  }
  return percentiles(samples).p50;
}

async function main(): Promise<void> {
  header("e2e-http", `${USERS} users, ${UPDATES} news texts over HTTP, RVX process vs bare grammY`);
  using dir = tempDir();
  const databasePath = join(dir.path, "rvx.db");
  const rvx = await drive(
    [process.execPath, "src/main.ts"],
    {
      DATABASE_PATH: databasePath,
      FLOOD_INTERVAL_MS: "0",
      DAILY_LIMIT: "1000000",
      DEFAULT_LANGUAGE: "en",
    },
    UPDATES,
  );
  if (rvx.exitCode !== 0) throw new Error(`RVX exited with ${rvx.exitCode}: ${rvx.stderr}`);
  const bare = await drive([process.execPath, "scripts/bench/bare-bot.ts"], {}, UPDATES);

  const db = new Database(databasePath, { readonly: true });
  const sources = Object.fromEntries(
    (
      db.query("SELECT source, count(*) AS n FROM requests GROUP BY source").all() as {
        source: string;
        n: number;
      }[]
    ).map((row) => [row.source, row.n]),
  );
  db.close();

  const analysisUs = await offlineAnalysisUs();
  const rate = (run: Run) => round(run.replies.length / (run.elapsedMs / 1000), 0);
  const of = (run: Run, kind?: Kind) =>
    percentiles(run.replies.filter((r) => !kind || r.kind === kind).map((r) => r.ms));
  const rvxAll = of(rvx);
  const bareAll = of(bare);
  const rvxCache = of(rvx, "cache");
  const rvxOffline = of(rvx, "offline");
  console.log(`baseline: bare grammY under @grammyjs/runner, replying "ok" to every text`);
  console.log(
    `RVX          ${String(rate(rvx)).padStart(6)} updates/s   ${formatPercentiles(rvxAll)}`,
  );
  console.log(`  cache hit                     ${formatPercentiles(rvxCache)}`);
  console.log(`  offline analysis              ${formatPercentiles(rvxOffline)}`);
  console.log(
    `bare grammY  ${String(rate(bare)).padStart(6)} updates/s   ${formatPercentiles(bareAll)}`,
  );
  console.log(`RVX request log by source: ${JSON.stringify(sources)}`);
  console.log(`the offline analyzer alone: ${analysisUs} µs per new text (p50, in this process)`);

  report({
    benchmark: "e2e-http",
    command: "bun run scripts/bench/e2e-http.ts",
    setup: {
      users: USERS,
      updates: UPDATES,
      warmup: WARMUP,
      mix: "every other text is a repeat of a cached news item, the rest are new (offline analysis)",
      rvx: "bun src/main.ts, FLOOD_INTERVAL_MS=0, DAILY_LIMIT=1000000, LOG_LEVEL=warn",
    },
    results: {
      rvx: {
        updatesPerSecond: rate(rvx),
        replyMs: rvxAll,
        cacheHitReplyMs: rvxCache,
        offlineReplyMs: rvxOffline,
        requestLogBySource: sources,
        offlineAnalyzerUsP50: analysisUs,
      },
      bareGrammy: { updatesPerSecond: rate(bare), replyMs: bareAll },
    },
    summary: [
      {
        metric: `End to end over HTTP, ${USERS} users`,
        unit: "updates/s",
        rvx: rate(rvx),
        baselineLabel: "bare grammY",
        baseline: rate(bare),
        ratio: ratio(rate(rvx), rate(bare)),
        target: "—",
      },
      {
        metric: "End to end p95 reply time",
        unit: "ms",
        rvx: rvxAll.p95,
        baselineLabel: "bare grammY",
        baseline: bareAll.p95,
        ratio: ratio(rvxAll.p95, bareAll.p95),
        target: "—",
      },
      {
        metric: "End to end p95 reply, cache hit",
        unit: "ms",
        rvx: rvxCache.p95,
        baselineLabel: "offline analysis",
        baseline: rvxOffline.p95,
        ratio: ratio(rvxCache.p95, rvxOffline.p95),
        target: "—",
      },
    ],
  });
}

await main();
