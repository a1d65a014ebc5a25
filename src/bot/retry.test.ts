import { describe, expect, it } from "bun:test";
import { Api, GrammyError, HttpError } from "grammy";
import { startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { freePort } from "../../test/support/process";
import { trackConnectivity } from "./connectivity";
import { botApiRetry } from "./retry";

/** An Api wired as in production (retries inside, connectivity outside); sleeps are recorded. */
function apiFor(apiRoot: string, token = "1:AAAAAAAAAAAAAAAAAAAAAAAAAAAA") {
  const sleeps: number[] = [];
  const api = new Api(token, { apiRoot });
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  for (const transformer of botApiRetry({ sleep })) api.config.use(transformer);
  const connectivity = trackConnectivity();
  api.config.use(connectivity.transformer);
  return { api, sleeps, connectivity: connectivity.state };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => error,
  );

const badGateway = { error_code: 502, description: "Bad Gateway" };

describe("Bot API retries", () => {
  it("give up on an unreachable Bot API after four waits and report Telegram down", async () => {
    const { api, sleeps, connectivity } = apiFor(`http://127.0.0.1:${await freePort()}`);

    const error = await outcome(api.getMe());

    expect(error).toBeInstanceOf(HttpError);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(connectivity.connected).toBe(false);
  });

  it("retry a 5xx and succeed when the Bot API recovers", async () => {
    await using emulator = await startBotApiEmulator();
    const { api, sleeps, connectivity } = apiFor(emulator.apiRoot, emulator.token);
    emulator.failNext("getMe", badGateway);
    emulator.failNext("getMe", badGateway);

    expect((await api.getMe()).username).toBe("rvx_test_bot");
    expect(sleeps).toEqual([1000, 2000]);
    expect(connectivity.connected).toBe(true);
  });

  it("fail a 5xx that persists and report Telegram down, then up after a good call", async () => {
    await using emulator = await startBotApiEmulator();
    const { api, connectivity } = apiFor(emulator.apiRoot, emulator.token);
    for (let i = 0; i < 5; i++) emulator.failNext("getMe", badGateway);

    const error = await outcome(api.getMe());

    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(502);
    expect(emulator.calls.filter((c) => c.method === "getMe")).toHaveLength(5);
    expect(connectivity.connected).toBe(false);
    await api.getMe();
    expect(connectivity.connected).toBe(true);
  });

  it("wait out a 429's retry_after but fail one that asks for more than a minute", async () => {
    await using emulator = await startBotApiEmulator();
    const { api, connectivity } = apiFor(emulator.apiRoot, emulator.token);
    const flood = (seconds: number) => ({
      error_code: 429,
      description: `Too Many Requests: retry after ${seconds}`,
      parameters: { retry_after: seconds },
    });
    emulator.failNext("getMe", flood(0));
    expect((await api.getMe()).username).toBe("rvx_test_bot");

    emulator.failNext("getMe", flood(3600));
    const error = await outcome(api.getMe());

    expect((error as GrammyError).error_code).toBe(429);
    expect(emulator.calls.filter((c) => c.method === "getMe")).toHaveLength(3);
    expect(connectivity.connected).toBe(true);
  });

  it("send a draft once: neither a 429 nor a 5xx is retried", async () => {
    await using emulator = await startBotApiEmulator();
    const { api, sleeps } = apiFor(emulator.apiRoot, emulator.token);
    const alice = { id: 9201, first_name: "Alice" };
    emulator.sendText(alice, "hi");
    emulator.failNext("sendMessageDraft", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    emulator.failNext("sendMessageDraft", badGateway);

    const limited = await outcome(api.sendMessageDraft(alice.id, 1, "Bitcoin"));
    const failed = await outcome(api.sendMessageDraft(alice.id, 1, "Bitcoin is"));

    expect([(limited as GrammyError).error_code, (failed as GrammyError).error_code]).toEqual([
      429, 502,
    ]);
    expect(emulator.calls.filter((c) => c.method === "sendMessageDraft")).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("stop retrying when the call is aborted", async () => {
    const { api, sleeps } = apiFor(`http://127.0.0.1:${await freePort()}`);
    const controller = new AbortController();
    controller.abort();

    const error = await outcome(api.getMe(controller.signal as Parameters<Api["getMe"]>[0]));

    expect(error).toBeInstanceOf(HttpError);
    expect(sleeps).toEqual([]);
  });
});
