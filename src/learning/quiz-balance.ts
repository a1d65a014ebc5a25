import { LANGS, type Lang } from "../i18n/lang";
import type { Course, Question } from "./content";

/**
 * How guessable the shipped quizzes are. Only "choice" questions count: a true/false question
 * always has True first and its options say nothing by their length.
 */
export interface QuizBalance {
  /** Choice questions measured. */
  readonly questions: number;
  /** Per language, how many choice questions have a right answer at least as long as every other. */
  readonly longestCorrect: Readonly<Record<Lang, number>>;
  /** By option count, how many right answers sit at each position: `{ 4: [9, 8, 8, 8] }`. */
  readonly positions: Readonly<Record<number, readonly number[]>>;
}

/** Counts where and how long the right answers are across `courses`. */
export function measureQuizBalance(courses: readonly Course[]): QuizBalance {
  const choice = courses.flatMap((c) =>
    c.lessons.flatMap((l) => l.quiz.filter((q) => (q.kind ?? "choice") === "choice")),
  );
  const longestCorrect = Object.fromEntries(
    LANGS.map((lang) => [lang, choice.filter((q) => isLongestCorrect(q, lang)).length]),
  ) as Record<Lang, number>;
  const positions: Record<number, number[]> = {};
  for (const q of choice) {
    const n = q.options.length;
    positions[n] ??= Array.from({ length: n }, () => 0);
    positions[n][q.correct] = (positions[n][q.correct] ?? 0) + 1;
  }
  return { questions: choice.length, longestCorrect, positions };
}

/** The right answer is the longest option in `lang`; a tie with the longest counts as longest. */
export function isLongestCorrect(q: Question, lang: Lang): boolean {
  const right = q.options[q.correct]?.[lang].length ?? 0;
  return q.options.every((o) => o[lang].length <= right);
}
