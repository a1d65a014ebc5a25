import { describe, expect, it } from "bun:test";
import { tokensOf } from "../../test/support/fake-ai-streams";
import { createDrafter } from "./draft";

const draftOf = createDrafter(400);

describe("createDrafter", () => {
  it("holds back the word still being written", () => {
    expect([draftOf("Bit"), draftOf("Bitcoin "), draftOf("Bitcoin ro")]).toEqual([
      "",
      "Bitcoin",
      "Bitcoin",
    ]);
  });

  it("never shows a link, a domain or a wallet address, whole or in part", () => {
    const partials = [
      "Read it at https://binan",
      "Read it at https://binance.com/en/support ",
      "Read it at binance.com ",
      "Send to 0x52908400098527886E0F70300698",
      "Send to 0x52908400098527886E0F7030069857D2E4169EE7 ",
      "See [the filing](https://sec.gov/fil",
    ];

    expect(partials.map(draftOf)).toEqual([
      "Read it at",
      "Read it at",
      "Read it at",
      "Send to",
      "Send to",
      "See the",
    ]);
  });

  it("drops Markdown markers a partial text leaves open, and keeps text that only looks like them", () => {
    expect(
      [
        "**Bitcoin is",
        "The **SEC** approved _spot",
        "Use `ledger here",
        "snake_case and 2 * 3 stay ",
        "Цена **биткоина выросла",
      ].map(draftOf),
    ).toEqual([
      "Bitcoin",
      "The SEC approved",
      "Use ledger",
      "snake_case and 2 * 3 stay",
      "Цена биткоина",
    ]);
  });

  it("cuts before an HTML tag still open and strips closed ones", () => {
    expect([draftOf("Prices <b>jumped</b> after the <a href"), draftOf("Prices <b>jum")]).toEqual([
      "Prices jumped after the",
      "Prices",
    ]);
  });

  it("leaves no dangling list marker at the end", () => {
    expect(draftOf("Two things happened:\n- ")).toBe("Two things happened:");
  });

  it("caps a long draft at a word with an ellipsis, within Telegram's limit", () => {
    const long = "Bitcoin miners earned more this week. ".repeat(20);

    const short = createDrafter(100)(long);
    const huge = createDrafter(10_000)("word ".repeat(2000));

    expect(short.length).toBeLessThanOrEqual(100);
    expect(short.endsWith("…")).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(huge.length).toBeLessThanOrEqual(4096);
  });

  it("grows monotonically over a streamed plain answer until the last word", () => {
    const answer = "The exchange paused withdrawals. Users should wait for official news.";
    const tokens = tokensOf(answer);

    const drafts = tokens.map((_, i) => draftOf(tokens.slice(0, i + 1).join("")));

    for (const [i, draft] of drafts.entries()) {
      expect(answer.startsWith(draft)).toBe(true);
      if (i > 0) expect(draft.length).toBeGreaterThanOrEqual(drafts[i - 1]?.length ?? 0);
    }
    expect(drafts.at(-1)).toBe("The exchange paused withdrawals. Users should wait for official");
  });
});
