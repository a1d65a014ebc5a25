import { describe, expect, it } from "bun:test";
import { start, stop } from "nact";
import pino from "pino";
import {
  type FakeAiKind,
  type FakeAiServer,
  startFakeAiServer,
} from "../../test/support/fake-ai-servers";
import { until } from "../../test/support/until";
import { ask } from "../actors/ask";
import type { CallResult, ProviderMsg } from "../actors/provider";
import { createAiProvider } from "../analyzers/ai-providers";
import { PROBE_TEXT } from "../analyzers/prompt";
import type { Provider } from "../analyzers/provider";
import { ManualClock } from "../clock";
import { createMetrics } from "../metrics";
import { createProviderSupervisor } from "./provider-supervisor";

const KEY = "sk-secret-test-key-0123456789";
const TIMEOUT_MS = 15_000;
const COOLDOWN_MS = 60_000;
const HEALTHCHECK_MS = 300_000;

/**
 * The production mapping from config to SDK adapter. The SDK's own deadline is far off so the
 * provider actor's deadline, on the manual clock, decides.
 */
const adapterFor = (name: FakeAiKind, baseUrl: string): Provider =>
  createAiProvider({ name, apiKey: KEY, baseUrl, model: "test-model" }, 600_000);

/** One groq provider under a supervisor on a manual clock, jitter 0, threshold 3. */
function setup(options: { concurrency?: number; random?: () => number } = {}) {
  const server: FakeAiServer = startFakeAiServer("groq");
  const system = start();
  const clock = new ManualClock();
  const metrics = createMetrics();
  const logs: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(line) });
  const supervisor = createProviderSupervisor(system, {
    providers: [adapterFor("groq", server.baseUrl)],
    clock,
    logger,
    metrics,
    timeoutMs: TIMEOUT_MS,
    concurrency: options.concurrency ?? 8,
    failureThreshold: 3,
    cooldownMs: COOLDOWN_MS,
    healthcheckMs: HEALTHCHECK_MS,
    random: options.random ?? (() => 0),
  });
  /** One call the way the chain makes it; "skipped" when no lease is granted. */
  const call = async (): Promise<CallResult | "skipped"> => {
    const lease = supervisor.acquire("groq");
    if (!lease) return "skipped";
    return ask<ProviderMsg, CallResult>(
      lease.ref,
      (replyTo) => ({ type: "explain", text: "news", lang: "en", replyTo }),
      10_000,
    );
  };
  const reached = (status: string) => until(() => supervisor.status("groq") === status, status);
  const changes = () =>
    logs
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === "circuit state changed")
      .map(({ provider, from, to, reason }) => ({ provider, from, to, reason }));
  const gauge = async () => (await metrics.providerCircuitState.get()).values[0]?.value;
  return {
    server,
    clock,
    metrics,
    logs,
    supervisor,
    call,
    reached,
    changes,
    gauge,
    async [Symbol.asyncDispose]() {
      supervisor.stop();
      stop(system);
      await server.close();
    },
  };
}

/** Lets actors handle what is already in their mailboxes (a few event-loop turns, no time). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Fails three calls in a row (threshold 3) and waits for the breaker to open. */
async function openIt(s: ReturnType<typeof setup>): Promise<void> {
  s.server.fail({ status: 500 });
  for (let i = 0; i < 3; i++) expect(await s.call()).toMatchObject({ ok: false, reason: "server" });
  await s.reached("open");
}

describe("provider supervisor", () => {
  it("starts closed and lets calls through", async () => {
    await using s = setup();

    expect(await s.call()).toMatchObject({ ok: true });
    expect(s.supervisor.status("groq")).toBe("closed");
    expect(await s.gauge()).toBe(0);
  });

  it("opens after the threshold, stops the actor and then sends the provider no request at all", async () => {
    await using s = setup();
    const before = s.supervisor.acquire("groq");
    if (!before) throw new Error("expected a lease");

    await openIt(s);
    const skipped = await Promise.all(Array.from({ length: 20 }, () => s.call()));
    s.clock.advance(COOLDOWN_MS - 1);
    const stillSkipped = await s.call();

    expect(skipped.every((r) => r === "skipped")).toBe(true);
    expect(stillSkipped).toBe("skipped");
    expect(s.server.requests).toHaveLength(3);
    expect(before.stopped.aborted).toBe(true);
    // nact refuses to query a stopped actor.
    await expect(
      ask<ProviderMsg, CallResult>(
        before.ref,
        (replyTo) => ({ type: "explain", text: "x", lang: "en", replyTo }),
        1000,
      ),
    ).rejects.toThrow("Actor stopped");
    expect(await s.gauge()).toBe(2);
    expect(s.changes()).toEqual([
      {
        provider: "groq",
        from: "closed",
        to: "open",
        reason: "3 consecutive failures, last: server; open for 60000 ms",
      },
    ]);
  });

  it("re-spawns the actor half-open after the cooldown and lets exactly one trial through", async () => {
    await using s = setup();
    await openIt(s);
    s.server.healthy();
    s.server.fail("hang", 1);

    s.clock.advance(COOLDOWN_MS);
    await s.reached("half_open");
    const trial = s.call();
    await s.server.until(() => s.server.inFlight === 1);
    const others = await Promise.all([s.call(), s.call(), s.call()]);

    expect(others).toEqual(["skipped", "skipped", "skipped"]);
    expect(s.server.requests).toHaveLength(4);
    expect(await s.gauge()).toBe(1);
    s.clock.advance(TIMEOUT_MS);
    expect(await trial).toEqual({ ok: false, reason: "timeout" });
    await s.reached("open");
  });

  it("closes after a successful trial and serves everyone again", async () => {
    await using s = setup();
    await openIt(s);
    s.server.healthy();

    s.clock.advance(COOLDOWN_MS);
    await s.reached("half_open");
    const trial = await s.call();
    await s.reached("closed");
    const after = await Promise.all([s.call(), s.call()]);

    expect(trial).toMatchObject({ ok: true });
    expect(after).toMatchObject([{ ok: true }, { ok: true }]);
    expect(await s.gauge()).toBe(0);
    expect(s.changes().map(({ from, to, reason }) => [from, to, reason])).toEqual([
      ["closed", "open", "3 consecutive failures, last: server; open for 60000 ms"],
      ["open", "half_open", "cooldown elapsed"],
      ["half_open", "closed", "trial succeeded"],
    ]);
  });

  it("doubles the cooldown after each failed trial and never probes an open breaker", async () => {
    await using s = setup();
    await openIt(s);

    for (const cooldown of [COOLDOWN_MS, 2 * COOLDOWN_MS, 4 * COOLDOWN_MS]) {
      s.clock.advance(cooldown - 1);
      await settle();
      expect(s.supervisor.status("groq")).toBe("open");
      const requests = s.server.requests.length;
      s.clock.advance(1);
      await s.reached("half_open");
      expect(s.server.requests).toHaveLength(requests); // the health check at 300 s found it open
      expect(await s.call()).toMatchObject({ ok: false, reason: "server" });
      await s.reached("open");
    }

    expect(s.changes().map((c) => c.reason)).toEqual([
      "3 consecutive failures, last: server; open for 60000 ms",
      "cooldown elapsed",
      "trial failed: server; open for 120000 ms",
      "cooldown elapsed",
      "trial failed: server; open for 240000 ms",
      "cooldown elapsed",
      "trial failed: server; open for 480000 ms",
    ]);
  });

  it("opens at once on a 429 for at least its Retry-After", async () => {
    await using s = setup();
    s.server.fail({ status: 429, retryAfter: 90 });

    expect(await s.call()).toMatchObject({
      ok: false,
      reason: "rate_limited",
      retryAfterMs: 90_000,
    });
    await s.reached("open");
    s.clock.advance(COOLDOWN_MS);
    await settle();
    const midway = s.supervisor.status("groq");
    s.clock.advance(90_000 - COOLDOWN_MS);
    await s.reached("half_open");

    expect(midway).toBe("open");
    expect(s.server.requests).toHaveLength(1);
  });

  it("opens at once for the cap on a rejected key and logs one error without the key", async () => {
    await using s = setup();
    s.server.fail({ status: 401 });

    await s.call();
    await s.reached("open");
    s.clock.advance(600_000 - 1);
    await settle();
    const beforeCap = s.supervisor.status("groq");
    s.clock.advance(1);
    await s.reached("half_open");
    await s.call();
    await s.reached("open");

    const errors = s.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(beforeCap).toBe("open");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ provider: "groq", openMs: 600_000 });
    expect(s.logs.join("\n")).not.toContain(KEY);
  });

  it("does not count a bad request against the provider", async () => {
    await using s = setup();
    s.server.fail({ status: 400 });

    for (let i = 0; i < 5; i++) expect(await s.call()).toMatchObject({ reason: "bad_request" });
    s.server.healthy();
    // The health check queues behind the five reports; it probes only a breaker that is not open.
    s.clock.advance(HEALTHCHECK_MS);
    await s.server.until(() => s.server.requests.length === 6);

    expect(s.supervisor.status("groq")).toBe("closed");
  });

  it("counts a timeout, aborts the request and leaves nothing running", async () => {
    await using s = setup();
    s.server.fail("hang");

    const calls = [s.call(), s.call(), s.call()];
    await s.server.until(() => s.server.inFlight === 3);
    s.clock.advance(TIMEOUT_MS);
    const results = await Promise.all(calls);
    await s.server.until(() => s.server.inFlight === 0);
    await s.reached("open");

    expect(results).toEqual(Array(3).fill({ ok: false, reason: "timeout" }));
    expect(s.server.aborted).toBe(3);
  });

  it("probes every interval with the probe text, and a probe can be the half-open trial", async () => {
    await using s = setup();

    s.clock.advance(HEALTHCHECK_MS); // t = 300 s: the first probe
    await s.server.until(() => s.server.requests.length === 1);
    await openIt(s); // open until 360 s
    s.clock.advance(COOLDOWN_MS);
    await s.reached("half_open");
    s.clock.advance(HEALTHCHECK_MS - COOLDOWN_MS); // t = 600 s: the probe takes the trial
    await s.server.until(() => s.server.requests.length === 5);
    await s.reached("open"); // it failed: open for 120 s
    s.server.healthy();
    s.clock.advance(2 * COOLDOWN_MS); // t = 720 s
    await s.reached("half_open");
    s.clock.advance(HEALTHCHECK_MS); // the probe at 900 s is the trial and succeeds
    await s.reached("closed");

    expect(JSON.stringify(s.server.requests[0]?.body)).toContain(PROBE_TEXT);
    expect(s.server.requests).toHaveLength(6);
  });

  it("cancels its timers and aborts calls in flight when stopped", async () => {
    const s = setup();
    s.server.fail("hang");

    const pending = s.call();
    await s.server.until(() => s.server.inFlight === 1);
    s.supervisor.stop();

    expect(await pending).toEqual({ ok: false, reason: "cancelled" });
    await s.server.until(() => s.server.inFlight === 0);
    expect(s.clock.pendingTimers).toBe(0);
    expect(s.supervisor.acquire("groq")).toBeUndefined();
    await s[Symbol.asyncDispose]();
  });
});
