import { URL_PATTERN } from "./prepare";
import { ADDRESS } from "./scam-patterns";

/**
 * A naive Bayes model of scam wording (words and word pairs present in a message), trained on
 * labelled messages. It backs up the scam signs: the rules name what they see, the model
 * recognizes scams worded in ways no rule was written for.
 */
export interface ScamModel {
  /** log P(scam) − log P(other). */
  readonly prior: number;
  /** Per feature: log P(feature | scam) − log P(feature | other), smoothed. */
  readonly weights: ReadonlyMap<string, number>;
}

/** One training message. */
export interface ScamExample {
  readonly text: string;
  readonly scam: boolean;
}

const WORD = /[\p{L}]+|\d+/gu;
// Placeholders let the model see "a link", "a handle", "an address", "a percentage".
const MARKS: readonly (readonly [RegExp, string])[] = [
  [URL_PATTERN, " zzurl "],
  [new RegExp(ADDRESS.source, "gu"), " zzaddr "],
  [/@\w{3,}/gu, " zzat "],
  [/\d+(?:[.,]\d+)?\s?%/gu, " zzpct "],
  [/[$€₽£]\s?\d|\d\s?[$€₽£]/gu, " zzmoney "],
];

/** The features of a message: its distinct words and adjacent word pairs, lowercased. */
export function features(text: string): ReadonlySet<string> {
  let t = text.normalize("NFKC").toLowerCase();
  for (const [re, mark] of MARKS) t = t.replace(re, mark);
  const words = (t.match(WORD) ?? []).map((w) => (/^\d+$/.test(w) ? "0" : w));
  const out = new Set<string>(words);
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/**
 * Trains the model: multinomial naive Bayes over the features present in each message, with
 * add-one smoothing (so a word seen once among thousands of ordinary words does not lean scam).
 */
export function trainScamModel(examples: readonly ScamExample[]): ScamModel {
  const inScam = new Map<string, number>();
  const inOther = new Map<string, number>();
  let scams = 0;
  let scamTotal = 0;
  let otherTotal = 0;
  for (const ex of examples) {
    const counts = ex.scam ? inScam : inOther;
    const fs = features(ex.text);
    if (ex.scam) {
      scams++;
      scamTotal += fs.size;
    } else otherTotal += fs.size;
    for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const vocabulary = new Set([...inScam.keys(), ...inOther.keys()]);
  const v = vocabulary.size;
  const weights = new Map<string, number>();
  for (const f of vocabulary) {
    const pScam = ((inScam.get(f) ?? 0) + 1) / (scamTotal + v);
    const pOther = ((inOther.get(f) ?? 0) + 1) / (otherTotal + v);
    weights.set(f, Math.log(pScam) - Math.log(pOther));
  }
  const others = examples.length - scams;
  return { prior: Math.log((scams + 1) / (others + 1)), weights };
}

/** The log-odds that the text is a scam; above 0 the model leans scam. */
export function scamLogOdds(model: ScamModel, text: string): number {
  let sum = model.prior;
  for (const f of features(text)) sum += model.weights.get(f) ?? 0;
  return sum;
}
