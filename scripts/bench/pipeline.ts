/**
 * Pipeline throughput: news texts fed through the real RVX bot (observe, sequentialize,
 * identify, explain; user actors, limits, cache hits, XP group commit, the reply) against bare
 * grammY with a trivial handler, both with `bot.handleUpdate` and API calls answered in process,
 * alternating in rounds in this one process.
 *
 *   bun run scripts/bench/pipeline.ts [--quick]
 *
 * Target: RVX at least 30% of bare grammY's updates/s.
 */
import type { Metrics } from "../../src/metrics";
import { driveClosed, NEWS, startBare, startRvx, type Target, textUpdate } from "./in-process";
import {
  formatPercentiles,
  header,
  percentiles,
  profiling,
  quick,
  ratio,
  report,
  round,
} from "./lib";

const UPDATES = quick ? 8_000 : 40_000;
/** Bare grammY is ~20x faster: more updates keep its rounds long enough to time. */
const BARE_UPDATES = UPDATES * 5;
const WARMUP = quick ? 2_000 : 5_000;
const ROUNDS = 4;
const USERS = 1_000;
/** @grammyjs/runner's default: at most 500 updates in flight. */
const CONCURRENCY = 500;
const TARGET_RATIO = 0.3;

const news = (i: number) => textUpdate(1 + (i % USERS), NEWS[i % NEWS.length] as string);

async function explanations(metrics: Metrics): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const v of (await metrics.explanations.get()).values) {
    counts[String(v.labels.source)] = v.value;
  }
  return counts;
}

async function main(): Promise<void> {
  header(
    "pipeline",
    `${UPDATES} news texts from ${USERS} users, ${CONCURRENCY} in flight, RVX vs bare grammY`,
  );
  await using rvx = startRvx();
  const bare = startBare();
  // Warm-up: JIT, every user's actor spawned and loaded, every text in the cache.
  await driveClosed(rvx, news, WARMUP, CONCURRENCY);
  await driveClosed(bare, news, WARMUP, CONCURRENCY);
  const before = await explanations(rvx.app.metrics);
  const flushesBefore = await flushCount(rvx.app.metrics);

  type Total = { count: number; elapsedMs: number; cpuMs: number; latencies: number[] };
  const runs = new Map<Target, Total>([
    [rvx, { count: UPDATES, elapsedMs: 0, cpuMs: 0, latencies: [] }],
  ]);
  // Under the profiler only RVX runs, so the profile is RVX's alone.
  if (!profiling) runs.set(bare, { count: BARE_UPDATES, elapsedMs: 0, cpuMs: 0, latencies: [] });
  for (let r = 0; r < ROUNDS; r++) {
    for (const [target, total] of runs) {
      const cpu = process.cpuUsage();
      const run = await driveClosed(target, news, total.count / ROUNDS, CONCURRENCY);
      const used = process.cpuUsage(cpu);
      total.cpuMs += (used.user + used.system) / 1000;
      total.elapsedMs += run.elapsedMs;
      total.latencies.push(...run.latencies);
    }
  }
  const after = await explanations(rvx.app.metrics);
  const explained = Object.keys(after).reduce(
    (sum, key) => sum + (after[key] ?? 0) - (before[key] ?? 0),
    0,
  );
  if (explained !== UPDATES) {
    throw new Error(`RVX explained ${explained} of ${UPDATES} updates; the pipeline is broken`);
  }
  const transactions = (await flushCount(rvx.app.metrics)) - flushesBefore;

  const total = (t: Target) => runs.get(t) ?? { count: 1, elapsedMs: 1, cpuMs: 0, latencies: [] };
  const rate = (t: Target) => round(total(t).count / (total(t).elapsedMs / 1000), 0);
  /** Process CPU time (all threads) per update, in µs. */
  const cpuPerUpdate = (t: Target) => round((total(t).cpuMs * 1000) / total(t).count, 1);
  const apiCallsPerUpdate = round(
    [...rvx.calls.values()].reduce((sum, n) => sum + n, 0) / (UPDATES + WARMUP),
    2,
  );
  if (profiling) {
    console.log(
      `RVX ${rate(rvx)} updates/s, ${cpuPerUpdate(rvx)} µs CPU per update (profiling run)`,
    );
    return;
  }
  const rvxRate = rate(rvx);
  const bareRate = rate(bare);
  const rvxLatency = percentiles(total(rvx).latencies);
  const bareLatency = percentiles(total(bare).latencies);
  const r = ratio(rvxRate, bareRate) ?? 0;
  const cacheHits = (after.cache_memory ?? 0) - (before.cache_memory ?? 0);

  console.log(`baseline: bare grammY, one handler replying "ok" to every text message`);
  console.log(
    `RVX          ${String(rvxRate).padStart(8)} updates/s   ${formatPercentiles(rvxLatency)}`,
  );
  console.log(
    `bare grammY  ${String(bareRate).padStart(8)} updates/s   ${formatPercentiles(bareLatency)}`,
  );
  console.log(
    `RVX: ${cacheHits} of ${UPDATES} answers from the memory cache; ${transactions} SQLite transactions (${round(transactions / UPDATES, 4)} per update)`,
  );
  console.log(
    `CPU time per update: RVX ${cpuPerUpdate(rvx)} µs, bare grammY ${cpuPerUpdate(bare)} µs`,
  );
  report({
    benchmark: "pipeline",
    command: "bun run scripts/bench/pipeline.ts",
    setup: {
      updates: UPDATES,
      bareUpdates: BARE_UPDATES,
      warmup: WARMUP,
      rounds: ROUNDS,
      users: USERS,
      concurrency: CONCURRENCY,
      texts: NEWS.length,
      env: "FLOOD_INTERVAL_MS=0, DAILY_LIMIT=1000000, other settings at their defaults",
    },
    results: {
      rvx: {
        updatesPerSecond: rvxRate,
        latencyMs: rvxLatency,
        cpuUsPerUpdate: cpuPerUpdate(rvx),
        apiCallsPerUpdate,
      },
      bareGrammy: {
        updatesPerSecond: bareRate,
        latencyMs: bareLatency,
        cpuUsPerUpdate: cpuPerUpdate(bare),
      },
      ratio: r,
      cacheHits,
      transactions,
      transactionsPerUpdate: round(transactions / UPDATES, 4),
    },
    summary: [
      {
        metric: "Pipeline throughput",
        unit: "updates/s",
        rvx: rvxRate,
        baselineLabel: "bare grammY",
        baseline: bareRate,
        ratio: r,
        target: `≥ ${TARGET_RATIO} × bare grammY`,
        met: r >= TARGET_RATIO,
        bound:
          `CPU: with ${CONCURRENCY} updates in flight both run the process flat out, and an RVX ` +
          `update costs ${cpuPerUpdate(rvx)} µs of CPU against ${cpuPerUpdate(bare)} µs for bare ` +
          `grammY (Bot API calls per update: ${apiCallsPerUpdate} against 1; the CPU profile in ` +
          `SUMMARY.md says where the rest goes)`,
        cpuBound: true,
      },
    ],
  });
}

async function flushCount(metrics: Metrics): Promise<number> {
  const values = (await metrics.dbFlushBatch.get()).values;
  return values.find((v) => v.metricName === "rvx_db_flush_batch_size_count")?.value ?? 0;
}

await main();
