import { Database } from "bun:sqlite";
import { describe, expect, it } from "bun:test";
import { join } from "node:path";
import { type ApiCall, startBotApiEmulator } from "../support/bot-api-emulator";
import { startRvx, tempDir } from "../support/process";

const LIMIT = 100_000;
const FOOTER = /\+(\d+) XP · (\d+) requests left today/;

/** What a reply told its user: the XP awarded and how many requests they have used today. */
function acknowledged(call: ApiCall): { userId: number; xp: number; used: number } | undefined {
  if (call.method !== "sendMessage" || call.response?.ok !== true) return undefined;
  const match = FOOTER.exec(String(call.payload.text));
  if (!match) return undefined;
  return {
    userId: Number(call.payload.chat_id),
    xp: Number(match[1]),
    used: LIMIT - Number(match[2]),
  };
}

describe("durability", () => {
  it("loses nothing a user was told when the process is killed with SIGKILL mid-flight", async () => {
    using dir = tempDir();
    await using api = await startBotApiEmulator();
    const env = {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir.path, "rvx.db"),
      DEFAULT_LANGUAGE: "en",
      FLOOD_INTERVAL_MS: "0",
      DAILY_LIMIT: String(LIMIT),
    };
    const rvx = startRvx(env);
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });

    const users = Array.from({ length: 30 }, (_, i) => ({
      id: 5000 + i,
      first_name: `U${i}`,
      language_code: "en",
    }));
    for (let round = 0; round < 20; round++) {
      for (const user of users)
        api.sendText(user, `Round ${round}: Bitcoin ETF inflows reach $${round}00M`);
    }
    // Kill once a good share of replies went out, with many more still being handled.
    let acked = 0;
    await api.waitFor((call) => acknowledged(call) !== undefined && ++acked >= 150, {
      timeoutMs: 30_000,
    });
    rvx.kill("SIGKILL");
    await rvx.exited;

    const told = new Map<number, { xp: number; used: number }>();
    let replies = 0;
    for (const call of api.calls) {
      const ack = acknowledged(call);
      if (!ack) continue;
      replies++;
      const sum = told.get(ack.userId) ?? { xp: 0, used: 0 };
      told.set(ack.userId, { xp: sum.xp + ack.xp, used: Math.max(sum.used, ack.used) });
    }
    expect(told.size).toBeGreaterThan(0);
    expect(replies).toBeLessThan(users.length * 20); // the kill really was mid-flight

    // A fresh connection recovers the WAL exactly as a restarted bot does.
    const db = new Database(env.DATABASE_PATH, { readonly: true });
    const rows = db.query("SELECT id, xp, quota_used AS used FROM users").all() as {
      id: number;
      xp: number;
      used: number;
    }[];
    db.close();
    const stored = new Map(rows.map((r) => [r.id, r]));
    const lost = [...told].filter(([userId, t]) => {
      const row = stored.get(userId);
      return !row || row.xp < t.xp || row.used < t.used;
    });
    expect(lost).toEqual([]);

    // The restarted bot reports at least what the user was told.
    const [firstUser, firstTold] = [...told][0] ?? [0, { xp: 0, used: 0 }];
    const again = startRvx(env);
    try {
      const after = api.calls.length;
      api.sendText({ id: firstUser, first_name: "again", language_code: "en" }, "/profile");
      const profile = await api.waitFor(
        (c) =>
          c.index >= after && c.method === "sendMessage" && String(c.payload.text).includes("XP\n"),
        { timeoutMs: 30_000 },
      );
      const xp = Number(/· (\d+) XP/.exec(String(profile.payload.text))?.[1]);
      expect(xp).toBeGreaterThanOrEqual(firstTold.xp);
    } finally {
      again.kill("SIGTERM");
      await again.exited;
    }
  });
});
