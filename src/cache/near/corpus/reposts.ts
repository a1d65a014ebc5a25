/**
 * How channels repost the same news: the transformations seen on Telegram reposts (emoji,
 * "BREAKING:", hashtags, "via @channel", links with tracking tails, subscribe footers, a title
 * line), and the edits that make near-but-different news (another number, the opposite
 * direction). Used by the near-duplicate corpus test; deterministic.
 */
export interface CorpusItem {
  readonly id: string;
  readonly lang: "ru" | "en";
  readonly base: string;
  /** Hand-written rewordings of the same news. */
  readonly rewordings: readonly string[];
  /** Hand-written news that shares most words but not the facts. */
  readonly different: readonly string[];
}

const CHANNELS = ["cryptonews_daily", "btc_insider", "defi_digest", "coin_radar"];

/** Four reposts of `item.base` in the shapes channels use. */
export function reposts(item: CorpusItem, n: number): string[] {
  const ch = CHANNELS[n % CHANNELS.length];
  const slug = item.id.replace(/^ru-/, "");
  const ru = item.lang === "ru";
  const [first, ...rest] = item.base.split(/(?<=[.;:])\s+/);
  return [
    `${ru ? "⚡️ СРОЧНО:" : "🚨 BREAKING:"} ${item.base}\n\n#crypto #${slug.replace(/-/g, "")} #news`,
    `${item.base}\n\nvia @${ch} https://t.me/${ch}/${1000 + n}`,
    `🔥 ${item.base} 🔥\n\n${ru ? "👉 Подписывайтесь на наш канал" : "👉 Subscribe to our channel"} @${ch}\nhttps://example.com/${slug}?utm_source=telegram&utm_medium=${ch}`,
    `📰 ${first}\n\n${rest.join(" ") || first}\n\n${ru ? "Источник" : "Source"}: https://news.example/${slug}`,
  ];
}

const NUMBER = /\d+(?:[.,]\d+)?/;

/** Near-but-different edits: another number, and the opposite direction where one is named. */
export function mutations(item: CorpusItem): string[] {
  const out: string[] = [];
  const number = NUMBER.exec(item.base)?.[0];
  if (number) {
    const value = Number(number.replace(",", "."));
    const changed = String(value < 10 ? value + 2 : value * 2).replace(
      ".",
      item.lang === "ru" ? "," : ".",
    );
    out.push(item.base.replace(number, changed));
  }
  for (const [from, to] of item.lang === "ru" ? RU_OPPOSITES : EN_OPPOSITES) {
    if (from.test(item.base)) {
      out.push(item.base.replace(from, to));
      break;
    }
  }
  return out;
}

const EN_OPPOSITES: readonly [RegExp, string][] = [
  [/\brose\b/, "fell"],
  [/\bfell\b/, "rose"],
  [/\bdropped\b/, "rose"],
  [/\bapproved\b/, "rejected"],
  [/\bbought\b/, "sold"],
  [/\boutflows\b/, "inflows"],
  [/\bdelist\b/, "list"],
  [/\bsigned\b/, "vetoed"],
  [/\bcannot\b/, "can again"],
  [/\bopened\b/, "closed"],
  [/\bwarns\b/, "does not warn"],
  [/\bstole\b/, "returned"],
  [/\bhas sanctioned\b/, "has lifted sanctions on"],
  [/\bstopped\b/, "did not stop"],
  [/\bhappened\b/, "did not happen"],
  [/\bhit a record high\b/, "fell"],
  [/\bwent live\b/, "was delayed"],
  [/\bnow applies\b/, "no longer applies"],
  [/\bwill be unlocked\b/, "will not be unlocked"],
  [/\bis not a security\b/, "is a security"],
  [/\bvoted to make\b/, "voted against making"],
  [/\bhas filed\b/, "has not filed"],
  [/\bsentenced\b/, "acquitted"],
  [/\bmoved the digital euro\b/, "did not move the digital euro"],
];

const RU_OPPOSITES: readonly [RegExp, string][] = [
  [/вырос/, "упал"],
  [/упал/, "вырос"],
  [/снизилась/, "выросла"],
  [/одобрила/, "отклонила"],
  [/купила/, "продала"],
  [/отток/, "приток"],
  [/делистинг/, "листинг"],
  [/листинг/, "делистинг"],
  [/подписал/, "не подписал"],
  [/не могут/, "снова могут"],
  [/открыл/, "закрыл"],
  [/похитили/, "вернули"],
  [/ввёл санкции против/, "снял санкции с"],
  [/не производила/, "производила"],
  [/Состоялся/, "Не состоялся"],
  [/обновила рекорд/, "снизилась"],
  [/активировано/, "не активировано"],
  [/будут разблокированы/, "не будут разблокированы"],
  [/проголосовал за/, "проголосовал против"],
  [/подала заявление/, "не подавала заявление"],
  [/приговорил/, "оправдал"],
  [/начнётся/, "не начнётся"],
  [/перевёл/, "не переводил"],
  [/остановила/, "не останавливала"],
  [/предупреждает/, "не предупреждает"],
  [/потерял/, "сохранил"],
];
