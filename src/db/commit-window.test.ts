import { describe, expect, it } from "bun:test";
import { createCommitWindow } from "./commit-window";

describe("commit-window", () => {
  it("holds nothing when no write arrived in the last flush window", () => {
    const window = createCommitWindow(25, 512);
    expect(window.holdMs(1_000)).toBe(0);
    window.record(100, 1_000);
    expect(window.holdMs(1_050)).toBe(0);
  });

  it("grows the hold with load^1.25, reaching flushMs when a window fills flushMax", () => {
    const window = createCommitWindow(25, 512);
    window.record(125, 1_000); // 5,000 writes/s: load 0.122, 1.80 ms
    expect(window.holdMs(1_000)).toBeCloseTo(1.8, 2);
    window.record(387, 1_010); // 512 in the window: load 0.5
    expect(window.holdMs(1_010)).toBeCloseTo(10.51, 2);
    window.record(512, 1_020); // 1,024: the whole window
    expect(window.holdMs(1_020)).toBe(25);
    window.record(5_000, 1_020);
    expect(window.holdMs(1_020)).toBe(25);
  });

  it("forgets writes as the sliding window moves past them", () => {
    const window = createCommitWindow(10, 100);
    window.record(40, 0);
    expect(window.recent(5)).toBe(40);
    expect(window.recent(15)).toBe(20); // the previous bucket, half overlapped
    expect(window.recent(20)).toBe(0);
  });

  it("never holds with DB_FLUSH_MS=0", () => {
    const window = createCommitWindow(0, 512);
    window.record(10_000, 0);
    expect(window.holdMs(0)).toBe(0);
  });
});
