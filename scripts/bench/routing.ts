/**
 * Routing with many user actors alive: /profile updates (identify + profile: two asks to the
 * user's actor, one reply, no write to wait for) to uniformly random users, through the real
 * bot, first with 100 user actors alive, then with 100,000. The same process and warm JIT;
 * the 100-user run is the baseline. Also the raw directory (users.ask without grammY).
 *
 *   bun run scripts/bench/routing.ts [--quick]
 *
 * Target: with 100k actors alive, at least half the updates/s of 100 alive (within 2x).
 */
import type { Ref } from "nact";
import type { ProfileReply, UserMsg } from "../../src/actors/user";
import { driveClosed, type RvxTarget, startRvx, textUpdate } from "./in-process";
import { header, quick, ratio, report, round } from "./lib";

const SMALL = 100;
const LARGE = quick ? 20_000 : 100_000;
const UPDATES = quick ? 10_000 : 40_000;
const CONCURRENCY = 50;
const SPAWN_CONCURRENCY = 500;
const TARGET_RATIO = 0.5;

const profileOf = (alive: number) => () =>
  textUpdate(1 + Math.floor(Math.random() * alive), "/profile");

/** Updates/s through the bot and asks/s straight to the directory, random users. */
async function measure(rvx: RvxTarget, alive: number) {
  const bot = await driveClosed(rvx, profileOf(alive), UPDATES, CONCURRENCY);
  const users = rvx.app.runtime.users;
  const ask = () =>
    users.ask<ProfileReply>(
      1 + Math.floor(Math.random() * alive),
      (replyTo: Ref<ProfileReply>): UserMsg => ({ type: "profile", replyTo }),
      10_000,
    );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < UPDATES) await ask();
    }),
  );
  const directMs = performance.now() - started;
  return {
    alive: users.size,
    updatesPerSecond: round(UPDATES / (bot.elapsedMs / 1000), 0),
    directAsksPerSecond: round(UPDATES / (directMs / 1000), 0),
  };
}

/** Brings users from..to to life with one /profile each. */
async function spawnUsers(rvx: RvxTarget, from: number, to: number): Promise<number> {
  const started = performance.now();
  await driveClosed(rvx, (i) => textUpdate(from + i, "/profile"), to - from + 1, SPAWN_CONCURRENCY);
  return round((to - from + 1) / ((performance.now() - started) / 1000), 0);
}

async function main(): Promise<void> {
  header(
    "routing",
    `/profile to random users, ${CONCURRENCY} in flight, ${SMALL} vs ${LARGE} actors alive`,
  );
  await using rvx = startRvx({
    env: { USER_IDLE_MS: String(2 ** 31 - 1), MAX_LIVE_USERS: "1000000" },
  });
  await spawnUsers(rvx, 1, SMALL);
  await measure(rvx, SMALL); // warm-up
  const small = await measure(rvx, SMALL);
  const spawnRate = await spawnUsers(rvx, SMALL + 1, LARGE);
  const large = await measure(rvx, LARGE);
  if (small.alive !== SMALL || large.alive !== LARGE) {
    throw new Error(
      `expected ${SMALL} and ${LARGE} actors alive, got ${small.alive}, ${large.alive}`,
    );
  }
  const r = ratio(large.updatesPerSecond, small.updatesPerSecond) ?? 0;
  const direct = ratio(large.directAsksPerSecond, small.directAsksPerSecond) ?? 0;

  console.log(`baseline: the same bot with ${SMALL} user actors alive`);
  for (const m of [small, large]) {
    console.log(
      `${String(m.alive).padStart(7)} alive: ${String(m.updatesPerSecond).padStart(7)} updates/s through the bot, ${String(m.directAsksPerSecond).padStart(7)} asks/s to the directory`,
    );
  }
  console.log(`spawning: ${spawnRate} new users/s (actor spawn, SQLite load, ensureUser write)`);
  report({
    benchmark: "routing",
    command: "bun run scripts/bench/routing.ts",
    setup: {
      small: SMALL,
      large: LARGE,
      updates: UPDATES,
      concurrency: CONCURRENCY,
      update: "/profile from a uniformly random alive user",
      env: "USER_IDLE_MS=2147483647, MAX_LIVE_USERS=1000000 (no passivation), others at their defaults",
    },
    results: { small, large, ratio: r, directRatio: direct, spawnUsersPerSecond: spawnRate },
    summary: [
      {
        metric: `Routing, ${LARGE.toLocaleString("en")} actors alive`,
        unit: "updates/s",
        rvx: large.updatesPerSecond,
        baselineLabel: `${SMALL} actors alive`,
        baseline: small.updatesPerSecond,
        ratio: r,
        target: `≥ ${TARGET_RATIO} × ${SMALL} alive (within 2x)`,
        met: r >= TARGET_RATIO,
      },
    ],
  });
}

await main();
