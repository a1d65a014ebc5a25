import { describe, expect, it } from "bun:test";
import { startBotApiEmulator } from "../test/support/bot-api-emulator";
import { startFakeAiServer } from "../test/support/fake-ai-servers";
import { testConfig } from "../test/support/runtime";
import { createApp } from "./app";
import { ManualClock } from "./clock";
import { silentLogger } from "./logger";
import { normalizeNews } from "./news/normalize";

describe("createApp", () => {
  it("builds any number of bots over one runtime and one broadcaster", async () => {
    await using api = await startBotApiEmulator();
    const app = createApp({
      config: testConfig(),
      logger: silentLogger(),
      telegram: { token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo },
    });
    try {
      const first = app.createBot();
      const second = app.createBot();
      expect(second).not.toBe(first);
      expect(second.botInfo).toEqual(first.botInfo);
    } finally {
      await app.stop();
    }
  });
});

describe("createApp: AI SDKs", () => {
  const withMistral = (server: { baseUrl: string }) =>
    testConfig({
      MISTRAL_API_KEY: "test-key-0123456789",
      MISTRAL_BASE_URL: server.baseUrl,
      ANSWER_DEADLINE_MS: "12000",
    });

  it("loads the configured providers' SDKs ahead of the first update", async () => {
    const server = startFakeAiServer("mistral");
    server.setReply("Bitcoin ETF approved: what it means.");
    const app = createApp({
      config: withMistral(server),
      logger: silentLogger(),
      clock: new ManualClock(),
    });
    try {
      expect(await app.preloadProviders()).toBe("loaded");
      const answer = await app.runtime.explainer.explain(
        normalizeNews("Bitcoin ETF approved"),
        "en",
      );
      expect(answer).toMatchObject({ provider: "mistral" });
    } finally {
      await app.stop();
      await server.close();
    }
  });

  it("stops waiting for the SDKs at ANSWER_DEADLINE_MS on the app's clock", async () => {
    const server = startFakeAiServer("mistral");
    const clock = new ManualClock();
    const app = createApp({ config: withMistral(server), logger: silentLogger(), clock });
    try {
      const ready = app.preloadProviders();
      clock.advance(12_000);
      expect(await ready).toBe("deadline");
    } finally {
      await app.stop();
      await server.close();
    }
  });

  it("has nothing to wait for without AI keys", async () => {
    const app = createApp({
      config: testConfig(),
      logger: silentLogger(),
      clock: new ManualClock(),
    });
    try {
      expect(await app.preloadProviders()).toBe("loaded");
    } finally {
      await app.stop();
    }
  });
});
