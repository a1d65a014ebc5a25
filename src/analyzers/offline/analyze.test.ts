import { describe, expect, it } from "bun:test";
import { analyze, MAX_TERMS } from "./analyze";

const tickers = (text: string) => analyze(text, "en").assets.map((a) => a.ticker);

describe("analyze", () => {
  it("lists assets by first mention, without repeats", () => {
    expect(tickers("ETH leads; Bitcoin lags. ETH again, then BTC and биткоина.")).toEqual([
      "ETH",
      "BTC",
    ]);
  });

  it("matches Russian word forms of asset names", () => {
    expect(tickers("Курс биткойна, эфира и соланы; киты копят эфириум")).toEqual([
      "BTC",
      "ETH",
      "SOL",
    ]);
  });

  it("keeps whole words in Cyrillic text", () => {
    const found = analyze(
      "В прямом эфире: Украина, искусственный интеллект и судьба рынка, судя по всему.",
      "ru",
    );
    expect({ assets: found.assets, events: found.events, terms: found.terms }).toEqual({
      assets: [],
      events: [],
      terms: [],
    });
  });

  it("matches tickers that are also common words only in capitals", () => {
    expect(tickers("We sold a ton of merch near the stadium")).toEqual([]);
    expect(tickers("TON and NEAR rallied")).toEqual(["TON", "NEAR"]);
  });

  it("prefers the longer name where names overlap", () => {
    expect(tickers("Ethereum Classic is not Ethereum, and Bitcoin Cash is not Bitcoin")).toEqual([
      "ETC",
      "ETH",
      "BCH",
      "BTC",
    ]);
  });

  it("extracts percentages and amounts as written", () => {
    const found = analyze(
      "BTC +12%, ETH -3,5%; inflows of $200 million and 200 млн долларов, 1,000 BTC, 12 000 000 рублей, $5B",
      "en",
    );
    expect({ percentages: found.percentages, amounts: found.amounts }).toEqual({
      percentages: ["+12%", "-3,5%"],
      amounts: ["$200 million", "200 млн долларов", "1,000 BTC", "12 000 000 рублей", "$5B"],
    });
  });

  it("reads a price direction from words and signed percentages", () => {
    expect(analyze("Solana +15% за сутки", "ru").direction).toBe("up");
    expect(analyze("Биткоин обвалился ниже $60 000", "ru").direction).toBe("down");
    expect(analyze("BTC surged while ETH plunged", "en").direction).toBe("mixed");
  });

  it("does not take a sale percentage for a price move", () => {
    expect(analyze("Скидки до -50% на всё!", "ru").events).toEqual([]);
  });

  it("ranks the stronger event first and drops weak side signals", () => {
    expect(
      analyze("SEC sues Binance in court; the lawsuit names its founder", "en").events,
    ).toEqual(["lawsuit"]);
    expect(
      analyze("ЦБ предложил запретить криптовалюты и ужесточить регулирование", "ru").events,
    ).toEqual(["regulation"]);
    expect(analyze("ЦБ повысил ключевую ставку до 21%, инфляция замедлилась", "ru").events).toEqual(
      ["macro"],
    );
  });

  it("explains at most four terms: topic terms, then the less common ones first", () => {
    const found = analyze(
      "Bitcoin ETF inflows hit a record as whales move coins from a cold wallet to a DEX; DeFi, NFT and staking tokens too",
      "en",
    );
    expect(found.terms.map((t) => t.id)).toEqual(["etf", "cold_wallet", "dex", "defi"]);
    expect(found.terms.length).toBe(MAX_TERMS);
  });

  it("gives term labels and meanings in the requested language", () => {
    expect(analyze("Bitcoin halving", "ru").terms).toEqual([
      {
        id: "halving",
        label: "халвинг",
        meaning:
          "запланированное уменьшение награды майнерам вдвое, из-за которого новые монеты появляются медленнее.",
      },
    ]);
  });

  it("tells a verdict from a lawsuit and from a settlement", () => {
    const kind = (text: string) => analyze(text, "en").events[0];
    expect(
      kind("Sam Bankman-Fried sentenced to 25 years in prison for defrauding FTX customers"),
    ).toBe("court_ruling");
    expect(kind("The SEC sues Coinbase, alleging it operated an unregistered exchange")).toBe(
      "lawsuit",
    );
    expect(kind("Kraken settles with the SEC for $30 million over its staking program")).toBe(
      "settlement",
    );
  });

  it("counts price words only next to a coin, and calls a post without crypto off topic", () => {
    for (const text of [
      "Комиссии за переводы по СБП упали на 0,2 п.п.",
      "Xiaomi shares rose 2% after the phone maker reported record revenue",
    ]) {
      const found = analyze(text, "ru");
      expect({ events: found.events, offtopic: found.offtopic }).toEqual({
        events: [],
        offtopic: true,
      });
    }
    expect(analyze("Bitcoin rose 2% after the report", "en").events).toEqual(["price_move"]);
  });

  it("recognizes the new kinds of events", () => {
    const kind = (text: string) => analyze(text, "ru").events[0];
    expect(kind("FTX halts customer withdrawals and files for Chapter 11 bankruptcy")).toBe(
      "bankruptcy",
    );
    expect(kind("Стейблкоин USDC потерял привязку и упал до $0,88")).toBe("depeg");
    expect(kind("Минфин США ввёл санкции против миксера Tornado Cash")).toBe("crime");
    expect(kind("Банк России расширил пилот цифрового рубля")).toBe("cbdc");
    expect(kind("Сложность майнинга биткоина обновила максимум")).toBe("mining");
    expect(kind("Arbitrum unlocks 1.1 billion ARB for the team and investors")).toBe("unlock");
    expect(kind("Solana mainnet outage: validators coordinate a restart")).toBe("outage");
    expect(kind("Starknet opens its STRK airdrop to early users")).toBe("airdrop");
  });

  it("takes short tickers that are also words only in context", () => {
    expect(tickers("DO NOT SEND funds to ONE address, there is no GAS")).toEqual([]);
    expect(tickers("80 billion NOT were distributed; NOT/USDT opens today")).toEqual([
      "NOT",
      "USDT",
    ]);
    expect(tickers("FTT, LUNA, UST, XMR, FDUSD and PENDLE")).toEqual([
      "FTT",
      "LUNA",
      "UST",
      "XMR",
      "FDUSD",
      "PENDLE",
    ]);
  });

  it("names an exchange only when the event involves it", () => {
    const found = analyze(
      "The SEC approves spot Ether ETFs. Separately, Binance published its monthly report.",
      "en",
    );
    expect({ events: found.events, exchanges: found.exchanges }).toEqual({
      events: ["etf"],
      exchanges: [],
    });
    expect(analyze("Hackers drained $230 million from WazirX", "en").exchanges).toEqual(["WazirX"]);
  });

  it("reads a link-only post from the link's path", () => {
    const found = analyze(
      "https://www.coindesk.com/policy/2024/01/10/sec-approves-spot-bitcoin-etfs",
      "en",
    );
    expect({ events: found.events, assets: found.assets.map((a) => a.ticker) }).toEqual({
      events: ["etf"],
      assets: ["BTC"],
    });
  });
});
