import { ci, cs, type Localized } from "./patterns";
import type { TermId } from "./terms";

/** The kinds of news the offline analyzer recognizes; `scam` overrides every other kind. */
export type EventKind =
  | "scam"
  | "hack"
  | "bankruptcy"
  | "depeg"
  | "crime"
  | "etf"
  | "etf_flows"
  | "court_ruling"
  | "settlement"
  | "lawsuit"
  | "regulation"
  | "cbdc"
  | "listing"
  | "delisting"
  | "airdrop"
  | "unlock"
  | "outage"
  | "halving"
  | "mining"
  | "upgrade"
  | "partnership"
  | "price_move"
  | "macro";

/** Which way a signal points: prices up or down, fund money in or out. */
export type SignalDirection = "up" | "down" | "in" | "out";

/** A keyword pattern and how strongly it signals its event kind. */
export interface Signal {
  readonly weight: number;
  readonly re: RegExp;
  readonly dir?: SignalDirection;
  /** Counts only when the post names a stablecoin ("$0.87" is a depeg only for one). */
  readonly stablecoin?: true;
}

const s = (weight: number, re: RegExp, dir?: SignalDirection): Signal =>
  dir ? { weight, re, dir } : { weight, re };

/** A sign that a post is itself a scam, named in the warning the reader gets. */
export interface ScamSign {
  readonly id: string;
  readonly label: Localized;
  /** 2 for a sign that alone marks a scam, 1 for one that needs company. */
  readonly weight: number;
  readonly re: RegExp;
}

// Amounts per period: "5% в день", "3% в сутки", "30% a month", "200% в месяц".
const PER_PERIOD = String.raw`\d+(?:[.,]\d+)?\s?%\s*(?:\p{L}+\s){0,2}(?:a|per|в)\s(?:day|week|month|день|сутки|неделю|месяц)`;

/** Signs of giveaway, phishing, fake-support and investment scams. */
export const SCAM_SIGNS: readonly ScamSign[] = [
  {
    id: "double",
    label: { en: "a promise to multiply what you send", ru: "обещание умножить перевод" },
    weight: 2,
    re: ci(
      "(?:get|receive|send(?:s|ing)? (?:you )?back|return~) (?:\\p{L}+ )?(?:2x|x2|double|twice|\\d+x)",
      "(?:2x|x2|double) back",
      "вернём (?:\\p{L}+ )?вдвое~",
      "(?:получите|получи) (?:\\p{L}+ )?x\\d+",
      "удвоени~ депозит~",
      "удво~ (?:ваш~ )?(?:депозит~|средств~|сумм~)",
    ),
  },
  {
    id: "secret",
    label: {
      en: "a request for your seed phrase or login code",
      ru: "просьба ввести сид-фразу или код входа",
    },
    weight: 2,
    re: ci(
      "(?:enter|share|send|type|provide|verify|import|reply with)(?:ing)? (?:\\p{L}+ ){0,5}(?:\\d+ ?word )?(?:seed|recovery|secret|mnemonic) (?:phrase|words)~",
      "(?:enter|send)(?:ing)? (?:\\p{L}+ ){0,6}code (?:telegram|we) sends?",
      "tap verify",
      "private key~ to (?:verify|confirm)",
      "(?:введите|отправьте|пришлите|укажите|сообщите) (?:\\p{L}+ ){0,3}(?:\\p{N}+ слов|сид ?фраз~|секретн~ фраз~|seed фраз~|фраз~ восстановлени~|приватн~ ключ~|код~ из смс)",
    ),
  },
  {
    id: "guaranteed",
    label: {
      en: "guaranteed or fixed high returns",
      ru: "гарантированный или фиксированный доход",
    },
    weight: 2,
    re: new RegExp(
      String.raw`${PER_PERIOD}|\d+(?:[.,]\d+)?\s?%\s(?:daily|weekly|monthly|ежедневно|ежемесячно)|(?<![\p{L}\p{N}])(?:guaranteed|totally safe|гарантирован\p{L}*|без рисков|risk[\s-]free|100% success|\d+x guaranteed|пассивн\p{L}* доход\p{L}*)(?![\p{L}\p{N}])`,
      "giu",
    ),
  },
  {
    id: "recovery",
    label: { en: "an offer to recover lost funds", ru: "предложение вернуть потерянные деньги" },
    weight: 2,
    re: ci(
      "recover(?:s|ing)? (?:\\p{L}+ )?(?:stolen|lost) (?:funds|crypto|money)",
      "recovery agent~",
      "вернём (?:\\p{L}+ )?(?:украденн~|потерянн~)",
    ),
  },
  {
    id: "send_first",
    label: {
      en: "a request to send crypto or pay a fee first",
      ru: "просьба сначала перевести деньги или оплатить «комиссию»",
    },
    weight: 1,
    re: ci(
      "send (?:\\p{N}[\\p{N}.,–-]* )?(?:to \\p{N}[\\p{N}.,]* )?(?:any amount of )?(?:\\p{Lu}{2,5}|bitcoin|ether|crypto)~? (?:to|and)",
      "(?:pay|paying) (?:a |the )?(?:small )?(?:\\p{N}+ \\p{Lu}{2,5} )?(?:\\p{L}+ )?(?:activation |upfront |network |unlock )?fee",
      "upfront fee",
      "(?:переведите|отправьте|пополните|переведи|отправь|пополни|скинь) (?:\\p{L}+ ){0,2}(?:\\p{N}[\\p{N},.]* )?(?:\\p{Lu}{2,5}|баланс)",
      "сначала (?:переводите|переведите|оплатите|отправьте|платите)",
      "(?:send|pay) (?:\\p{L}+ ){0,2}first",
      "по ошибке (?:пришл~|отправил~|перевел~|перевёл~)",
      "sent (?:\\p{L}+ ){0,3}by mistake",
      "для активации",
    ),
  },
  {
    id: "below_market",
    label: { en: "a price far below the market", ru: "цена заметно ниже рыночной" },
    weight: 1,
    re: ci("below (?:the )?market (?:rate|price)", "ниже (?:рыночного )?курса", "дешевле рынка"),
  },
  {
    id: "connect",
    label: {
      en: "a request to connect your wallet or sign a transaction",
      ru: "просьба подключить кошелёк или подписать транзакцию",
    },
    weight: 1,
    re: ci(
      "connect (?:your )?wallet",
      "sign (?:the )?(?:\\p{L}+ )?(?:permit|transaction|message)",
      "approve (?:the )?transaction",
      "подключите (?:\\p{L}+ )?кошел~",
      "подтвердите (?:\\p{L}+ ){0,3}в кошельке",
      "re-?synchroni[sz]~",
    ),
  },
  {
    id: "urgency",
    label: { en: "time pressure", ru: "давление сроками" },
    weight: 1,
    re: ci(
      "only \\d+ (?:hours?|minutes?|spots|seats)",
      "urgent",
      "срочно",
      "within \\d+ (?:hours?|minutes?)",
      "\\d+ hours left",
      "hurry",
      "limited (?:seats|spots|time)",
      "don'?t miss (?:out)?",
      "ends (?:tonight|today|soon|in \\d+)",
      "today only",
      "will be (?:burned|blocked|frozen|returned)",
      "permanent block",
      "успейте",
      "ограничено",
      "до \\d\\d:\\d\\d",
      "будет заблокирован~",
      "будут аннулирован~",
      "только во время",
    ),
  },
  {
    id: "impersonation",
    label: {
      en: "someone posing as support or an official source",
      ru: "выдача себя за поддержку или официальный источник",
    },
    weight: 1,
    re: ci(
      "this is (?:\\p{L}+ )?support",
      "official (?:address|notice)",
      "security notice",
      "служба поддержки",
      "пройдите верификаци~",
      "будет удал[её]н~",
      "DM @",
      "напишите мне в личку",
      "пиши @",
    ),
  },
];

/** Per event kind: keyword signals, and terms worth explaining whenever the kind is the topic. */
export const EVENTS: Readonly<
  Record<EventKind, { readonly signals: readonly Signal[]; readonly terms: readonly TermId[] }>
> = {
  // Scam is decided from SCAM_SIGNS, not from keywords.
  scam: { signals: [], terms: ["phishing", "seed_phrase", "approval"] },
  hack: {
    signals: [
      s(2, ci("опустош~", "лишил~ средств", "ущерб~", "attack(?:s|ed)?", "Lazarus")),
      s(2, ci("unauthori[sz]ed (?:access|withdrawal~|transfer~)")),
      s(
        3,
        ci(
          "abnormal (?:network )?access",
          "keys? (?:were |was )?(?:leaked|stolen)",
          "утечк~ ключ~",
        ),
      ),
      s(3, ci("hack(?:s|ed|er|ers|ing)?", "exploit~", "drain(?:s|ed|er|ing)?")),
      s(3, ci("stolen", "stole", "theft", "взлом~", "хакер~", "эксплойт~", "эксплоит~")),
      s(3, ci("украл~", "украден~", "украд~", "похи[тщ]~")),
      s(2, ci("breach~", "compromised", "attacker~", "vulnerabilit~", "flash loan attack~")),
      s(2, ci("атак(?:а|и|у|ой|ов)", "уязвимост~", "злоумышленник~")),
    ],
    terms: ["seed_phrase"],
  },
  bankruptcy: {
    signals: [
      s(
        4,
        ci(
          "receivership",
          "shortfall",
          "withdrawals (?:\\p{L}+ ){0,2}(?:frozen|halted|paused|suspended)",
          "внешн~ управлени~",
        ),
      ),
      s(4, ci("bankrupt~", "chapter 11", "insolven~", "банкрот~", "неплатёжеспособн~")),
      s(
        4,
        ci(
          "(?:halt|halts|halted|pause|pauses|paused|suspend~|freez~|froze~) (?:all |customer |client )?withdrawals",
        ),
      ),
      s(
        4,
        ci("(?:заморозил~|приостановил~|останови~|ограничил~) (?:\\p{L}+ ){0,3}(?:вывод|снятие)"),
      ),
      s(
        3,
        ci(
          "collaps(?:e|es|ed)",
          "owes? (?:its )?(?:customers|creditors|clients)",
          "рухнул~ (?:\\p{L}+ )?бирж~",
        ),
      ),
      s(4, ci("вывод (?:средств )?заморож~")),
      s(
        5,
        ci(
          "liquidat(?:e|ion of) (?:the )?(?:fund|firm|company)",
          "ликвидир~ (?:\\p{L}+ )?(?:крипто)?фонд~",
        ),
      ),
      s(3, ci("creditors?", "кредитор~", "trustee", "repayments?", "судебн~ защит~")),
    ],
    terms: [],
  },
  depeg: {
    signals: [
      s(
        5,
        ci(
          "depeg~",
          "de-peg~",
          "депег~",
          "отвяз~",
          "(?:lost|loses|lose|losing) (?:its |the )?(?:dollar )?peg",
        ),
      ),
      s(5, ci("потерял~ привязк~", "(?:restore|regain)~ the peg")),
      s(2, ci("peg", "привязк~")),
      { weight: 5, re: /(?<![\p{L}\p{N}])\$0[.,]\d{1,3}(?!\d)/gu, stablecoin: true },
      { weight: 5, re: /(?<![\p{L}\p{N}])\d{2} (?:cents?|цент\p{L}*)/giu, stablecoin: true },
    ],
    terms: ["depeg", "stablecoin"],
  },
  crime: {
    signals: [
      s(2, ci("human trafficking", "торговл~ людьми", "мошенничеств~", "fraud")),
      s(2, ci("(?:заморозил~|freez(?:e|es)|froze) (?:\\p{L}+ ){0,2}\\p{N}")),
      s(
        3,
        ci(
          "launder~",
          "отмы[влт]~",
          "mixer~",
          "миксер~",
          "ransom~",
          "вымогат~",
          "выкуп~",
          "darknet",
          "даркнет~",
        ),
      ),
      s(3, ci("sanction(?:s|ed|ing)?", "санкци~", "OFAC", "SDN")),
      s(
        3,
        ci(
          "arrest~",
          "арест~",
          "задержан~",
          "seiz(?:e|ed|es|ure)",
          "forfeit~",
          "изъят~",
          "takedown",
        ),
      ),
      s(
        2,
        ci(
          "charged with",
          "обвиняет~ (?:\\p{L}+ ){0,2}в отмыв~",
          "Europol",
          "Европол~",
          "FBI",
          "ФБР",
        ),
      ),
      s(3, ci("ponzi", "финансов~ пирамид~", "fraud scheme~", "мошенническ~ схем~")),
      s(2, ci("charged", "обвинени~ в мошенничеств~")),
      s(1, ci("scam compound~", "criminal~", "преступ~")),
    ],
    terms: ["mixer"],
  },
  etf: {
    signals: [
      s(3, ci("iShares", "S-1", "19b-4", "(?:bitcoin|ether|ethereum|solana|XRP) trust")),
      s(3, ci("ETF~", "ETP~", "exchange traded (?:fund|product)~", "биржев~ фонд~")),
      s(1, ci("spot", "спотов~", "S-1", "19b-4")),
    ],
    terms: ["etf"],
  },
  etf_flows: {
    signals: [
      s(6, ci("inflows?", "притоки?", "притока"), "in"),
      s(6, ci("outflows?", "оттоки?", "оттока"), "out"),
      s(1, ci("pull(?:ed|s)? in", "привлёк~", "привлек~"), "in"),
    ],
    terms: ["etf"],
  },
  court_ruling: {
    signals: [
      s(
        5,
        ci(
          "sentenc(?:e|ed|ing)",
          "приговор~",
          "verdict",
          "convict~",
          "found guilty",
          "finds (?:\\p{L}+ ){0,3}guilty",
        ),
      ),
      s(
        4,
        ci(
          "rul(?:es|ed|ing) (?:that|in favou?r|against)",
          "постановил~",
          "признал~ (?:\\p{L}+ ){0,4}виновн~",
          "found (?:\\p{L}+ ){0,3}(?:guilty|liable)",
          "liable",
        ),
      ),
      s(5, ci("(?:appeals )?court (?:of appeals )?rul(?:es|ed)")),
      s(
        3,
        ci(
          "life in prison",
          "years in prison",
          "лет (?:заключения|тюрьмы|колонии)",
          "к \\p{L}+ месяцам тюрьмы",
          "месяц\\p{L}* тюрьмы",
        ),
      ),
      s(2, ci("judge~", "jury", "appeals court", "court of appeals", "суд(?:а|у|ом|е)?")),
    ],
    terms: [],
  },
  settlement: {
    signals: [
      s(
        5,
        ci(
          "settle(?:s|d)? with",
          "settles",
          "settled",
          "settlement (?:with|of|over|in|for)",
          "\\p{N} (?:million|billion) settlement",
          "to settle(?! payments| transactions| trades)",
          "мирово~ соглашени~",
          "урегулир~",
        ),
      ),
      s(3, ci("agree~ to pay", "pleads? guilty", "признал~ вину", "договорились завершить")),
      s(2, ci("отзывают апелляци~", "drop~ (?:their |the )?appeals?")),
    ],
    terms: [],
  },
  lawsuit: {
    signals: [
      s(4, ci("lawsuit~", "su(?:e|es|ed|ing)", "class action", "plaintiff~")),
      s(4, ci("иск(?:а|у|ом|е|и|ов|ам|ами|ах)?", "подал~ в суд", "судебн~ иск~")),
      s(2, ci("alleg~", "accus~", "обвиня~", "indict~", "charges")),
    ],
    terms: [],
  },
  regulation: {
    signals: [
      s(
        3,
        ci(
          "regulation~",
          "regulat(?:e|es|ed|ing|ory)",
          "crackdown",
          "ban(?:s|ned|ning)?",
          "legislation",
          "licen[cs]~",
        ),
      ),
      s(1, ci("regulators?", "регулятор~")),
      s(3, ci("MiCA", "регулир~", "запрет~", "запрещ~", "законопроект~", "лиценз~")),
      s(3, ci("legal tender", "законн~ платёжн~ средств~", "налог~", "tax(?:es|ed)?", "легализ~")),
      s(
        2,
        ci(
          "laws?",
          "lawmakers?",
          "(?:new|crypto) rules",
          "compliance",
          "(?:GENIUS|CLARITY) act",
          "illegal",
        ),
      ),
      s(
        2,
        ci(
          "закон(?:а|у|ом|е|ы|ов|ами)?",
          "правил(?:а|о|ам|ами|ах)?",
          "signs? (?:\\p{L}+ )?into law",
        ),
      ),
      s(2, ci("Госдум~", "Минфин~", "Минцифр~", "FCA")),
      s(1, cs("SEC", "CFTC", "ЦБ")),
      s(1, ci("Банк~ России", "Центробанк~")),
    ],
    terms: [],
  },
  cbdc: {
    signals: [
      s(6, ci("CBDC~", "central bank digital currenc~", "цифров~ валют~ (?:центр~|ЦБ)")),
      s(
        6,
        ci(
          "digital (?:yuan|euro|ruble|rouble|rupee|dollar|pound|tenge|lira|real|won|yen|hryvnia|naira|dirham)",
          "e-?CNY",
          "eNaira",
          "Sand Dollar",
          "e₹",
        ),
      ),
      s(6, ci("цифров~ (?:рубл~|юан~|евро|рупи~|фунт~|доллар~|тенге|лир~|гривн~)")),
    ],
    terms: ["cbdc"],
  },
  listing: {
    signals: [
      s(
        3,
        ci(
          "adds? (?:\\S+ ){0,3}to (?:its )?(?:crypto )?(?:offering|platform|app|listings?|roadmap)",
          "adds? support for",
        ),
      ),
      s(
        3,
        ci(
          "listing~",
          "will list",
          "листинг~",
          "залист~",
          "to list",
          "adds? (?:\\p{L}+ )?to (?:its )?listing",
        ),
      ),
      s(
        2,
        ci(
          "lists",
          "trading pair~",
          "торгов~ пар~",
          "в парах",
          "начн[её]т торг~",
          "торги (?:\\p{L}+ )?начнутся",
          "торги (?:\\p{L}+ )?откроются",
        ),
      ),
      // "Trading starts" is as true of a new ETF or a launch as of a listing: a hint, not a topic.
      s(
        1,
        ci(
          "(?:open|opens|starts?|begins?) trading",
          "trading (?:will )?(?:open|opens|begin|begins|starts?)",
          "trading will begin",
          "добавит~",
        ),
      ),
      s(1, ci("listed")),
    ],
    terms: ["listing", "ticker"],
  },
  delisting: {
    signals: [
      s(4, ci("halt~ (?:\\S+ ){0,3}trading", "suspend~ (?:\\S+ ){0,3}trading")),
      s(
        4,
        ci(
          "исключит~ (?:\\p{L}+ ){0,2}(?:пар~|монет~|токен~)",
          "прекращ~ торг~",
          "remove~ (?:\\p{L}+ ){0,2}(?:trading pairs|from trading)",
        ),
      ),
      s(5, ci("delist~", "делист~", "сним~ с торгов")),
      s(
        4,
        ci(
          "cease trading",
          "stop trading",
          "suspend~ (?:\\p{L}+ )?trading",
          "прекрат~ торг~",
          "торговля будет приостановлена",
        ),
      ),
    ],
    terms: ["delisting"],
  },
  airdrop: {
    signals: [
      s(4, ci("airdrop~", "аирдроп~", "эйрдроп~")),
      s(
        2,
        ci(
          "claim(?:s|ing)? (?:your |the |their )?(?:tokens|airdrop|rewards)",
          "claims? (?:are |is )?open",
          "клейм~",
          "eligib~",
          "раздач~",
          "distributed",
        ),
      ),
    ],
    terms: ["airdrop"],
  },
  unlock: {
    signals: [s(4, ci("unlock(?:s|ed|ing)?", "разлок~", "разблокир~", "vesting", "вестинг~"))],
    terms: ["vesting"],
  },
  outage: {
    signals: [
      s(3, ci("(?:cannot|can't|could not|unable to) access", "ongoing incident", "недоступ~")),
      s(3, ci("(?:deposits|withdrawals) (?:\\p{L}+ ){0,3}delayed")),
      s(
        4,
        ci(
          "outage~",
          "is down",
          "went down",
          "offline",
          "halt(?:s|ed)? block production",
          "lost finality",
          "сбо(?:й|я|ем|ю)",
        ),
      ),
      s(4, ci("останови~ на \\d+", "остановилась", "перезапуск~", "перезапуст~", "restart~")),
      s(
        4,
        ci(
          "останови~ (?:\\p{L}+ ){0,2}производств~ блок~",
          "(?:halt~|stop~) (?:\\p{L}+ ){0,2}block production",
        ),
      ),
      s(
        2,
        ci(
          "cannot log in",
          "could not log in",
          "degraded performance",
          "технически~ сбо~",
          "не работа~",
        ),
      ),
    ],
    terms: [],
  },
  halving: {
    signals: [
      s(4, ci("halving~", "halvening", "халвинг~")),
      s(2, ci("block reward~", "block subsid~", "наград~ за блок~", "наград~ майнер~")),
    ],
    terms: ["halving"],
  },
  mining: {
    signals: [
      s(4, ci("difficulty", "сложност~ (?:майнинг~|сети|добычи)")),
      s(3, ci("hash ?rate~", "х[еэ]шрейт~", "EH/s", "zettahash~")),
      s(2, ci("mining pool~", "майнинг ?пул~", "miners", "майнер~")),
    ],
    terms: ["difficulty", "hash_rate", "mining"],
  },
  upgrade: {
    signals: [
      s(3, ci("(?:new|validator) client~", "client release~", "Firedancer")),
      s(
        3,
        ci(
          "upgrade~",
          "hard ?fork~",
          "network update~",
          "pectra",
          "dencun",
          "fusaka",
          "the merge",
          "taproot",
          "segwit",
        ),
      ),
      s(3, ci("хард ?форк~", "обновлени~", "апгрейд~")),
      s(
        2,
        ci("mainnet~", "мейннет~", "майннет~", "activat~", "актив~ в сети", "goes live", "is live"),
      ),
    ],
    terms: ["hard_fork"],
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
      s(2, ci("surg(?:e|es|ed|ing)", "soar~", "jump~", "rall(?:y|ies|ied|ying)", "tops?"), "up"),
      s(2, ci("spik(?:e|es|ed)", "rose", "rises?", "rising", "climb~", "pump~"), "up"),
      s(2, ci("record high~", "all time high~", "ATH", "new high~"), "up"),
      s(2, ci("вырос~", "рост(?:а|у|ом|е)?", "раст[её]т", "растут", "подорож~", "взл[её]т~"), "up"),
      s(2, ci("исторически~ максимум~", "превысил~", "поднимал~"), "up"),
      s(1, ci("максимум~", "gains?"), "up"),
      s(2, ci("plung~", "crash~", "tumbl~", "drop(?:s|ped|ping)?", "fell", "falls?"), "down"),
      s(
        2,
        ci("slump~", "sell ?off~", "dump~", "sank", "sinks?", "slides?", "slips?", "bloodbath"),
        "down",
      ),
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
      s(
        3,
        ci(
          "(?:cut|cuts|raise|raises|hike|hikes) rates",
          "пауэлл~",
          "ключев~ ставк~",
          "процентн~ ставк~",
        ),
      ),
      s(2, ci("inflation~", "recession~", "payrolls", "ECB")),
      s(2, ci("инфляци~", "рецесси~", "ЕЦБ")),
      s(1, ci("ставк~")),
    ],
    terms: ["interest_rate"],
  },
};

/** Kinds whose keywords are about prices, so they count only next to a coin or "the market". */
export const PRICE_KINDS: ReadonlySet<EventKind> = new Set(["price_move"]);

/** Kinds that make sense without any crypto word (a Fed decision moves crypto too). */
export const STANDALONE_KINDS: ReadonlySet<EventKind> = new Set(["macro"]);

/** Kinds that are about crypto by themselves: a post with one is never off topic. */
export const CRYPTO_KINDS: ReadonlySet<EventKind> = new Set([
  "cbdc",
  "halving",
  "airdrop",
  "depeg",
  "etf_flows",
]);

/**
 * Words that end just before a price word when the thing that moved is not a price:
 * "комиссии упали", "difficulty hits a record", "volume jumped".
 */
export const NOT_A_PRICE: RegExp =
  /(?:fees?|commissions?|комисси\p{L}*|тариф\p{L}*|difficulty|сложност\p{L}*|hash ?rate|х[еэ]шрейт\p{L}*|volumes?|объ[её]м\p{L}*|TVL|supply|доходност\p{L}*|ставк\p{L}*|shares|акци\p{L}*|stock)(?:\s+\p{L}+){0,2}\s+$/iu;

/** Words that stand for "the crypto market" when no coin is named, for price moves. */
export const MARKET_CONTEXT: RegExp = ci(
  "crypto (?:market|prices)~",
  "крипторын~",
  "рын(?:ок|ка|ке) криптовалют",
  "altcoins?",
  "альткоин~",
  "memecoins?",
  "мемкоин~",
  "leveraged positions?",
);
