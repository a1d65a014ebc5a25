import type { Lang } from "../../i18n/lang";
import type { Findings, FoundAsset } from "./analyze";
import type { EventKind } from "./lexicon";
import type { Phrasebook } from "./phrasebook";
import { EN } from "./phrasebook-en";
import { RU } from "./phrasebook-ru";

const TEXT: Readonly<Record<Lang, Phrasebook>> = { en: EN, ru: RU };
const MAX_NAMES = 4;
const MAX_FIGURES = 4;

/** The reply length the bot allows when the caller does not say (ANSWER_MAX_CHARS default). */
export const DEFAULT_MAX_CHARS = 400;

// One line of the answer and its shorter stand-ins, longest first; a line with no stand-in
// that fits is left out, so the answer is never cut mid-sentence.
type Line = readonly string[];

/**
 * Writes the plain-text offline explanation for {@link Findings}, in `findings.lang`, in at
 * most `maxChars` characters built from whole lines: a label, what happened, what it means
 * for the reader, why it matters, then terms while room is left.
 */
export function compose(findings: Findings, maxChars = DEFAULT_MAX_CHARS): string {
  const t = TEXT[findings.lang];
  return fit(plan(findings, t), maxChars, t.terms);
}

interface Plan {
  readonly lines: readonly Line[];
  /** Lines from this index on ("why it matters") may be left out for the ones before. */
  readonly optionalFrom?: number;
  readonly terms: readonly string[];
}

function plan(f: Findings, t: Phrasebook): Plan {
  const [main, second] = f.events;
  const terms = f.terms.map((term) => `• ${term.label} — ${term.meaning}`);
  const mention = mentionLine(f, t);
  if (main === "scam") {
    const signs = `${t.scamSigns} ${f.scamSigns.join("; ")}.`;
    return {
      lines: [
        [t.label],
        [`${t.scamWarning} ${signs}`, t.scamWarning],
        [`${t.holder} ${t.events.scam.holder}`],
        [`${t.why} ${t.events.scam.why}`],
      ],
      optionalFrom: 3,
      terms,
    };
  }
  if (main) {
    const topic = (kind: EventKind) =>
      kind === "price_move" && f.direction
        ? t.price[f.direction]
        : kind === "etf_flows" && f.flow
          ? t.flow[f.flow]
          : t.events[kind].about;
    const topics = second ? `${topic(main)}${t.also}${topic(second)}` : topic(main);
    const why = main === "etf_flows" && f.flow ? t.flowWhy[f.flow] : t.events[main].why;
    return {
      lines: [
        [t.label],
        [
          join(`${t.about} ${topics}.`, mention),
          `${t.about} ${topics}.`,
          `${t.about} ${topic(main)}.`,
        ],
        [`${t.holder} ${t.events[main].holder}`],
        [`${t.why} ${capitalizeFor(t, why)}`],
      ],
      optionalFrom: 3,
      terms,
    };
  }
  if (f.assets.length + f.exchanges.length > 0) {
    return {
      lines: [[t.label], [join(`${t.about} ${t.unknownEvent}`, mention)], [t.checkSource]],
      terms,
    };
  }
  if (f.terms.length > 0 && !f.offtopic) return { lines: [[t.label], [t.termsOnly]], terms };
  return { lines: [[t.label], [t.offtopic[0]], [t.offtopic[1]]], terms: [] };
}

function fit(plan: Plan, maxChars: number, header: string): string {
  const { lines, terms, optionalFrom = lines.length } = plan;
  const out: string[] = [];
  let used = -1;
  const fits = (text: string, reserve = 0) => used + 1 + text.length + reserve <= maxChars;
  const put = (line: string) => {
    out.push(line);
    used += line.length + 1;
  };
  // Each line leaves room for the shortest form of the lines after it, so a long first line
  // never pushes out "what it means for you".
  const shortest = lines.map((options, i) =>
    i >= optionalFrom ? 0 : Math.min(...options.map((o) => o.length + 1)),
  );
  let placedAll = true;
  lines.forEach((options, i) => {
    const reserve = shortest.slice(i + 1).reduce((sum, n) => sum + n, 0);
    const line = options.find((o) => fits(o, reserve)) ?? options.find((o) => fits(o));
    if (line === undefined) placedAll = false;
    else put(line);
  });
  const [first, ...rest] = terms;
  if (!placedAll || first === undefined || !fits(`\n${header}\n${first}`)) return out.join("\n");
  put("");
  put(header);
  put(first);
  for (const bullet of rest) if (fits(bullet)) put(bullet);
  return out.join("\n");
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

// English lines start with a capital after the colon; Russian ones do not.
function capitalizeFor(t: Phrasebook, s: string): string {
  return t === EN ? capitalize(s) : s;
}

function join(...sentences: string[]): string {
  return sentences.filter(Boolean).join(" ");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
