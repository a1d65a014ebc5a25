import type { Lang } from "../../i18n/lang";

/** A piece of text in every language RVX speaks. */
export type Localized = Readonly<Record<Lang, string>>;

/** The kinds of news the offline analyzer recognizes. */
export type EventKind =
  | "etf"
  | "hack"
  | "regulation"
  | "lawsuit"
  | "listing"
  | "delisting"
  | "halving"
  | "partnership"
  | "price_move"
  | "macro"
  | "upgrade";

/** A keyword pattern and how strongly it signals its event kind; `dir` marks price direction. */
export interface Signal {
  readonly weight: number;
  readonly re: RegExp;
  readonly dir?: "up" | "down";
}

/** A coin or token: display names, and the patterns that find it in a post. */
export interface AssetEntry {
  readonly ticker: string;
  readonly name: Localized;
  readonly patterns: readonly RegExp[];
  /** Terms worth explaining whenever this asset is mentioned (USDT → stablecoin). */
  readonly terms?: readonly TermId[];
}

/** A beginner term: its label and one plain line of meaning per language. */
export interface TermEntry {
  readonly label: Localized;
  readonly meaning: Localized;
  readonly re: RegExp;
  /** How useful the term is to explain when merely mentioned (0 = very common word). */
  readonly weight: number;
}

const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";

// `\b` does not see Cyrillic letters, so word edges are lookarounds on \p{L}. In the
// alternatives, `~` stands for any word ending, a space for a run of spaces or hyphens, and
// ` ?` for an optional space or hyphen.
function build(alts: readonly string[], flags: string): RegExp {
  const body = alts
    .map((a) =>
      a
        .replaceAll("~", "\\p{L}*")
        .replaceAll(" ?", "[\\s\\u00a0-]?")
        .replaceAll(" ", "[\\s\\u00a0-]+"),
    )
    .join("|");
  return new RegExp(`${EDGE_BEFORE}(?:${body})${EDGE_AFTER}`, flags);
}

// Case-insensitive whole-word pattern.
const ci = (...alts: string[]): RegExp => build(alts, "giu");
// Case-sensitive whole-word pattern, for tickers that are also common words (TON, NEAR).
const cs = (...alts: string[]): RegExp => build(alts, "gu");

const s = (weight: number, re: RegExp, dir?: "up" | "down"): Signal =>
  dir ? { weight, re, dir } : { weight, re };

const t = (
  en: string,
  ru: string,
  weight: number,
  re: RegExp,
  meaningEn: string,
  meaningRu: string,
): TermEntry => ({ label: { en, ru }, meaning: { en: meaningEn, ru: meaningRu }, re, weight });

/** Beginner terms, keyed by id. */
export const TERMS = {
  etf: t(
    "ETF",
    "ETF",
    5,
    ci("ETF~", "exchange traded fund~", "биржев~ фонд~"),
    "a fund traded on an ordinary stock exchange; its shares let you invest in an asset without holding it yourself.",
    "фонд, чьи акции торгуются на обычной бирже: через него можно вложиться в актив, не покупая его напрямую.",
  ),
  halving: t(
    "halving",
    "халвинг",
    5,
    ci("halving~", "halvening", "халвинг~"),
    "a scheduled cut of the miners' reward in half, so new coins appear more slowly.",
    "запланированное уменьшение награды майнерам вдвое, из-за которого новые монеты появляются медленнее.",
  ),
  stablecoin: t(
    "stablecoin",
    "стейблкоин",
    4,
    ci("stablecoin~", "стейблкоин~", "стейбл~"),
    "a token designed to keep a steady price, usually $1.",
    "токен, цена которого привязана к стабильному активу, обычно к $1.",
  ),
  defi: t(
    "DeFi",
    "DeFi",
    4,
    ci("DeFi", "decentralized finance", "децентрализованн~ финанс~"),
    "decentralized finance: lending, trading and other services run by smart contracts instead of banks.",
    "децентрализованные финансы: займы, обмен и другие услуги на смарт-контрактах, без банков.",
  ),
  smart_contract: t(
    "smart contract",
    "смарт-контракт",
    4,
    ci("smart contract~", "смарт контракт~"),
    "a program on a blockchain that runs automatically by preset rules.",
    "программа в блокчейне, которая выполняется автоматически по заданным правилам.",
  ),
  staking: t(
    "staking",
    "стейкинг",
    4,
    ci("stak(?:e|es|ed|ing)", "стейкинг~", "застейк~"),
    "locking coins to help run a network in exchange for a reward.",
    "блокировка монет для поддержки работы сети в обмен на вознаграждение.",
  ),
  airdrop: t(
    "airdrop",
    "аирдроп",
    4,
    ci("airdrop~", "аирдроп~", "эйрдроп~"),
    "a free giveaway of tokens, often to early users; fake airdrops are a common scam.",
    "бесплатная раздача токенов, часто ранним пользователям; поддельные аирдропы — частый способ обмана.",
  ),
  cex: t(
    "CEX",
    "CEX",
    4,
    cs("CEX", "CEXs", "CEXes"),
    "a centralized exchange: a company that runs the trading and holds users' funds.",
    "централизованная биржа: компания, которая проводит сделки и хранит средства пользователей.",
  ),
  dex: t(
    "DEX",
    "DEX",
    4,
    ci("DEX~", "decentralized exchange~", "децентрализованн~ бирж~"),
    "a decentralized exchange: you trade straight from your own wallet through smart contracts.",
    "децентрализованная биржа: обмен идёт прямо из вашего кошелька через смарт-контракты.",
  ),
  exchange: t(
    "exchange",
    "биржа",
    0,
    ci("exchange", "exchanges", "бирж(?:а|и|е|у|ей|ам|ами|ах)?"),
    "a platform where people buy and sell crypto.",
    "платформа, где покупают и продают криптовалюту.",
  ),
  trading_pair: t(
    "trading pair",
    "торговая пара",
    3,
    ci("trading pair~", "торгов~ пар~"),
    "two assets traded against each other: PEPE/USDT is the price of PEPE in USDT.",
    "два актива, которые торгуются друг против друга: PEPE/USDT — цена PEPE в USDT.",
  ),
  liquidity: t(
    "liquidity",
    "ликвидность",
    3,
    ci("liquidity", "ликвидн~"),
    "how easily an asset can be bought or sold without moving its price much.",
    "насколько легко купить или продать актив, не сдвинув сильно его цену.",
  ),
  liquidation: t(
    "liquidation",
    "ликвидация",
    4,
    ci("liquidat~", "ликвидаци~", "ликвидирова~"),
    "the forced closing of a trade made with borrowed money (leverage) when the price moves against it.",
    "принудительное закрытие сделки с заёмными деньгами (плечом), когда цена идёт против неё.",
  ),
  market_cap: t(
    "market cap",
    "капитализация",
    3,
    ci("market cap~", "капитализаци~"),
    "the price of one coin times the number of coins in circulation.",
    "цена одной монеты, умноженная на число монет в обращении.",
  ),
  whale: t(
    "whale",
    "кит",
    3,
    ci("whale~", "кит(?:ы|ов|а|ам|ами|ах|у|ом)?"),
    "someone who holds a very large amount of a coin; their trades can move the price.",
    "владелец очень крупной суммы монет; его сделки могут сдвинуть цену.",
  ),
  hot_wallet: t(
    "hot wallet",
    "горячий кошелёк",
    4,
    ci("hot wallet~", "горяч~ кошел[её]к~", "горяч~ кошельк~"),
    "a wallet connected to the internet; exchanges keep part of their funds there for quick withdrawals.",
    "кошелёк, подключённый к интернету; биржи держат там часть средств для быстрых выводов.",
  ),
  cold_wallet: t(
    "cold wallet",
    "холодный кошелёк",
    4,
    ci("cold wallet~", "холодн~ кошел[её]к~", "холодн~ кошельк~"),
    "a wallet kept offline, which makes it much harder to hack.",
    "кошелёк без подключения к интернету, поэтому его гораздо сложнее взломать.",
  ),
  wallet: t(
    "wallet",
    "кошелёк",
    2,
    ci("wallet~", "кошел[её]к~", "кошельк~"),
    "an app or device that keeps the keys to your crypto.",
    "приложение или устройство, где хранятся ключи от вашей криптовалюты.",
  ),
  seed_phrase: t(
    "seed phrase",
    "сид-фраза",
    5,
    ci(
      "seed phrase~",
      "recovery phrase~",
      "mnemonic~",
      "сид фраз~",
      "seed фраз~",
      "мнемоническ~ фраз~",
      "секретн~ фраз~",
    ),
    "the 12–24 secret words that restore a wallet; whoever knows them controls the funds.",
    "12–24 секретных слова для восстановления кошелька; кто их знает, тот и распоряжается средствами.",
  ),
  gas: t(
    "gas",
    "газ",
    3,
    ci("gas", "gas fee~", "комисси~ за газ"),
    "the fee paid to the network to process a transaction.",
    "комиссия, которую платят сети за проведение транзакции.",
  ),
  layer2: t(
    "layer 2",
    "второй уровень (L2)",
    4,
    ci("layer 2", "layer two", "втор~ уровн~", "втор~ уров[еня]~"),
    "a network built on top of a blockchain such as Ethereum to make transactions faster and cheaper.",
    "сеть поверх основного блокчейна (например, Ethereum), которая делает транзакции быстрее и дешевле.",
  ),
  l2: t(
    "L2",
    "L2",
    4,
    cs("L2", "L2s"),
    "a “layer 2” network built on top of a blockchain to make transactions faster and cheaper.",
    "сеть «второго уровня» поверх основного блокчейна, которая делает транзакции быстрее и дешевле.",
  ),
  bridge: t(
    "bridge",
    "мост",
    4,
    ci("bridge~", "мост(?:а|у|ом|е|ы|ов|ам|ами|ах)?", "кроссчейн~"),
    "a service that moves tokens between blockchains; bridges are frequent targets of hacks.",
    "сервис для перевода токенов между блокчейнами; мосты часто становятся целью взломов.",
  ),
  exploit: t(
    "exploit",
    "эксплойт",
    4,
    ci("exploit~", "эксплойт~", "эксплоит~"),
    "an attack that uses a bug in code, often in a smart contract.",
    "атака через ошибку в коде, часто в смарт-контракте.",
  ),
  token: t(
    "token",
    "токен",
    1,
    ci("token", "tokens", "токен(?:а|у|ом|е|ы|ов|ам|ами|ах)?"),
    "a digital asset issued on an existing blockchain.",
    "цифровой актив, выпущенный на уже существующем блокчейне.",
  ),
  altcoin: t(
    "altcoin",
    "альткоин",
    2,
    ci("altcoin~", "alts", "альткоин~", "альт(?:ы|ов|ам)"),
    "any cryptocurrency other than Bitcoin.",
    "любая криптовалюта, кроме биткоина.",
  ),
  memecoin: t(
    "memecoin",
    "мемкоин",
    3,
    ci("meme ?coin~", "мем ?коин~"),
    "a coin built around a joke or meme; its price depends on hype and swings very sharply.",
    "монета на основе шутки или мема; её цена держится на ажиотаже и очень резко скачет.",
  ),
  nft: t(
    "NFT",
    "NFT",
    4,
    ci("NFT~"),
    "a unique token that records who owns a digital item.",
    "уникальный токен, который подтверждает владение цифровым объектом.",
  ),
  mining: t(
    "mining",
    "майнинг",
    3,
    ci("mining", "miners?", "майнинг~", "майнер~"),
    "using computers to secure a network and earn new coins as a reward.",
    "работа компьютеров, которые обеспечивают сеть и получают за это новые монеты.",
  ),
  hash_rate: t(
    "hash rate",
    "хешрейт",
    4,
    ci("hash ?rate~", "х[еэ]шрейт~"),
    "the total computing power that secures a network such as Bitcoin.",
    "общая вычислительная мощность, которая защищает сеть, например биткоина.",
  ),
  ath: t(
    "ATH",
    "ATH",
    3,
    ci("ATH", "all time high~", "историческ~ максимум~", "рекордн~ максимум~"),
    "all-time high: the highest price ever recorded.",
    "исторический максимум, то есть самая высокая цена за всё время.",
  ),
  bull_market: t(
    "bull market",
    "бычий рынок",
    3,
    ci("bull market~", "bull run~", "bullish", "быч~"),
    "a long period of rising prices.",
    "долгий период роста цен.",
  ),
  bear_market: t(
    "bear market",
    "медвежий рынок",
    3,
    ci("bear market~", "bearish", "медвеж~"),
    "a long period of falling prices.",
    "долгий период падения цен.",
  ),
  volatility: t(
    "volatility",
    "волатильность",
    3,
    ci("volatil~", "волатильн~"),
    "how sharply and how often a price swings.",
    "насколько сильно и часто меняется цена.",
  ),
  sec: t(
    "SEC",
    "SEC",
    4,
    cs("SEC", "(?i:Securities and Exchange Commission|Комисси~ по ценным бумагам)"),
    "the US Securities and Exchange Commission, the main regulator of American financial markets.",
    "Комиссия по ценным бумагам и биржам США, главный регулятор американского финансового рынка.",
  ),
  mica: t(
    "MiCA",
    "MiCA",
    5,
    ci("MiCA"),
    "the EU law on crypto assets: common rules for crypto companies in every EU country.",
    "закон ЕС о криптоактивах: единые правила для криптокомпаний во всех странах союза.",
  ),
  kyc: t(
    "KYC",
    "KYC",
    4,
    cs("KYC"),
    "identity checks that exchanges run on their customers.",
    "проверка личности клиента, которую проводят биржи.",
  ),
  bank_of_russia: t(
    "Bank of Russia",
    "ЦБ",
    3,
    cs("ЦБ", "ЦБ РФ", "(?i:Банк~ России|Центробанк~|Bank of Russia)"),
    "Russia's central bank, which also regulates its financial market.",
    "Центральный банк России: он же регулирует финансовый рынок страны.",
  ),
  fed: t(
    "Fed",
    "ФРС",
    4,
    cs("Fed", "FOMC", "(?i:Federal Reserve|ФРС)"),
    "the US Federal Reserve, the central bank that sets interest rates for the dollar.",
    "Федеральная резервная система, центральный банк США; она устанавливает ставки по доллару.",
  ),
  interest_rate: t(
    "interest rate",
    "процентная ставка",
    4,
    ci(
      "interest rate~",
      "key rate~",
      "rate cut~",
      "rate hike~",
      "ключев~ ставк~",
      "процентн~ ставк~",
    ),
    "the central bank's base rate; when it is high, loans cost more and risky assets usually draw less money.",
    "базовая ставка центробанка: когда она высокая, кредиты дороже, а в рискованные активы обычно идёт меньше денег.",
  ),
  inflation: t(
    "inflation",
    "инфляция",
    3,
    ci("inflation~", "инфляци~"),
    "the general rise in prices, which makes money lose value over time.",
    "общий рост цен, из-за которого деньги со временем дешевеют.",
  ),
  cpi: t(
    "CPI",
    "ИПЦ",
    4,
    cs("CPI", "ИПЦ", "(?i:consumer price index|индекс~ потребительских цен)"),
    "the consumer price index, the main measure of inflation.",
    "индекс потребительских цен, главный показатель инфляции.",
  ),
  listing: t(
    "listing",
    "листинг",
    3,
    ci("listing~", "листинг~"),
    "adding a coin to an exchange so people can trade it there.",
    "добавление монеты на биржу, чтобы ею можно было там торговать.",
  ),
  ticker: t(
    "ticker",
    "тикер",
    3,
    ci("ticker~", "тикер~"),
    "a coin's short trading code, like BTC for Bitcoin.",
    "короткое биржевое обозначение монеты, например BTC у биткоина.",
  ),
  delisting: t(
    "delisting",
    "делистинг",
    4,
    ci("delist~", "делистинг~"),
    "removing a coin from an exchange; trading in it stops there.",
    "исключение монеты с биржи: торги ею там прекращаются.",
  ),
  hard_fork: t(
    "hard fork",
    "хардфорк",
    4,
    ci("hard ?fork~", "хард ?форк~"),
    "a network update that changes its rules so that old software can no longer follow them.",
    "обновление, которое меняет правила сети так, что старые версии программ их больше не поддерживают.",
  ),
} satisfies Record<string, TermEntry>;

/** Ids of the beginner terms. */
export type TermId = keyof typeof TERMS;

/** Every coin and token the offline analyzer knows. */
export const ASSETS: readonly AssetEntry[] = [
  {
    ticker: "BTC",
    name: { en: "Bitcoin", ru: "биткоин" },
    patterns: [cs("BTC", "XBT"), ci("bitcoin~", "битко[ий]н~", "битк(?:а|и|у)")],
  },
  {
    ticker: "ETH",
    name: { en: "Ethereum", ru: "Ethereum" },
    // "в эфире" / "прямой эфир" is broadcasting, not Ether.
    patterns: [
      cs("ETH"),
      ci("ethereum~", "ether", "эфириум~", "(?<!(?:в|прям\\p{L}*)\\s)эфир(?:а|у|ом|е)?"),
    ],
  },
  {
    ticker: "USDT",
    name: { en: "Tether", ru: "Tether" },
    patterns: [cs("USDT"), ci("tether~", "тезер~", "тетер~")],
    terms: ["stablecoin"],
  },
  {
    ticker: "USDC",
    name: { en: "USD Coin", ru: "USD Coin" },
    patterns: [cs("USDC"), ci("USD coin")],
    terms: ["stablecoin"],
  },
  {
    ticker: "BNB",
    name: { en: "BNB", ru: "BNB" },
    patterns: [cs("BNB"), ci("binance coin", "BNB chain")],
  },
  {
    ticker: "SOL",
    name: { en: "Solana", ru: "Solana" },
    patterns: [cs("SOL"), ci("solana~", "солан~")],
  },
  { ticker: "XRP", name: { en: "XRP", ru: "XRP" }, patterns: [cs("XRP"), ci("ripple~", "рипл~")] },
  {
    ticker: "TON",
    name: { en: "Toncoin", ru: "Toncoin" },
    patterns: [cs("TON"), ci("toncoin~", "тонкоин~")],
  },
  {
    ticker: "DOGE",
    name: { en: "Dogecoin", ru: "Dogecoin" },
    patterns: [cs("DOGE"), ci("dogecoin~", "доги ?коин~", "доге ?коин~")],
    terms: ["memecoin"],
  },
  {
    ticker: "ADA",
    name: { en: "Cardano", ru: "Cardano" },
    patterns: [cs("ADA"), ci("cardano", "кардано")],
  },
  { ticker: "TRX", name: { en: "TRON", ru: "TRON" }, patterns: [cs("TRX", "TRON", "Tron")] },
  {
    ticker: "AVAX",
    name: { en: "Avalanche", ru: "Avalanche" },
    patterns: [cs("AVAX", "Avalanche")],
  },
  {
    ticker: "DOT",
    name: { en: "Polkadot", ru: "Polkadot" },
    patterns: [cs("DOT"), ci("polkadot", "полкадот~")],
  },
  {
    ticker: "LINK",
    name: { en: "Chainlink", ru: "Chainlink" },
    patterns: [cs("LINK"), ci("chainlink", "чейнлинк~")],
  },
  {
    ticker: "POL",
    name: { en: "Polygon", ru: "Polygon" },
    patterns: [cs("POL", "MATIC", "Polygon")],
  },
  {
    ticker: "LTC",
    name: { en: "Litecoin", ru: "Litecoin" },
    patterns: [cs("LTC"), ci("litecoin~", "лайткоин~")],
  },
  {
    ticker: "SHIB",
    name: { en: "Shiba Inu", ru: "Shiba Inu" },
    patterns: [cs("SHIB"), ci("shiba inu", "шиба ину")],
    terms: ["memecoin"],
  },
  {
    ticker: "PEPE",
    name: { en: "Pepe", ru: "Pepe" },
    patterns: [cs("PEPE", "Pepe")],
    terms: ["memecoin"],
  },
  {
    ticker: "ARB",
    name: { en: "Arbitrum", ru: "Arbitrum" },
    patterns: [cs("ARB"), ci("arbitrum", "арбитрум~")],
  },
  { ticker: "SUI", name: { en: "Sui", ru: "Sui" }, patterns: [cs("SUI", "Sui")] },
  // A bare "APT" is usually a hacker group in security news, so only the cashtag counts.
  { ticker: "APT", name: { en: "Aptos", ru: "Aptos" }, patterns: [cs("\\$APT"), ci("aptos")] },
  { ticker: "NEAR", name: { en: "NEAR Protocol", ru: "NEAR Protocol" }, patterns: [cs("NEAR")] },
  { ticker: "ATOM", name: { en: "Cosmos", ru: "Cosmos" }, patterns: [cs("ATOM", "Cosmos")] },
  { ticker: "XLM", name: { en: "Stellar", ru: "Stellar" }, patterns: [cs("XLM", "Stellar")] },
  { ticker: "UNI", name: { en: "Uniswap", ru: "Uniswap" }, patterns: [cs("UNI"), ci("uniswap")] },
  {
    ticker: "DAI",
    name: { en: "DAI", ru: "DAI" },
    patterns: [cs("DAI")],
    terms: ["stablecoin"],
  },
  {
    ticker: "BCH",
    name: { en: "Bitcoin Cash", ru: "Bitcoin Cash" },
    patterns: [cs("BCH"), ci("bitcoin cash", "биткоин кэш~")],
  },
  {
    ticker: "ETC",
    name: { en: "Ethereum Classic", ru: "Ethereum Classic" },
    patterns: [cs("ETC"), ci("ethereum classic")],
  },
];

/** Crypto exchanges, named as users usually write them. */
export const EXCHANGES: readonly { readonly name: string; readonly re: RegExp }[] = [
  { name: "Binance", re: ci("binance(?! coin| chain)", "бинанс~") },
  { name: "Coinbase", re: ci("coinbase", "коинбейс~", "коинбаз~") },
  { name: "Bybit", re: ci("bybit", "байбит~") },
  { name: "OKX", re: ci("OKX") },
  { name: "Kraken", re: cs("Kraken") },
  { name: "Bitget", re: ci("bitget") },
  { name: "KuCoin", re: ci("kucoin") },
  { name: "HTX", re: ci("HTX", "huobi") },
  { name: "Upbit", re: ci("upbit") },
  { name: "Bitfinex", re: ci("bitfinex") },
  { name: "Gate.io", re: ci("gate\\.io") },
  { name: "MEXC", re: ci("MEXC") },
  { name: "WazirX", re: ci("wazirx") },
  { name: "FTX", re: cs("FTX") },
];

/** Per event kind: keyword signals, and terms worth explaining whenever the kind is the topic. */
export const EVENTS: Readonly<
  Record<EventKind, { readonly signals: readonly Signal[]; readonly terms: readonly TermId[] }>
> = {
  etf: {
    signals: [s(3, ci("ETF~", "exchange traded fund~", "биржев~ фонд~"))],
    terms: ["etf"],
  },
  hack: {
    signals: [
      s(3, ci("hack(?:s|ed|er|ers|ing)?", "exploit~", "drain(?:s|ed|er|ing)?")),
      s(3, ci("stolen", "stole", "theft", "взлом~", "хакер~", "эксплойт~", "эксплоит~")),
      s(3, ci("украл~", "украден~", "украд~", "похи[тщ]~")),
      s(2, ci("breach~", "compromised", "attacker~", "vulnerabilit~")),
      s(2, ci("атак(?:а|и|у|ой|ов)", "уязвимост~")),
    ],
    terms: ["seed_phrase"],
  },
  regulation: {
    signals: [
      s(3, ci("regulat~", "crackdown", "ban(?:s|ned|ning)?", "legislation", "licen[cs]~")),
      s(3, ci("MiCA", "регулир~", "регулятор~", "запрет~", "запрещ~", "законопроект~", "лиценз~")),
      s(2, ci("laws?", "lawmakers?", "rules", "sanction~", "compliance", "(?:GENIUS|CLARITY) act")),
      s(2, ci("закон(?:а|у|ом|е|ы|ов|ами)?", "правил(?:а|о|ам|ами|ах)?", "санкци~")),
      s(2, ci("Госдум~", "Минфин~")),
      s(1, cs("SEC", "CFTC", "ЦБ")),
      s(1, ci("Банк~ России", "Центробанк~")),
    ],
    terms: [],
  },
  lawsuit: {
    signals: [
      s(3, ci("lawsuit~", "su(?:e|es|ed|ing)", "indict~", "class action", "plaintiff~")),
      s(3, ci("иск(?:а|у|ом|е|и|ов|ам|ами|ах)?", "суд(?:а|у|ом|е|ы|ов|ам|ами|ах)?")),
      s(3, ci("судебн~", "приговор~")),
      s(2, ci("court~", "judge~", "settlement~", "trial", "prosecutor~")),
      s(2, ci("суд(?:ья|ьи|ье|ью)", "обвин~", "прокурор~", "прокуратур~", "арест~")),
      s(1, ci("charg(?:es|ed)")),
    ],
    terms: [],
  },
  listing: {
    signals: [
      s(3, ci("listing~", "will list", "листинг~", "залист~")),
      s(2, ci("lists", "trading pair~", "торгов~ пар~", "начн[её]т торг~")),
      s(1, ci("listed")),
    ],
    terms: ["listing", "ticker"],
  },
  delisting: {
    signals: [
      s(3, ci("delist~", "делист~", "сним~ с торгов")),
      s(2, ci("cease trading", "stop trading", "прекрат~ торг~")),
    ],
    terms: ["delisting"],
  },
  halving: {
    signals: [
      s(3, ci("halving~", "halvening", "халвинг~")),
      s(2, ci("block reward~", "block subsid~", "наград~ за блок~", "наград~ майнер~")),
    ],
    terms: ["halving"],
  },
  partnership: {
    signals: [
      s(3, ci("partner~", "teams? up", "team(?:ed|ing) up", "joins? forces", "joint venture~")),
      s(3, ci("партн[её]р~", "сотруднич~", "объедин~ усили~")),
      s(2, ci("collaborat~", "integrat~", "alliance~", "интеграци~", "интегрир~", "совместн~")),
    ],
    terms: [],
  },
  price_move: {
    signals: [
      s(2, ci("surg(?:e|es|ed|ing)", "soar~", "jump~", "rall(?:y|ies|ied|ying)"), "up"),
      s(2, ci("spik(?:e|es|ed)", "rose", "rises?", "rising", "climb~", "pump~"), "up"),
      s(2, ci("record high~", "all time high~", "ATH"), "up"),
      s(2, ci("вырос~", "рост(?:а|у|ом|е)?", "раст[её]т", "растут", "подорож~", "взл[её]т~"), "up"),
      s(1, ci("максимум~", "gains?"), "up"),
      s(2, ci("plung~", "crash~", "tumbl~", "drop(?:s|ped|ping)?", "fell", "falls?"), "down"),
      s(2, ci("slump~", "sell ?off~", "dump~", "sank", "sinks?", "bloodbath"), "down"),
      s(2, ci("упал~", "пада~", "падени~", "обвал~", "рухн~", "подешев~", "просел~"), "down"),
      s(1, ci("declin~", "correction~", "liquidat~", "просад~", "снизил~", "снижени~"), "down"),
      s(1, ci("коррекци~", "ликвидаци~"), "down"),
      s(1, ci("volatil~", "волатильн~")),
    ],
    terms: ["volatility"],
  },
  macro: {
    signals: [
      s(3, cs("Fed", "FOMC", "CPI", "ФРС", "ИПЦ")),
      s(3, ci("federal reserve", "powell", "interest rate~", "rate (?:cut|hike)~")),
      s(3, ci("(?:cut|cuts|raise|raises|hike|hikes) rates", "пауэлл~", "ключев~ ставк~")),
      s(2, ci("inflation~", "recession~", "payrolls", "ECB")),
      s(2, ci("ставк~", "инфляци~", "рецесси~", "ЕЦБ")),
    ],
    terms: ["interest_rate"],
  },
  upgrade: {
    signals: [
      s(3, ci("upgrade~", "hard ?fork~", "network update~", "pectra", "dencun", "fusaka")),
      s(3, ci("хард ?форк~", "обновлени~ сети", "апгрейд~")),
      s(2, ci("mainnet~", "мейннет~", "майннет~")),
    ],
    terms: ["hard_fork"],
  },
};
