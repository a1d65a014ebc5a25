import { describe, expect, it } from "bun:test";
import items from "./corpus/news.json";
import { type CorpusItem, mutations, reposts } from "./corpus/reposts";
import { fingerprint } from "./fingerprint";
import { createNearIndex } from "./near-index";

const corpus = items as CorpusItem[];

/** Every base news indexed under its id. */
function indexed() {
  const index = createNearIndex();
  for (const item of corpus) index.add(item.id, fingerprint(item.base));
  return index;
}

describe("near-duplicate index: labelled corpus", () => {
  const index = indexed();
  const variants = corpus.flatMap((item, n) =>
    [...item.rewordings, ...reposts(item, n)].map((text) => ({ id: item.id, text })),
  );
  const different = corpus.flatMap((item) =>
    [...item.different, ...mutations(item)].map((text) => ({ id: item.id, text })),
  );

  it("has at least 50 news, 300 repost variants and 200 near-but-different texts", () => {
    expect({
      news: corpus.length >= 50,
      variants: variants.length >= 300,
      different: different.length >= 200,
    }).toEqual({ news: true, variants: true, different: true });
  });

  it("finds the cached news for at least 85% of its reposts and rewordings", () => {
    const misses = variants.filter((v) => index.find(fingerprint(v.text))?.key !== v.id);
    const wrong = variants.filter((v) => {
      const found = index.find(fingerprint(v.text))?.key;
      return found !== undefined && found !== v.id;
    });
    const hitRate = 1 - misses.length / variants.length;
    console.log(
      `near-duplicate corpus: ${variants.length} variants, hit rate ${(hitRate * 100).toFixed(1)}%, ` +
        `${misses.length} misses, ${wrong.length} matched another news`,
    );
    expect(wrong).toEqual([]);
    expect(hitRate).toBeGreaterThanOrEqual(0.85);
  });

  it("never matches news whose numbers, direction or names differ", () => {
    const falseHits = different
      .map((d) => ({ ...d, found: index.find(fingerprint(d.text)) }))
      .filter((d) => d.found !== undefined);
    console.log(
      `near-duplicate corpus: ${different.length} near-but-different texts, ${falseHits.length} false hits`,
    );
    expect(falseHits).toEqual([]);
  });

  it("never matches across languages", () => {
    const enOnly = createNearIndex();
    for (const item of corpus.filter((i) => i.lang === "en"))
      enOnly.add(item.id, fingerprint(item.base));
    const crossHits = corpus.filter((i) => i.lang === "ru" && enOnly.find(fingerprint(i.base)));
    expect(crossHits).toEqual([]);
  });
});

describe("near-duplicate index", () => {
  it("keeps numbers with their scale and sign apart", () => {
    const index = createNearIndex();
    index.add(
      "a",
      fingerprint("Hackers stole $40 million from the bridge, the team said on Monday."),
    );
    expect(
      index.find(
        fingerprint("Hackers stole $400 million from the bridge, the team said on Monday."),
      ),
    ).toBeUndefined();
    expect(
      index.find(fingerprint("Hackers stole $40 million from the bridge, the team said Monday."))
        ?.key,
    ).toBe("a");
    index.add("b", fingerprint("BTC up 5% in a day after the Fed decision on rates."));
    expect(
      index.find(fingerprint("BTC down 5% in a day after the Fed decision on rates.")),
    ).toBeUndefined();
    expect(
      index.find(fingerprint("BTC -5% in a day after the Fed decision on rates.")),
    ).toBeUndefined();
  });

  it("forgets removed and replaced entries", () => {
    const index = createNearIndex();
    const text =
      "The SEC has approved 11 spot bitcoin ETFs, including funds from BlackRock and Fidelity.";
    index.add("k", fingerprint(text));
    index.remove("k");
    expect({ found: index.find(fingerprint(text)), size: index.size }).toEqual({
      found: undefined,
      size: 0,
    });
  });

  it("finds nothing for text without words", () => {
    expect(indexed().find(fingerprint("🔥🔥🔥 #crypto https://example.com"))).toBeUndefined();
  });

  it("finds the one with the same figures among thousands of one template", () => {
    const index = createNearIndex();
    const price = (n: number) =>
      `Bitcoin trades at $${90_000 + n} on Binance as ETF inflows continue, data from CoinGlass shows.`;
    for (let n = 0; n < 3_000; n++) index.add(`p${n}`, fingerprint(price(n)));
    const repost = `🚨 BREAKING: ${price(1_234)}\n\nvia @btc_insider`;
    expect(index.find(fingerprint(repost))?.key).toBe("p1234");
    expect(index.find(fingerprint(price(5_000)))).toBeUndefined();
  });
});
