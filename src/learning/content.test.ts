import { describe, expect, it } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { LANGS } from "../i18n/lang";
import {
  findCourse,
  findLesson,
  findQuestion,
  type Localized,
  TRUE_FALSE_OPTIONS,
} from "./content";
import { ContentError, validateCourses } from "./content-validate";
import { loadCourses } from "./course-data";
import { measureQuizBalance } from "./quiz-balance";

const text = (en: string): Localized => ({ ru: `${en} (ru)`, en });

const question = (id: string) => ({
  id,
  question: text("Which one?"),
  options: [text("A"), text("B"), text("C")],
  correct: 1,
  explanation: text("Because B."),
});

const trueFalse = (id: string, correct = 1) => ({
  id,
  kind: "truefalse",
  question: text("The sky is green."),
  options: [...TRUE_FALSE_OPTIONS],
  correct,
  explanation: text("It is blue."),
});

const lesson = (id: string) => ({
  id,
  title: text(`Lesson ${id}`),
  pages: [text("Page one."), text("Page two.")],
  quiz: ["q1", "q2", "q3"].map(question),
});

const course = (id = "demo", order = 1) => ({
  id,
  order,
  emoji: "🧪",
  title: text("Demo"),
  description: text("A demo course."),
  lessons: ["l1", "l2", "l3", "l4"].map(lesson),
});

/** A copy of `value` with the field at a dotted path ("lessons.0.id") set, or removed. */
function edit(value: object, path: string, to: unknown): unknown {
  const copy = structuredClone(value);
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  const parent = keys.reduce(
    (node, key) => node[key] as Record<string, unknown>,
    copy as Record<string, unknown>,
  );
  if (to === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = to;
  return copy;
}

function rejection(raw: unknown[], sources?: string[]) {
  try {
    validateCourses(raw, sources);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { name: error.name, path: error.path, message: error.message };
  }
  throw new Error("expected validateCourses to throw a ContentError");
}

const COURSE_DIR = join(import.meta.dir, "../../data/courses");
const shipped = loadCourses();

describe("course content", () => {
  it("ships at least 6 courses of at least 4 lessons with quizzes of at least 3 questions", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(6);
    for (const c of shipped) {
      expect(c.lessons.length).toBeGreaterThanOrEqual(4);
      for (const l of c.lessons) expect(l.quiz.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("embeds every course file, named after its order and id", () => {
    const files = readdirSync(COURSE_DIR).filter((f) => f.endsWith(".json"));
    const named = shipped.map((c) => `${String(c.order).padStart(2, "0")}-${c.id}.json`);
    expect(named.toSorted()).toEqual(files.toSorted());
  });

  it("lists courses in order", () => {
    const orders = shipped.map((c) => c.order);
    expect(orders).toEqual(orders.toSorted((a, b) => a - b));
  });

  it("keeps each page a short plain-text message in both languages", () => {
    for (const c of shipped) {
      for (const l of c.lessons) {
        expect(l.pages.length).toBeGreaterThanOrEqual(2);
        expect(l.pages.length).toBeLessThanOrEqual(4);
        for (const page of l.pages) {
          for (const lang of LANGS) {
            expect(page[lang].trim()).not.toBe("");
            expect(page[lang].length).toBeLessThan(900);
            expect(page[lang]).not.toMatch(/<\/?[a-z][^>]*>/i);
          }
        }
      }
    }
  });

  it("gives each choice question 3-4 options and every question a one-line explanation", () => {
    for (const q of shipped.flatMap((c) => c.lessons.flatMap((l) => l.quiz))) {
      if (q.kind === "truefalse") expect(q.options).toEqual(TRUE_FALSE_OPTIONS);
      else expect([3, 4]).toContain(q.options.length);
      for (const lang of LANGS) expect(q.explanation[lang]).not.toContain("\n");
    }
  });

  it("asks at least one true/false question in every course", () => {
    for (const c of shipped) {
      const kinds = c.lessons.flatMap((l) => l.quiz.map((q) => q.kind ?? "choice"));
      expect({ course: c.id, truefalse: kinds.includes("truefalse") }).toEqual({
        course: c.id,
        truefalse: true,
      });
    }
  });

  it("varies the position of the right answer within each course", () => {
    for (const c of shipped) {
      const positions = new Set(c.lessons.flatMap((l) => l.quiz.map((q) => q.correct)));
      expect(positions.size).toBeGreaterThanOrEqual(3);
    }
  });

  // Guessing "the longest option" or "always the last one" must not pay. Measured over the choice
  // questions of ALL course files together (true/false ones have a fixed order and are left out).
  describe("quiz balance over all courses", () => {
    const balance = measureQuizBalance(shipped);

    // At most 35%, so "pick the longest" does not pay; at least 15%, so "never the longest" does
    // not either (with 3-4 options a length-blind key is the longest in about 25-33% of questions).
    it("makes the right answer the longest option in 15-35% of questions, per language", () => {
      for (const lang of LANGS) {
        const share = balance.longestCorrect[lang] / balance.questions;
        const clamped = Math.min(Math.max(share, 0.15), 0.35);
        expect({ lang, share: clamped }).toEqual({ lang, share });
      }
    });

    // For n options a fair key puts 1/n of right answers at each position; each position may be
    // 15 points off that: with 4 options no position holds more than 40% or less than 10% of the
    // keys, with 3 options 18.3%-48.3%. Only option counts with at least 8 questions are judged.
    it("puts the right answer at each position about equally often", () => {
      for (const [n, counts] of Object.entries(balance.positions)) {
        const total = counts.reduce((a, b) => a + b, 0);
        if (total < 8) continue;
        const fair = 1 / Number(n);
        const shares = counts.map((c) => c / total);
        const outside = shares.filter((s) => s > fair + 0.15 || s < fair - 0.15);
        expect({ options: n, shares, outside }).toEqual({ options: n, shares, outside: [] });
      }
    });
  });

  it("measures the longest-correct count and the key positions of choice questions", () => {
    const raw = edit(course(), "lessons.0.quiz.0", {
      ...question("q1"),
      options: [text("A longer wrong answer"), text("B"), text("C")],
    }) as object;
    const withTrueFalse = edit(raw, "lessons.0.quiz.1", trueFalse("q2", 0));
    const balance = measureQuizBalance(validateCourses([withTrueFalse]));
    // 12 questions of 3 options, all keyed 1; one is a true/false that does not count, and the
    // right answer ties for longest (which counts as longest) in all but the edited one.
    expect(balance).toEqual({
      questions: 11,
      longestCorrect: { ru: 10, en: 10 },
      positions: { 3: [0, 11, 0] },
    });
  });

  it("accepts a true/false question and keeps its kind", () => {
    const raw = edit(course(), "lessons.0.quiz.2", trueFalse("q3", 0));
    const q = validateCourses([raw])[0]?.lessons[0]?.quiz[2];
    expect(q?.kind).toBe("truefalse");
    expect(q?.correct).toBe(0);
    expect(validateCourses([course()])[0]?.lessons[0]?.quiz[0]?.kind).toBeUndefined();
  });

  it("rejects a true/false question whose options are not True then False", () => {
    const swapped = edit(course(), "lessons.0.quiz.0", {
      ...trueFalse("q1"),
      options: [...TRUE_FALSE_OPTIONS].reverse(),
    });
    expect(rejection([swapped])).toEqual({
      name: "ContentError",
      path: "courses[0].lessons[0].quiz[0].options[0].ru",
      message:
        'course "demo", lesson "l1": courses[0].lessons[0].quiz[0].options[0].ru: must be "Верно" in a truefalse question',
    });
    const three = edit(course(), "lessons.0.quiz.0", {
      ...trueFalse("q1"),
      options: [...TRUE_FALSE_OPTIONS, text("Maybe")],
    });
    expect(rejection([three]).message).toEndWith(
      "quiz[0].options: a truefalse question has exactly 2 options, has 3",
    );
    const english = edit(course(), "lessons.0.quiz.0", {
      ...trueFalse("q1"),
      options: [{ ru: "Верно", en: "Yes" }, TRUE_FALSE_OPTIONS[1]],
    });
    expect(rejection([english]).path).toBe("courses[0].lessons[0].quiz[0].options[0].en");
  });

  it("rejects an unknown question kind", () => {
    const raw = edit(course(), "lessons.1.quiz.0.kind", "multi");
    expect(rejection([raw]).message).toEndWith(
      'quiz[0].kind: must be "choice" or "truefalse", got "multi"',
    );
  });

  it("finds courses, lessons and questions by id", () => {
    const basics = findCourse(shipped, "basics");
    const lessonFound = basics && findLesson(basics, "consensus");
    const found = lessonFound && findQuestion(lessonFound, "q2");
    expect(found?.id).toBe("q2");
    expect(findCourse(shipped, "nope")).toBeUndefined();
    expect(basics && findLesson(basics, "nope")).toBeUndefined();
    expect(lessonFound && findQuestion(lessonFound, "q9")).toBeUndefined();
  });

  it("returns valid courses typed and sorted by order", () => {
    const courses = validateCourses([course("second", 2), course("first", 1)]);
    expect(courses.map((c) => c.id)).toEqual(["first", "second"]);
  });

  it("rejects a missing language", () => {
    const raw = edit(course(), "lessons.0.title.en", undefined);
    expect(rejection([raw], ["01-demo.json"])).toEqual({
      name: "ContentError",
      path: "courses[0].lessons[0].title.en",
      message:
        '01-demo.json (course "demo", lesson "l1"): courses[0].lessons[0].title.en: missing the "en" text',
    });
  });

  it("names the file, course, lesson and field of a broken question", () => {
    const raw = edit(course("wallets", 2), "lessons.2.quiz.1.explanation", { ru: "Потому что." });
    expect(rejection([course("basics", 1), raw], ["01-basics.json", "02-wallets.json"])).toEqual({
      name: "ContentError",
      path: "courses[1].lessons[2].quiz[1].explanation.en",
      message:
        '02-wallets.json (course "wallets", lesson "l3"): courses[1].lessons[2].quiz[1].explanation.en: missing the "en" text',
    });
  });

  it("names what it can of a course without a usable id", () => {
    const raw = edit(edit(course(), "id", 7) as object, "lessons.0.id", "Intro");
    expect(rejection([raw], ["01-demo.json"]).message).toBe(
      "01-demo.json: courses[0].id: must be a string, got number",
    );
    const lessonOnly = edit(course(), "lessons.0.id", "Intro");
    expect(rejection([lessonOnly]).message).toBe(
      'course "demo", lesson "Intro": courses[0].lessons[0].id: id "Intro" must be lowercase words of [a-z0-9] joined by "-"',
    );
  });

  it("rejects an empty text", () => {
    const raw = edit(course(), "lessons.1.pages.0.ru", "  ");
    expect(rejection([raw]).path).toBe("courses[0].lessons[1].pages[0].ru");
  });

  it("rejects a correct index outside the options", () => {
    const raw = edit(course(), "lessons.1.quiz.0.correct", 3);
    expect(rejection([raw], ["01-demo.json"])).toEqual({
      name: "ContentError",
      path: "courses[0].lessons[1].quiz[0].correct",
      message:
        '01-demo.json (course "demo", lesson "l2"): courses[0].lessons[1].quiz[0].correct: must be an index into options (0..2), got 3',
    });
  });

  it("rejects a duplicate lesson id", () => {
    const raw = edit(course(), "lessons.2.id", "l1");
    expect(rejection([raw])).toEqual({
      name: "ContentError",
      path: "courses[0].lessons[2].id",
      message:
        'course "demo": courses[0].lessons[2].id: duplicate lesson id "l1" (also courses[0].lessons[0].id)',
    });
  });

  it("rejects an id too long for callback data", () => {
    const raw = course("cryptobasics1");
    expect(rejection([raw], ["01-cryptobasics1.json"])).toEqual({
      name: "ContentError",
      path: "courses[0].id",
      message:
        '01-cryptobasics1.json (course "cryptobasics1"): courses[0].id: id "cryptobasics1" is 13 characters; at most 12 fit in callback data',
    });
  });

  it("rejects an id with characters callback data should not carry", () => {
    const raw = edit(course(), "lessons.0.quiz.0.id", "Q:1");
    expect(rejection([raw]).path).toBe("courses[0].lessons[0].quiz[0].id");
  });

  it("rejects a quiz with 2 questions", () => {
    const broken = edit(course("broken", 2), "lessons.3.quiz", [question("q1"), question("q2")]);
    expect(rejection([course("fine", 1), broken], ["01-fine.json", "02-broken.json"])).toEqual({
      name: "ContentError",
      path: "courses[1].lessons[3].quiz",
      message:
        '02-broken.json (course "broken", lesson "l4"): courses[1].lessons[3].quiz: needs at least 3 questions, has 2',
    });
  });

  it("rejects a course with fewer than 4 lessons", () => {
    const raw = { ...course(), lessons: ["l1", "l2", "l3"].map(lesson) };
    expect(rejection([raw]).message).toBe(
      'course "demo": courses[0].lessons: needs at least 4 lessons, has 3',
    );
  });

  it("rejects two options with the same text", () => {
    const raw = edit(course(), "lessons.0.quiz.1.options.2", text("A"));
    expect(rejection([raw]).path).toBe("courses[0].lessons[0].quiz[1].options[2].ru");
  });

  it("rejects a misspelt field instead of ignoring it", () => {
    const raw = edit(course(), "lessons.0.quiz.2.explaination", text("Oops."));
    expect(rejection([raw]).path).toBe("courses[0].lessons[0].quiz[2].explaination");
  });

  it("rejects duplicate course ids and orders", () => {
    expect(rejection([course("a", 1), course("a", 2)])).toEqual({
      name: "ContentError",
      path: "courses[1].id",
      message: 'course "a": courses[1].id: duplicate id "a" (also courses[0].id)',
    });
    expect(rejection([course("a", 1), course("b", 1)]).path).toBe("courses[1].order");
  });

  it("rejects a course that is not an object", () => {
    expect(rejection([null])).toEqual({
      name: "ContentError",
      path: "courses[0]",
      message: "unnamed course: courses[0]: must be an object, got null",
    });
  });
});
