import { ci, cs } from "./patterns";

/** A crypto word or name and how surely it marks a text as being about crypto. */
export interface CryptoWord {
  readonly re: RegExp;
  /** 1 = crypto by itself; 0.5 = crypto only together with another sign (ETF, exchange). */
  readonly weight: 1 | 0.5;
}

const sure = (re: RegExp): CryptoWord => ({ re, weight: 1 });
// Weak patterns are global: each distinct word they find counts.
const weak = (re: RegExp): CryptoWord => ({
  re: new RegExp(re.source, `${re.flags}g`),
  weight: 0.5,
});

// Deliberately small: the classifier only needs to tell crypto from not-crypto, not to name
// the asset (the offline analyzer's lexicon does that). Kept separate from that lexicon so
// the intent figures do not drift when the lexicon grows.
export const CRYPTO_WORDS: readonly CryptoWord[] = [
  // The field itself.
  sure(ci("crypto~", "крипт~", "blockchain~", "блокчейн~", "web3", "веб3", "defi", "дефи")),
  sure(ci("stablecoin~", "стейблкоин~", "стейбл~", "altcoin~", "альткоин~", "альтсезон~")),
  sure(ci("memecoin~", "мемкоин~", "мем~коин~", "nft~", "нфт", "dao", "dex", "cex", "cbdc")),
  sure(ci("token~", "токен~", "airdrop~", "аирдроп~", "эирдроп~", "token unlock~", "разлок~")),
  sure(ci("staking", "staked", "stakers?", "стейкинг~", "mining", "miner~", "майнинг~", "майнер~")),
  sure(ci("halving~", "халвинг~", "mainnet~", "testnet~", "основн~ сет~", "on ?chain", "ончейн~")),
  sure(
    ci(
      "validator~",
      "валидатор~",
      "hashrate",
      "hard ?fork~",
      "хардфорк~",
      "софтфорк~",
      "p2p",
      "hashprice",
      "хешпрайс~",
      "хешрейт~",
      "хэшрейт~",
      "slippage",
      "проскальзыван~",
    ),
  ),
  sure(
    ci(
      "node operator~",
      "full node~",
      "нод~",
      "fork~",
      "форк~",
      "consensus",
      "proof of stake",
      "proof of work",
    ),
  ),
  sure(ci("smart contract~", "смарт ?контракт~", "layer ?2", "l2", "rollup~", "роллап~", "evm")),
  sure(ci("gas fee~", "seed ?phrase~", "сид ?фраз~", "recovery phrase~", "фраз~ восстановлени~")),
  sure(ci("private key~", "приватн~ ключ~", "hardware wallet~", "аппаратн~ кошел~")),
  sure(ci("hot wallet~", "cold wallet~", "горяч~ кошел~", "холодн~ кошел~", "rug ?pull~")),
  sure(ci("hodl~", "fud", "fomo", "satoshi~", "сатоши", "digital asset~", "цифров~ актив~")),
  sure(ci("virtual currenc~", "виртуальн~ валют~", "цифров~ рубл~", "цфа", "coins?", "ico")),
  // Assets.
  sure(ci("bitcoin~", "биткоин~", "биткойн~", "btc", "ethereum~", "ether", "eth", "эфир~")),
  sure(ci("solana", "солан~", "toncoin", "tether", "usdt", "usdc", "pyusd", "xrp", "ripple")),
  sure(ci("dogecoin", "doge", "доги~", "shiba inu", "shib", "bnb", "cardano", "tron", "trx")),
  sure(ci("polkadot", "avalanche", "avax", "litecoin", "ltc", "chainlink", "uniswap", "pepe")),
  sure(ci("arbitrum", "optimism", "aptos", "monad", "hyperliquid", "wlfi", "usde", "dai")),
  sure(cs("TON", "SOL", "ADA", "LINK", "UNI", "ARB", "DOT", "SUI", "Sui", "HYPE", "NEAR")),
  sure(cs("Terra", "LUNA", "Base (?:network|chain|L2)", "Ledger", "MiCA", "Lido")),
  weak(cs("SEC", "Fed", "CPI", "Circle")),
  // Exchanges, wallets, protocols and people that only mean crypto.
  sure(ci("binance", "coinbase", "kraken", "bybit", "okx", "bitget", "upbit", "kucoin", "mexc")),
  sure(ci("htx", "gate\\.io", "garantex", "bitfinex", "ftx", "mt\\. ?gox", "celsius network")),
  sure(ci("metamask", "trust wallet", "trezor", "phantom wallet", "tonkeeper")),
  sure(ci("aave", "balancer", "curve finance", "lido dao", "eigenlayer", "pendle", "makerdao")),
  sure(ci("pancakeswap", "raydium", "jupiter exchange", "pump\\.fun", "polymarket", "opensea")),
  sure(ci("grayscale", "microstrategy", "saylor", "chainalysis", "ibit", "gbtc", "fbtc")),
  sure(ci("vitalik~", "виталик~", "бутерин~", "buterin", "do kwon", "до квон~", "nakamoto")),
  sure(ci("glassnode", "santiment", "cryptoquant", "nansen", "arkham", "coinglass", "coingecko")),
  sure(
    ci(
      "coinmarketcap",
      "defillama",
      "messari",
      "digital (?:euro|dollar|yuan)",
      "цифров~ (?:евро|доллар~|юан~)",
    ),
  ),
  sure(ci("накамото", "whale alert", "gwei", "sats", "сатош~")),
  // Words that lean crypto in a crypto bot's inbox but also live elsewhere.
  weak(ci("etf~", "etn~", "exchange~", "бирж~", "wallet~", "кошел~", "кошёл~", "cftc")),
  weak(ci("liquidat~", "ликвидац~", "futures", "фьючерс~", "perp~", "leverage", "плеч~")),
  weak(ci("whale~", "кит", "кита", "киты", "китов", "market cap~", "капитализац~", "spot")),
  weak(ci("спот~", "longs", "shorts", "лонг~", "шорт~", "bull market", "bear market", "памп~")),
  weak(ci("pump~", "dump~", "дамп~", "hack~", "хакер~", "взлом~", "exploit~", "эксплойт~")),
  sure(ci("funding rate~", "ставк~ финансировани~", "perpetual~", "бессрочн~ фьючерс~")),
  weak(
    ci("treasury compan~", "казначейск~ компани~", "dominance", "доминаци~", "bounty", "баунти"),
  ),
  weak(ci("options?", "опцион~", "expiry", "экспирац~", "all ?time high", "ath")),
  weak(ci("listing~", "листинг~", "delist~", "делистинг~", "phishing", "фишинг~", "gemini")),
  weak(cs("Curve", "Gemini")),
  weak(ci("монет~", "пул~", "pool~", "протокол~", "protocol~", "tokeniz~", "фрс")),
  weak(ci("rate cut~", "federal reserve", "inflation", "инфляц~", "ставк~")),
  weak(ci("fees?", "комисси~", "транзакци~", "transaction~", "address~", "адрес~")),
];

// The table, merged into one pattern per weight and case rule: one scan instead of forty.
function merged(weight: 1 | 0.5, flags: "iu" | "u"): RegExp {
  const sources = CRYPTO_WORDS.filter(
    (w) => w.weight === weight && w.re.flags.replace("g", "") === flags,
  ).map((w) => `(?:${w.re.source})`);
  return new RegExp(sources.join("|") || "(?!)", weight === 1 ? flags : `${flags}g`);
}
const SURE = [merged(1, "iu"), merged(1, "u")];
const WEAK = [merged(0.5, "iu"), merged(0.5, "u")];

/**
 * How strongly the text is about crypto: 1 or more means it is. Any sure word gives 1; each
 * distinct weak word adds 0.5 (ETF + exchange = 1), so one common word cannot decide alone.
 */
export function cryptoWeight(text: string): number {
  const sure = SURE.some((re) => re.test(text)) ? 1 : 0;
  const weakSeen = new Set<string>();
  for (const re of WEAK) for (const m of text.matchAll(re)) weakSeen.add(m[0].toLowerCase());
  return sure + weakSeen.size * 0.5;
}

/** Questions about RVX itself: what it can do, lessons, XP, settings. */
export const BOT_TOPIC = ci(
  "bot",
  "бот~",
  "lesson~",
  "урок~",
  "course~",
  "в курсе",
  "курсе",
  "quiz~",
  "квиз~",
  "викторин~",
  "xp",
  "level~",
  "уровень",
  "уровня",
  "опыт~",
  "streak~",
  "сери~ дней",
  "серию",
  "стрик~",
  "quest~",
  "квест~",
  "leaderboard~",
  "рейтинг~",
  "progress",
  "прогресс~",
  "what can you do",
  "что ты умеешь",
  "что умеешь",
  "who are you",
  "кто ты",
  "как тобой пользоваться",
  "commands?",
  "команд~",
  "settings",
  "language",
  "язык~",
  "настройк~",
);

/** Words of other worlds (sport, weather, stocks, commodities, gadgets, food) that keep a
 * headline with only one crypto-leaning word ("exchange", "ETF") out of the news. */
export const NOT_CRYPTO = ci(
  "shares",
  "stocks?",
  "акци~",
  "oil",
  "нефт~",
  "gold",
  "золот~",
  "football",
  "футбол~",
  "match~",
  "матч~",
  "coach",
  "тренер~",
  "weather",
  "погод~",
  "recipe~",
  "рецепт~",
  "iphone~",
  "smartphone~",
  "смартфон~",
  "movie~",
  "фильм~",
  "рубл~",
  "доллар~",
);
