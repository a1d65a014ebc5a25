import type { Lang } from "../../i18n/lang";
import { AMOUNT, PERCENT, readable } from "./figures";
import {
  ASSETS,
  CRYPTO_CONTEXT,
  CRYPTO_KINDS,
  EVENTS,
  type EventKind,
  EXCHANGES,
  MARKET_CONTEXT,
  NOT_A_PRICE,
  PRICE_KINDS,
  SCAM_SIGNS,
  type Signal,
  STANDALONE_KINDS,
  TERMS,
  type TermId,
} from "./lexicon";
import { type Hit, scan, scanOne, sentenceIndex, unique } from "./scan";

/** Which way the prices in a post moved, if the post says so. */
export type PriceDirection = "up" | "down" | "mixed";

/** Which way money moved through funds (ETF flows), if the post says so. */
export type FlowDirection = "in" | "out" | "mixed";

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
  /** Only exchanges the main events involve (named in the same sentence as the event). */
  readonly exchanges: readonly string[];
  /** Strongest first; `scam`, when present, is the only kind. */
  readonly events: readonly EventKind[];
  /** True when nothing in the post is about crypto (no coin, exchange or crypto word). */
  readonly offtopic: boolean;
  /** For a scam: the signs found, in the requested language. */
  readonly scamSigns: readonly string[];
  readonly direction: PriceDirection | undefined;
  readonly flow: FlowDirection | undefined;
  /** As written in the post: "+12%", "-3,5%". */
  readonly percentages: readonly string[];
  /** As written in the post: "$200 million", "200 млн долларов", "1,000 BTC". */
  readonly amounts: readonly string[];
  /** At most {@link MAX_TERMS}, most relevant first. */
  readonly terms: readonly FoundTerm[];
}

/** The most terms one answer explains. */
export const MAX_TERMS = 4;

const ASSET_PATTERNS = ASSETS.flatMap((a) => a.patterns.map((re) => [a, re] as const));
const EXCHANGE_PATTERNS = EXCHANGES.map((e) => [e.name, e.re] as const);
const TERM_PATTERNS = (Object.keys(TERMS) as TermId[]).map((id) => [id, TERMS[id].re] as const);
const SCAM_PATTERNS = SCAM_SIGNS.map((sign) => [sign, sign.re] as const);
const EVENT_PATTERNS = (Object.keys(EVENTS) as EventKind[]).flatMap((kind) =>
  EVENTS[kind].signals.map((signal) => [{ kind, signal }, signal.re] as const),
);

// A kind must reach this score, and half the top kind's, to count as a topic.
const MIN_EVENT_SCORE = 2;
// A kind that stands without any crypto word must be at least this clear.
const STANDALONE_SCORE = 4;
// Signs of a scam must add up to this (one strong sign, or two weaker ones).
const SCAM_SCORE = 2;

/** Reads a news post and reports the assets, events, figures and terms it recognizes. */
export function analyze(text: string, lang: Lang): Findings {
  const clean = readable(text);
  const sentenceOf = sentenceIndex(clean);
  const assetHits = scan(clean, ASSET_PATTERNS);
  const assets = unique(assetHits.map((h) => h.item));
  // Price words and bare percentages count only in a sentence that names a coin or the market.
  const priced = new Set(
    [...assetHits, ...scanOne(clean, MARKET_CONTEXT)].map((h) => sentenceOf(h.start)),
  );
  // …and not right after what is not a price ("комиссии упали", "difficulty +5%").
  const isPrice = (at: number) => !NOT_A_PRICE.test(clean.slice(Math.max(0, at - 60), at));
  const percents = scanOne(clean, PERCENT).filter(
    (h) => priced.has(sentenceOf(h.start)) && isPrice(h.start),
  );
  const stable = assets.some((a) => a.terms?.includes("stablecoin"));
  const eventHits = scan(clean, EVENT_PATTERNS).filter(
    (h) =>
      (!PRICE_KINDS.has(h.item.kind) || (priced.has(sentenceOf(h.start)) && isPrice(h.start))) &&
      (!h.item.signal.stablecoin || stable),
  );
  const exchangeHits = scan(clean, EXCHANGE_PATTERNS).filter((h) => clean[h.start - 1] !== "#");
  const signs = unique(scan(clean, SCAM_PATTERNS).map((h) => h.item));
  const scam = signs.reduce((sum, sign) => sum + sign.weight, 0) >= SCAM_SCORE;
  const ranked = rankEvents(eventHits, percents, sentenceOf);
  const crypto =
    scam ||
    assets.length > 0 ||
    exchangeHits.length > 0 ||
    ranked.events.some((k) => CRYPTO_KINDS.has(k)) ||
    scanOne(clean, CRYPTO_CONTEXT).length > 0;
  // Without a crypto word only a clear central bank story stands (a bank's deposit rates do not).
  const events: EventKind[] = scam
    ? ["scam"]
    : crypto
      ? withoutImplied(ranked.events)
      : ranked.events
          .filter((k) => STANDALONE_KINDS.has(k) && (ranked.scores.get(k) ?? 0) >= STANDALONE_SCORE)
          .slice(0, 1);
  const main = new Set(events.slice(0, 2));
  const eventSentences = new Set(
    eventHits.filter((h) => main.has(h.item.kind)).map((h) => sentenceOf(h.start)),
  );
  const exchanges = scam
    ? []
    : exchangeHits
        .filter((h) => events.length === 0 || eventSentences.has(sentenceOf(h.start)))
        .map((h) => h.item);
  const terms = pickTerms(
    clean,
    events,
    assets.flatMap((a) => a.terms ?? []),
  );
  return {
    lang,
    assets: assets.map((a) => ({ ticker: a.ticker, name: a.name[lang] })),
    exchanges: unique(exchanges),
    events,
    offtopic: !crypto && events.length === 0,
    scamSigns: scam
      ? SCAM_SIGNS.filter((sign) => signs.includes(sign)).map((s) => s.label[lang])
      : [],
    direction: events.includes("price_move") ? ranked.price : undefined,
    flow: events.includes("etf_flows") ? ranked.flow : undefined,
    percentages: unique(percents.map((h) => h.item)),
    amounts: unique(scanOne(clean, AMOUNT).map((h) => h.item)),
    terms: terms.map((id) => ({
      id,
      label: TERMS[id].label[lang],
      meaning: TERMS[id].meaning[lang],
    })),
  };
}

// A second topic the main one already implies adds nothing ("ETF inflows, and also an ETF").
const IMPLIED: Partial<Record<EventKind, readonly EventKind[]>> = {
  etf_flows: ["etf"],
  depeg: ["price_move"],
  halving: ["mining"],
  // "difficulty hits an all-time high" is not a price record.
  mining: ["price_move", "halving"],
  court_ruling: ["lawsuit"],
  settlement: ["lawsuit", "court_ruling"],
  delisting: ["listing"],
  bankruptcy: ["price_move"],
};

function withoutImplied(events: readonly EventKind[]): EventKind[] {
  const [main, ...rest] = events;
  if (main === undefined) return [];
  const implied = IMPLIED[main] ?? [];
  return [main, ...rest.filter((kind) => !implied.includes(kind))];
}

type Sentence = (at: number) => number;
type EventHit = Hit<{ readonly kind: EventKind; readonly signal: Signal }>;

function rankEvents(hits: readonly EventHit[], percents: readonly Hit<string>[], at: Sentence) {
  const score = new Map<EventKind, { total: number; first: number }>();
  const add = (kind: EventKind, weight: number, start: number) => {
    const prev = score.get(kind);
    // The headline (first sentence) usually names the main event.
    const bonus = at(start) === 0 ? 1 : 0;
    score.set(kind, {
      total: (prev?.total ?? 0) + weight + bonus,
      first: prev?.first ?? start,
    });
  };
  const dirs = { up: 0, down: 0, in: 0, out: 0 };
  for (const { item, start } of hits) {
    add(item.kind, item.signal.weight, start);
    if (item.signal.dir) dirs[item.signal.dir]++;
  }
  for (const { item, start } of percents) {
    const signed = /^[+\-−–]/u.test(item);
    add("price_move", signed ? 2 : 1, start);
    if (item.startsWith("+")) dirs.up++;
    else if (signed) dirs.down++;
  }
  // A price move is usually the market's reaction: on a tie, the cause is the main event.
  const rank = (kind: EventKind) => (kind === "price_move" ? 0.5 : 0);
  const ranked = [...score].sort(
    ([ka, a], [kb, b]) => b.total - rank(kb) - (a.total - rank(ka)) || a.first - b.first,
  );
  const top = ranked[0]?.[1].total ?? 0;
  const events = ranked
    .filter(([, s]) => s.total >= MIN_EVENT_SCORE && s.total * 2 >= top)
    .map(([kind]) => kind);
  return {
    events,
    scores: new Map([...score].map(([kind, s]) => [kind, s.total])),
    price: direction(dirs.up, dirs.down, "up", "down"),
    flow: direction(dirs.in, dirs.out, "in", "out"),
  };
}

function direction<T extends string>(a: number, b: number, aName: T, bName: T) {
  if (a > 0 && b > 0) return "mixed" as const;
  if (a > 0) return aName;
  if (b > 0) return bName;
  return undefined;
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
  for (const id of unique(fromAssets)) bump(id, 8);
  return [...relevance]
    .sort(([, a], [, b]) => b.score - a.score || a.first - b.first)
    .slice(0, MAX_TERMS)
    .map(([id]) => id);
}
