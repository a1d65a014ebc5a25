import { describe, expect, it } from "bun:test";
import { startBotApiEmulator } from "../test/support/bot-api-emulator";
import { testConfig } from "../test/support/runtime";
import { createApp } from "./app";
import { silentLogger } from "./logger";

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
