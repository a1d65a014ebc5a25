import { describe, expect, it } from "bun:test";
import { CONTENT_LIMITS } from "../learning/content";
import { loadCourses } from "../learning/course-data";
import { REMINDER_HOURS, UTC_OFFSETS } from "../learning/reminder-rules";
import {
  encodeAction,
  type LearnAction,
  MAX_CALLBACK_BYTES,
  parseAction,
  parseReminderButton,
  type ReminderButton,
  reminderData,
} from "./callback-data";

const longest: LearnAction = {
  kind: "answer",
  courseId: "c".repeat(CONTENT_LIMITS.courseId),
  lessonId: "l".repeat(CONTENT_LIMITS.lessonId),
  questionId: "q".repeat(CONTENT_LIMITS.questionId),
  attempt: 999_999,
  shown: CONTENT_LIMITS.maxOptions - 1,
};

describe("learn callback data", () => {
  it("round-trips every kind of action", () => {
    const actions: LearnAction[] = [
      { kind: "courses" },
      { kind: "course", courseId: "basics" },
      { kind: "page", courseId: "basics", lessonId: "what-is-money", page: 2 },
      { kind: "quiz", courseId: "defi", lessonId: "impermanent-loss" },
      {
        kind: "answer",
        courseId: "news",
        lessonId: "etfs",
        questionId: "q3",
        attempt: 1,
        shown: 0,
      },
      { kind: "review", courseId: "news", lessonId: "etfs", attempt: 12, page: 3 },
      longest,
    ];
    for (const action of actions) expect(parseAction(encodeAction(action))).toEqual(action);
  });

  it("fits Telegram's 64 bytes with the longest ids content allows", () => {
    const bytes = Buffer.byteLength(encodeAction(longest));
    expect(bytes).toBe(45);
    expect(bytes).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    const review = encodeAction({
      kind: "review",
      courseId: "c".repeat(CONTENT_LIMITS.courseId),
      lessonId: "l".repeat(CONTENT_LIMITS.lessonId),
      attempt: 999_999,
      page: 99,
    });
    expect(Buffer.byteLength(review)).toBe(41);
  });

  it("encodes every shipped question's answers within the limit", () => {
    for (const course of loadCourses()) {
      for (const lesson of course.lessons) {
        for (const question of lesson.quiz) {
          const data = encodeAction({
            kind: "answer",
            courseId: course.id,
            lessonId: lesson.id,
            questionId: question.id,
            attempt: 999_999,
            shown: question.options.length - 1,
          });
          expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        }
      }
    }
  });

  it("rejects forged, malformed and oversized data", () => {
    const forged = [
      "",
      "M:",
      "C:",
      "C:Basics",
      "C:basics:",
      `C:${"a".repeat(13)}`,
      "L:basics:what-is-money",
      "L:basics:what-is-money:01",
      "L:basics:what-is-money:100",
      "L:basics:what-is-money:-1",
      "S:basics",
      "Q:basics:what-is-money:q1",
      // The answer format before option shuffling had no attempt.
      "Q:basics:what-is-money:q1:1",
      "Q:basics:what-is-money:q1:1:10",
      "Q:basics:what-is-money:q1:0:1",
      "Q:basics:what-is-money:q1:01:1",
      "Q:basics:what-is-money:q1:1234567:1",
      "Q:basics:what-is-money:q12345:1:1",
      "Q:basics:-money:q1:1:1",
      "Q:basics:what-is-money:q1:1:1\n",
      "Q:ba sics:what-is-money:q1:1:1",
      "R:basics:what-is-money:1",
      "R:basics:what-is-money:0:0",
      "R:basics:what-is-money:1:100",
      "lang:ru",
      `Q:${"x".repeat(70)}`,
    ];
    for (const data of forged)
      expect({ data, action: parseAction(data) }).toEqual({ data, action: undefined });
  });
});

describe("reminder callback data", () => {
  it("round-trips every offered zone and hour within 64 bytes", () => {
    const buttons: ReminderButton[] = [{ kind: "zones" }, { kind: "off" }];
    for (const offsetMinutes of UTC_OFFSETS) {
      buttons.push({ kind: "hours", offsetMinutes });
      for (const hour of REMINDER_HOURS) buttons.push({ kind: "set", offsetMinutes, hour });
    }
    for (const button of buttons) {
      const data = reminderData(button);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      expect(parseReminderButton(data)).toEqual(button);
    }
  });

  it("rejects forged data: quiet hours, offsets not offered, malformed numbers", () => {
    for (const data of [
      "rm:h:180:22",
      "rm:h:180:7",
      "rm:h:180:0",
      "rm:h:17:9",
      "rm:h:900:9",
      "rm:o:-0",
      "rm:o:0180",
      "rm:o:180:9",
      "rm:h:180",
      "rm:h:180:09",
      "rm:y",
      `rm:h:180:9${"0".repeat(70)}`,
    ]) {
      expect(parseReminderButton(data)).toBeUndefined();
    }
  });
});
