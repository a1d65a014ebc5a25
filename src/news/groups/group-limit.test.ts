import { describe, expect, it } from "bun:test";
import { decideGroupExplain, GROUP_WINDOW_MS, isGroupAdmin } from "./group-limit";

describe("decideGroupExplain", () => {
  it("admits answers up to the limit within an hour and counts what is left", () => {
    const first = decideGroupExplain([], 1000, 2);
    expect(first).toEqual({ admission: { ok: true, remaining: 1 }, next: [1000] });
    const second = decideGroupExplain(first.next, 2000, 2);
    expect(second).toEqual({ admission: { ok: true, remaining: 0 }, next: [1000, 2000] });
  });

  it("refuses past the limit until the oldest answer leaves the window", () => {
    const refused = decideGroupExplain([1000, 2000], 3000, 2);
    expect(refused).toEqual({
      admission: { ok: false, reason: "group_limit", retryInMs: 1000 + GROUP_WINDOW_MS - 3000 },
      next: [1000, 2000],
    });
  });

  it("forgets answers older than the window", () => {
    const later = decideGroupExplain([1000, 2000], 1000 + GROUP_WINDOW_MS, 2);
    expect(later).toEqual({
      admission: { ok: true, remaining: 0 },
      next: [2000, 1000 + GROUP_WINDOW_MS],
    });
  });
});

describe("isGroupAdmin", () => {
  it("lets only the creator and administrators change group settings", () => {
    expect(
      ["creator", "administrator", "member", "restricted", "left", "kicked"].map(isGroupAdmin),
    ).toEqual([true, true, false, false, false, false]);
  });
});
