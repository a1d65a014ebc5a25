import type { Lang } from "../i18n/lang";

// Course content: its types, limits and lookups. Course files are checked by validateCourses
// (content-validate.ts) and loaded by loadCourses (course-data.ts).

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
