import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "bun:test";
import { join } from "node:path";
import type { Message } from "grammy/types";
import { t } from "../../src/i18n/i18n";
import type { Lang } from "../../src/i18n/lang";
import { TEST_KEY, TEST_MODELS } from "../support/ai-providers";
import {
  type ApiCall,
  type BotApiEmulator,
  type SentMessage,
  startBotApiEmulator,
  type TestUser,
} from "../support/bot-api-emulator";
import { type FakeAiServer, startFakeAiServer } from "../support/fake-ai-servers";
import { startRvx, tempDir } from "../support/process";

/**
 * The conversation through the whole process (`bun src/main.ts`) and the Bot API emulator:
 * every intent in both languages, follow-ups by Telegram reply and by "❓ Ask about this",
 * offline from the glossary and with an AI provider (a fake Groq server that records requests).
 */

interface Person extends TestUser {
  readonly id: number;
  readonly lang: Lang;
}

const MESSAGES: Record<Lang, Record<string, string>> = {
  en: {
    news: "SEC approves spot Bitcoin ETF applications from BlackRock and Fidelity",
    question: "What is staking?",
    smalltalk: "hello",
    link: "https://www.coindesk.com/markets/2026/11/30/bitcoin-etf",
    scam: "🎁 Vitalik giveaway! Send 1 ETH to our address and get 2 ETH back. Only today!",
    offtopic: "Weather in Paris tomorrow: sunny, 12°C, light wind",
  },
  ru: {
    news: "СЕК одобрила спотовые биткоин-ETF от BlackRock и Fidelity",
    question: "Что такое стейкинг?",
    smalltalk: "привет",
    link: "https://forklog.com/news/bitcoin-etf-2026",
    scam: "🎁 Раздача от Виталика! Отправьте 1 ETH на наш адрес и получите 2 ETH обратно. Только сегодня!",
    offtopic: "Погода в Москве на завтра: снег, минус пять, ветер слабый",
  },
};

function env(api: BotApiEmulator, dir: string, extra: Record<string, string> = {}) {
  return {
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, "rvx.db"),
    FLOOD_INTERVAL_MS: "0",
    ...extra,
  };
}

/** A Telegram reply to the bot's message `sent`, as Telegram delivers it. */
function replyTo(api: BotApiEmulator, user: Person, sent: SentMessage): Partial<Message> {
  return {
    reply_to_message: {
      message_id: sent.message_id,
      date: sent.date,
      chat: { id: user.id, type: "private", first_name: "x" },
      from: api.botInfo,
      text: sent.text,
      ...(sent.reply_markup && "inline_keyboard" in sent.reply_markup
        ? { reply_markup: sent.reply_markup }
        : {}),
    } as unknown as Message["reply_to_message"],
  };
}

async function say(api: BotApiEmulator, user: Person, text: string, extra: Partial<Message> = {}) {
  const after = api.calls.length;
  api.sendText(user, text, extra);
  return api.waitForReply(user.id, { after });
}

const textOf = (call: ApiCall) => String(call.payload.text);
const lastSent = (api: BotApiEmulator, user: Person) => api.sent(user.id).at(-1) as SentMessage;

describe("conversation end to end (offline)", () => {
  const dir = tempDir();
  let api: BotApiEmulator;
  let rvx: ReturnType<typeof startRvx>;
  const people: Person[] = [
    { id: 7001, first_name: "Alice", language_code: "en", lang: "en" },
    { id: 7002, first_name: "Борис", language_code: "ru", lang: "ru" },
  ];

  beforeAll(async () => {
    api = await startBotApiEmulator();
    rvx = startRvx(env(api, dir.path, { ADMIN_IDS: "7001" }));
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
  });
  afterAll(async () => {
    rvx.kill("SIGKILL");
    await api.close();
    dir[Symbol.dispose]();
  });

  for (const person of people) {
    const { lang } = person;
    const m = MESSAGES[lang];
    const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
      t(lang, key, params);

    it(`answers every intent as it deserves (${lang})`, async () => {
      const news = textOf(await say(api, person, m.news ?? ""));
      expect(news).toContain(tr("explain.footer", { xp: 5, remaining: 49 }));
      expect(JSON.stringify(lastSent(api, person).reply_markup)).toContain('"ask"');

      const question = textOf(await say(api, person, m.question ?? ""));
      expect(question).toStartWith("📖 ");
      expect(question).toContain(tr("convo.answer_footer", { xp: 2 }));
      const buttons = JSON.stringify(lastSent(api, person).reply_markup);
      expect(buttons).toContain("📚 ");
      expect(buttons).toMatch(/"callback_data":"L:[a-z0-9-]+:[a-z0-9-]+:0"/);

      expect(textOf(await say(api, person, m.smalltalk ?? ""))).toBe(
        tr("convo.smalltalk_greeting"),
      );
      // Link fetching is off in tests: only the address is read, and nothing is spent.
      const link = textOf(await say(api, person, m.link ?? ""));
      expect(link).toStartWith(`${tr("link.off")} ${tr("link.address_only")}`);
      expect(link).toEndWith(tr("link.paste"));
      const scam = textOf(await say(api, person, m.scam ?? ""));
      expect(scam).toStartWith(tr("convo.scam", { signs: "" }).slice(0, 20));
      expect(scam).toContain(tr("scam.signal.multiplies_what_you_send"));
      expect(textOf(await say(api, person, m.offtopic ?? ""))).toBe(tr("convo.offtopic"));

      // Only the news (+5) and the question (+2) counted; only the news spent a request.
      const profile = textOf(await say(api, person, "/profile"));
      expect(profile).toContain("7 XP");
      expect(profile).toContain(lang === "en" ? "49 of 50" : "49 из 50");
    });

    it.if(lang === "en")("shows the intent mix in /stats", async () => {
      const stats = textOf(await say(api, person, "/stats"));
      expect(stats).toMatch(/Messages by intent since start: .*smalltalk \d/);
      for (const intent of ["news", "question", "link", "scam", "offtopic"]) {
        expect(stats).toContain(intent);
      }
    });

    it(`answers a reply to its explanation from the glossary, thread terms first (${lang})`, async () => {
      await say(api, person, m.news ?? "");
      const explanation = lastSent(api, person);
      const followUp = lang === "en" ? "what does spot mean?" : "что значит спот?";
      const answer = textOf(await say(api, person, followUp, replyTo(api, person, explanation)));
      expect(answer).toStartWith(lang === "en" ? "📖 Spot market" : "📖 Спот");
      // The button under the answer, then a question, continues the same thread.
      const after = api.calls.length;
      api.pressButton(person, lastSent(api, person), "ask");
      const prompt = await api.waitForReply(person.id, { after });
      expect(textOf(prompt)).toBe(tr("convo.ask_prompt"));
      // In English the question comes as the next message; in Russian as a reply to the prompt.
      const promptSent = lastSent(api, person);
      const extra = lang === "ru" ? replyTo(api, person, promptSent) : {};
      const question = lang === "en" ? "what is custody?" : "что такое кастоди?";
      const next = textOf(await say(api, person, question, extra));
      expect(next).toStartWith("📖 ");
    });

    it(`answers a reply to someone else's message and to an erased thread shortly (${lang})`, async () => {
      await say(api, person, m.news ?? "");
      const explanation = lastSent(api, person);
      const notOurs: Partial<Message> = {
        reply_to_message: {
          message_id: 1,
          date: 1,
          chat: { id: person.id, type: "private", first_name: "x" },
          from: { id: person.id, is_bot: false, first_name: "x" },
          text: "my note",
        } as unknown as Message["reply_to_message"],
      };
      expect(textOf(await say(api, person, "what?", notOurs))).toBe(tr("convo.not_ours"));
      await say(api, person, "/deletemydata");
      const confirm = lastSent(api, person);
      const yes = JSON.stringify(confirm.reply_markup).match(/del:y:[0-9a-f]{8}/)?.[0] ?? "";
      const after = api.calls.length;
      api.pressButton(person, confirm, yes);
      expect(textOf(await api.waitForReply(person.id, { after }))).toBe(tr("delete.done"));
      const gone = textOf(
        await say(api, person, "what is spot?", replyTo(api, person, explanation)),
      );
      expect(gone).toBe(tr("convo.thread_gone", { hours: 24 }));
      const db = new Database(join(dir.path, "rvx.db"), { readonly: true });
      const rows = db
        .query(
          "SELECT (SELECT count(*) FROM threads WHERE user_id = ?1) + (SELECT count(*) FROM requests WHERE user_id = ?1) AS n",
        )
        .get(person.id) as { n: number };
      db.close();
      expect(rows.n).toBe(0);
    });
  }
});

describe("conversation end to end (AI provider)", () => {
  const dir = tempDir();
  let api: BotApiEmulator;
  let groq: FakeAiServer;
  let rvx: ReturnType<typeof startRvx>;
  const alice: Person = { id: 7101, first_name: "Alice", language_code: "en", lang: "en" };

  beforeAll(async () => {
    api = await startBotApiEmulator();
    groq = startFakeAiServer("groq");
    rvx = startRvx(
      env(api, dir.path, {
        GROQ_API_KEY: TEST_KEY,
        GROQ_BASE_URL: groq.baseUrl,
        GROQ_MODEL: TEST_MODELS.groq,
      }),
    );
    await api.waitFor((c) => c.method === "getUpdates", { timeoutMs: 20_000 });
  });
  afterAll(async () => {
    rvx.kill("SIGKILL");
    await api.close();
    await groq.close();
    dir[Symbol.dispose]();
  });

  it("sends a follow-up with the original news, its earlier answer and the question", async () => {
    const news = MESSAGES.en.news ?? "";
    groq.setReply("The SEC allowed funds that hold bitcoin itself. You can buy them like shares.");
    const explained = textOf(await say(api, alice, news));
    expect(explained).toContain("The SEC allowed funds that hold bitcoin itself.");
    expect(explained).toContain(t("en", "explain.footer", { xp: 5, remaining: 49 }));

    groq.setReply("Spot means the fund holds real bitcoin, not contracts on its price.");
    const question = "what does spot mean here?";
    const before = groq.requests.length;
    const answer = textOf(
      await say(api, alice, question, replyTo(api, alice, lastSent(api, alice))),
    );
    expect(answer).toContain("Spot means the fund holds real bitcoin");
    expect(answer).toContain(t("en", "convo.answer_footer_spent", { xp: 2, remaining: 48 }));
    const sent = groq.requests.slice(before).map((r) => JSON.stringify(r.body));
    const request = sent.find((body) => body.includes(question)) ?? "";
    expect(request).toContain(news);
    expect(request).toContain("The SEC allowed funds that hold bitcoin itself.");
    expect(request).toContain("patient tutor");
  });

  it("prepends its own scam warning to the provider's explanation", async () => {
    groq.setReply("This message promises to double your ether, which real projects never do.");
    const reply = textOf(await say(api, alice, MESSAGES.en.scam ?? ""));
    expect(reply).toStartWith("⚠️ <b>This looks like a scam.</b>");
    expect(reply).toContain("promises to double your ether");
  });
});
