import { describe, expect, it } from "bun:test";
import { Api } from "grammy";
import { startBotApiEmulator } from "../../test/support/bot-api-emulator";
import { until } from "../../test/support/until";
import { ManualClock } from "../clock";
import { t } from "../i18n/i18n";
import { silentLogger } from "../logger";
import { broadcastTransport } from "./broadcast-transport";

const users = [1, 2, 3].map((id) => ({ id, first_name: `U${id}`, language_code: "en" }));

describe("broadcastTransport", () => {
  it("paces broadcasts and reminders together: one message per interval on the clock", async () => {
    await using api = await startBotApiEmulator();
    for (const user of users) api.sendText(user, "hi");
    const clock = new ManualClock();
    const transport = broadcastTransport({
      api: new Api(api.token, { apiRoot: api.apiRoot }),
      logger: silentLogger(),
      langOf: () => "en",
      clock,
      intervalMs: 40,
    });
    const sends = [
      transport.send(1, "news"),
      transport.remind(2, { lang: "en", streak: 3 }),
      transport.send(3, "news"),
    ];
    const sent = () => api.calls.filter((c) => c.method === "sendMessage").length;
    await until(() => sent() === 1, "first message");
    // The second waits for the clock, not for a real timer.
    await until(() => clock.pendingTimers === 1, "the pacer's timer");
    expect(sent()).toBe(1);
    clock.advance(40);
    await until(() => sent() === 2, "second message");
    clock.advance(40);
    expect(await Promise.all(sends)).toEqual(["sent", "sent", "sent"]);
  });

  it("sends a reminder with a button to the unfinished lesson, and reports a block", async () => {
    await using api = await startBotApiEmulator();
    api.sendText(users[0] ?? { id: 1, first_name: "U1" }, "hi");
    const transport = broadcastTransport({
      api: new Api(api.token, { apiRoot: api.apiRoot }),
      logger: silentLogger(),
      langOf: () => "ru",
      clock: new ManualClock(),
      intervalMs: 0,
    });
    const lesson = { courseId: "basics", lessonId: "what-is-money" };
    expect(await transport.remind(1, { lang: "ru", streak: 0, lesson })).toBe("sent");
    const [message] = api.sent(1);
    expect(message?.text).toBe(t("ru", "reminders.push_lesson"));
    expect(message?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: t("ru", "reminders.continue"), callback_data: "L:basics:what-is-money:0" }],
      ],
    });
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked" });
    expect(await transport.remind(1, { lang: "ru", streak: 2 })).toBe("blocked");
    api.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    expect(await transport.send(1, "x")).toBe("failed");
  });
});
