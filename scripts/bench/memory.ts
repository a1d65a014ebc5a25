/**
 * Memory: resident set size of RVX under load, each scenario in a fresh `bun` process (no
 * --smol) with the real app and bot, default configuration (MAX_LIVE_USERS=20,000):
 *
 * - rate-20k: news texts offered at 2,000 updates/s (open loop) from 20,000 users;
 * - users-100k: 100,000 distinct users, one news each, at 2,000/s (ten minutes of arrivals of
 *   100,000 users, compressed: a user actor idles 10 minutes, so without MAX_LIVE_USERS every
 *   one of them would still be alive);
 * - rate-100: the same rate from 100 users (what traffic alone costs);
 * - burst-10k: 10,000 users activated 500 at a time (a closed loop, the runner's default);
 * - the first two again with BUN_JSC_forceRAMSize=200000000 (JSC sizes its heap and how often
 *   it collects from the RAM it believes it has; a deployment can set it in the unit's
 *   environment), and the throughput of the app as fast as it goes (500 in flight, 20,000
 *   users) with and without it, to show what that memory costs in CPU.
 *
 * RSS is sampled every 100 ms during the load (the peak is the figure), then read after a full
 * GC and again 3 s later (the allocator gives freed pages back lazily). The baseline is the idle
 * app in the same process before the load. The JS heap (used and capacity) comes from
 * process.memoryUsage() after Bun.gc(true); what a module costs at import is measured in a fresh
 * process too.
 *
 *   bun run scripts/bench/memory.ts [--quick]
 *
 * Target: RSS under 200 MB at 2,000 updates/s with 20,000 users, and with 100,000 users.
 */
import { join } from "node:path";
import type { Update } from "grammy/types";
import { driveClosed, driveOpen, NEWS, startRvx, textUpdate } from "./in-process";
import { header, quick, ratio, report, round, rssAfterGc, type SummaryRow } from "./lib";

const RATE = 2_000;
const SECONDS = quick ? 6 : 15;
const TARGET_MB = 200;
const BURST_TARGET_MB = 120;
const ROOT = join(import.meta.dir, "..", "..");
/** Imported alone in a fresh process to see what each costs (src/app.ts: all of RVX). */
const MODULES = ["./src/app.ts", "grammy", "prom-client", "pino", "nact"];

interface Scenario {
  readonly label: string;
  /** Environment of the scenario's process on top of this one's. */
  readonly env?: Record<string, string>;
  readonly updates: number;
  /** Drives the load; returns when every update has been answered. */
  readonly run: (target: Parameters<typeof driveOpen>[0]) => Promise<unknown>;
}

const news = (userId: number, i: number): Update =>
  textUpdate(userId, NEWS[i % NEWS.length] as string);
const DISTINCT = quick ? 30_000 : 100_000;
const SMALL_RAM = { BUN_JSC_forceRAMSize: "200000000" };
const rate20k: Scenario = {
  label: `${RATE}/s from 20,000 users`,
  updates: RATE * SECONDS,
  run: (t) => driveOpen(t, (i) => news(1 + (i % 20_000), i), RATE, RATE * SECONDS),
};
const users100k: Scenario = {
  label: `${DISTINCT.toLocaleString("en")} distinct users at ${RATE}/s`,
  updates: DISTINCT,
  run: (t) => driveOpen(t, (i) => news(1 + i, i), RATE, DISTINCT),
};
const CLOSED = quick ? 20_000 : 60_000;
const closed20k: Scenario = {
  label: "as fast as it goes, 500 in flight, 20,000 users",
  updates: CLOSED,
  run: (t) => driveClosed(t, (i) => news(1 + (i % 20_000), i), CLOSED, 500),
};
const SCENARIOS: Record<string, Scenario> = {
  "rate-20k": rate20k,
  "users-100k": users100k,
  "rate-100": {
    label: `${RATE}/s from 100 users`,
    updates: RATE * SECONDS,
    run: (t) => driveOpen(t, (i) => news(1 + (i % 100), i), RATE, RATE * SECONDS),
  },
  "burst-10k": {
    label: "10,000 users activated 500 at a time",
    updates: 10_000,
    run: (t) => driveClosed(t, (i) => news(1 + i, i), 10_000, 500),
  },
  "closed-20k": closed20k,
  "closed-20k-ram200": {
    ...closed20k,
    label: `${closed20k.label}, JSC RAM 200 MB`,
    env: SMALL_RAM,
  },
  "rate-20k-ram200": { ...rate20k, label: `${rate20k.label}, JSC RAM 200 MB`, env: SMALL_RAM },
  "users-100k-ram200": {
    ...users100k,
    label: `${users100k.label}, JSC RAM 200 MB`,
    env: SMALL_RAM,
  },
};

interface Measured {
  readonly scenario: string;
  readonly idleMb: number;
  readonly peakMb: number;
  /** The JS heap's capacity and use at the moment of the peak (live state plus garbage). */
  readonly peakHeapTotalMb: number;
  readonly peakHeapMb: number;
  readonly afterGcMb: number;
  readonly settledMb: number;
  readonly heapMb: number;
  readonly heapTotalMb: number;
  readonly idleHeapMb: number;
  readonly liveUsers: number;
  readonly maxLiveUsers: number;
  readonly seconds: number;
  /** Updates answered per second of the run (the offered rate in an open loop). */
  readonly updatesPerSecond: number;
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

/** One scenario, in this (fresh) process: prints its measurement as a JSON line. */
async function child(name: string): Promise<void> {
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  await using rvx = startRvx();
  const idleMb = rssAfterGc();
  const idleHeapMb = mb(process.memoryUsage().heapUsed);
  let peak = { rss: 0, heapTotal: 0, heapUsed: 0 };
  let maxLiveUsers = 0;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  };
  const sampler = setInterval(() => {
    sample();
    maxLiveUsers = Math.max(maxLiveUsers, rvx.app.runtime.users.size);
  }, 100);
  const started = performance.now();
  await scenario.run(rvx);
  await rvx.app.runtime.flush();
  clearInterval(sampler);
  sample();
  const seconds = round((performance.now() - started) / 1000, 1);
  const afterGcMb = rssAfterGc();
  const { heapUsed, heapTotal } = process.memoryUsage();
  await Bun.sleep(3000);
  const measured: Measured = {
    scenario: name,
    idleMb,
    peakMb: mb(peak.rss),
    peakHeapTotalMb: mb(peak.heapTotal),
    peakHeapMb: mb(peak.heapUsed),
    afterGcMb,
    settledMb: rssAfterGc(),
    heapMb: mb(heapUsed),
    heapTotalMb: mb(heapTotal),
    idleHeapMb,
    liveUsers: rvx.app.runtime.users.size,
    maxLiveUsers,
    seconds,
    updatesPerSecond: round(scenario.updates / seconds, 0),
  };
  console.log(JSON.stringify(measured));
}

async function inFreshProcess(name: string): Promise<Measured> {
  const args = [process.execPath, "run", import.meta.path, "--scenario", name];
  const env = { ...process.env, ...SCENARIOS[name]?.env };
  const proc = Bun.spawn(quick ? [...args, "--quick"] : args, { cwd: ROOT, stdout: "pipe", env });
  const out = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`scenario ${name} failed`);
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Measured;
}

/** RSS (MB, after GC) of a fresh bun process before and after importing `specifier`. */
async function importCost(
  specifier: string,
): Promise<{ module: string; addedMb: number; bareMb: number }> {
  const code = `const rss = () => { Bun.gc(true); return process.memoryUsage().rss; };
const before = rss(); await import(${JSON.stringify(specifier)});
console.log(JSON.stringify({ before, after: rss() }));`;
  const proc = Bun.spawn([process.execPath, "-e", code], { cwd: ROOT, stdout: "pipe" });
  const out = JSON.parse(await new Response(proc.stdout).text()) as {
    before: number;
    after: number;
  };
  await proc.exited;
  return { module: specifier, addedMb: mb(out.after - out.before), bareMb: mb(out.before) };
}

async function main(): Promise<void> {
  header("memory", `RSS under load, each scenario in a fresh process`);
  const bunAlone = (await importCost("node:os")).bareMb; // also warms the page cache
  const imports = [];
  for (const specifier of MODULES) imports.push(await importCost(specifier));
  const results: Record<string, Measured> = {};
  for (const name of Object.keys(SCENARIOS)) results[name] = await inFreshProcess(name);

  console.log("baseline: the idle app, in the same process before the load");
  for (const [name, m] of Object.entries(results)) {
    console.log(
      `${(SCENARIOS[name]?.label ?? name).padEnd(40)} idle ${m.idleMb} MB → peak ${m.peakMb} MB, ` +
        `after GC ${m.afterGcMb} MB, 3 s later ${m.settledMb} MB; heap ${m.heapMb} of ${m.heapTotalMb} MB; ` +
        `user actors ≤ ${m.maxLiveUsers}; ${m.updatesPerSecond} updates/s`,
    );
  }
  console.log(
    `RSS a module adds to a fresh bun process (${bunAlone} MB before): ${imports.map((i) => `${i.module} +${i.addedMb} MB`).join(", ")}`,
  );

  const get = (name: string) => results[name] as Measured;
  const traffic = get("rate-100");
  const bound = (m: Measured) =>
    `at the peak (${m.peakMb} MB) the JS heap had ${m.peakHeapTotalMb} MB of capacity ` +
    `(${m.peakHeapMb} MB in use, live state plus garbage not yet collected) and ` +
    `${round(m.peakMb - m.peakHeapTotalMb, 1)} MB was outside it (the idle app: ` +
    `${round(m.idleMb - m.idleHeapMb, 1)} MB; JIT code and allocator caches grow under load: the same ` +
    `rate from 100 users peaks at ${traffic.peakMb} MB). The users' state is the smaller part: ` +
    `${m.maxLiveUsers.toLocaleString("en")} user actors (MAX_LIVE_USERS) hold ` +
    `${round(m.heapMb - m.idleHeapMb, 1)} MB of live heap, yet after a full GC the heap keeps ` +
    `${m.heapTotalMb} MB of capacity (JSC does not move objects: blocks holding a few long-lived ` +
    `actors among the garbage of the updates that created them stay); RSS is ${m.afterGcMb} MB ` +
    `after a full GC and ${m.settledMb} MB 3 s later, as the allocator returns pages`;
  const row = (name: string, metric: string, target?: number): SummaryRow => {
    const m = get(name);
    const met = target === undefined ? undefined : m.peakMb < target;
    return {
      metric,
      unit: "MB RSS (peak)",
      rvx: m.peakMb,
      baselineLabel: "idle app",
      baseline: m.idleMb,
      ratio: ratio(m.peakMb, m.idleMb),
      target: target === undefined ? "—" : `< ${target} MB`,
      ...(met === undefined ? {} : { met }),
      ...(met === false ? { bound: bound(m) } : {}),
    };
  };
  /** The small-RAM variant against the default in the same run, with its CPU cost. */
  const ramRow = (name: string, metric: string): SummaryRow => {
    const small = get(`${name}-ram200`);
    const normal = get(name);
    // Memory saved by falling behind the load is no saving: the offered rate must be kept.
    const kept = small.updatesPerSecond >= 0.95 * RATE;
    const met = small.peakMb < TARGET_MB && kept;
    return {
      metric,
      unit: "MB RSS (peak)",
      rvx: small.peakMb,
      baselineLabel: "the same with JSC's default",
      baseline: normal.peakMb,
      ratio: ratio(small.peakMb, normal.peakMb),
      target: `< ${TARGET_MB} MB`,
      met,
      bound:
        `${kept ? "" : `the load was not kept: ${small.updatesPerSecond} updates/s answered of ${RATE}/s offered (JSC's default: ${normal.updatesPerSecond}/s), as collecting more often costs CPU; `}` +
        `peak ${small.peakMb} MB, after a full GC ${small.afterGcMb} MB, 3 s later ${small.settledMb} MB; ` +
        `the CPU cost is in the throughput row`,
    };
  };
  const burst = get("burst-10k");
  const burstMet = burst.afterGcMb < BURST_TARGET_MB;
  report({
    benchmark: "memory",
    command: "bun run scripts/bench/memory.ts",
    setup: {
      rate: RATE,
      seconds: SECONDS,
      activity: "news texts through the bot (actor spawned, state loaded, XP committed)",
      config: "defaults (MAX_LIVE_USERS=20000, USER_IDLE_MS=600000)",
      measuredAs:
        "process.memoryUsage().rss sampled every 100 ms (peak), and after Bun.gc(true), without --smol",
    },
    results: { scenarios: results, imports, bareBunMb: bunAlone },
    summary: [
      row("rate-20k", `Memory, ${RATE}/s from 20,000 users`, TARGET_MB),
      row(
        "users-100k",
        `Memory, ${quick ? "30,000" : "100,000"} users active at ${RATE}/s`,
        TARGET_MB,
      ),
      row("rate-100", `Memory, ${RATE}/s from 100 users`),
      ramRow("rate-20k", `Memory, ${RATE}/s from 20,000 users, JSC told 200 MB of RAM`),
      ramRow(
        "users-100k",
        `Memory, ${DISTINCT.toLocaleString("en")} users active at ${RATE}/s, JSC told 200 MB of RAM`,
      ),
      {
        metric: "Throughput, 500 in flight, 20,000 users, JSC told 200 MB of RAM",
        unit: "updates/s",
        rvx: get("closed-20k-ram200").updatesPerSecond,
        baselineLabel: "the same with JSC's default",
        baseline: get("closed-20k").updatesPerSecond,
        ratio: ratio(get("closed-20k-ram200").updatesPerSecond, get("closed-20k").updatesPerSecond),
        target: "—",
      },
      {
        metric: "Memory, 10,000 users activated in a burst (after GC)",
        unit: "MB RSS",
        rvx: burst.afterGcMb,
        baselineLabel: "idle app",
        baseline: burst.idleMb,
        ratio: ratio(burst.afterGcMb, burst.idleMb),
        target: `< ${BURST_TARGET_MB} MB`,
        met: burstMet,
        ...(burstMet
          ? {}
          : {
              bound:
                `10,000 users hold ${round(burst.heapMb - burst.idleHeapMb, 1)} MB of live heap, ` +
                `but activating them 500 at a time leaves the heap's capacity at ` +
                `${burst.heapTotalMb} MB after a full GC, and ${burst.settledMb} MB RSS 3 s later ` +
                `(the idle app is ${burst.idleMb} MB: a bare Bun process ${bunAlone} MB, importing ` +
                `src/app.ts ${imports.find((i) => i.module === "./src/app.ts")?.addedMb} MB more)`,
            }),
      },
    ],
  });
}

const at = Bun.argv.indexOf("--scenario");
if (at === -1) await main();
else await child(Bun.argv[at + 1] ?? "");
