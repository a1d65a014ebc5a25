import { LANGS } from "../i18n/lang";
import {
  CONTENT_LIMITS,
  type Course,
  type Lesson,
  type Localized,
  type Question,
  type QuestionKind,
  sortCourses,
  TRUE_FALSE_OPTIONS,
} from "./content";
import {
  type Fail,
  fields,
  id,
  isFields,
  list,
  localized,
  order,
  text,
  unique,
} from "./content-fields";

/** A course file breaks the content rules; `path` points at the offending field. */
export class ContentError extends Error {
  override readonly name = "ContentError";
  constructor(
    /** Like `courses[2].lessons[1].quiz[0].correct`. */
    readonly path: string,
    readonly problem: string,
    /** The course file, course id and lesson id the field belongs to, as far as known. */
    readonly source: string,
  ) {
    super(`${source}: ${path}: ${problem}`);
  }
}

/**
 * Checks raw course data (parsed JSON) field by field and returns it typed, sorted by `order`.
 * `sources[i]` names the file `raw[i]` came from, for error messages. Throws {@link ContentError}.
 */
export function validateCourses(
  raw: readonly unknown[],
  sources: readonly string[] = [],
): Course[] {
  const courses = raw.map((value, i) =>
    parseCourse(value, `courses[${i}]`, { file: sources[i], course: idOf(value) }),
  );
  courses.forEach((course, i) => {
    for (const key of ["id", "order"] as const) {
      const first = courses.findIndex((c) => c[key] === course[key]);
      if (first < i) {
        const fail = failAt({ file: sources[i], course: idOf(raw[i]) });
        const value = JSON.stringify(course[key]);
        fail(`courses[${i}].${key}`, `duplicate ${key} ${value} (also courses[${first}].${key})`);
      }
    }
  });
  return sortCourses(courses);
}

/** Where a field is, for people: the file, and the course and lesson ids when they are known. */
type Where = { readonly file?: string; readonly course?: string; readonly lesson?: string };

const L = CONTENT_LIMITS;

/** A Fail naming `where`, like `01-basics.json (course "basics", lesson "consensus")`. */
function failAt(where: Where): Fail {
  const ids = [
    where.course === undefined ? "" : `course "${where.course}"`,
    where.lesson === undefined ? "" : `lesson "${where.lesson}"`,
  ]
    .filter(Boolean)
    .join(", ");
  const source =
    where.file && ids ? `${where.file} (${ids})` : where.file || ids || "unnamed course";
  return (path, problem) => {
    throw new ContentError(path, problem, source);
  };
}

/** The `id` of a raw course or lesson, when it has a string one. */
function idOf(value: unknown): string | undefined {
  return isFields(value) && typeof value.id === "string" ? value.id : undefined;
}

function parseCourse(value: unknown, path: string, where: Where): Course {
  const fail = failAt(where);
  const o = fields(value, path, ["id", "order", "emoji", "title", "description", "lessons"], fail);
  const course: Course = {
    id: id(o.id, `${path}.id`, L.courseId, fail),
    order: order(o.order, `${path}.order`, fail),
    emoji: text(o.emoji, `${path}.emoji`, 16, fail),
    title: localized(o.title, `${path}.title`, L.title, fail),
    description: localized(o.description, `${path}.description`, L.description, fail),
    lessons: list(o.lessons, `${path}.lessons`, L.minLessons, Infinity, "lessons", fail).map(
      (lesson, i) =>
        parseLesson(lesson, `${path}.lessons[${i}]`, failAt({ ...where, lesson: idOf(lesson) })),
    ),
  };
  unique(course.lessons, `${path}.lessons`, "lesson", fail);
  return course;
}

function parseLesson(value: unknown, path: string, fail: Fail): Lesson {
  const o = fields(value, path, ["id", "title", "pages", "quiz"], fail);
  const lesson: Lesson = {
    id: id(o.id, `${path}.id`, L.lessonId, fail),
    title: localized(o.title, `${path}.title`, L.title, fail),
    pages: list(o.pages, `${path}.pages`, L.minPages, Infinity, "pages", fail).map((page, i) =>
      localized(page, `${path}.pages[${i}]`, L.page, fail),
    ),
    quiz: list(o.quiz, `${path}.quiz`, L.minQuestions, Infinity, "questions", fail).map(
      (question, i) => parseQuestion(question, `${path}.quiz[${i}]`, fail),
    ),
  };
  unique(lesson.quiz, `${path}.quiz`, "question", fail);
  return lesson;
}

function parseQuestion(value: unknown, path: string, fail: Fail): Question {
  const known = ["id", "kind", "question", "options", "correct", "explanation"];
  const o = fields(value, path, known, fail);
  const qid = id(o.id, `${path}.id`, L.questionId, fail);
  const questionType = questionKind(o.kind, `${path}.kind`, fail);
  const question = localized(o.question, `${path}.question`, L.question, fail);
  const rawOptions = list(
    o.options,
    `${path}.options`,
    L.minOptions,
    L.maxOptions,
    "options",
    fail,
  );
  const options = rawOptions.map((option, i) =>
    localized(option, `${path}.options[${i}]`, L.option, fail),
  );
  // Two options with the same text would make "exactly one right answer" a lie.
  options.forEach((option, i) => {
    for (const lang of LANGS) {
      const first = options.findIndex((other) => other[lang] === option[lang]);
      if (first < i) fail(`${path}.options[${i}].${lang}`, `repeats options[${first}].${lang}`);
    }
  });
  const correct = o.correct;
  if (
    typeof correct !== "number" ||
    !Number.isInteger(correct) ||
    correct < 0 ||
    correct >= options.length
  ) {
    return fail(
      `${path}.correct`,
      `must be an index into options (0..${options.length - 1}), got ${JSON.stringify(correct)}`,
    );
  }
  if (questionType === "truefalse") checkTrueFalse(options, `${path}.options`, fail);
  const explanation = localized(o.explanation, `${path}.explanation`, L.explanation, fail);
  const parsed = { id: qid, question, options, correct, explanation };
  return questionType === "truefalse" ? { ...parsed, kind: questionType } : parsed;
}

function questionKind(value: unknown, path: string, fail: Fail): QuestionKind {
  if (value === undefined || value === "choice" || value === "truefalse") return value ?? "choice";
  return fail(path, `must be "choice" or "truefalse", got ${JSON.stringify(value)}`);
}

/** A true/false question offers exactly True then False, in every language. */
function checkTrueFalse(options: readonly Localized[], path: string, fail: Fail): void {
  if (options.length !== TRUE_FALSE_OPTIONS.length) {
    fail(path, `a truefalse question has exactly 2 options, has ${options.length}`);
  }
  TRUE_FALSE_OPTIONS.forEach((expected, i) => {
    for (const lang of LANGS) {
      if (options[i]?.[lang] !== expected[lang]) {
        fail(`${path}[${i}].${lang}`, `must be "${expected[lang]}" in a truefalse question`);
      }
    }
  });
}
