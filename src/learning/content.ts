import { LANGS, type Lang } from "../i18n/lang";

/** A text in every language RVX speaks. */
export type Localized = Readonly<Record<Lang, string>>;

/** One Telegram message of a lesson: plain text, never HTML. */
export type Page = Localized;

/**
 * How a question is asked. `"choice"` (the default when the field is absent): 2-6 options, one
 * right. `"truefalse"`: the question is a statement and the options are exactly
 * {@link TRUE_FALSE_OPTIONS}, True first, so `correct` is 0 (true) or 1 (false); its option order is
 * fixed, which is why quiz balance checks leave it out.
 */
export type QuestionKind = "choice" | "truefalse";

/** The two options of every true/false question, in this order. */
export const TRUE_FALSE_OPTIONS: readonly Localized[] = [
  { ru: "Верно", en: "True" },
  { ru: "Неверно", en: "False" },
];

export interface Question {
  readonly id: string;
  /** In JSON `"choice"`, `"truefalse"` or absent (choice); parsed, only `"truefalse"` is kept. */
  readonly kind?: QuestionKind;
  readonly question: Localized;
  readonly options: readonly Localized[];
  /** Index into `options` of the one right answer. */
  readonly correct: number;
  /** One line on why the right answer is right. */
  readonly explanation: Localized;
}

export interface Lesson {
  readonly id: string;
  readonly title: Localized;
  readonly pages: readonly Page[];
  readonly quiz: readonly Question[];
}

export interface Course {
  readonly id: string;
  /** Position in the course list; unique across courses. */
  readonly order: number;
  readonly emoji: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly lessons: readonly Lesson[];
}

/**
 * What content must respect. Id lengths keep `course:lesson:question` callback data far below
 * Telegram's 64 bytes; question, option and explanation lengths are Telegram's quiz-poll limits,
 * so a question can also be sent as a native poll.
 */
export const CONTENT_LIMITS = {
  courseId: 12,
  lessonId: 16,
  questionId: 4,
  title: 100,
  description: 500,
  page: 3500,
  question: 300,
  option: 100,
  explanation: 200,
  minLessons: 4,
  minPages: 1,
  minQuestions: 3,
  minOptions: 2,
  maxOptions: 6,
} as const;

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

/** Courses in the order they are listed to users. */
export function sortCourses(courses: readonly Course[]): Course[] {
  return courses.toSorted((a, b) => a.order - b.order);
}

export function findCourse(courses: readonly Course[], id: string): Course | undefined {
  return courses.find((c) => c.id === id);
}

export function findLesson(course: Course, id: string): Lesson | undefined {
  return course.lessons.find((l) => l.id === id);
}

export function findQuestion(lesson: Lesson, id: string): Question | undefined {
  return lesson.quiz.find((q) => q.id === id);
}

type Fail = (path: string, problem: string) => never;
type Fields = Readonly<Record<string, unknown>>;
/** Where a field is, for people: the file, and the course and lesson ids when they are known. */
type Where = { readonly file?: string; readonly course?: string; readonly lesson?: string };

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
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

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object with no fields beyond `known`, so a misspelt field is caught, not ignored. */
function fields(value: unknown, path: string, known: readonly string[], fail: Fail): Fields {
  if (!isFields(value)) return fail(path, `must be an object, got ${kind(value)}`);
  const extra = Object.keys(value).find((key) => !known.includes(key));
  if (extra !== undefined) fail(`${path}.${extra}`, `unknown field (expected ${known.join(", ")})`);
  return value;
}

function list(
  value: unknown,
  path: string,
  min: number,
  max: number,
  what: string,
  fail: Fail,
): readonly unknown[] {
  if (!Array.isArray(value)) return fail(path, `must be an array of ${what}, got ${kind(value)}`);
  if (value.length < min) fail(path, `needs at least ${min} ${what}, has ${value.length}`);
  if (value.length > max) fail(path, `allows at most ${max} ${what}, has ${value.length}`);
  return value;
}

function text(value: unknown, path: string, max: number, fail: Fail): string {
  if (typeof value !== "string") return fail(path, `must be a string, got ${kind(value)}`);
  if (value.trim() === "") fail(path, "must not be empty");
  if (value.length > max) fail(path, `is ${value.length} characters, the limit is ${max}`);
  return value;
}

function localized(value: unknown, path: string, max: number, fail: Fail): Localized {
  const o = fields(value, path, LANGS, fail);
  const missing = LANGS.find((lang) => !(lang in o));
  if (missing !== undefined) fail(`${path}.${missing}`, `missing the "${missing}" text`);
  return Object.fromEntries(
    LANGS.map((lang) => [lang, text(o[lang], `${path}.${lang}`, max, fail)]),
  ) as Localized;
}

function id(value: unknown, path: string, max: number, fail: Fail): string {
  const s = text(value, path, Infinity, fail);
  if (!ID_PATTERN.test(s)) {
    fail(path, `id "${s}" must be lowercase words of [a-z0-9] joined by "-"`);
  }
  if (s.length > max) {
    fail(path, `id "${s}" is ${s.length} characters; at most ${max} fit in callback data`);
  }
  return s;
}

function order(value: unknown, path: string, fail: Fail): number {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  return fail(path, `must be a positive integer, got ${JSON.stringify(value)}`);
}

function unique(items: readonly { id: string }[], path: string, what: string, fail: Fail): void {
  items.forEach((item, i) => {
    const first = items.findIndex((other) => other.id === item.id);
    if (first < i) {
      fail(`${path}[${i}].id`, `duplicate ${what} id "${item.id}" (also ${path}[${first}].id)`);
    }
  });
}

function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
