import { describe, expect, it } from "bun:test";
import { Api, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { until } from "../../test/support/until";
import { silentLogger } from "../logger";
import { pollUpdates } from "./polling";

const alice = { id: 21, first_name: "Alice" };

describe("pollUpdates", () => {
  it("confirms an update to Telegram only after it is stored", async () => {
    await using api = await startBotApiEmulator();
    const stored: number[] = [];
    let diskFull = true;
    const polling = pollUpdates({
      api: new Api(api.token, { apiRoot: api.apiRoot }),
      accept: (updates: readonly Update[]) => {
        if (diskFull) {
          diskFull = false;
          throw new Error("database or disk is full");
        }
        stored.push(...updates.map((u) => u.update_id));
      },
      allowedUpdates: ["message"],
      logger: silentLogger(),
      timeoutSeconds: 0,
      pauseMs: 0,
    });
    try {
      const first = api.sendText(alice, "one");
      const second = api.sendText(alice, "two");
      await until(() => stored.length === 2 && api.pendingUpdates.length === 0, "both confirmed");
      // The store failed once: Telegram gave the update again, and it was stored once.
      expect(stored).toEqual([first.update_id, second.update_id]);
    } finally {
      await polling.stop();
    }
  });

  it("ends when another instance takes the updates (409)", async () => {
    await using api = await startBotApiEmulator();
    api.failNext("getUpdates", {
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request",
    });
    const polling = pollUpdates({
      api: new Api(api.token, { apiRoot: api.apiRoot }),
      accept: () => {},
      allowedUpdates: ["message"],
      logger: silentLogger(),
      timeoutSeconds: 0,
    });
    await expect(polling.ended).rejects.toBeInstanceOf(GrammyError);
    await polling.stop();
  });
});
