import type { Lang } from "../../i18n/lang";
import { ASSETS, EVENTS, type EventKind, EXCHANGES, TERMS, type TermId } from "./lexicon";

/** Which way the prices in a post moved, if the post says so. */
export type PriceDirection = "up" | "down" | "mixed";

/** A recognized coin, with its name in the requested language. */
export interface FoundAsset {
  readonly ticker: string;
  readonly name: string;
}

/** A term worth explaining, in the requested language. */
export interface FoundTerm {
  readonly id: TermId;
  readonly label: string;
  readonly meaning: string;
}

/** What the offline analyzer understood from a post. */
export interface Findings {
  readonly lang: Lang;
  /** In order of first mention, without repeats. */
  readonly assets: readonly FoundAsset[];
  readonly exchanges: readonly string[];
  /** Strongest first. */
  readonly events: readonly EventKind[];
  readonly direction: PriceDirection | undefined;
  /** As written in the post: "+12%", "-3,5%". */
  readonly percentages: readonly string[];
  /** As written in the post: "$200 million", "200 млн долларов", "1,000 BTC". */
  readonly amounts: readonly string[];
  /** At most {@link MAX_TERMS}, most relevant first. */
  readonly terms: readonly FoundTerm[];
}

/** The most terms one answer explains. */
export const MAX_TERMS = 4;

interface Hit<T> {
  readonly item: T;
  readonly start: number;
  readonly end: number;
}

// Links and @handles often carry words ("bitcoin-etf-hack") that say nothing about the post.
const NOISE = /(?:https?:\/\/|www\.|t\.me\/)\S+|@[\w.]+/giu;
const NUM = String.raw`\d{1,3}(?:[ \u00a0,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const SCALE = String.raw`(?:trillion|billion|million|thousand|bn|mln|mn|[kmb]|трлн|млрд|млн|тыс\.?|миллиард\p{L}*|миллион\p{L}*)`;
const CURRENCY = String.raw`(?:USDT|USDC|USD|BTC|ETH|SOL|XRP|TON|BNB|dollars?|долл\p{L}*|руб\p{L}*|евро|euros?|[$€₽])`;
const NOT_MID_NUMBER = String.raw`(?<![\p{L}\p{N}.,])`;
const PERCENT = new RegExp(
  String.raw`${NOT_MID_NUMBER}[+\-−–]?(?:${NUM})\s?(?:%|процент\p{L}*|percent)`,
  "giu",
);
// "$200 million", "$5B"
const PREFIXED = String.raw`[$€₽]\s?(?:${NUM})(?:\s?${SCALE}(?!\p{L}))?`;
// "200 млн долларов", "1,000 BTC"
const SUFFIXED = String.raw`(?:${NUM})(?:\s?${SCALE})?\s?${CURRENCY}(?!\p{L})`;
const AMOUNT = new RegExp(`${NOT_MID_NUMBER}(?:${PREFIXED}|${SUFFIXED})`, "giu");
const ASSET_PATTERNS = ASSETS.flatMap((a) => a.patterns.map((re) => [a, re] as const));
const EXCHANGE_PATTERNS = EXCHANGES.map((e) => [e.name, e.re] as const);
const TERM_PATTERNS = (Object.keys(TERMS) as TermId[]).map((id) => [id, TERMS[id].re] as const);
const EVENT_PATTERNS = (Object.keys(EVENTS) as EventKind[]).flatMap((kind) =>
  EVENTS[kind].signals.map((signal) => [{ kind, signal }, signal.re] as const),
);

// A kind must reach this score, and half the top kind's, to count as a topic.
const MIN_EVENT_SCORE = 2;

/** Reads a news post and reports the assets, events, figures and terms it recognizes. */
export function analyze(text: string, lang: Lang): Findings {
  const clean = text.normalize("NFC").replace(NOISE, " ");
  const assets = unique(scan(clean, ASSET_PATTERNS).map((h) => h.item));
  const percents = scanOne(clean, PERCENT);
  // "-50%" alone is as likely a shop sale as a price move; next to a coin it is the latter.
  const { events, direction } = rankEvents(clean, assets.length > 0 ? percents : []);
  const terms = pickTerms(
    clean,
    events,
    assets.flatMap((a) => a.terms ?? []),
  );
  return {
    lang,
    assets: assets.map((a) => ({ ticker: a.ticker, name: a.name[lang] })),
    exchanges: unique(scan(clean, EXCHANGE_PATTERNS).map((h) => h.item)),
    events,
    direction,
    percentages: unique(percents.map((h) => h.item)),
    amounts: unique(scanOne(clean, AMOUNT).map((h) => h.item)),
    terms: terms.map((id) => ({
      id,
      label: TERMS[id].label[lang],
      meaning: TERMS[id].meaning[lang],
    })),
  };
}

function rankEvents(text: string, percents: readonly Hit<string>[]) {
  const score = new Map<EventKind, { total: number; first: number }>();
  const add = (kind: EventKind, weight: number, at: number) => {
    const prev = score.get(kind);
    score.set(kind, { total: (prev?.total ?? 0) + weight, first: prev?.first ?? at });
  };
  let up = 0;
  let down = 0;
  for (const { item, start } of scan(text, EVENT_PATTERNS)) {
    add(item.kind, item.signal.weight, start);
    if (item.signal.dir === "up") up++;
    if (item.signal.dir === "down") down++;
  }
  for (const { item, start } of percents) {
    const signed = /^[+\-−–]/u.test(item);
    add("price_move", signed ? 2 : 1, start);
    if (item.startsWith("+")) up++;
    else if (signed) down++;
  }
  const ranked = [...score].sort(([, a], [, b]) => b.total - a.total || a.first - b.first);
  const top = ranked[0]?.[1].total ?? 0;
  const events = ranked
    .filter(([, s]) => s.total >= MIN_EVENT_SCORE && s.total * 2 >= top)
    .map(([kind]) => kind);
  const moved = events.includes("price_move") && up + down > 0;
  const direction: PriceDirection | undefined = !moved
    ? undefined
    : up > 0 && down > 0
      ? "mixed"
      : up > 0
        ? "up"
        : "down";
  return { events, direction };
}

function pickTerms(text: string, events: readonly EventKind[], fromAssets: readonly TermId[]) {
  const relevance = new Map<TermId, { score: number; first: number }>();
  const bump = (id: TermId, by: number, at = Number.POSITIVE_INFINITY) => {
    const prev = relevance.get(id);
    relevance.set(id, { score: (prev?.score ?? 0) + by, first: Math.min(prev?.first ?? at, at) });
  };
  // Terms the topic needs come first, then the ones the post itself uses, then asset-related.
  events.slice(0, 2).forEach((kind, rank) => {
    for (const id of EVENTS[kind].terms) bump(id, rank === 0 ? 30 : 20);
  });
  const mentioned = new Set<TermId>();
  for (const { item, start } of scan(text, TERM_PATTERNS)) {
    if (mentioned.has(item)) continue;
    mentioned.add(item);
    bump(item, 10 + TERMS[item].weight, start);
  }
  for (const id of fromAssets) bump(id, 8);
  return [...relevance]
    .sort(([, a], [, b]) => b.score - a.score || a.first - b.first)
    .slice(0, MAX_TERMS)
    .map(([id]) => id);
}

// Finds every match of every pattern; where matches overlap, the earlier, then longer, wins,
// so "Ethereum Classic" is not also "Ethereum" and "ключевая ставка" is counted once.
function scan<T>(text: string, entries: readonly (readonly [T, RegExp])[]): Hit<T>[] {
  const all: Hit<T>[] = [];
  for (const [item, re] of entries) {
    for (const m of text.matchAll(re)) {
      if (m[0].length > 0) all.push({ item, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit<T>[] = [];
  let reached = 0;
  for (const hit of all) {
    if (hit.start < reached) continue;
    kept.push(hit);
    reached = hit.end;
  }
  return kept;
}

function scanOne(text: string, re: RegExp): Hit<string>[] {
  return scan(text, [[null, re]]).map((h) => ({
    ...h,
    item: text.slice(h.start, h.end).replace(/\s+/gu, " "),
  }));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
