import { describe, expect, it } from "bun:test";
import { freshLearner } from "../learning/learner";
import { asked, inLanguageOf } from "./user-language";

describe("a group's language", () => {
  const boris = { ...freshLearner(2, "ru"), firstName: "Борис" };

  it("answers in the group's language when it names one", () => {
    expect(asked(boris, { text: "x", chatId: -1, lang: "en" }).lang).toBe("en");
    expect(asked(boris, { text: "x", chatId: 2 })).toBe(boris);
  });

  it("leaves the member's own language and stored row as they were", () => {
    const inEnglish = asked(boris, { text: "x", chatId: -1, lang: "en" });
    const decision = inLanguageOf(boris, {
      reply: "ok",
      next: { ...inEnglish, xp: 2 },
      writes: [{ type: "ensureUser", userId: 2, firstName: "Борис", lang: "en", at: 1 }],
    });
    expect(decision).toEqual({
      reply: "ok",
      next: { ...boris, xp: 2 },
      writes: [{ type: "ensureUser", userId: 2, firstName: "Борис", lang: "ru", at: 1 }],
    });
  });
});
