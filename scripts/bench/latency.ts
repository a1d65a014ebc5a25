/**
 * Latency per update at a fixed offered load: updates offered at 5,000/s (an open loop,
 * measured from when each update was due, so a stalled event loop counts) to the real RVX bot
 * and to bare grammY, API calls answered in process, no AI provider (answers come from the
 * cache). Scenarios alternate in rounds in this one process:
 *
 * - RVX, news texts: the reply waits for the XP commit (group commit, DB_FLUSH_MS default);
 * - RVX, /profile: the same middleware and actors, no write to wait for;
 * - RVX, news texts with DB_FLUSH_MS=0: the commit window closed;
 * - bare grammY with a trivial handler (the baseline).
 *
 *   bun run scripts/bench/latency.ts [--quick]
 *
 * Target: RVX's p99 under 2 ms at 5,000 updates/s.
 */
import type { Update } from "grammy/types";
import { driveOpen, NEWS, startBare, startRvx, type Target, textUpdate } from "./in-process";
import {
  formatPercentiles,
  header,
  type Percentiles,
  percentiles,
  quick,
  ratio,
  report,
  round,
  type SummaryRow,
} from "./lib";

const RATE = 5_000;
const SECONDS = quick ? 2 : 5;
const ROUNDS = 2;
const USERS = 1_000;
const TARGET_P99_MS = 2;

const news = (i: number) => textUpdate(1 + (i % USERS), NEWS[i % NEWS.length] as string);
const profile = (i: number) => textUpdate(1 + (i % USERS), "/profile");

interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly target: Target;
  readonly make: (i: number) => Update;
  readonly latencies: number[];
  maxLagMs: number;
}

async function main(): Promise<void> {
  header("latency", `updates offered at ${RATE}/s for ${SECONDS} s per scenario`);
  await using rvx = startRvx();
  await using rvxFlush0 = startRvx({ env: { DB_FLUSH_MS: "0" } });
  const bare = startBare();
  const scenario = (key: string, label: string, target: Target, make: Scenario["make"]) =>
    ({ key, label, target, make, latencies: [], maxLagMs: 0 }) as Scenario;
  const scenarios = [
    scenario("rvxNews", "RVX, news (reply after XP commit)", rvx, news),
    scenario("rvxProfile", "RVX, /profile (no write)", rvx, profile),
    scenario("rvxNewsFlush0", "RVX, news, DB_FLUSH_MS=0", rvxFlush0, news),
    scenario("bare", "bare grammY, trivial handler", bare, news),
  ];
  // Warm-up at the same rate: JIT, every user's actor spawned, every text cached.
  for (const s of scenarios) await driveOpen(s.target, s.make, RATE, RATE);

  const count = (RATE * SECONDS) / ROUNDS;
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of scenarios) {
      const run = await driveOpen(s.target, s.make, RATE, count);
      s.latencies.push(...run.latencies);
      s.maxLagMs = Math.max(s.maxLagMs, run.maxLagMs);
    }
  }

  const results: Record<string, unknown> = {};
  const p = new Map<string, Percentiles>();
  console.log(`baseline: bare grammY, one handler replying "ok" to every text message`);
  for (const s of scenarios) {
    const stats = percentiles(s.latencies);
    p.set(s.key, stats);
    results[s.key] = { label: s.label, latencyMs: stats, maxLagMs: round(s.maxLagMs) };
    console.log(`${s.label.padEnd(36)} ${formatPercentiles(stats)}`);
  }
  const base = p.get("bare") as Percentiles;
  const get = (key: string) => p.get(key) as Percentiles;
  const row = (key: string, metric: string, bound?: string): SummaryRow => {
    const met = get(key).p99 < TARGET_P99_MS;
    return {
      metric,
      unit: "ms",
      rvx: get(key).p99,
      baselineLabel: "bare grammY p99",
      baseline: base.p99,
      ratio: ratio(get(key).p99, base.p99),
      target: `< ${TARGET_P99_MS} ms`,
      met,
      ...(met || !bound ? {} : { bound }),
    };
  };
  const news0 = get("rvxNewsFlush0");
  const commitBound =
    `the reply to a news text waits for its XP commit: the DB-writer holds writes up to ` +
    `DB_FLUSH_MS=${rvx.app.config.dbFlushMs} (or ${rvx.app.config.dbFlushMax} writes), and news ` +
    `p50 is ${get("rvxNews").p50} ms. Same run, same actors: /profile (no write) p99 ` +
    `${get("rvxProfile").p99} ms; news with DB_FLUSH_MS=0 p50 ${news0.p50} ms, p99 ${news0.p99} ms`;
  report({
    benchmark: "latency",
    command: "bun run scripts/bench/latency.ts",
    setup: {
      offeredPerSecond: RATE,
      secondsPerScenario: SECONDS,
      rounds: ROUNDS,
      users: USERS,
      texts: NEWS.length,
      env: "FLOOD_INTERVAL_MS=0, DAILY_LIMIT=1000000, others at their defaults",
    },
    results: {
      ...results,
      overheadMs: {
        p50: round(get("rvxNews").p50 - base.p50),
        p99: round(get("rvxNews").p99 - base.p99),
      },
    },
    summary: [
      {
        metric: `Latency p50, news, ${RATE}/s offered`,
        unit: "ms",
        rvx: get("rvxNews").p50,
        baselineLabel: "bare grammY p50",
        baseline: base.p50,
        ratio: ratio(get("rvxNews").p50, base.p50),
        target: "—",
      },
      row("rvxNews", `Latency p99, news, ${RATE}/s offered`, commitBound),
      row("rvxProfile", `Latency p99, /profile, ${RATE}/s offered`),
    ],
  });
}

await main();
