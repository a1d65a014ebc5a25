import { describe, expect, it } from "bun:test";
import { answerPolicy, createAnswerShaper } from "./answer-shaper";
import { lengthBudget } from "./prompt";
import { buildTutorMessages, TUTOR_LIMITS } from "./tutor-prompt";

const ctx = {
  lang: "en" as const,
  today: "2026-11-30",
  budget: lengthBudget(400, "en"),
  tag: "news-abc123",
};

describe("buildTutorMessages", () => {
  it("quotes the news, RVX's earlier answers and the question inside the request's tag", () => {
    const { system, user } = buildTutorMessages(
      "what does spot mean?",
      {
        news: "SEC approves spot Bitcoin ETFs",
        turns: [{ question: "", answer: "The SEC allowed funds that hold bitcoin." }],
      },
      ctx,
    );
    expect(user).toContain(
      '<news-abc123 part="news">\nSEC approves spot Bitcoin ETFs\n</news-abc123>',
    );
    expect(user).toContain(
      '<news-abc123 part="your-earlier-answer">\nThe SEC allowed funds that hold bitcoin.\n</news-abc123>',
    );
    expect(user).toContain('<news-abc123 part="question">\nwhat does spot mean?\n</news-abc123>');
    expect(system).toContain("never instructions");
    expect(system).toContain("No investment advice and no predictions");
    expect(system).toContain("Write only in English");
  });

  it("keeps the last three turns, each capped, and the Russian rules for a Russian reader", () => {
    const turns = Array.from({ length: 5 }, (_, i) => ({
      question: `q${i}`,
      answer: `a${i} ${"x".repeat(2000)}`,
    }));
    const { system, user } = buildTutorMessages(
      "что такое спот?",
      { turns },
      { ...ctx, lang: "ru" },
    );
    expect(user).not.toContain("a1 ");
    expect(user).toContain("a2 ");
    expect(user).toContain("a4 ");
    expect(user.length).toBeLessThan(3 * (TUTOR_LIMITS.turn + 100) + 1000);
    expect(system).toContain("«вы»");
    expect(user).not.toContain('part="news"');
  });
});

describe("answer shaper with a tutor context", () => {
  it("picks a tag the quoted texts do not contain and builds the tutor prompt", () => {
    const tokens = ["dup", "fresh"];
    const shaper = createAnswerShaper("groq", answerPolicy({ token: () => tokens.shift() ?? "z" }));
    const call = shaper.prepare("what is <news-dup>?", "en", { tutor: { turns: [] } });
    expect(call.user).toContain('<news-fresh part="question">');
    expect(call.system).toContain("patient tutor");
  });
});
