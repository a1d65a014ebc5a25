import { describe, expect, it } from "bun:test";
import { CHECK_ANSWER_CALLBACK, checkAnswerData, MAX_CALLBACK_BYTES } from "./callback-data";
import { parseStartPayload, privateLink, startPayload } from "./deep-link";

describe("deep links", () => {
  it("round-trips the courses and a lesson through a /start payload", () => {
    for (const payload of [
      { kind: "learn" },
      { kind: "lesson", courseId: "basics-12345", lessonId: "what-is-money-12" },
    ] as const) {
      const text = startPayload(payload);
      expect(text).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(parseStartPayload(text)).toEqual(payload);
    }
    expect(privateLink("rvx_bot", { kind: "learn" })).toBe("https://t.me/rvx_bot?start=learn");
  });

  it("reads nothing from a payload it did not write", () => {
    for (const text of ["", "l_", "l_a", "l_A_b", "learn2", "l_a_b_c"]) {
      expect(parseStartPayload(text)).toBeUndefined();
    }
  });
});

describe("check answer callback data", () => {
  it("stays far below 64 bytes and parses back", () => {
    const data = checkAnswerData(999_999_999_999, "lq12", 5);
    expect(data.length).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(CHECK_ANSWER_CALLBACK.exec(data)?.slice(1)).toEqual(["999999999999", "lq12", "5"]);
    expect(CHECK_ANSWER_CALLBACK.exec("ca:5:g:0")?.slice(1)).toEqual(["5", "g", "0"]);
    for (const forged of ["ca:0:g:1", "ca:5:x:1", "ca:5:g:10", "ca:5:lQ:1"]) {
      expect(CHECK_ANSWER_CALLBACK.test(forged)).toBe(false);
    }
  });
});
