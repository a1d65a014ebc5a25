import { describe, expect, it } from "bun:test";
import { classifyIntent } from "./classify";
import corpus from "./corpus.json";
import type { LabelledMessage } from "./evaluate";
import { features, scamLogOdds, trainScamModel } from "./scam-model";

const SET = corpus as readonly LabelledMessage[];
const FOLDS = 5;

// Each message is scored by a model that never saw it: train on four folds, test on the fifth.
function crossValidated() {
  const rows: { m: LabelledMessage; odds: number; intent: string }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = trainScamModel(
      SET.filter((_, i) => i % FOLDS !== k).map((m) => ({
        text: m.text,
        scam: m.intent === "scam",
      })),
    );
    SET.forEach((m, i) => {
      if (i % FOLDS !== k) return;
      rows.push({
        m,
        odds: scamLogOdds(model, m.text),
        intent: classifyIntent(m.text, { scamModel: model }).intent,
      });
    });
  }
  return rows;
}

describe("scam-model", () => {
  it("reads words, word pairs and placeholders for links, handles and amounts", () => {
    const f = features("Send 0.5 ETH to @helpdesk_bot now: https://x.io/a, 20% bonus, $100");
    for (const want of ["send", "eth", "zzat", "zzurl", "zzpct", "zzmoney", "send 0"]) {
      expect({ want, has: f.has(want) }).toEqual({ want, has: true });
    }
  });

  it("leans scam on scam wording and not on news wording", () => {
    const model = trainScamModel(SET.map((m) => ({ text: m.text, scam: m.intent === "scam" })));
    expect(scamLogOdds(model, "deposit now and we guarantee 3% daily profit")).toBeGreaterThan(0);
    expect(scamLogOdds(model, "Bitcoin ETF outflows continue for a third week")).toBeLessThan(0);
  });

  it("recognizes scams it was not trained on (5-fold cross-validation) without losing news", () => {
    const rows = crossValidated();
    const scams = rows.filter((r) => r.m.intent === "scam");
    const others = rows.filter((r) => r.m.intent !== "scam");
    const news = rows.filter((r) => r.m.intent === "news");
    const modelRecall = scams.filter((r) => r.odds > 0).length / scams.length;
    const modelFalse = others.filter((r) => r.odds > 0).length / others.length;
    const newsRecall = news.filter((r) => r.intent === "news").length / news.length;
    const scamRecall = scams.filter((r) => r.intent === "scam").length / scams.length;
    console.log(
      `scam model, ${FOLDS}-fold CV over ${rows.length}: model alone recall ${(modelRecall * 100).toFixed(1)}%, ` +
        `false alarms ${(modelFalse * 100).toFixed(1)}% of non-scams; classifier (rules in-sample): ` +
        `scam recall ${(scamRecall * 100).toFixed(1)}%, news recall ${(newsRecall * 100).toFixed(1)}%`,
    );
    expect(modelRecall).toBeGreaterThanOrEqual(0.8);
    expect(modelFalse).toBeLessThanOrEqual(0.02);
    expect(newsRecall).toBeGreaterThanOrEqual(0.97);
  });
});
