import { describe, expect, it } from "bun:test";
import { start, stop } from "nact";
import { startFakeAiServer } from "../../test/support/fake-ai-servers";
import { until } from "../../test/support/until";
import { createAiProvider } from "../analyzers/ai-providers";
import type { Provider } from "../analyzers/provider";
import { ManualClock } from "../clock";
import { silentLogger } from "../logger";
import { createMetrics } from "../metrics";
import { createAiChain } from "./ai-chain";
import { createProviderSupervisor } from "./provider-supervisor";

const MB = 1024 * 1024;

/** groq then mistral (production adapters on fakes) under one supervisor, then offline. */
function setup() {
  const groq = startFakeAiServer("groq");
  const mistral = startFakeAiServer("mistral");
  groq.setReply("Биржа закрыла вывод (groq).");
  mistral.setReply("Биржа закрыла вывод (mistral).");
  const system = start();
  const metrics = createMetrics();
  const logger = silentLogger();
  const adapter = (name: "groq" | "mistral", baseUrl: string) =>
    createAiProvider({ name, apiKey: "test-key-0123456789", baseUrl, model: "m" }, 600_000, {
      maxChars: 400,
    });
  const supervisor = createProviderSupervisor(system, {
    providers: [adapter("groq", groq.baseUrl), adapter("mistral", mistral.baseUrl)],
    clock: new ManualClock(),
    logger,
    metrics,
    timeoutMs: 15_000,
    concurrency: 8,
    failureThreshold: 3,
    cooldownMs: 60_000,
    healthcheckMs: 3_600_000,
    random: () => 0,
  });
  const offline: Provider = { name: "offline", explain: async () => ({ text: "offline" }) };
  const chain = createAiChain({
    providers: supervisor,
    fallback: offline,
    logger,
    metrics,
    replyTimeoutMs: 20_000,
  });
  return {
    groq,
    supervisor,
    explain: () => chain.explain({ text: "FTX halted withdrawals.", lang: "ru" }),
    async outcomes() {
      const { values } = await metrics.providerRequests.get();
      return Object.fromEntries(
        values.map((v) => [`${v.labels.provider}:${v.labels.outcome}`, v.value]),
      );
    },
    async [Symbol.asyncDispose]() {
      supervisor.stop();
      stop(system);
      await Promise.all([groq.close(), mistral.close()]);
    },
  };
}

describe("provider fall-through on a bad answer", () => {
  it("tries the next provider when an answer is in the wrong language, and counts it", async () => {
    await using s = setup();
    s.groq.setReply("The exchange halted withdrawals.");

    const answers = [await s.explain(), await s.explain(), await s.explain()];
    await until(() => s.supervisor.status("groq") === "open");

    expect(answers).toEqual(
      Array(3).fill({ provider: "mistral", text: "Биржа закрыла вывод (mistral)." }),
    );
    expect(await s.outcomes()).toMatchObject({ "groq:wrong_language": 3, "mistral:ok": 3 });
  });

  it("tries the next provider when a body is over the byte cap, and counts it", async () => {
    await using s = setup();
    s.groq.fail({ huge: 20 * MB, streamed: true });

    const answer = await s.explain();

    expect(answer).toEqual({ provider: "mistral", text: "Биржа закрыла вывод (mistral)." });
    expect(await s.outcomes()).toMatchObject({ "groq:malformed": 1, "mistral:ok": 1 });
  });
});
