/**
 * What a hung primary provider costs a request: the AI chain with its breaker open versus a
 * naive chain that waits out the primary's timeout on every request. Both run in this process
 * against the loopback fake servers (groq hangs, mistral answers), measured in the same run.
 *
 *   bun run scripts/bench/provider-outage.ts [--quick]
 *
 * Prints p50/p95/p99 latencies and the latency each chain adds over calling the healthy
 * secondary directly, and writes them to scripts/bench/results/provider-outage.json.
 * Target: p95 added latency with the breaker open under 5 ms.
 */
import { start, stop } from "nact";
import { createSequentialChain } from "../../src/analyzers/chain";
import { createGroqProvider } from "../../src/analyzers/groq";
import { createMistralProvider } from "../../src/analyzers/mistral";
import { createOfflineAnalyzer } from "../../src/analyzers/offline/offline-analyzer";
import type { ExplainRequest } from "../../src/analyzers/provider";
import { systemClock } from "../../src/clock";
import { silentLogger } from "../../src/logger";
import { createMetrics } from "../../src/metrics";
import { createAiChain } from "../../src/supervisors/ai-chain";
import { createProviderSupervisor } from "../../src/supervisors/provider-supervisor";
import { startFakeAiServer } from "../../test/support/fake-ai-servers";
import { header, type Percentiles, percentiles, quick, ratio, report, round } from "./lib";

const REQUESTS = quick ? 200 : 400;
const WORKERS = 8;
const TIMEOUT_MS = 200;
const WARMUP = quick ? 50 : 100;
/** Direct and breaker-open runs alternate in rounds, so JIT warm-up and drift hit both alike. */
const ROUNDS = 4;
const KEY = "bench-key-0123456789";
const request: ExplainRequest = { text: "Bitcoin ETF inflows hit a record this week.", lang: "en" };
const TARGET_ADDED_P95_MS = 5;

/** Runs `count` calls, `WORKERS` at a time; returns each call's latency in ms. */
async function measure(call: () => Promise<unknown>, count = REQUESTS): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const started = performance.now();
      await call();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return latencies;
}

function added(scenario: Percentiles, baseline: Percentiles): Percentiles {
  const diff = (key: keyof Percentiles) => round(scenario[key] - baseline[key]);
  return { p50: diff("p50"), p95: diff("p95"), p99: diff("p99"), mean: diff("mean") };
}

async function main(): Promise<void> {
  header(
    "provider-outage",
    `${REQUESTS} requests, ${WORKERS} at a time; groq hangs, mistral answers`,
  );
  const groqServer = startFakeAiServer("groq");
  const mistralServer = startFakeAiServer("mistral");
  groqServer.fail("hang");
  const logger = silentLogger();
  const offline = createOfflineAnalyzer();
  const groq = (timeoutMs: number) =>
    createGroqProvider({ apiKey: KEY, baseURL: groqServer.baseUrl, model: "bench", timeoutMs });
  const mistral = createMistralProvider({
    apiKey: KEY,
    serverURL: mistralServer.baseUrl,
    model: "bench",
    timeoutMs: 10_000,
  });

  // The AI chain: its breaker opens on the first failures, then groq is skipped without a call.
  const system = start();
  const supervisor = createProviderSupervisor(system, {
    providers: [groq(TIMEOUT_MS * 10), mistral],
    clock: systemClock,
    logger,
    metrics: createMetrics(),
    timeoutMs: TIMEOUT_MS,
    concurrency: WORKERS * 2,
    failureThreshold: 5,
    cooldownMs: 600_000,
    healthcheckMs: 3_600_000,
  });
  const chain = createAiChain({
    providers: supervisor,
    fallback: offline,
    logger,
    metrics: createMetrics(),
    replyTimeoutMs: TIMEOUT_MS + 5000,
  });
  let opening = 0;
  while (supervisor.status("groq") !== "open") {
    await chain.explain(request);
    opening++;
  }
  for (let i = 0; i < WARMUP; i++) {
    await mistral.explain(request);
    await chain.explain(request);
  }
  // Baseline: the healthy secondary on its own.
  const directSamples: number[] = [];
  const breakerSamples: number[] = [];
  const groqRequestsBefore = groqServer.requests.length;
  for (let r = 0; r < ROUNDS; r++) {
    directSamples.push(...(await measure(() => mistral.explain(request), REQUESTS / ROUNDS)));
    breakerSamples.push(...(await measure(() => chain.explain(request), REQUESTS / ROUNDS)));
  }
  const direct = percentiles(directSamples);
  const breakerOpen = percentiles(breakerSamples);
  const groqRequestsWhileOpen = groqServer.requests.length - groqRequestsBefore;
  supervisor.stop();
  stop(system);

  // The naive chain: every request waits out groq's timeout before trying mistral.
  const naiveChain = createSequentialChain([groq(TIMEOUT_MS), mistral, offline], logger);
  const naive = percentiles(await measure(() => naiveChain.explain(request)));

  await groqServer.until(() => groqServer.inFlight === 0);
  await Promise.all([groqServer.close(), mistralServer.close()]);

  const addedLatencyMs = {
    breakerOpen: added(breakerOpen, direct),
    naive: added(naive, direct),
  };
  const row = (name: string, p: Percentiles, extra: Percentiles) =>
    `${name.padEnd(26)}${[p.p50, p.p95, p.p99].map((v) => v.toFixed(2).padStart(9)).join("")}   added p50/p95/p99: ${[extra.p50, extra.p95, extra.p99].map((v) => v.toFixed(2)).join(" / ")}`;
  console.log("baseline: the healthy secondary (mistral) called directly");
  console.log(`${"".padEnd(26)}${["p50", "p95", "p99"].map((h) => h.padStart(9)).join("")}   (ms)`);
  console.log(row("mistral directly", direct, added(direct, direct)));
  console.log(row("chain, breaker open", breakerOpen, addedLatencyMs.breakerOpen));
  console.log(row(`naive chain, ${TIMEOUT_MS} ms timeout`, naive, addedLatencyMs.naive));
  console.log(
    `breaker opened after ${opening} requests; groq got ${groqRequestsWhileOpen} requests while open`,
  );
  report({
    benchmark: "provider-outage",
    command: "bun run scripts/bench/provider-outage.ts",
    setup: {
      requests: REQUESTS,
      concurrency: WORKERS,
      primaryTimeoutMs: TIMEOUT_MS,
      primary: "groq (hangs)",
      secondary: "mistral (answers at once)",
      requestsToOpenBreaker: opening,
      groqRequestsWhileOpen,
    },
    results: { latencyMs: { directSecondary: direct, breakerOpen, naive }, addedLatencyMs },
    summary: [
      {
        metric: "Provider outage: p95 added, breaker open",
        unit: "ms",
        rvx: addedLatencyMs.breakerOpen.p95,
        baselineLabel: `naive chain (${TIMEOUT_MS} ms timeout)`,
        baseline: addedLatencyMs.naive.p95,
        ratio: ratio(addedLatencyMs.breakerOpen.p95, addedLatencyMs.naive.p95),
        target: `< ${TARGET_ADDED_P95_MS} ms`,
        met: addedLatencyMs.breakerOpen.p95 < TARGET_ADDED_P95_MS,
      },
    ],
  });
}

await main();
