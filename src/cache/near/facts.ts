import { hash32 } from "./hash";

/**
 * What two texts must share to be the same news: their numbers (with sign, unit and scale),
 * their directions (up or down, approve or reject, in or out…), their negations, and their
 * names. Two texts whose facts differ are never near duplicates, however many words they share.
 */
export interface NewsFacts {
  /**
   * Sorted normalized numbers ("$40 million" -> "$40000000", "+5%") and direction classes
   * ("up", "down", "approve", "reject", "negation", …), as one string.
   */
  readonly key: string;
  /** Sorted hashes of lower-cased names: words written with a capital or in capitals. */
  readonly names: Uint32Array;
  /** Sorted hashes of every lower-cased word, to look a name of the other text up in. */
  readonly words: Uint32Array;
}

const SCALES: readonly [RegExp, number][] = [
  [/^(?:k|thousand|тыс\.?|тысяч\p{L}*)$/iu, 1e3],
  [/^(?:m|mn|mln|million|millions|млн\.?|миллион\p{L}*)$/iu, 1e6],
  [/^(?:b|bn|billion|billions|млрд\.?|миллиард\p{L}*)$/iu, 1e9],
  [/^(?:t|tn|trillion|трлн\.?|триллион\p{L}*)$/iu, 1e12],
];

const NUMBER =
  /([+\-−–]?)\s?([$€£₽]?)\s?(\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s?(%|[a-zа-яё.]+)?/giu;

/**
 * Direction words, by class: a word belongs to the class of its exact word ("=up", for stems
 * too short to be safe: "update", "bank"), else of the longest stem it starts with.
 */
const DIRECTIONS: Record<string, readonly string[]> = {
  up: [
    "=up",
    "=upward",
    "=upwards",
    "rise",
    "rose",
    "risen",
    "rising",
    "surg",
    "soar",
    "jump",
    "gain",
    "rall",
    "climb",
    "spike",
    "=high",
    "=higher",
    "=highest",
    "=highs",
    "record",
    "recover",
    "rebound",
    "вырос",
    "выросл",
    "раст",
    "рост",
    "подорож",
    "взлет",
    "взлёт",
    "прибав",
    "максимум",
    "повыс",
    "увелич",
  ],
  down: [
    "=down",
    "=downward",
    "fall",
    "fell",
    "drop",
    "plung",
    "slump",
    "declin",
    "crash",
    "tumbl",
    "sink",
    "sank",
    "slid",
    "=low",
    "=lower",
    "=lowest",
    "=lows",
    "lose",
    "loss",
    "lost",
    "упал",
    "упад",
    "паден",
    "сниз",
    "подешев",
    "обвал",
    "рухн",
    "минимум",
    "потеря",
    "потерял",
    "сократ",
    "уменьш",
  ],
  approve: ["approv", "greenlight", "allow", "legaliz", "одобр", "разреш", "легализ"],
  reject: [
    "reject",
    "=denied",
    "=denies",
    "deny",
    "=ban",
    "=bans",
    "=banned",
    "=banning",
    "block",
    "prohibit",
    "delay",
    "postpon",
    "отклон",
    "запрет",
    "заблок",
    "отлож",
    "перенес",
  ],
  inflow: ["inflow", "приток"],
  outflow: ["outflow", "отток"],
  buy: [
    "=buy",
    "=buys",
    "=buying",
    "bought",
    "purchas",
    "acquir",
    "купил",
    "купит",
    "покуп",
    "приобр",
  ],
  sell: ["sell", "sold", "dump", "прода", "распрод"],
  list: ["=list", "=lists", "=listed", "=listing", "=listings", "листинг"],
  delist: ["delist", "делист"],
  launch: ["launch", "=live", "запуст", "запуск"],
  hack: ["hack", "exploit", "stole", "взлом", "похит", "укра"],
  return: ["return", "refund", "вернул", "вернут", "возврат", "вернув"],
  open: [
    "=open",
    "=opens",
    "=opened",
    "=reopen",
    "=reopened",
    "открыл",
    "открыт",
    "открыв",
    "открыва",
  ],
  close: ["=close", "=closes", "=closed", "=shut", "закрыл", "закрыт", "закрыв", "закрыва"],
  sanction: ["sanction", "санкц"],
  lift: [
    "=lift",
    "=lifts",
    "=lifted",
    "=removes",
    "=removed",
    "=removing",
    "снял",
    "снят",
    "отмен",
    "исключ",
  ],
  sentence: ["sentenc", "приговор"],
  acquit: ["acquit", "оправда"],
  sign: ["=sign", "=signs", "=signed", "подписал", "подписан"],
  veto: ["veto", "вето"],
  against: ["=against", "=против"],
  negation: [
    "=not",
    "=no",
    "=never",
    "=cannot",
    "=can't",
    "=won't",
    "=isn't",
    "=didn't",
    "=doesn't",
    "=without",
    "=не",
    "=нет",
    "=без",
    "=ни",
  ],
};

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** Numbers written as words: exact English words, Russian stems (longest first). */
const EN_NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  half: 0.5,
  double: 2,
  triple: 3,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  tenth: 10,
};
const RU_NUMBER_STEMS: readonly [string, number][] = [
  ["пятьдесят", 50],
  ["пятидесят", 50],
  ["сорок", 40],
  ["тридцат", 30],
  ["двадцат", 20],
  ["пятнадцат", 15],
  ["одиннадцат", 11],
  ["двенадцат", 12],
  ["десят", 10],
  ["девят", 9],
  ["восьм", 8],
  ["восем", 8],
  ["седьм", 7],
  ["сем", 7],
  ["шест", 6],
  ["пят", 5],
  ["четвёрт", 4],
  ["четверт", 4],
  ["четыр", 4],
  ["трет", 3],
  ["трёх", 3],
  ["трех", 3],
  ["три", 3],
  ["втор", 2],
  ["двух", 2],
  ["два", 2],
  ["две", 2],
  ["перв", 1],
  ["полтор", 1.5],
];
const RU_EXACT_SHORT = new Set(["три", "два", "две", "двух", "трёх", "трех"]);

const NUMBER_EXACT = new Map<string, number>([
  ...Object.entries(EN_NUMBER_WORDS),
  ...RU_NUMBER_STEMS.filter(([stem]) => RU_EXACT_SHORT.has(stem)),
]);
const NUMBER_PREFIX = new Map(RU_NUMBER_STEMS.filter(([stem]) => !RU_EXACT_SHORT.has(stem)));

function numberWord(word: string): number | undefined {
  return NUMBER_EXACT.get(word) ?? longestPrefix(NUMBER_PREFIX, word);
}

/** Every prefix of every key of a table, so a lookup stops at the first letter no key has. */
const prefixesOf = new WeakMap<ReadonlyMap<string, unknown>, ReadonlySet<string>>();

/** The value of the longest key of `table` (2 to 10 letters) that `word` starts with. */
function longestPrefix<T>(table: ReadonlyMap<string, T>, word: string): T | undefined {
  let prefixes = prefixesOf.get(table);
  if (!prefixes) {
    const all = new Set<string>();
    for (const key of table.keys()) for (let n = 1; n <= key.length; n++) all.add(key.slice(0, n));
    prefixesOf.set(table, all);
    prefixes = all;
  }
  let found: T | undefined;
  for (let length = 2; length <= Math.min(word.length, 10); length++) {
    const prefix = word.slice(0, length);
    if (!prefixes.has(prefix)) break;
    found = table.get(prefix) ?? found;
  }
  return found;
}

/** Extracts the facts of a (noise-stripped) news text. */
export function factsOf(text: string): NewsFacts {
  const numbers = new Set<string>();
  for (const match of text.matchAll(NUMBER)) numbers.add(normalizeNumber(match));
  const directions = new Set<string>();
  const names = new Set<number>();
  const words = new Set<number>();
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(/[.'’-]+$/, "");
    if (!raw || /^\d/.test(raw)) continue;
    const lower = raw.toLowerCase();
    const hashed = hash32(lower);
    words.add(hashed);
    const spelled = /^\p{L}+$/u.test(lower) ? numberWord(lower) : undefined;
    if (spelled !== undefined) numbers.add(`w${spelled}`);
    const cls = directionOf(lower);
    if (cls) directions.add(cls);
    if (/^\p{Lu}/u.test(raw) && raw.length > 1) names.add(hashed);
  }
  return {
    key: `${[...numbers].sort().join(" ")}|${[...directions].sort().join(" ")}`,
    names: Uint32Array.from(names).sort(),
    words: Uint32Array.from(words).sort(),
  };
}

/** Whether two texts state the same facts (see {@link NewsFacts}). */
export function sameFacts(a: NewsFacts, b: NewsFacts): boolean {
  return (
    a.key === b.key &&
    a.names.every((name) => contains(b.words, name)) &&
    b.names.every((name) => contains(a.words, name))
  );
}

const DIRECTION_EXACT = new Map<string, string>();
const DIRECTION_PREFIX = new Map<string, string>();
for (const [cls, stems] of Object.entries(DIRECTIONS)) {
  for (const stem of stems) {
    const table = stem.startsWith("=") ? DIRECTION_EXACT : DIRECTION_PREFIX;
    const word = stem.replace(/^=/, "");
    if (!table.has(word)) table.set(word, cls);
  }
}

/** The direction class of a word: an exact word first, else its longest listed stem. */
function directionOf(word: string): string | undefined {
  return DIRECTION_EXACT.get(word) ?? longestPrefix(DIRECTION_PREFIX, word);
}

function normalizeNumber(match: RegExpMatchArray): string {
  const [, sign = "", currency = "", digits = "", unit = ""] = match;
  const normalizedSign = sign && sign !== "+" ? "-" : sign;
  // "1,234" and "1 234" group thousands; "1,5" and "1.5" are decimals.
  const grouped =
    /[ ,\u00a0\u202f]\d{3}(?:$|[.,])/.test(digits) && !/^\d+[.,]\d{1,2}$/.test(digits);
  const plain = grouped
    ? digits.replace(/[ ,\u00a0\u202f](?=\d{3})/g, "").replace(",", ".")
    : digits.replace(",", ".");
  let value = Number(plain);
  let suffix = "";
  if (unit === "%") suffix = "%";
  else {
    const scale = SCALES.find(([pattern]) => pattern.test(unit.replace(/\.$/, "")));
    if (scale) value *= scale[1];
  }
  return `${normalizedSign}${currency}${Number.isFinite(value) ? Number(value.toPrecision(12)) : plain}${suffix}`;
}

function contains(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
