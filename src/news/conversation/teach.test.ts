import { describe, expect, it } from "bun:test";
import { loadCourses } from "../../learning/course-data";
import { loadGlossary } from "../../learning/glossary-data";
import { EVENT_TERMS, lessonMinutes, mainTerm, teachingLesson } from "./teach";

const courses = loadCourses();
const glossary = loadGlossary(courses);

describe("mainTerm", () => {
  it("prefers the event kind's term to the terms a text names", () => {
    expect(mainTerm(["etf"], ["sec", "spot-etf"], glossary)?.id).toBe("etf");
    expect(mainTerm(["hack", "price_move"], [], glossary)?.id).toBe("hack");
  });

  it("falls back to the first named term that has a lesson, else none", () => {
    expect(mainTerm([], ["sec"], glossary)?.id).toBe("sec");
    expect(mainTerm(["airdrop"], [], glossary)).toBeUndefined(); // the airdrop term has no lesson
    expect(mainTerm([], [], glossary)).toBeUndefined();
  });

  it("maps every event kind to at least one glossary term with a lesson", () => {
    const withLesson = new Set(glossary.filter((t) => t.lesson).map((t) => t.id));
    const unmapped = Object.entries(EVENT_TERMS)
      .filter(([, ids]) => !ids.some((id) => withLesson.has(id)))
      .map(([kind]) => kind);
    expect(unmapped).toEqual(["airdrop"]);
  });
});

describe("lessonMinutes", () => {
  it("reads 150 words a minute plus half a minute a quiz question, at least one", () => {
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    const lesson = {
      id: "x",
      title: { ru: "x", en: "x" },
      pages: [{ ru: words(300), en: words(150) }],
      quiz: [],
    };
    expect(lessonMinutes(lesson, "ru")).toBe(2);
    expect(lessonMinutes(lesson, "en")).toBe(1);
    expect(lessonMinutes({ ...lesson, pages: [{ ru: "", en: "" }] }, "en")).toBe(1);
  });

  it("gives every shipped lesson a few minutes", () => {
    const minutes = courses.flatMap((c) => c.lessons.map((l) => lessonMinutes(l, "en")));
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...minutes)).toBeLessThanOrEqual(15);
  });
});

describe("teachingLesson", () => {
  it("names the term's lesson in the answer's language with its minutes", () => {
    const etf = glossary.find((t) => t.id === "etf");
    if (!etf) throw new Error("no ETF term");
    const lesson = teachingLesson(etf, courses, "en");
    expect(lesson).toMatchObject({
      course: etf.lesson?.course,
      lesson: etf.lesson?.lesson,
      term: "etf",
    });
    expect(lesson?.minutes).toBeGreaterThan(0);
  });
});
