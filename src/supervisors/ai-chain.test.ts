import { describe, expect, it } from "bun:test";
import { start, stop } from "nact";
import { type FakeAiKind, type Fault, startFakeAiServer } from "../../test/support/fake-ai-servers";
import { until } from "../../test/support/until";
import type { ExplainReply, UserMsg } from "../actors/user";
import { createAiProvider } from "../analyzers/ai-providers";
import type { ExplainRequest, Provider, ProviderName } from "../analyzers/provider";
import { createApp } from "../app";
import { ManualClock } from "../clock";
import { parseConfig } from "../config";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { createAiChain } from "./ai-chain";
import { createProviderSupervisor } from "./provider-supervisor";

const KINDS = ["groq", "mistral", "gemini"] as const;
const TIMEOUT_MS = 15_000;

/**
 * The production mapping from config to SDK adapter. The SDK's own deadline is far off so the
 * provider actor's deadline, on the manual clock, decides.
 */
const adapterFor = (name: FakeAiKind, baseUrl: string): Provider =>
  createAiProvider({ name, apiKey: "test-key-0123456789", baseUrl, model: "test-model" }, 600_000);

/** groq, mistral and gemini fakes under one supervisor (threshold 3), then an offline stand-in. */
function setup(options: { concurrency?: number; deadlineMs?: number } = {}) {
  const servers = {
    groq: startFakeAiServer("groq"),
    mistral: startFakeAiServer("mistral"),
    gemini: startFakeAiServer("gemini"),
  };
  for (const kind of KINDS) servers[kind].setReply(`answer from ${kind}`);
  const system = start();
  const clock = new ManualClock();
  const metrics = createMetrics();
  const logger = silentLogger();
  const supervisor = createProviderSupervisor(system, {
    providers: KINDS.map((kind) => adapterFor(kind, servers[kind].baseUrl)),
    clock,
    logger,
    metrics,
    timeoutMs: TIMEOUT_MS,
    concurrency: options.concurrency ?? 8,
    failureThreshold: 3,
    cooldownMs: 60_000,
    healthcheckMs: 3_600_000,
    random: () => 0,
  });
  const offlineRequests: ExplainRequest[] = [];
  const offline: Provider = {
    name: "offline",
    explain: async (request) => {
      offlineRequests.push(request);
      return { text: "offline answer" };
    },
  };
  const chain = createAiChain({
    providers: supervisor,
    fallback: offline,
    logger,
    metrics,
    replyTimeoutMs: 20_000,
    clock,
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
  });
  const requests = () => KINDS.map((kind) => servers[kind].requests.length);
  const outcomes = async () =>
    Object.fromEntries(
      (await metrics.providerRequests.get()).values.map((v) => [
        `${v.labels.provider}:${v.labels.outcome}`,
        v.value,
      ]),
    );
  return {
    servers,
    clock,
    supervisor,
    chain,
    offlineRequests,
    requests,
    outcomes,
    explain: (text = "news", signal?: AbortSignal) => chain.explain({ text, lang: "en", signal }),
    async [Symbol.asyncDispose]() {
      supervisor.stop();
      stop(system);
      await Promise.all(KINDS.map((kind) => servers[kind].close()));
    },
  };
}

const IMAGE = { bytes: new Uint8Array([0xff, 0xd8, 0xff]), mimeType: "image/jpeg" as const };

describe("AI chain", () => {
  it("sends an image only to providers that read images, counting the others as skipped", async () => {
    await using s = setup();
    expect(s.chain.vision).toBe(true);

    const answer = await s.chain.explain({ text: "caption", lang: "en", image: IMAGE });

    expect(answer).toEqual({ provider: "gemini", text: "answer from gemini" });
    expect(s.requests()).toEqual([0, 0, 1]);
    expect(await s.outcomes()).toMatchObject({ "groq:skipped": 1, "mistral:skipped": 1 });
  });

  it("gives the offline fallback only the caption of an image, without drafts", async () => {
    await using s = setup();
    s.servers.gemini.fail({ status: 500 });

    const answer = await s.chain.explain({
      text: "caption",
      lang: "en",
      image: IMAGE,
      onDelta: () => {},
    });

    expect(answer.provider).toBe("offline");
    expect(s.offlineRequests).toEqual([{ text: "caption", lang: "en" }]);
  });

  it("streams through each attempt and falls through when a stream is cut mid-answer", async () => {
    await using s = setup();
    s.servers.groq.setReply("groq starts an answer that will never finish here");
    s.servers.groq.setStreaming({ gate: () => Promise.resolve(), cutAfterTokens: 3 });
    s.servers.mistral.setReply("mistral gives the whole answer");
    s.servers.mistral.setStreaming({ gate: () => Promise.resolve() });
    const deltas: string[] = [];

    const answer = await s.chain.explain({
      text: "news",
      lang: "en",
      onDelta: (d) => deltas.push(d),
    });

    expect(answer).toEqual({ provider: "mistral", text: "mistral gives the whole answer" });
    // Once mistral streams, nothing of groq's broken stream is shown again.
    const first = deltas.findIndex((d) => d.startsWith("mistral"));
    expect(deltas.slice(first).every((d) => d.startsWith("mistral"))).toBe(true);
    expect(deltas.at(-1)).toBe("mistral gives the whole answer");
    expect(await s.outcomes()).toMatchObject({ "groq:network": 1, "mistral:ok": 1 });
  });
  it.each([
    [[], "groq", [1, 0, 0]],
    [[{ status: 500 }], "mistral", [1, 1, 0]],
    [[{ status: 500 }, "reset"], "gemini", [1, 1, 1]],
    [[{ status: 500 }, "reset", "malformed"], "offline", [1, 1, 1]],
  ] as [Fault[], ProviderName, number[]][])(
    "tries groq, mistral, gemini, then offline (failing: %p)",
    async (faults, provider, requests) => {
      await using s = setup();
      for (const [i, fault] of faults.entries()) s.servers[KINDS[i] ?? "groq"].fail(fault);

      const answer = await s.explain();

      expect(answer).toEqual({
        provider,
        text: provider === "offline" ? "offline answer" : `answer from ${provider}`,
      });
      expect(s.requests()).toEqual(requests);
    },
  );

  it("skips a provider whose breaker is open, without sending it a request", async () => {
    await using s = setup();
    s.servers.groq.fail({ status: 500 });

    for (let i = 0; i < 3; i++) expect(await s.explain()).toMatchObject({ provider: "mistral" });
    await until(() => s.supervisor.status("groq") === "open");
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await s.explain());

    expect(answers.every((a) => a.provider === "mistral")).toBe(true);
    expect(s.requests()).toEqual([3, 13, 0]);
    expect(await s.outcomes()).toMatchObject({
      "groq:server": 3,
      "groq:skipped": 10,
      "mistral:ok": 13,
    });
  });

  it("costs one timeout for a hung provider and leaves no request running", async () => {
    await using s = setup();
    s.servers.groq.fail("hang");

    const pending = s.explain();
    await s.servers.groq.until(() => s.servers.groq.inFlight === 1);
    s.clock.advance(TIMEOUT_MS);
    const answer = await pending;
    await s.servers.groq.until(() => s.servers.groq.inFlight === 0);

    expect(answer.provider).toBe("mistral");
    expect(s.servers.groq.aborted).toBe(1);
  });

  it("answers offline at the answer deadline when no provider has answered, aborting the call", async () => {
    await using s = setup({ deadlineMs: 12_000 });
    for (const kind of KINDS) s.servers[kind].fail("hang");

    const pending = s.explain();
    await s.servers.groq.until(() => s.servers.groq.inFlight === 1);
    s.clock.advance(11_999);
    expect(s.servers.groq.aborted).toBe(0);
    s.clock.advance(1);
    const answer = await pending;
    await s.servers.groq.until(() => s.servers.groq.inFlight === 0);

    expect(answer).toEqual({ provider: "offline", text: "offline answer" });
    expect(s.requests()).toEqual([1, 0, 0]);
    expect(s.servers.groq.aborted).toBe(1);
    // The deadline is the caller giving up, not the provider failing: its breaker stays closed.
    expect(s.supervisor.status("groq")).toBe("closed");
  });

  it("counts the deadline from the request, across the providers tried", async () => {
    await using s = setup({ deadlineMs: 12_000 });
    s.servers.groq.fail({ status: 500 });
    s.servers.mistral.fail("hang");

    const pending = s.explain();
    await s.servers.mistral.until(() => s.servers.mistral.inFlight === 1);
    s.clock.advance(12_000);

    expect(await pending).toEqual({ provider: "offline", text: "offline answer" });
    expect(s.requests()).toEqual([1, 1, 0]);
  });

  it("falls through at once when a provider is at its concurrency limit", async () => {
    await using s = setup({ concurrency: 1 });
    s.servers.groq.fail("hang", 1);

    const slow = s.explain("slow");
    await s.servers.groq.until(() => s.servers.groq.inFlight === 1);
    const fast = await s.explain("fast");

    expect(fast.provider).toBe("mistral");
    expect(s.servers.groq.requests).toHaveLength(1);
    s.clock.advance(TIMEOUT_MS);
    expect((await slow).provider).toBe("mistral");
    expect(await s.outcomes()).toMatchObject({ "groq:busy": 1, "groq:timeout": 1 });
  });

  it("falls through on a bad request without counting it against the provider", async () => {
    await using s = setup();
    s.servers.groq.fail({ status: 400 }, 5);

    for (let i = 0; i < 5; i++) expect(await s.explain()).toMatchObject({ provider: "mistral" });
    const after = await s.explain();

    expect(after.provider).toBe("groq");
    expect(s.requests()).toEqual([6, 5, 0]);
  });

  it("answers offline when every provider is down, and without any request once all are open", async () => {
    await using s = setup();
    s.servers.groq.fail({ status: 500 });
    s.servers.mistral.fail({ status: 401 });
    s.servers.gemini.fail("reset");

    for (let i = 0; i < 3; i++) expect(await s.explain()).toMatchObject({ provider: "offline" });
    await until(() => KINDS.every((kind) => s.supervisor.status(kind) === "open"));
    const before = s.requests();
    const answer = await s.explain();

    expect(answer).toEqual({ provider: "offline", text: "offline answer" });
    expect(before).toEqual([3, 1, 3]);
    expect(s.requests()).toEqual(before);
  });

  it("goes straight to offline once the caller has given up", async () => {
    await using s = setup();
    const controller = new AbortController();
    controller.abort();

    expect(await s.explain("news", controller.signal)).toMatchObject({ provider: "offline" });
    expect(s.requests()).toEqual([0, 0, 0]);
  });
});

describe("AI chain in the app", () => {
  it("answers a user from groq, then mistral when groq fails, then offline, reporting the source", async () => {
    const servers = {
      groq: startFakeAiServer("groq"),
      mistral: startFakeAiServer("mistral"),
      gemini: startFakeAiServer("gemini"),
    };
    const config = parseConfig({
      DATABASE_PATH: ":memory:",
      FLOOD_INTERVAL_MS: "0",
      DB_FLUSH_MS: "0",
      ...Object.fromEntries(
        KINDS.flatMap((kind) => [
          [`${kind.toUpperCase()}_API_KEY`, `key-${kind}-0123456789`],
          [`${kind.toUpperCase()}_BASE_URL`, servers[kind].baseUrl],
        ]),
      ),
    });
    const app = createApp({ config, logger: silentLogger() });
    const explain = (text: string) =>
      app.runtime.users.ask<ExplainReply>(
        1,
        (replyTo): UserMsg => ({ type: "explain", text, replyTo }),
        10_000,
      );
    try {
      servers.groq.setReply("Groq объясняет.");
      servers.mistral.setReply("Mistral объясняет.");
      const first = await explain("Bitcoin ETF approved by the SEC");
      servers.groq.fail({ status: 500 });
      const second = await explain("Ethereum upgrade ships next week");
      servers.mistral.fail("reset");
      servers.gemini.fail({ status: 500 });
      const third = await explain("Solana network halts for five hours");

      expect(first).toMatchObject({ ok: true, source: "groq", text: "Groq объясняет." });
      expect(second).toMatchObject({ ok: true, source: "mistral", text: "Mistral объясняет." });
      expect(third).toMatchObject({ ok: true, source: "offline" });
      expect(third.ok && third.text.length).toBeGreaterThan(0);
      const sources = (await app.metrics.explanations.get()).values.map((v) => [
        v.labels.source,
        v.value,
      ]);
      expect(sources).toEqual([
        ["groq", 1],
        ["mistral", 1],
        ["offline", 1],
      ]);
    } finally {
      await app.stop();
      await Promise.all(KINDS.map((kind) => servers[kind].close()));
    }
  });
});
