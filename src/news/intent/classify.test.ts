import { describe, expect, it } from "bun:test";
import { classifyIntent, INTENTS } from "./classify";
import corpus from "./corpus.json";
import { evaluate, formatScores, type LabelledMessage } from "./evaluate";
import holdout from "./holdout.json";

const SET = corpus as readonly LabelledMessage[];
// Two sets written after the classifier and never used to change a rule or a word: the first
// 60 (first run 73.3%, scam recall 4/16 with rules only) picked between a few thresholds of the
// scam model; the last 54 were run once on the finished classifier (75.9%; news 16/16, scam
// 8/12), after which only the small-talk anchors and unknown-term questions were added.
const HOLDOUT = holdout as readonly LabelledMessage[];

// Floors the classifier must keep over the labelled corpus. News recall is the one that
// matters most (a lost news post is RVX failing at its job); a scam must never slip through.
const FLOORS = {
  newsRecall: 0.97,
  scamRecall: 1,
  otherPrecision: 0.9,
  otherRecall: 0.9,
};

describe("intent corpus", () => {
  it("holds at least 300 messages, every intent in both languages, no duplicates", () => {
    expect(SET.length).toBeGreaterThanOrEqual(300);
    const ru = SET.filter((m) => m.lang === "ru").length;
    expect(ru / SET.length).toBeGreaterThan(0.4);
    expect(ru / SET.length).toBeLessThan(0.6);
    for (const intent of INTENTS) {
      for (const lang of ["ru", "en"]) {
        const n = SET.filter((m) => m.intent === intent && m.lang === lang).length;
        expect({ intent, lang, atLeast10: n >= 10 }).toEqual({ intent, lang, atLeast10: true });
      }
    }
    expect(new Set(SET.map((m) => m.text)).size).toBe(SET.length);
  });

  it("is classified above the stated precision and recall floors", () => {
    const { scores, misses } = evaluate(SET);
    console.log(`intent classifier over ${SET.length} labelled messages\n${formatScores(scores)}`);
    for (const miss of misses) {
      console.log(`  miss: ${miss.expected} -> ${miss.got}: ${miss.text.slice(0, 90)}`);
    }
    for (const s of scores) {
      const floor =
        s.intent === "news"
          ? { precision: FLOORS.otherPrecision, recall: FLOORS.newsRecall }
          : s.intent === "scam"
            ? { precision: FLOORS.otherPrecision, recall: FLOORS.scamRecall }
            : { precision: FLOORS.otherPrecision, recall: FLOORS.otherRecall };
      expect({ intent: s.intent, precisionOk: s.precision >= floor.precision }).toEqual({
        intent: s.intent,
        precisionOk: true,
      });
      expect({ intent: s.intent, recallOk: s.recall >= floor.recall }).toEqual({
        intent: s.intent,
        recallOk: true,
      });
    }
  });
});

describe("intent held-out set", () => {
  it("keeps news and catches most scams in messages written after the rules", () => {
    const { scores } = evaluate(HOLDOUT);
    console.log(`held-out set, ${HOLDOUT.length} messages\n${formatScores(scores)}`);
    const of = (intent: string) => scores.find((s) => s.intent === intent);
    expect(of("news")?.recall).toBeGreaterThanOrEqual(0.97);
    expect(of("scam")?.recall).toBeGreaterThanOrEqual(0.7);
    expect(of("scam")?.precision).toBe(1);
  });
});

describe("classifyIntent", () => {
  it("does not crash on empty or whitespace-only text and marks it empty", () => {
    for (const text of ["", "   ", "\n\t \u00a0", "\u200b\u200b"]) {
      expect(classifyIntent(text)).toEqual({
        intent: "smalltalk",
        signals: ["empty"],
        scamSignals: [],
      });
    }
  });

  it("reads only the first maxChars of a very long text and still finds the news", () => {
    const post =
      "Bitcoin ETF inflows hit $1.2 billion in a week as institutions return to the market. ";
    const long = post.repeat(5_000);
    expect(long.length).toBeGreaterThan(400_000);
    expect(classifyIntent(long).intent).toBe("news");
    const tail = `${"lorem ipsum ".repeat(1_000)}please share your seed phrase with me`;
    expect(classifyIntent(tail).scamSignals).toEqual([]);
    expect(classifyIntent(tail, { maxChars: 20_000 }).intent).toBe("scam");
  });

  it("treats a message of only emoji or punctuation as small talk", () => {
    for (const text of ["🔥🚀💎", "👍🏽", "❤️", "🇷🇺", "!!!", "...", ")))"]) {
      expect({ text, intent: classifyIntent(text).intent }).toEqual({ text, intent: "smalltalk" });
    }
  });

  it("handles messages that mix Russian and English", () => {
    expect(classifyIntent("Привет, what is staking?").intent).toBe("question");
    expect(classifyIntent("что такое spot ETF?").intent).toBe("question");
    expect(classifyIntent("SEC одобрила spot Bitcoin ETF от BlackRock").intent).toBe("news");
    expect(classifyIntent("спасибо, thanks!").intent).toBe("smalltalk");
    expect(classifyIntent("отправь 1 ETH, get 2 ETH back").intent).toBe("scam");
  });

  it("lets a scam win over every other shape", () => {
    const asQuestion = classifyIntent("how do I join? send 0.5 ETH and get 1 ETH back");
    expect(asQuestion.intent).toBe("scam");
    expect(asQuestion.scamSignals).toContain("multiplies_what_you_send");
    const asLink = classifyIntent("verify your wallet: https://metamask-verify.net");
    expect(asLink.intent).toBe("scam");
    expect(asLink.scamSignals).toContain("asks_to_verify_wallet");
    const asNews = classifyIntent(
      "🚀 Bitcoin hits a new high! #BTC\nTo celebrate, send 0.1 BTC and receive 0.2 BTC back\n\nSubscribe @btc_news",
    );
    expect(asNews.intent).toBe("scam");
  });

  it("does not warn a beginner who asks about a lost transfer, doubling or a seed phrase", () => {
    for (const text of [
      "I sent ETH to the wrong address, can I get it back?",
      "я отправил USDT не на тот адрес, можно ли получить их обратно?",
      "how do I double my bitcoin?",
      "should I share my seed phrase with support?",
      "How do I connect my wallet to Uniswap?",
    ]) {
      expect({ text, intent: classifyIntent(text).intent }).toEqual({ text, intent: "question" });
    }
    for (const text of [
      "Bybit offers new users a $50 bonus for their first deposit",
      "Биржа Bybit дарит новым пользователям бонус 50 USDT за первый депозит",
    ]) {
      expect({ text, intent: classifyIntent(text).intent }).toEqual({ text, intent: "news" });
    }
  });

  it("classifies what follows an 'explain this:' request, and a bare term as a question", () => {
    expect(classifyIntent("Explain this: SEC approves options on spot ETH ETFs").intent).toBe(
      "news",
    );
    expect(classifyIntent("объясни новость: Binance запускает торговлю акциями").intent).toBe(
      "news",
    );
    expect(classifyIntent("explain: what is staking?").intent).toBe("question");
    expect(classifyIntent("bitcoin").intent).toBe("question");
    expect(classifyIntent("курс биткоина").intent).toBe("question");
  });

  it("keeps news about scams as news when the scam phrase is only quoted or reported", () => {
    expect(classifyIntent("SEC warns about 'send 1 ETH, get 2 ETH back' schemes").intent).toBe(
      "news",
    );
    expect(
      classifyIntent("Мошенники просят жертв ввести сид-фразу на поддельном сайте Ledger").intent,
    ).toBe("news");
  });

  it("tells a headline with a question mark from a question put to RVX", () => {
    expect(classifyIntent("Will the SEC approve a Cardano ETF in 2027?").intent).toBe("news");
    expect(classifyIntent("will cardano get an etf?").intent).toBe("question");
    expect(classifyIntent("Is crypto winter back? Bitcoin loses 30% in a month").intent).toBe(
      "news",
    );
    expect(classifyIntent("Разрешит ли ЦБ покупать биткоин всем?").intent).toBe("news");
    expect(classifyIntent("можно ли купить биткоин на сбербанк?").intent).toBe("question");
  });

  it("is deterministic: the same text gives the same whole result", () => {
    for (const m of SET.slice(0, 50))
      expect(classifyIntent(m.text)).toEqual(classifyIntent(m.text));
  });

  it("explains a decision with stable signal ids", () => {
    expect(classifyIntent("https://example.com/a")).toEqual({
      intent: "link",
      signals: ["mostly_url"],
      scamSignals: [],
    });
    expect(classifyIntent("What is a spot ETF?").signals).toContain("asks_meaning");
    expect(classifyIntent("Weather in Paris: sunny, 12°C").intent).toBe("offtopic");
  });
});
