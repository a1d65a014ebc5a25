import { afterEach, describe, expect, it } from "bun:test";
import { dispatch, type Ref, spawnStateless, start, stop } from "nact";
import { type Fault, startFakeAiServer } from "../../test/support/fake-ai-servers";
import { until } from "../../test/support/until";
import { createGroqProvider } from "../analyzers/groq";
import { ManualClock } from "../clock";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { resume } from "../supervisors/policies";
import { ask } from "./ask";
import { type CallReport, type CallResult, type ProviderMsg, spawnProvider } from "./provider";

const TIMEOUT_MS = 15_000;
const systems: ReturnType<typeof start>[] = [];
afterEach(() => {
  for (const system of systems.splice(0)) stop(system);
});

function setup(options: { concurrency?: number } = {}) {
  const server = startFakeAiServer("groq");
  const system = start();
  systems.push(system);
  const clock = new ManualClock();
  const metrics = createMetrics();
  const reports: CallReport[] = [];
  const reportTo = spawnStateless(system, (msg: CallReport) => void reports.push(msg), "reports");
  // The SDK's own deadline is far away: the actor's deadline on the manual clock is the one tested.
  const provider = createGroqProvider({
    apiKey: "gsk-test-key",
    baseURL: server.baseUrl,
    model: "m",
    timeoutMs: 600_000,
  });
  const ref = spawnProvider(
    system,
    {
      provider,
      generation: 7,
      reportTo,
      clock,
      logger: silentLogger(),
      metrics,
      timeoutMs: TIMEOUT_MS,
      concurrency: options.concurrency ?? 8,
    },
    resume,
  );
  const call = (text = "news", signal?: AbortSignal) =>
    ask<ProviderMsg, CallResult>(
      ref,
      (replyTo) => ({ type: "explain", text, lang: "en", signal, replyTo }),
      10_000,
    );
  const outcomes = async () =>
    (await metrics.providerRequests.get()).values.map((v) => [v.labels.outcome, v.value]);
  return { server, system, clock, metrics, reports, ref, call, outcomes };
}

describe("provider actor", () => {
  it("answers a call and reports ok to its supervisor", async () => {
    const s = setup();
    await using _ = s.server;
    s.server.setReply("It means a new fund.");

    const result = await s.call();
    await until(() => s.reports.length === 1);

    expect(result).toEqual({ ok: true, text: "It means a new fund." });
    expect(s.reports).toEqual([
      { type: "outcome", provider: "groq", generation: 7, outcome: "ok" },
    ]);
    expect(await s.outcomes()).toEqual([["ok", 1]]);
  });

  it.each([
    [{ status: 500 }, { ok: false, reason: "server" }],
    [
      { status: 429, retryAfter: 30 },
      { ok: false, reason: "rate_limited", retryAfterMs: 30_000 },
    ],
    [{ status: 401 }, { ok: false, reason: "auth" }],
    [{ status: 403 }, { ok: false, reason: "auth" }],
    [{ status: 400 }, { ok: false, reason: "bad_request" }],
    ["malformed", { ok: false, reason: "malformed" }],
    ["reset", { ok: false, reason: "network" }],
  ] as [Fault, CallResult][])("replies and reports %p as data", async (fault, expected) => {
    const s = setup();
    await using _ = s.server;
    s.server.fail(fault);

    const result = await s.call();
    await until(() => s.reports.length === 1);

    expect(result).toMatchObject(expected);
    expect(s.reports[0]).toMatchObject({ outcome: expected.ok ? "ok" : expected.reason });
  });

  it("aborts the HTTP request at the deadline on its clock and leaves nothing running", async () => {
    const s = setup();
    await using _ = s.server;
    s.server.fail("hang");

    const pending = s.call();
    await s.server.until(() => s.server.inFlight === 1);
    s.clock.advance(TIMEOUT_MS - 1);
    const deadlinePending = s.clock.pendingTimers;
    s.clock.advance(1);
    const result = await pending;
    await s.server.until(() => s.server.inFlight === 0);
    await until(() => s.reports.length === 1);

    expect(deadlinePending).toBe(1);
    expect(result).toEqual({ ok: false, reason: "timeout" });
    expect(s.server.aborted).toBe(1);
    expect(s.reports.map((r) => r.outcome)).toEqual(["timeout"]);
    expect(s.clock.pendingTimers).toBe(0);
  });

  it("refuses a call over the concurrency limit at once, without sending it", async () => {
    const s = setup({ concurrency: 2 });
    await using _ = s.server;
    s.server.fail("hang", 2);

    const slow = [s.call("a"), s.call("b")];
    await s.server.until(() => s.server.inFlight === 2);
    const refused = await s.call("c");
    s.clock.advance(TIMEOUT_MS);
    await Promise.all(slow);
    const after = await s.call("d");

    expect(refused).toEqual({ ok: false, reason: "busy" });
    expect(after).toMatchObject({ ok: true });
    expect(s.server.requests).toHaveLength(3);
  });

  it("runs a health probe without a reply and reports its outcome", async () => {
    const s = setup();
    await using _ = s.server;
    s.server.fail({ status: 500 });

    dispatch(s.ref, { type: "explain", text: "probe", lang: "en" });
    await until(() => s.reports.length === 1);

    expect(s.reports[0]).toMatchObject({ outcome: "server" });
  });

  it("reports a call its caller aborted as cancelled, not as a provider failure", async () => {
    const s = setup();
    await using _ = s.server;
    s.server.fail("hang");
    const caller = new AbortController();

    const pending = s.call("news", caller.signal);
    await s.server.until(() => s.server.inFlight === 1);
    caller.abort();

    expect(await pending).toEqual({ ok: false, reason: "cancelled" });
    await s.server.until(() => s.server.inFlight === 0);
    await until(() => s.reports.length === 1);
    expect(s.reports.map((r) => r.outcome)).toEqual(["cancelled"]);
  });

  it("aborts its calls and answers their callers when stopped", async () => {
    const s = setup();
    await using _ = s.server;
    s.server.fail("hang");

    const pending = s.call();
    await s.server.until(() => s.server.inFlight === 1);
    stop(s.ref as Ref<unknown>);

    expect(await pending).toEqual({ ok: false, reason: "cancelled" });
    await s.server.until(() => s.server.inFlight === 0);
    expect(s.clock.pendingTimers).toBe(0);
    expect(s.reports).toEqual([]);
  });
});
