import { createSequentialChain } from "../../src/analyzers/chain";
import type { Provider } from "../../src/analyzers/provider";
import { type Clock, ManualClock, systemClock } from "../../src/clock";
import { type Config, parseConfig } from "../../src/config";
import { openDatabase } from "../../src/db/open";
import { createReads, type Reads } from "../../src/db/reads";
import type { Course } from "../../src/learning/content";
import { type Logger, silentLogger } from "../../src/logger";
import { createMetrics } from "../../src/metrics";
import { startRuntime } from "../../src/runtime";

/** A config from defaults plus the given environment values. */
export function testConfig(env: Record<string, string> = {}): Config {
  // Tests never resolve or fetch real sites; one that reads a loopback page turns it on.
  return parseConfig({ DATABASE_PATH: ":memory:", LINK_FETCH: "false", ...env });
}

/** A provider that answers from a function and counts its calls. */
export function scriptedProvider(answer: (text: string) => string = (t) => `explained: ${t}`) {
  const calls: string[] = [];
  const provider: Provider & { calls: string[] } = {
    name: "offline",
    calls,
    async explain(request) {
      calls.push(request.text);
      return { text: answer(request.text) };
    },
  };
  return provider;
}

/**
 * A runtime on a manual clock, with group commits on the real clock (flush after 0 ms) so
 * awaiting a reply never needs time to be advanced by hand.
 */
export function testRuntime(
  options: {
    env?: Record<string, string>;
    provider?: Provider;
    path?: string;
    flushClock?: Clock;
    logger?: Logger;
    /** Wraps the SQLite reads (to make some fail). */
    reads?: (reads: Reads) => Reads;
    /** Course content instead of the shipped courses. */
    courses?: readonly Course[];
  } = {},
) {
  const config = testConfig({
    ...(options.path ? { DATABASE_PATH: options.path } : {}),
    DB_FLUSH_MS: "0",
    ...options.env,
  });
  const clock = new ManualClock();
  const logger = options.logger ?? silentLogger();
  const metrics = createMetrics();
  const provider = options.provider ?? scriptedProvider();
  const db = openDatabase(config.databasePath);
  const runtime = startRuntime({
    config,
    db,
    clock,
    logger,
    metrics,
    chain: createSequentialChain([provider], logger),
    flushClock: options.flushClock ?? systemClock,
    ...(options.courses ? { courses: options.courses } : {}),
    ...(options.reads ? { reads: options.reads(createReads(db)) } : {}),
  });
  return { config, clock, metrics, db, provider, runtime };
}
