import { describe, expect, it } from "bun:test";
import type { Lang } from "../../i18n/lang";
import { analyze, type Findings } from "./analyze";
import { compose } from "./compose";
import NEWS from "./corpus/news.json";
import type { EventKind } from "./lexicon";

/**
 * The labelled corpus (corpus/news.json): real-looking posts about real events, each with the
 * assets (tickers of coins and tokens the post names) and the main event kind a careful human
 * would give it. `offtopic` marks a post with nothing about crypto, `none` a crypto post with no
 * recognizable event. Labels were written before the analyzer was tuned. Posts tagged `fresh`
 * were written after the first round of tuning and labelled before their first run, which
 * scored kind 82.5%, assets 95%, scams 2 of 4; the analyzer was then improved with general
 * patterns, so that slice is no longer unseen either. Posts tagged `fresh2` were written
 * after the second round and scored kind 51.7%, assets 93.1%, scams 1 of 3 on their first run:
 * posts tagged `fresh3`, written after the third round, scored kind 58.3%, assets 87.5% (two
 * of the three asset misses were labelling slips, fixed since), scams 0 of 3 on their first run.
 * A keyword lexicon misses new wording, so read the totals as "on known phrasing".
 *
 * Run `bun test src/analyzers/offline/corpus.test.ts` to print the per-field table.
 */
interface Labelled {
  readonly id: string;
  readonly lang: Lang;
  readonly text: string;
  readonly assets: readonly string[];
  readonly event: EventKind | "offtopic" | "none";
  readonly tags?: readonly string[];
}

const CORPUS = NEWS as readonly Labelled[];

// Answers must never tell the reader to trade or predict where a price goes.
const FORBIDDEN: readonly RegExp[] = [
  /(?:^|[.!?:;—]\s*)(?:buy|sell|hold|hodl|invest|short|long)\b/im,
  /\b(?:you should|consider|time to|now is the time to|good time to)\b[^.]{0,40}\b(?:buy|sell|invest|hold)/i,
  /\b(?:buy|sell)(?:ing)? (?:it|now|more|the dip|before|after)\b/i,
  /\bwill (?:rise|grow|go up|fall|drop|pump|moon|recover|reach|rally|crash)\b/i,
  /\bprice (?:target|prediction|forecast)/i,
  /\bto the moon\b/i,
  /\bexpect(?:ed)? (?:the )?(?:price|growth|rally|a rise)/i,
  /\bguaranteed (?:profit|return|growth|gains)/i,
  /(?:покупайте|продавайте|купите|продайте|докупайте|вкладывайте|вложите|инвестируйте|держите монет|фиксируйте прибыль)/i,
  /стоит (?:купить|продать|вложить|докупить|держать)/i,
  /(?:вырастет|упад[её]т|подорожает|подешевеет|взлетит|обвалится)/i,
  /прогноз/i,
];

function kindOf(f: Findings): Labelled["event"] {
  return f.events[0] ?? (f.offtopic ? "offtopic" : "none");
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

interface Row {
  readonly post: Labelled;
  readonly kind: Labelled["event"];
  readonly assets: readonly string[];
  readonly answers: readonly string[];
}

const rows: Row[] = CORPUS.map((post) => {
  const found = analyze(post.text, post.lang);
  const answers = (["en", "ru"] as const).map((lang) => compose(analyze(post.text, lang)));
  return { post, kind: kindOf(found), assets: found.assets.map((a) => a.ticker), answers };
});

const pct = (n: number, d: number) => (d === 0 ? 100 : Math.round((1000 * n) / d) / 10);

function score(slice: readonly Row[]) {
  const scams = slice.filter((r) => r.post.event === "scam");
  return {
    posts: slice.length,
    kind: pct(slice.filter((r) => r.kind === r.post.event).length, slice.length),
    assets: pct(slice.filter((r) => sameSet(r.assets, r.post.assets)).length, slice.length),
    scams: pct(scams.filter((r) => r.kind === "scam").length, scams.length),
    falseScams: slice.filter((r) => r.kind === "scam" && r.post.event !== "scam").length,
  };
}

describe("offline analyzer corpus", () => {
  it("holds at least 150 posts in both languages, 25 of them tricky", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.filter((p) => p.lang === "ru").length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((p) => p.tags?.includes("tricky")).length).toBeGreaterThanOrEqual(25);
    expect(new Set(CORPUS.map((p) => p.id)).size).toBe(CORPUS.length);
  });

  it("meets its accuracy targets and reports them per field", () => {
    const all = score(rows);
    const table = {
      all,
      tricky: score(rows.filter((r) => r.post.tags?.includes("tricky"))),
      "written after tuning": score(rows.filter((r) => r.post.tags?.includes("fresh"))),
      "written after round 2": score(rows.filter((r) => r.post.tags?.includes("fresh2"))),
      "written after round 3": score(rows.filter((r) => r.post.tags?.includes("fresh3"))),
      en: score(rows.filter((r) => r.post.lang === "en")),
      ru: score(rows.filter((r) => r.post.lang === "ru")),
    };
    console.table(table);
    const misses = rows
      .filter((r) => r.kind !== r.post.event || !sameSet(r.assets, r.post.assets))
      .map(
        (r) =>
          `${r.post.id}: kind ${r.kind} (want ${r.post.event}), assets [${r.assets}] (want [${r.post.assets}])`,
      );
    if (misses.length > 0) console.log(`misses:\n${misses.join("\n")}`);
    expect(all.kind).toBeGreaterThanOrEqual(90);
    expect(all.assets).toBeGreaterThanOrEqual(95);
    expect(all.scams).toBe(100);
  });

  it("recognizes advice and predictions when they appear", () => {
    // Lines the analyzer used to write, and typical advice: the check must catch each of them.
    for (const bad of [
      "What it means for you: Prices often jump around listings; buy only on the official exchange.",
      "Что это значит для вас: покупайте только на официальной бирже.",
      "If you keep this coin there, sell it or move it elsewhere in time.",
      "Analysts expect the price to rise after the halving.",
      "Bitcoin will reach $200,000 by the end of the year.",
      "Сейчас стоит купить эфир, пока он дешёвый.",
      "Скорее всего, биткоин вырастет после одобрения ETF.",
    ]) {
      expect(FORBIDDEN.some((re) => re.test(bad))).toBe(true);
    }
  });

  it("gives no investment advice or predictions in any answer, in either language", () => {
    const advice = rows.flatMap((r) =>
      r.answers.flatMap((answer) =>
        FORBIDDEN.filter((re) => re.test(answer)).map((re) => `${r.post.id}: ${re} in ${answer}`),
      ),
    );
    expect(advice).toEqual([]);
  });

  it("starts every scam answer with a warning that names the signs", () => {
    for (const r of rows.filter((row) => row.kind === "scam")) {
      const [, en] = r.answers[0]?.split("\n") ?? [];
      const [, ru] = r.answers[1]?.split("\n") ?? [];
      expect(en).toStartWith("⚠️ Warning: this looks like a scam. Signs: ");
      expect(ru).toStartWith("⚠️ Осторожно: похоже на мошенничество. Признаки: ");
    }
  });

  it("keeps every answer within the limit with the line about the reader", () => {
    for (const r of rows) {
      for (const [i, answer] of r.answers.entries()) {
        expect(answer.length).toBeLessThanOrEqual(400);
        if (r.kind !== "offtopic" && r.kind !== "none") {
          expect(answer).toContain(i === 0 ? "What it means for you:" : "Что это значит для вас:");
        }
      }
    }
  });
});
