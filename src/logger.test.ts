import { describe, expect, it } from "bun:test";
import { Writable } from "node:stream";
import { createLogger } from "./logger";

const TOKEN = "123456789:AAE-secretsecretsecretsecretsecret_x";
const API_KEY = "gsk_live_0123456789abcdef";

/** A logger writing its JSON lines into an array. */
function capture(secrets: string[]) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, log: createLogger({ level: "debug", secrets, destination: stream }) };
}

describe("logger", () => {
  it("redacts configured secrets and token-shaped strings everywhere in a line", () => {
    const { lines, log } = capture([TOKEN, API_KEY]);
    log.error({ err: new Error(`POST https://api.telegram.org/bot${TOKEN}/getMe failed`) }, "boom");
    log.info({ headers: { authorization: `Bearer ${API_KEY}` } }, "request");
    log.warn({ nested: { apiKey: "whatever-it-is" }, url: `key=${API_KEY}` }, "nested");
    log.info(`other bot 987654321:${"Z".repeat(35)}`);
    const all = lines.join("");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain("whatever-it-is");
    expect(all).not.toContain("Z".repeat(35));
    expect(all.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it("writes one JSON object per line with level and time", () => {
    const { lines, log } = capture([]);
    log.child({ actor: "user", userId: 5 }).info({ update_id: 9 }, "update handled");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      level: "info",
      app: "rvx",
      actor: "user",
      userId: 5,
      update_id: 9,
      msg: "update handled",
    });
  });
});
