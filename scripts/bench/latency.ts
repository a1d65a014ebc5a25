/**
 * Latency per update at a fixed offered load: updates offered at 1,000/s and 5,000/s (an open
 * loop, measured from when each update was due, so a stalled event loop counts) to the real RVX
 * bot and to bare grammY, API calls answered in process, no AI provider (answers come from the
 * cache). Scenarios alternate in rounds in this one process:
 *
 * - RVX, news texts: the reply waits for the XP commit (adaptive group commit, defaults);
 * - RVX, /profile: the same middleware and actors, no write to wait for;
 * - bare grammY with a trivial handler (the baseline), at each rate.
 *
 *   bun run scripts/bench/latency.ts [--quick]
 *
 * Targets: news p99 under 3 ms at 1,000 updates/s; /profile p99 under 2 ms at 5,000/s.
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
const LOW_RATE = 1_000;
const SECONDS = quick ? 2 : 5;
const ROUNDS = 2;
const USERS = 1_000;
const TARGET_P99_MS = 2;
const TARGET_NEWS_P99_MS = 3;

const news = (i: number) => textUpdate(1 + (i % USERS), NEWS[i % NEWS.length] as string);
const profile = (i: number) => textUpdate(1 + (i % USERS), "/profile");

interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly target: Target;
  readonly make: (i: number) => Update;
  readonly rate: number;
  readonly latencies: number[];
  maxLagMs: number;
}

async function main(): Promise<void> {
  header("latency", `updates offered at ${LOW_RATE}/s and ${RATE}/s for ${SECONDS} s per scenario`);
  await using rvx = startRvx();
  const bare = startBare();
  const scenario = (
    key: string,
    label: string,
    target: Target,
    make: Scenario["make"],
    rate: number,
  ) => ({ key, label, target, make, rate, latencies: [], maxLagMs: 0 }) as Scenario;
  const scenarios = [
    scenario("rvxNewsLow", `RVX, news, ${LOW_RATE}/s`, rvx, news, LOW_RATE),
    scenario("bareLow", `bare grammY, ${LOW_RATE}/s`, bare, news, LOW_RATE),
    scenario("rvxNews", `RVX, news, ${RATE}/s`, rvx, news, RATE),
    scenario("rvxProfile", `RVX, /profile, ${RATE}/s`, rvx, profile, RATE),
    scenario("bare", `bare grammY, ${RATE}/s`, bare, news, RATE),
  ];
  // Warm-up at the same rate: JIT, every user's actor spawned, every text cached.
  for (const s of scenarios) await driveOpen(s.target, s.make, s.rate, s.rate);

  // Commits of the news scenario at 1,000/s: how many, and how many took long enough to show.
  const flushes = async () => {
    const values = (await rvx.app.metrics.dbFlushDuration.get()).values;
    const bucket = (le: number) =>
      values.find((v) => v.metricName?.endsWith("_bucket") && v.labels.le === le)?.value ?? 0;
    const count = values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
    return { count, slow: count - bucket(0.0025) };
  };
  const lowCommits = { count: 0, slow: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of scenarios) {
      const before = await flushes();
      const run = await driveOpen(s.target, s.make, s.rate, (s.rate * SECONDS) / ROUNDS);
      s.latencies.push(...run.latencies);
      s.maxLagMs = Math.max(s.maxLagMs, run.maxLagMs);
      if (s.key !== "rvxNewsLow") continue;
      const after = await flushes();
      lowCommits.count += after.count - before.count;
      lowCommits.slow += after.slow - before.slow;
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
  const baseLow = p.get("bareLow") as Percentiles;
  const row = (
    key: string,
    metric: string,
    baseline: Percentiles,
    target: number | undefined,
    bound?: string,
  ): SummaryRow => {
    const met = target === undefined ? undefined : get(key).p99 < target;
    return {
      metric,
      unit: "ms",
      rvx: get(key).p99,
      baselineLabel: "bare grammY p99",
      baseline: baseline.p99,
      ratio: ratio(get(key).p99, baseline.p99),
      target: target === undefined ? "—" : `< ${target} ms`,
      ...(met === undefined ? {} : { met }),
      ...(met !== false || !bound ? {} : { bound }),
    };
  };
  const lag = (key: string) =>
    (results[key] as { maxLagMs: number } | undefined)?.maxLagMs ?? Number.NaN;
  const newsBound =
    `not the commit window: at ${LOW_RATE}/s an idle writer commits at once (${lowCommits.count} ` +
    `transactions for ${LOW_RATE * SECONDS} news, ${lowCommits.slow} of them over 2.5 ms); the ` +
    `tail is stalls of the event loop: the longest while offering was ${lag("rvxNewsLow")} ms ` +
    `(bare grammY: ${lag("bareLow")} ms in the same run); p95 ${get("rvxNewsLow").p95} ms, ` +
    `/profile (no write) p99 at ${RATE}/s ${get("rvxProfile").p99} ms`;
  report({
    benchmark: "latency",
    command: "bun run scripts/bench/latency.ts",
    setup: {
      offeredPerSecond: `${LOW_RATE} and ${RATE}`,
      secondsPerScenario: SECONDS,
      rounds: ROUNDS,
      users: USERS,
      texts: NEWS.length,
      env: "FLOOD_INTERVAL_MS=0, DAILY_LIMIT=1000000, others at their defaults",
    },
    results: {
      ...results,
      commitsAtLowRate: lowCommits,
      overheadMs: {
        p50: round(get("rvxNews").p50 - base.p50),
        p99: round(get("rvxNews").p99 - base.p99),
      },
    },
    summary: [
      row(
        "rvxNewsLow",
        `Latency p99, news, ${LOW_RATE}/s offered`,
        baseLow,
        TARGET_NEWS_P99_MS,
        newsBound,
      ),
      {
        metric: `Latency p50, news, ${RATE}/s offered`,
        unit: "ms",
        rvx: get("rvxNews").p50,
        baselineLabel: "bare grammY p50",
        baseline: base.p50,
        ratio: ratio(get("rvxNews").p50, base.p50),
        target: "—",
      },
      row("rvxNews", `Latency p99, news, ${RATE}/s offered`, base, undefined),
      row("rvxProfile", `Latency p99, /profile, ${RATE}/s offered`, base, TARGET_P99_MS),
    ],
  });
}

await main();
