import { describe, expect, it } from "bun:test";
import type { Update } from "grammy/types";
import { postWebhookUpdate } from "../../test/support/bot-api-emulator";
import { silentLogger } from "../logger";
import { startWebhookServer } from "./webhook";

const SECRET = "webhook-test-secret-0123";
const update = (id: number): Update => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1,
    chat: { id: 5, type: "private", first_name: "A" },
    from: { id: 5, is_bot: false, first_name: "A" },
    text: "news",
  },
});

describe("webhook server", () => {
  it("answers 200 once the update is stored, and 500 when it cannot be (Telegram retries)", async () => {
    const stored: number[] = [];
    let diskFull = false;
    const server = startWebhookServer(
      (u) => {
        if (diskFull) throw new Error("database or disk is full");
        stored.push(u.update_id);
      },
      { host: "127.0.0.1", port: 0, path: "/hook", secret: SECRET, logger: silentLogger() },
    );
    try {
      const url = `http://127.0.0.1:${server.port}/hook`;
      expect((await postWebhookUpdate(url, update(1), SECRET)).status).toBe(200);
      diskFull = true;
      expect((await postWebhookUpdate(url, update(2), SECRET)).status).toBe(500);
      diskFull = false;
      expect((await postWebhookUpdate(url, update(2), SECRET)).status).toBe(200);
      expect(stored).toEqual([1, 2]);
    } finally {
      await server.stop();
    }
  });
});
