import { classifyIntent, INTENTS, type Intent } from "./classify";

/** One labelled message of the intent corpus. */
export interface LabelledMessage {
  readonly lang: "ru" | "en";
  readonly intent: Intent;
  readonly text: string;
}

/** Precision and recall of one intent over a labelled set. */
export interface IntentScore {
  readonly intent: Intent;
  /** Messages labelled with this intent. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
}

/** A message the classifier got wrong. */
export interface Miss {
  readonly expected: Intent;
  readonly got: Intent;
  readonly text: string;
}

/** Classifies every message and scores each intent against the labels. */
export function evaluate(set: readonly LabelledMessage[]): {
  readonly scores: readonly IntentScore[];
  readonly misses: readonly Miss[];
} {
  const misses: Miss[] = [];
  const predicted = new Map<Intent, number>();
  const correct = new Map<Intent, number>();
  const support = new Map<Intent, number>();
  for (const m of set) {
    const got = classifyIntent(m.text).intent;
    support.set(m.intent, (support.get(m.intent) ?? 0) + 1);
    predicted.set(got, (predicted.get(got) ?? 0) + 1);
    if (got === m.intent) correct.set(got, (correct.get(got) ?? 0) + 1);
    else misses.push({ expected: m.intent, got, text: m.text });
  }
  const scores = INTENTS.map((intent) => {
    const hit = correct.get(intent) ?? 0;
    const guessed = predicted.get(intent) ?? 0;
    const labelled = support.get(intent) ?? 0;
    return {
      intent,
      support: labelled,
      precision: guessed === 0 ? 1 : hit / guessed,
      recall: labelled === 0 ? 1 : hit / labelled,
    };
  });
  return { scores, misses };
}

/** The scores as a plain-text table, one intent per line. */
export function formatScores(scores: readonly IntentScore[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const lines = scores.map(
    (s) =>
      `${s.intent.padEnd(10)}${String(s.support).padStart(5)}${pct(s.precision)} ${pct(s.recall)}`,
  );
  const head = `${"intent".padEnd(10)}${"n".padStart(5)}${"prec".padStart(7)} ${"recall".padStart(7)}`;
  return [head, ...lines].join("\n");
}
