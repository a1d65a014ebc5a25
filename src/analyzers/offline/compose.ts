import type { Lang } from "../../i18n/lang";
import type { Findings, FoundAsset, PriceDirection } from "./analyze";
import type { EventKind } from "./lexicon";

interface EventText {
  readonly about: string;
  readonly why: string;
  readonly holder: string;
}

interface Phrasebook {
  readonly label: string;
  readonly about: string;
  readonly also: string;
  readonly why: string;
  readonly holder: string;
  readonly inText: string;
  readonly figures: string;
  readonly exchange: string;
  readonly terms: string;
  readonly unknownEvent: string;
  readonly checkSource: string;
  readonly termsOnly: string;
  readonly nothing: string;
  readonly price: Readonly<Record<PriceDirection, string>>;
  readonly events: Readonly<Record<EventKind, EventText>>;
}

const MAX_NAMES = 4;
const MAX_FIGURES = 4;
// Beyond this, further terms are left out (the bot trims long answers anyway).
const TARGET_CHARS = 700;

// The most important lines come first: the bot cuts long answers at a sentence boundary.
const TEXT: Readonly<Record<Lang, Phrasebook>> = {
  en: {
    label: "Offline analysis (no AI)",
    about: "What it's about:",
    also: ", and also ",
    why: "Why it matters:",
    holder: "What it means for you:",
    inText: "In the post:",
    figures: "figures:",
    exchange: "exchange",
    terms: "Terms:",
    unknownEvent: "I couldn't tell what kind of event this is, so I won't guess.",
    checkSource: "Check the original source and date before acting on it.",
    termsOnly: "I didn't find a specific news event here, but I can explain the terms.",
    nothing:
      "I didn't recognize any crypto assets or news events in this text, so I won't guess. " +
      "Offline, I understand news about ETFs, hacks, regulation and bans, lawsuits, exchange " +
      "listings and delistings, halvings, partnerships, price moves, network upgrades and " +
      "central bank decisions. Send the full text of a crypto news post and I'll try again.",
    price: { up: "a price rise", down: "a price drop", mixed: "price moves" },
    events: {
      etf: {
        about: "an exchange-traded fund (ETF) on crypto",
        why: "An ETF lets people invest through an ordinary brokerage account, which can bring big funds and new investors to the asset.",
        holder:
          "The coin itself does not change; prices often swing around such news, so avoid rushed decisions.",
      },
      hack: {
        about: "a hack or theft of funds",
        why: "Stolen crypto is rarely recovered quickly, and the platform may pause withdrawals while it investigates.",
        holder:
          "If you use this platform, follow only its official channels and never share your seed phrase with anyone offering “help”.",
      },
      regulation: {
        about: "crypto regulation (rules, bans, licences)",
        why: "Rules decide which crypto services may work in a country and what they must check, such as customers' identity.",
        holder:
          "New rules usually take effect with a delay; watch for notices from your exchange or wallet for users in your country.",
      },
      lawsuit: {
        about: "a lawsuit or court case",
        why: "A lawsuit is an accusation, not a verdict; such cases often take months or years.",
        holder:
          "Follow court decisions and official statements rather than rumours; the outcome can affect the company or the project.",
      },
      listing: {
        about: "a coin listing on an exchange",
        why: "A listing means the coin can now be traded on that exchange, which usually makes it easier to buy and sell.",
        holder:
          "Prices often jump and then fall back around listings; buy only on the official exchange and check the ticker to avoid fake tokens.",
      },
      delisting: {
        about: "a coin being delisted from an exchange",
        why: "After a delisting the exchange stops trading the coin, so selling it there becomes hard or impossible.",
        holder:
          "If you keep this coin on that exchange, find the deadline in the announcement and sell it or move it elsewhere in time.",
      },
      halving: {
        about: "a halving of the mining reward",
        why: "A halving cuts the reward miners get for new blocks in half, so new coins appear more slowly; it is built into the code in advance.",
        holder:
          "Coins you already hold are not affected; prices behaved differently after past halvings, so growth is not guaranteed.",
      },
      partnership: {
        about: "a partnership or integration",
        why: "A partnership can bring a project new users, but what actually launches matters more than the announcement.",
        holder:
          "Check the details on both companies' official sites; the real effect shows over months, not in a day.",
      },
      price_move: {
        about: "price moves",
        why: "Crypto prices swing a lot, and one sharp move says little about what comes next.",
        holder:
          "Try not to buy or sell in a panic, and never invest money you can't afford to lose.",
      },
      macro: {
        about: "central bank and economy news (rates, inflation)",
        why: "Central bank decisions on rates affect how much money flows into risky assets, including crypto.",
        holder:
          "Such news can move the whole market for a day or two but says little about any single coin.",
      },
      upgrade: {
        about: "a network upgrade",
        why: "An upgrade changes a network's rules or features; major upgrades are planned and tested in advance.",
        holder:
          "Usually you don't need to do anything with coins on a major exchange or wallet; beware of anyone asking you to “migrate” them.",
      },
    },
  },
  ru: {
    label: "Офлайн-разбор (без ИИ)",
    about: "О чём новость:",
    also: ", а также ",
    why: "Почему это важно:",
    holder: "Что это значит для вас:",
    inText: "В тексте:",
    figures: "цифры:",
    exchange: "биржа",
    terms: "Термины:",
    unknownEvent: "тип события определить не удалось, поэтому гадать не буду.",
    checkSource: "Проверьте первоисточник и дату, прежде чем что-то решать.",
    termsOnly: "Конкретного новостного события я здесь не нашёл, но могу объяснить термины.",
    nothing:
      "Я не нашёл в этом тексте ни криптовалют, ни знакомых мне событий, поэтому не буду гадать. " +
      "Без ИИ я разбираю новости об ETF, взломах, регулировании и запретах, судах, листингах " +
      "и делистингах, халвинге, партнёрствах, движении цен, обновлениях сетей и решениях " +
      "центробанков. Пришлите полный текст новости — попробую ещё раз.",
    price: { up: "рост цены", down: "падение цены", mixed: "движение цен" },
    events: {
      etf: {
        about: "биржевой фонд (ETF) на криптовалюту",
        why: "ETF позволяет вложиться через обычный брокерский счёт, поэтому может привести к активу крупные фонды и новых инвесторов.",
        holder:
          "сама монета от этого не меняется; вокруг таких новостей цена часто колеблется, так что не спешите с решениями.",
      },
      hack: {
        about: "взлом или кража средств",
        why: "украденную криптовалюту редко удаётся быстро вернуть, а платформа может приостановить вывод средств на время проверки.",
        holder:
          "если вы пользуетесь этой платформой, следите только за её официальными каналами и никому не сообщайте сид-фразу, даже тем, кто предлагает «помощь».",
      },
      regulation: {
        about: "регулирование криптовалют (правила, запреты, лицензии)",
        why: "правила определяют, какие криптосервисы могут работать в стране и что они обязаны проверять, например личность клиента.",
        holder:
          "новые правила обычно вступают в силу не сразу; следите за уведомлениями своей биржи или кошелька для пользователей из вашей страны.",
      },
      lawsuit: {
        about: "судебный иск или разбирательство",
        why: "иск — это обвинение, а не приговор; такие дела часто длятся месяцами и годами.",
        holder:
          "следите за решениями суда и официальными заявлениями, а не за слухами: от исхода дела может зависеть судьба компании или проекта.",
      },
      listing: {
        about: "листинг монеты на бирже",
        why: "листинг значит, что монетой теперь можно торговать на этой бирже, и купить или продать её обычно становится проще.",
        holder:
          "вокруг листингов цена часто резко растёт, а потом откатывается; покупайте только на официальной бирже и сверяйте тикер, чтобы не купить подделку.",
      },
      delisting: {
        about: "делистинг монеты с биржи",
        why: "после делистинга биржа прекращает торги монетой, и продать её там становится сложно или невозможно.",
        holder:
          "если эта монета лежит у вас на этой бирже, найдите срок в объявлении и вовремя продайте её или переведите в другое место.",
      },
      halving: {
        about: "халвинг (сокращение награды майнерам)",
        why: "халвинг вдвое уменьшает награду майнерам за новые блоки, и новые монеты появляются медленнее; он заранее заложен в код.",
        holder:
          "с монетами, которые у вас уже есть, ничего не происходит; после прошлых халвингов цена вела себя по-разному, так что рост не гарантирован.",
      },
      partnership: {
        about: "партнёрство или интеграция",
        why: "партнёрство может принести проекту новых пользователей, но важнее не анонс, а то, что реально запустят.",
        holder:
          "проверьте детали на официальных сайтах обеих компаний: реальный эффект виден через месяцы, а не за день.",
      },
      price_move: {
        about: "движение цен",
        why: "цены криптовалют сильно колеблются, и одно резкое движение мало говорит о том, что будет дальше.",
        holder:
          "старайтесь не покупать и не продавать на эмоциях и не вкладывайте деньги, потерю которых не можете себе позволить.",
      },
      macro: {
        about: "экономика и решения центробанков (ставки, инфляция)",
        why: "решения центробанков по ставкам влияют на то, сколько денег идёт в рискованные активы, включая криптовалюты.",
        holder:
          "такие новости могут на день-два сдвинуть весь рынок, но почти ничего не говорят о конкретной монете.",
      },
      upgrade: {
        about: "обновление сети",
        why: "обновление меняет правила или возможности сети; крупные обновления планируют и тестируют заранее.",
        holder:
          "обычно с монетами на крупной бирже или в кошельке ничего делать не нужно; остерегайтесь тех, кто просит «перенести» их.",
      },
    },
  },
};

/**
 * Writes the plain-text offline explanation for {@link Findings}, in `findings.lang`:
 * a label line, what the post is about, why it matters, what it means for the reader, terms.
 */
export function compose(findings: Findings): string {
  const t = TEXT[findings.lang];
  const [main, second] = findings.events;
  const named = findings.assets.length + findings.exchanges.length > 0;
  const lines = [t.label];
  if (main) {
    const topic = (kind: EventKind) =>
      kind === "price_move" && findings.direction
        ? t.price[findings.direction]
        : t.events[kind].about;
    const topics = second ? `${topic(main)}${t.also}${topic(second)}` : topic(main);
    lines.push(join(`${t.about} ${topics}.`, mentionLine(findings, t)));
    lines.push(`${t.why} ${t.events[main].why}`, `${t.holder} ${t.events[main].holder}`);
  } else if (named) {
    lines.push(join(`${t.about} ${t.unknownEvent}`, mentionLine(findings, t)), t.checkSource);
  } else if (findings.terms.length > 0) {
    lines.push(t.termsOnly);
  } else {
    return `${t.label}\n${t.nothing}`;
  }
  return [...lines, ...termLines(findings, t, lines.join("\n").length)].join("\n");
}

// Adds terms while the answer stays short; the first term always fits.
function termLines(f: Findings, t: Phrasebook, used: number): string[] {
  const bullets = f.terms.map((term) => `• ${term.label} — ${term.meaning}`);
  const [first, ...rest] = bullets;
  if (!first) return [];
  const out = ["", t.terms, first];
  let length = used + t.terms.length + first.length + 3;
  for (const bullet of rest) {
    length += bullet.length + 1;
    if (length > TARGET_CHARS) break;
    out.push(bullet);
  }
  return out;
}

function mentionLine(f: Findings, t: Phrasebook): string {
  const names = [
    ...f.exchanges.map((name) => `${name} (${t.exchange})`),
    ...f.assets.map(assetName),
  ].slice(0, MAX_NAMES);
  const figures = [...f.percentages, ...f.amounts].slice(0, MAX_FIGURES);
  const parts = [
    names.length > 0 ? `${t.inText} ${names.join(", ")}` : "",
    figures.length > 0
      ? `${names.length > 0 ? t.figures : capitalize(t.figures)} ${figures.join(", ")}`
      : "",
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join("; ")}.` : "";
}

function assetName(asset: FoundAsset): string {
  return asset.name === asset.ticker ? asset.ticker : `${asset.name} (${asset.ticker})`;
}

function join(...sentences: string[]): string {
  return sentences.filter(Boolean).join(" ");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
