import { describe, expect, it } from "bun:test";
import { loadCourses } from "../learning/course-data";
import { decodeReply, encodeReply, StaleReplyError } from "./reply-codec";

describe("reply codec", () => {
  const courses = loadCourses();
  const course = courses[0];
  const lesson = course?.lessons[0];
  if (!course || !lesson) throw new Error("the shipped courses are empty");

  it("stores courses and lessons by id and restores them from the content", () => {
    const reply = {
      ok: true,
      view: { kind: "result", course, lesson, score: 3 },
      reward: { xp: 30 },
    };
    const encoded = encodeReply(reply);
    expect(encoded.length).toBeLessThan(200);
    expect(decodeReply(encoded, courses)).toEqual(reply);
  });

  it("round-trips replies without content unchanged", () => {
    const reply = { ok: true, text: "explained", xpAwarded: 5, remaining: 49, leveledUp: false };
    expect(decodeReply(encodeReply(reply), courses)).toEqual(reply);
  });

  it("refuses a reply naming a course this build does not have", () => {
    const encoded = encodeReply({ ok: true, view: { kind: "page", course, lesson, page: 0 } });
    expect(() => decodeReply(encoded, [])).toThrow(StaleReplyError);
  });
});
