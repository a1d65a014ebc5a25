/**
 * Intent classification time per message over the labelled corpus: one cold pass (first calls,
 * JIT not warm, the first call also trains the bundled scam model), then warm passes, each call
 * timed on its own. Prints p50/p95/p99/max in µs and the model's training time.
 * Writes no result file (the figure is reported, not compared against a baseline).
 *
 *   bun run scripts/bench/intent.ts [--quick]
 */

import { classifyIntent } from "../../src/news/intent/classify";
import corpus from "../../src/news/intent/corpus.json";
import { trainScamModel } from "../../src/news/intent/scam-model";
import { formatPercentiles, header, percentiles, quick, round } from "./lib";

const texts = (corpus as readonly { readonly text: string }[]).map((m) => m.text);
const WARM_PASSES = quick ? 20 : 200;

function pass(): number[] {
  const micros: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    classifyIntent(text);
    micros.push((performance.now() - started) * 1000);
  }
  return micros;
}

header("intent", `classifyIntent over ${texts.length} corpus messages`);
// The first classifyIntent call trains the bundled scam model; time a training on its own too.
const examples = (corpus as readonly { text: string; intent: string }[]).map((m) => ({
  text: m.text,
  scam: m.intent === "scam",
}));
const trainStarted = performance.now();
trainScamModel(examples);
const trainMs = round(performance.now() - trainStarted);
const cold = pass();
for (let i = 0; i < 5; i++) pass();
const warm: number[] = [];
for (let i = 0; i < WARM_PASSES; i++) warm.push(...pass());
const longPost = texts.reduce((a, b) => (b.length > a.length ? b : a));
const max = (xs: readonly number[]) => round(xs.reduce((a, b) => Math.max(a, b), 0));
console.log(
  `cold pass (1 × ${texts.length}): ${formatPercentiles(percentiles(cold), "µs")}, max ${max(cold)} µs`,
);
console.log(
  `warm (${WARM_PASSES} × ${texts.length} = ${warm.length} calls): ${formatPercentiles(percentiles(warm), "µs")}, max ${max(warm)} µs`,
);
console.log(`longest corpus message: ${longPost.length} chars`);
console.log(`scam model training (once, on first use): ${trainMs} ms`);
