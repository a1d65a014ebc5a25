import { describe, expect, it } from "bun:test";
import type { Lang } from "../../i18n/lang";
import { analyze } from "./analyze";
import type { EventKind, TermId } from "./lexicon";
import { createOfflineAnalyzer } from "./offline-analyzer";

interface Post {
  readonly name: string;
  readonly lang: Lang;
  readonly text: string;
  readonly expected: {
    readonly assets: string[];
    readonly exchanges: string[];
    readonly events: EventKind[];
    readonly terms: TermId[];
  };
}

const POSTS: readonly Post[] = [
  {
    name: "an ETF approval",
    lang: "en",
    text: "BREAKING: The SEC has approved the first spot Bitcoin ETFs. Trading in 11 funds, including BlackRock's iShares Bitcoin Trust, starts tomorrow.",
    expected: { assets: ["BTC"], exchanges: [], events: ["etf"], terms: ["etf", "sec"] },
  },
  {
    name: "an exchange hack",
    lang: "en",
    text: "Bybit hacked: attackers drained about $1.5 billion in ETH from the exchange's cold wallet. CEO Ben Zhou says client funds are backed 1:1 and withdrawals work normally.",
    expected: {
      assets: ["ETH"],
      exchanges: ["Bybit"],
      events: ["hack"],
      terms: ["seed_phrase", "cold_wallet", "exchange"],
    },
  },
  {
    name: "a SEC lawsuit",
    lang: "en",
    text: "The SEC has sued Coinbase, alleging the exchange operated as an unregistered broker and listed tokens that are securities. Coinbase says it will fight the lawsuit in court.",
    expected: {
      assets: [],
      exchanges: ["Coinbase"],
      events: ["lawsuit"],
      terms: ["sec", "token", "exchange"],
    },
  },
  {
    name: "a Binance listing",
    lang: "en",
    text: "Binance Will List Pepe (PEPE) in the Innovation Zone. Binance will open trading for the PEPE/USDT and PEPE/TUSD trading pairs at 2023-05-05 14:00 (UTC).",
    expected: {
      assets: ["PEPE", "USDT", "TUSD"],
      exchanges: ["Binance"],
      events: ["listing"],
      terms: ["listing", "ticker", "trading_pair", "memecoin"],
    },
  },
  {
    name: "the Bitcoin halving",
    lang: "ru",
    text: "Четвёртый халвинг биткоина состоялся: награда майнерам за блок снизилась с 6,25 до 3,125 BTC. Хешрейт сети остаётся вблизи исторического максимума.",
    expected: {
      assets: ["BTC"],
      exchanges: [],
      events: ["halving"],
      terms: ["halving", "hash_rate", "mining", "ath"],
    },
  },
  {
    name: "a Fed rate decision",
    lang: "en",
    text: "The Fed cut interest rates by 0.25% to 4.25–4.50%, as expected. Powell said further cuts depend on inflation data. Bitcoin briefly rose 3% after the announcement.",
    expected: {
      assets: ["BTC"],
      exchanges: [],
      events: ["macro"],
      terms: ["interest_rate", "fed", "inflation"],
    },
  },
  {
    name: "a partnership",
    lang: "ru",
    text: "Telegram и TON Foundation объявили о стратегическом партнёрстве: кошелёк Wallet встроят прямо в мессенджер, и пользователи смогут отправлять USDT в сети TON.",
    expected: {
      assets: ["TON", "USDT"],
      exchanges: [],
      events: ["partnership"],
      terms: ["wallet", "stablecoin"],
    },
  },
  {
    name: "a price crash with percentages",
    lang: "en",
    text: "Crypto market bloodbath: Bitcoin plunged 12% to $58,000, Ethereum fell 18% and Solana dropped 25% in 24 hours. Over $1 billion in leveraged positions were liquidated.",
    expected: {
      assets: ["BTC", "ETH", "SOL"],
      exchanges: [],
      events: ["price_move"],
      terms: ["volatility", "liquidation"],
    },
  },
  {
    name: "a Russian post about a ban",
    lang: "ru",
    text: "Госдума приняла закон о запрете оплаты криптовалютой в России. Банк России напоминает: использовать биткоин и другие цифровые активы для расчётов за товары и услуги нельзя. Майнинг при этом легализован.",
    expected: {
      assets: ["BTC"],
      exchanges: [],
      events: ["regulation"],
      terms: ["bank_of_russia", "mining"],
    },
  },
  {
    name: "a forwarded post with emoji and links",
    lang: "ru",
    text: "⚡️🚨 СРОЧНО: хакеры вывели $230 млн с биржи WazirX 😱\nСредства украдены из мультиподписного кошелька, биржа приостановила вывод.\n👉 Подробнее: https://t.me/somechannel/123\n#взлом #crypto @cryptonews",
    expected: {
      assets: [],
      exchanges: ["WazirX"],
      events: ["hack"],
      terms: ["seed_phrase", "wallet", "exchange"],
    },
  },
  {
    name: "a forwarded post whose link slug names other topics",
    lang: "en",
    text: "🔥 Forwarded from Crypto Daily\n🚀 Ethereum's Pectra upgrade goes live on mainnet today! Staking limits rise to 2048 ETH 💎\nRead more: https://coindesk.com/tech/2025/05/07/bitcoin-etf-hack-lawsuit",
    expected: {
      assets: ["ETH"],
      exchanges: [],
      events: ["upgrade"],
      terms: ["hard_fork", "staking"],
    },
  },
  {
    name: "a Russian post about a new all-time high",
    lang: "ru",
    text: "Биткоин обновил исторический максимум и впервые превысил $100 000: за сутки курс вырос на 7%.",
    expected: {
      assets: ["BTC"],
      exchanges: [],
      events: ["price_move"],
      terms: ["volatility", "ath"],
    },
  },
  {
    name: "a delisting forced by regulation",
    lang: "en",
    text: "Kraken will delist USDT for users in the European Economic Area by March 31 to comply with MiCA.",
    expected: {
      assets: ["USDT"],
      exchanges: ["Kraken"],
      events: ["delisting", "regulation"],
      terms: ["delisting", "mica", "stablecoin"],
    },
  },
];

const LABEL: Record<Lang, string> = {
  en: "Offline analysis (no AI)",
  ru: "Офлайн-разбор (без ИИ)",
};
const CYRILLIC = /\p{Script=Cyrillic}/u;

async function explain(text: string, lang: Lang, maxChars?: number): Promise<string> {
  const analyzer = createOfflineAnalyzer(maxChars === undefined ? {} : { maxChars });
  return (await analyzer.explain({ text, lang })).text;
}

describe("offline analyzer", () => {
  it("is the provider named offline", () => {
    expect(createOfflineAnalyzer().name).toBe("offline");
  });

  for (const post of POSTS) {
    it(`recognizes the assets, events and terms of ${post.name}`, () => {
      const found = analyze(post.text, post.lang);
      expect({
        assets: found.assets.map((a) => a.ticker),
        exchanges: found.exchanges,
        events: found.events,
        terms: found.terms.map((t) => t.id),
      }).toEqual(post.expected);
    });
  }

  it("reads the direction and figures of a price crash", () => {
    const found = analyze(POSTS[7]?.text ?? "", "en");
    expect({
      direction: found.direction,
      percentages: found.percentages,
      amounts: found.amounts,
    }).toEqual({
      direction: "down",
      percentages: ["12%", "18%", "25%"],
      amounts: ["$58,000", "$1 billion"],
    });
  });

  it("explains an ETF approval in English, most important lines first", async () => {
    const text = await explain(POSTS[0]?.text ?? "", "en", 1000);
    const lines = text.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      LABEL.en,
      "What it's about: an exchange-traded fund (ETF) on crypto. In the post: Bitcoin (BTC).",
    ]);
    expect(lines[2]).toStartWith("What it means for you: The coin itself does not change");
    expect(text).toContain("Why it matters: An ETF lets people get exposure");
    expect(lines).toContain("Terms:");
    expect(text).toContain("• ETF — a fund traded on an ordinary stock exchange");
    expect(text).not.toMatch(CYRILLIC);
  });

  it("explains a Russian ban post in Russian", async () => {
    const text = await explain(POSTS[8]?.text ?? "", "ru", 1000);
    expect(text.split("\n").slice(0, 2)).toEqual([
      LABEL.ru,
      "О чём новость: регулирование криптовалют (правила, запреты, лицензии). В тексте: биткоин (BTC).",
    ]);
    expect(text).toContain("Термины:\n• ЦБ — ");
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
  });

  it("answers in the requested language, not the language of the post", async () => {
    const text = await explain(POSTS[4]?.text ?? "", "en", 1000);
    expect(text.split("\n").slice(0, 2)).toEqual([
      LABEL.en,
      "What it's about: a halving of the mining reward. In the post: Bitcoin (BTC); figures: 3,125 BTC.",
    ]);
    expect(text).toContain("• halving — a scheduled cut of the miners' reward in half");
  });

  it("names the price direction and the figures of a crash", async () => {
    const text = await explain(POSTS[7]?.text ?? "", "en");
    expect(text.split("\n")[1]).toBe(
      "What it's about: a price drop. In the post: Bitcoin (BTC), Ethereum (ETH), Solana (SOL); figures: 12%, 18%, 25%, $58,000.",
    );
  });

  it("warns hack victims about seed phrase scams", async () => {
    const text = await explain(POSTS[9]?.text ?? "", "ru", 1000);
    expect(text.split("\n").slice(0, 2)).toEqual([
      LABEL.ru,
      "О чём новость: взлом или кража средств. В тексте: WazirX (биржа); цифры: $230 млн.",
    ]);
    expect(text).toContain("никому не сообщайте сид-фразу");
    expect(text).toContain("• сид-фраза — ");
  });

  it("labels every answer as offline and keeps it short", async () => {
    for (const post of POSTS) {
      for (const lang of ["en", "ru"] as const) {
        const text = await explain(post.text, lang);
        expect(text.split("\n")[0]).toBe(LABEL[lang]);
        expect(text.length).toBeLessThanOrEqual(400);
      }
    }
  });

  it("builds answers from whole lines that fit the limit, keeping the line about the reader", async () => {
    for (const maxChars of [300, 350, 400, 550, 800, 1200]) {
      for (const post of POSTS) {
        for (const lang of ["en", "ru"] as const) {
          const text = await explain(post.text, lang, maxChars);
          const full = await explain(post.text, lang, 100_000);
          expect(text.length).toBeLessThanOrEqual(maxChars);
          // Every line is a whole line of the full answer, or its first whole sentences.
          for (const line of text.split("\n")) {
            expect(full.split("\n").some((l) => l === line || l.startsWith(`${line} `))).toBe(true);
          }
          expect(text).toContain(
            lang === "en" ? "What it means for you:" : "Что это значит для вас:",
          );
        }
      }
    }
  });

  it("starts a scam answer with a warning that names the signs", async () => {
    const text = await explain(
      "🎁 ETH GIVEAWAY! Send 0.5 ETH to the address below and get 2x back instantly. Only 2 hours left!",
      "en",
    );
    expect(text.split("\n").slice(0, 3)).toEqual([
      LABEL.en,
      "⚠️ Warning: this looks like a scam. Signs: a promise to multiply what you send; a request to send crypto or pay a fee first; time pressure.",
      "What it means for you: Don't send anything, don't connect your wallet and never type your seed phrase or a login code: real giveaways and real support never ask for that.",
    ]);
  });

  it("tells ETF inflows from outflows", async () => {
    const inflow = await explain(
      "Spot bitcoin ETFs saw $500 million of net inflows on Monday.",
      "en",
    );
    const outflow = await explain(
      "Из спотовых биткоин-ETF за неделю вывели $1 млрд: чистый отток.",
      "ru",
    );
    expect(inflow.split("\n")[1]).toStartWith(
      "What it's about: money flowing into crypto ETFs (inflows).",
    );
    expect(outflow.split("\n")[1]).toStartWith("О чём новость: отток денег из криптовалютных ETF.");
  });

  it("never offers a trade to someone holding a coin being delisted", async () => {
    const text = await explain("Binance will delist Monero (XMR) on February 20.", "en");
    expect(text).toContain("withdraw it to your own wallet in time");
    expect(text).not.toMatch(/\b(?:sell|buy)\b/i);
  });

  it("says a post is not crypto news, and what to send instead", async () => {
    expect(
      await explain("Our cafe opens at 9 am on Monday. Fresh croissants every day!", "en"),
    ).toBe(`${LABEL.en}
This doesn't look like crypto news: I found no coins, exchanges or crypto terms in it.
RVX explains crypto news. Send the text of a post about a coin, an exchange, a hack, new rules or an ETF, and I'll explain what it means for you.`);
    const ru = await explain(
      "Скидки до -50% в нашем магазине! Погода завтра: до +25 градусов.",
      "ru",
    );
    expect(ru.split("\n")).toEqual([
      LABEL.ru,
      "Это не похоже на криптоновость: я не нашёл в тексте ни монет, ни бирж, ни криптотерминов.",
      expect.stringMatching(/^RVX объясняет новости о криптовалютах\./),
    ]);
  });

  it("explains terms even when the text is not a news post", async () => {
    expect(await explain("Что такое стейкинг?", "ru")).toBe(`${LABEL.ru}
Конкретного новостного события я здесь не нашёл, но могу объяснить термины.

Термины:
• стейкинг — блокировка монет для поддержки работы сети в обмен на вознаграждение.`);
  });

  it("does not guess the event when only a coin is named", async () => {
    expect(await explain("Solana", "en")).toBe(`${LABEL.en}
What it's about: I couldn't tell what kind of event this is, so I won't guess. In the post: Solana (SOL).
Check the original source and date before acting on it.`);
  });

  it("never throws, whatever the string", async () => {
    const odd = [
      "",
      "   \n\t",
      "💥".repeat(2000),
      "\uD800 broken surrogate \uDFFF",
      "((([[[.*+?^$|\\{}",
      "биткоин ".repeat(5000),
      "1".repeat(10_000),
      "$".repeat(1000) + "%".repeat(1000),
    ];
    for (const text of odd) {
      const answer = await explain(text, "en");
      expect(answer.split("\n")[0]).toBe(LABEL.en);
    }
  });
});
