import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import type { Bot } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message } from "grammy/types";
import { type App, createApp } from "../../src/app";
import type { BotContext } from "../../src/bot/context";
import { ManualClock } from "../../src/clock";
import { t } from "../../src/i18n/i18n";
import { loadCourses } from "../../src/learning/course-data";
import { loadGlossary } from "../../src/learning/glossary-data";
import { CHECK_XP } from "../../src/learning/news-check";
import { createLogger, silentLogger } from "../../src/logger";
import { escapeHtml } from "../../src/news/html";
import {
  type ApiCall,
  type BotApiEmulator,
  type SentMessage,
  startBotApiEmulator,
  type TestGroup,
  type TestUser,
} from "../support/bot-api-emulator";
import { startRvx, tempDir } from "../support/process";
import { testConfig } from "../support/runtime";

/**
 * Reach end to end in one process: grammY long-polls the Bot API emulator, which now has group
 * chats, getChatMember, my_chat_member, inline queries and chosen inline results. Offline (no AI
 * key), so every answer comes from the offline analyzer and the glossary.
 */

type Person = TestUser & { readonly id: number };
const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 30) + 10 * H;
const BOT = "rvx_test_bot";
const NEWS = "SEC approves spot Bitcoin ETF applications from BlackRock and Fidelity";
const alice: Person = { id: 8101, first_name: "Alice", language_code: "en" };
const boris: Person = { id: 8102, first_name: "Борис", language_code: "ru" };
const carol: Person = { id: 8103, first_name: "Carol", language_code: "en" };
const dan: Person = { id: 8104, first_name: "Dan", language_code: "en" };
const erin: Person = { id: 8105, first_name: "Erin", language_code: "en" };

const buttonsOf = (m: SentMessage | Message | undefined): InlineKeyboardButton[] =>
  ((m?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).flat();
const dataOf = (m: SentMessage | undefined) =>
  buttonsOf(m).map((b) => ("callback_data" in b ? b.callback_data : ""));
const textOf = (call: ApiCall) => String(call.payload.text);

describe("reach end to end", () => {
  let api: BotApiEmulator;
  let app: App;
  let bot: Bot<BotContext>;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    api = await startBotApiEmulator();
    app = createApp({
      config: testConfig({
        DB_FLUSH_MAX: "1",
        FLOOD_INTERVAL_MS: "0",
        DEFAULT_LANGUAGE: "en",
        GROUP_EXPLAINS_PER_HOUR: "2",
      }),
      logger: process.env.REACH_DEBUG
        ? createLogger({ level: (process.env.REACH_DEBUG as "debug") ?? "error", secrets: [] })
        : silentLogger(),
      clock,
      telegram: { token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo },
    });
    bot = app.createBot();
    void bot.start({ drop_pending_updates: false });
  });

  afterAll(async () => {
    await bot.stop();
    await app.stop();
    await api.close();
  });

  const xpOf = (userId: number) =>
    (app.db.query("SELECT xp FROM users WHERE id = ?").get(userId) as { xp: number } | null)?.xp ??
    0;

  /** Sends `text` in `group` and returns the bot's next message there. */
  async function inGroup(user: Person, group: TestGroup, text: string, extra?: Partial<Message>) {
    const after = api.calls.length;
    api.sendGroupText(user, group, text, extra);
    return api.waitForReply(group.id, { after });
  }

  async function say(user: Person, text: string) {
    const after = api.calls.length;
    api.sendText(user, text);
    return api.waitForReply(user.id, { after });
  }

  /** Presses `data` on `message` and returns the toast (and waits for a screen, if any). */
  async function press(user: Person, message: SentMessage, data: string, forged = false) {
    const update = forged
      ? api.forgeButtonPress(user, message, data)
      : api.pressButton(user, message, data);
    const id = update.callback_query?.id;
    const answer = await api.waitFor(
      (c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === id,
    );
    return { toast: String(answer.payload.text ?? ""), index: answer.index };
  }

  /** A Telegram reply to message `to` (as delivered: the message replied to is nested). */
  const replyTo = (to: Message | SentMessage, chat: TestGroup): Partial<Message> => ({
    reply_to_message: {
      message_id: to.message_id,
      date: to.date,
      chat: { id: chat.id, type: "supergroup", title: "g" },
      from: "from" in to && to.from ? to.from : api.botInfo,
      text: to.text ?? "",
      ...("reply_markup" in to && to.reply_markup && "inline_keyboard" in to.reply_markup
        ? { reply_markup: to.reply_markup }
        : {}),
    } as unknown as Message["reply_to_message"],
  });

  it("stays quiet in a group, explains what /explain replies to, follows up, and keeps to the group limit", async () => {
    const group: TestGroup = { id: -100801, title: "Crypto chat" };
    const posted = api.sendGroupText(carol, group, NEWS).message as Message;
    const explained = await inGroup(alice, group, `/explain@${BOT}`, replyTo(posted, group));
    // Nothing was said to Carol's post itself: the first reply is the explanation.
    expect(api.sent(group.id)).toHaveLength(1);
    expect(textOf(explained)).toContain(t("en", "explain.footer", { xp: 5, remaining: 49 }));
    expect(explained.payload.reply_parameters).toEqual({ message_id: expect.any(Number) });
    expect(xpOf(alice.id)).toBe(5);
    expect(xpOf(carol.id)).toBe(0);
    // In a group the lesson opens in the private chat; the personal check is left out.
    const answer = api.sent(group.id)[0] as SentMessage;
    const urls = buttonsOf(answer).flatMap((b) => ("url" in b ? [b.url] : []));
    expect(urls).toEqual([expect.stringMatching(new RegExp(`^https://t\\.me/${BOT}\\?start=l_`))]);
    expect(dataOf(answer)).not.toContain("ck");

    const followUp = await inGroup(alice, group, "What does ETF mean?", replyTo(answer, group));
    expect(textOf(followUp)).toStartWith("📖 ");

    const limited = await inGroup(dan, group, `@${BOT} What is staking?`);
    expect(textOf(limited)).toBe(t("en", "group.limit", { minutes: 60 }));
    expect(xpOf(dan.id)).toBe(0);
    // Told once: the next mention gets no answer (the /learn after it is the next reply).
    api.sendGroupText(erin, group, `@${BOT} What is a wallet?`);
    expect(textOf(await inGroup(erin, group, "/learn"))).toBe(t("en", "group.private_only"));
    const stored = app.db.query("SELECT count(*) AS n FROM group_explains WHERE chat_id = ?");
    expect((stored.get(group.id) as { n: number }).n).toBe(2);
  });

  it("answers a mention like a private message, with the member's own XP", async () => {
    const group: TestGroup = { id: -100802 };
    const reply = await inGroup(erin, group, `@${BOT} What is staking?`);
    expect(textOf(reply)).toStartWith("📖 ");
    expect(textOf(reply)).toContain(t("en", "convo.answer_footer", { xp: 2 }));
    expect(xpOf(erin.id)).toBe(2);
  });

  it("answers learning commands in a group with a button that opens the private chat", async () => {
    const group: TestGroup = { id: -100803 };
    for (const command of [`/learn@${BOT}`, "/profile"]) {
      const reply = await inGroup(boris, group, command);
      expect(textOf(reply)).toBe(t("ru", "group.private_only"));
      const markup = reply.payload.reply_markup as InlineKeyboardMarkup;
      expect(markup.inline_keyboard.flat()).toEqual([
        { text: t("ru", "group.open_private"), url: `https://t.me/${BOT}?start=learn` },
      ]);
    }
    // The button's /start opens the courses in the private chat.
    const courses = await say(boris, "/start learn");
    expect(JSON.stringify(courses.payload.reply_markup)).toContain('"callback_data":"C:');
  });

  it("lets only a group's admins set its language, and answers in it", async () => {
    const group: TestGroup = { id: -100804 };
    expect(textOf(await inGroup(boris, group, "/language"))).toBe(t("ru", "group.admins_only"));
    api.setMemberStatus(group.id, boris.id, "administrator");
    await inGroup(boris, group, "/language");
    const menu = api.sent(group.id).at(-1) as SentMessage;
    const { index } = await press(boris, menu, "gl:en");
    await api.waitForReply(group.id, { after: index });
    expect(api.sent(group.id).at(-1)?.text).toBe(t("en", "group.language_set"));
    const answer = await inGroup(boris, group, `@${BOT} What is staking?`);
    expect(textOf(answer)).toContain(t("en", "convo.answer_footer", { xp: 2 }));
    // Boris's own language is untouched.
    expect(textOf(await say(boris, "/help"))).toBe(t("ru", "help.text", { limit: 50, flood: 0 }));
  });

  it("records being removed from a group", async () => {
    const group: TestGroup = { id: -100805, title: "Old chat" };
    api.changeBotMembership(carol, group, "left", "member");
    api.changeBotMembership(carol, group, "member", "kicked");
    // Updates of one chat are handled in order: once this is answered, both are recorded.
    await inGroup(carol, group, "/learn");
    const row = app.db
      .query(
        "SELECT status, title, changed_by AS by, left_at AS leftAt FROM groups WHERE chat_id = ?",
      )
      .get(group.id);
    expect(row).toEqual({ status: "kicked", title: "Old chat", by: carol.id, leftAt: NOW });
  });

  it("answers an inline query with the explanation and counts a sent result once", async () => {
    const help = api.sendInlineQuery(dan, "").inline_query?.id ?? "";
    await api.waitFor(
      (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === help,
    );
    expect(api.inlineAnswer(help)?.results.map((r) => r.id)).toEqual(["help"]);

    const query = api.sendInlineQuery(dan, NEWS).inline_query?.id ?? "";
    await api.waitFor(
      (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === query,
    );
    const [result] = api.inlineAnswer(query)?.results ?? [];
    expect(result?.id).toMatch(/^n:/);
    const content = result && "input_message_content" in result ? result.input_message_content : {};
    const text = content && "message_text" in content ? content.message_text : "";
    expect(text).toContain(t("en", "inline.offline_mark"));
    expect(xpOf(dan.id)).toBe(0); // showing costs nothing

    api.chooseInlineResult(dan, result?.id ?? "", NEWS);
    api.chooseInlineResult(dan, result?.id ?? "", NEWS);
    // The same sender's updates are handled in order: /profile comes after both.
    const profile = textOf(await say(dan, "/profile"));
    expect(profile).toContain("49");
    expect(xpOf(dan.id)).toBe(5);
    const used = app.db.query("SELECT quota_used AS used FROM users WHERE id = ?").get(dan.id);
    expect(used).toEqual({ used: 1 });
  });

  it("puts the lesson of the news's main concept under an explanation", async () => {
    const reply = await say(alice, NEWS);
    const message = api.sent(alice.id).at(-1) as SentMessage;
    const lesson = buttonsOf(message).find((b) => b.text.startsWith("📚 "));
    expect(lesson?.text).toMatch(/^📚 .+ · \d+ min$/);
    expect(lesson && "callback_data" in lesson ? lesson.callback_data : "").toMatch(
      /^L:[a-z0-9-]+:[a-z0-9-]+:0$/,
    );
    expect(dataOf(message)).toContain("ck");
    expect(textOf(reply)).toContain("XP");
    const data = lesson && "callback_data" in lesson ? lesson.callback_data : "";
    const { index } = await press(alice, message, data ?? "");
    const page = await api.waitForReply(alice.id, { after: index });
    expect(page.method).toBe("editMessageText");
  });

  it("asks a shuffled check question after an explanation and pays a right answer once", async () => {
    await say(carol, NEWS);
    const explanation = api.sent(carol.id).at(-1) as SentMessage;
    const opened = await press(carol, explanation, "ck");
    const question = await api.waitForReply(carol.id, { after: opened.index });
    const shown = api.sent(carol.id).at(-1) as SentMessage;
    const answers = dataOf(shown);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    for (const data of answers) expect(data).toMatch(new RegExp(`^ca:${explanation.message_id}:`));

    const right = rightButton(textOf(question), answers);
    const before = xpOf(carol.id);
    const pressed = await press(carol, shown, right);
    await api.waitForReply(carol.id, { after: pressed.index });
    expect(api.sent(carol.id).at(-1)?.text).toContain("✅");
    expect(xpOf(carol.id)).toBe(before + CHECK_XP);

    // Again, on the question (forged: its buttons are gone) or from the explanation: no XP.
    const again = await press(carol, shown, right, true);
    expect(again.toast).toBe(t("en", "teach.check_answered"));
    const reopened = await press(carol, explanation, "ck");
    expect(reopened.toast).toBe(t("en", "teach.check_answered"));
    expect(xpOf(carol.id)).toBe(before + CHECK_XP);
  });
});

describe("reach through the rvx process", () => {
  it("asks Telegram for inline queries, chosen results and membership changes", async () => {
    await using api = await startBotApiEmulator();
    using dir = tempDir();
    const rvx = startRvx({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: `${dir.path}/rvx.db`,
    });
    try {
      const poll = await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
      expect(poll.payload.allowed_updates).toEqual([
        "message",
        "callback_query",
        "inline_query",
        "chosen_inline_result",
        "my_chat_member",
      ]);
      const id = api.sendInlineQuery(alice, NEWS).inline_query?.id;
      await api.waitFor(
        (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === id,
        {
          timeoutMs: 20_000,
        },
      );
      expect(api.inlineAnswer(id ?? "")?.results[0]?.id).toMatch(/^n:/);
    } finally {
      rvx.kill("SIGKILL");
      await rvx.exited;
    }
  }, 30_000);
});

/**
 * The button of the right option: the question's prompt names a lesson question or a glossary
 * term; its right option's text is found among the numbered lines shown.
 */
function rightButton(html: string, buttons: readonly string[]): string {
  const courses = loadCourses();
  const glossary = loadGlossary(courses);
  const rights = [
    ...courses.flatMap((c) =>
      c.lessons.flatMap((l) =>
        l.quiz.flatMap((q) =>
          html.includes(escapeHtml(q.question.en)) ? [q.options[q.correct]?.en ?? ""] : [],
        ),
      ),
    ),
    ...glossary.flatMap((term) =>
      html.includes(`“${escapeHtml(term.name.en)}”`) ? [term.definition.en] : [],
    ),
  ];
  const lines = html.split("\n");
  const at = lines.findIndex((line) => rights.some((r) => line.endsWith(`. ${escapeHtml(r)}`)));
  const number = Number(lines[at]?.split(".")[0]);
  const button = buttons[number - 1];
  if (!button) throw new Error(`no right option found in: ${html}`);
  return button;
}
