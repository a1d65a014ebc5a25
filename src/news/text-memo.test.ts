import { describe, expect, it } from "bun:test";
import { memoizeText } from "./text-memo";

describe("memoizeText", () => {
  it("reads each text once and returns the same result again", () => {
    const read: string[] = [];
    const length = memoizeText((text) => {
      read.push(text);
      return { length: text.length };
    });
    const first = length("BTC up 5%");
    expect({ again: length("BTC up 5%") === first, other: length("ETH"), read }).toEqual({
      again: true,
      other: { length: 3 },
      read: ["BTC up 5%", "ETH"],
    });
  });

  it("keeps at most `max` texts, forgetting the least recently used", () => {
    const read: string[] = [];
    const upper = memoizeText((text) => {
      read.push(text);
      return text.toUpperCase();
    }, 2);
    for (const text of ["a", "b", "a", "c", "b"]) upper(text);
    expect(read).toEqual(["a", "b", "c", "b"]);
  });
});
