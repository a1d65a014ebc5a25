/**
 * Memory: resident set size of this process (after a full GC, no --smol) with the RVX app idle,
 * with 10,000 and 100,000 users active (each sent a news text through the real bot, so their
 * actors are alive with state loaded), and after those actors were passivated. The idle app is
 * the baseline; what the idle RSS is made of is measured by importing RVX and its main
 * dependencies, each in a fresh `bun` process.
 *
 *   bun run scripts/bench/memory.ts [--quick]
 *
 * Target: RSS under 120 MB with 10k users active.
 */
import { join } from "node:path";
import { type Clock, systemClock } from "../../src/clock";
import { driveClosed, NEWS, startRvx, textUpdate } from "./in-process";
import { header, nextTurn, quick, ratio, report, round, rssAfterGc, type SummaryRow } from "./lib";

const STEPS = quick ? [10_000, 30_000] : [10_000, 100_000];
const IDLE_MS = 600_000;
const CONCURRENCY = 500;
const TARGET_MB = 120;
const ROOT = join(import.meta.dir, "..", "..");
/** Imported alone in a fresh process to see what each costs (src/app.ts: all of RVX). */
const MODULES = ["./src/app.ts", "grammy", "prom-client", "pino", "nact"];

/** Live JS heap and the heap's capacity, in MB (read right after rssAfterGc). */
function heap(): { heapMb: number; heapTotalMb: number } {
  const { heapUsed, heapTotal } = process.memoryUsage();
  return { heapMb: round(heapUsed / 2 ** 20, 1), heapTotalMb: round(heapTotal / 2 ** 20, 1) };
}

/** RSS (MB, after GC) of a fresh bun process before and after importing `specifier`. */
async function importCost(
  specifier: string,
): Promise<{ module: string; addedMb: number; bareMb: number }> {
  const code = `const rss = () => { Bun.gc(true); return process.memoryUsage().rss; };
const before = rss(); await import(${JSON.stringify(specifier)});
console.log(JSON.stringify({ before, after: rss() }));`;
  const child = Bun.spawn([process.execPath, "-e", code], { cwd: ROOT, stdout: "pipe" });
  const out = JSON.parse(await new Response(child.stdout).text()) as {
    before: number;
    after: number;
  };
  await child.exited;
  const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
  return { module: specifier, addedMb: mb(out.after - out.before), bareMb: mb(out.before) };
}

async function main(): Promise<void> {
  header("memory", `RSS with the app idle, ${STEPS.join(" and ")} users active, after passivation`);
  const bunAlone = (await importCost("node:os")).bareMb; // also warms the page cache
  const imports = [];
  for (const specifier of MODULES) imports.push(await importCost(specifier));

  // Real time plus a skew this script moves forward to make every actor idle at once.
  let skew = 0;
  const clock: Clock = { now: () => Date.now() + skew, setTimeout: systemClock.setTimeout };
  await using rvx = startRvx({ clock, env: { USER_IDLE_MS: String(IDLE_MS) } });
  const users = rvx.app.runtime.users;
  const idle = { rssMb: rssAfterGc(), ...heap() };

  const active: {
    users: number;
    rssMb: number;
    heapMb: number;
    heapTotalMb: number;
    perUserKb: number;
    heapPerUserKb: number;
  }[] = [];
  let done = 0;
  for (const target of STEPS) {
    const from = done + 1;
    await driveClosed(
      rvx,
      (i) => textUpdate(from + i, NEWS[i % NEWS.length] as string),
      target - done,
      CONCURRENCY,
    );
    await rvx.app.runtime.flush();
    done = target;
    if (users.size !== target) throw new Error(`${users.size} actors alive, expected ${target}`);
    const rssMb = rssAfterGc();
    const h = heap();
    active.push({
      users: target,
      rssMb,
      ...h,
      perUserKb: round(((rssMb - idle.rssMb) * 1024) / target, 2),
      heapPerUserKb: round(((h.heapMb - idle.heapMb) * 1024) / target, 2),
    });
  }
  skew += IDLE_MS + 1;
  const passivated = users.passivateIdle();
  if (users.size !== 0) throw new Error(`${users.size} actors alive after passivation`);
  // nact releases a stopped actor in a setImmediate callback queued by stop(); one turn later
  // every one of them has run (immediates run in order).
  await nextTurn();
  const after = { passivated, rssMb: rssAfterGc(), ...heap() };

  console.log(`baseline: the same process with the app started and no user (idle)`);
  const line = (label: string, m: { rssMb: number; heapMb: number; heapTotalMb: number }) =>
    `${label.padEnd(26)} RSS ${String(m.rssMb).padStart(7)} MB   heap used ${String(m.heapMb).padStart(6)} MB of ${m.heapTotalMb} MB`;
  console.log(line("idle app", idle));
  for (const a of active) {
    console.log(
      `${line(`${a.users} users active`, a)}   per user: ${a.perUserKb} KB RSS, ${a.heapPerUserKb} KB heap`,
    );
  }
  console.log(line(`after passivating ${passivated}`, after));
  console.log(
    `RSS a module adds to a fresh bun process (${bunAlone} MB before): ${imports.map((i) => `${i.module} +${i.addedMb} MB`).join(", ")}`,
  );

  const at10k = active[0] as (typeof active)[number];
  const met = at10k.rssMb < TARGET_MB;
  const liveMb = round(at10k.heapMb - idle.heapMb, 1);
  const bound =
    `${idle.rssMb + liveMb < TARGET_MB ? "not the users' state" : "the users' state and more"}: ` +
    `${at10k.users} users hold ${liveMb} MB of live heap (${at10k.heapPerUserKb} KB each), and ` +
    `idle + live is ${round(idle.rssMb + liveMb, 1)} MB; but activating them ${CONCURRENCY} at a time (the runner's default) grew RSS by ` +
    `${round(at10k.rssMb - idle.rssMb, 1)} MB, which a full GC does not give back: the JS heap's ` +
    `capacity grew by ${round(at10k.heapTotalMb - idle.heapTotalMb, 1)} MB (to ${at10k.heapTotalMb} MB ` +
    `for ${at10k.heapMb} MB live) and memory outside the JS heap by ` +
    `${round(at10k.rssMb - idle.rssMb - (at10k.heapTotalMb - idle.heapTotalMb), 1)} MB. The idle app is ` +
    `${idle.rssMb} MB: a bare Bun process is ${bunAlone} MB, importing src/app.ts adds ` +
    `${imports.find((i) => i.module === "./src/app.ts")?.addedMb} MB`;
  const row = (metric: string, rss: number, target: string, ok?: boolean): SummaryRow => ({
    metric,
    unit: "MB RSS",
    rvx: rss,
    baselineLabel: "idle app",
    baseline: idle.rssMb,
    ratio: ratio(rss, idle.rssMb),
    target,
    ...(ok === undefined ? {} : { met: ok }),
    ...(ok === false ? { bound } : {}),
  });
  const last = active.at(-1) as (typeof active)[number];
  report({
    benchmark: "memory",
    command: "bun run scripts/bench/memory.ts",
    setup: {
      steps: STEPS.join(", "),
      activity:
        "one news text per user through the bot (actor spawned, state loaded, XP committed)",
      concurrency: CONCURRENCY,
      measuredAs: "process.memoryUsage().rss after Bun.gc(true), without --smol",
    },
    results: { idle, active, afterPassivation: after, imports, bareBunMb: bunAlone },
    summary: [
      row(
        `Memory, ${at10k.users.toLocaleString("en")} users active`,
        at10k.rssMb,
        `< ${TARGET_MB} MB`,
        met,
      ),
      row(`Memory, ${last.users.toLocaleString("en")} users active`, last.rssMb, "—"),
      row(`Memory after passivating ${passivated.toLocaleString("en")}`, after.rssMb, "—"),
    ],
  });
}

await main();
