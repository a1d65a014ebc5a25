/**
 * How guessable the shipped quizzes are: per course, the share of questions whose right option
 * is the longest (ties count as longest) in each language, and where the right option sits in
 * four-option questions. `bun run scripts/quiz-balance.ts [courseId...]`
 */
import { LANGS, type Lang } from "../src/i18n/lang";
import type { Course, Question } from "../src/learning/content";
import { loadCourses } from "../src/learning/course-data";

export interface QuizBalance {
  readonly questions: number;
  /** Questions whose right option is at least as long as every other, per language. */
  readonly longestCorrect: Readonly<Record<Lang, number>>;
  /** Questions whose right option is at most as long as every other, per language. */
  readonly shortestCorrect: Readonly<Record<Lang, number>>;
  /** Four-option questions only: how often the right option sits at index 0, 1, 2, 3. */
  readonly positions: readonly [number, number, number, number];
}

export function isLongestCorrect(q: Question, lang: Lang): boolean {
  const right = q.options[q.correct]?.[lang].length ?? 0;
  return q.options.every((option, i) => i === q.correct || option[lang].length <= right);
}

export function isShortestCorrect(q: Question, lang: Lang): boolean {
  const right = q.options[q.correct]?.[lang].length ?? 0;
  return q.options.every((option, i) => i === q.correct || option[lang].length >= right);
}

export function quizBalance(questions: readonly Question[]): QuizBalance {
  const positions: [number, number, number, number] = [0, 0, 0, 0];
  for (const q of questions) if (q.options.length === 4) positions[q.correct as 0 | 1 | 2 | 3]++;
  const longestCorrect = Object.fromEntries(
    LANGS.map((lang) => [lang, questions.filter((q) => isLongestCorrect(q, lang)).length]),
  ) as Record<Lang, number>;
  const shortestCorrect = Object.fromEntries(
    LANGS.map((lang) => [lang, questions.filter((q) => isShortestCorrect(q, lang)).length]),
  ) as Record<Lang, number>;
  return { questions: questions.length, longestCorrect, shortestCorrect, positions };
}

export function questionsOf(course: Course): Question[] {
  return course.lessons.flatMap((l) => l.quiz);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${Math.round((100 * part) / whole)}%`;
}

if (import.meta.main) {
  const wanted = process.argv.slice(2);
  const courses = loadCourses().filter((c) => wanted.length === 0 || wanted.includes(c.id));
  for (const c of courses) {
    const b = quizBalance(questionsOf(c));
    const share = (counts: Readonly<Record<Lang, number>>) =>
      LANGS.map(
        (lang) => `${lang} ${counts[lang]}/${b.questions} ${percent(counts[lang], b.questions)}`,
      ).join(", ");
    console.log(
      `${c.id}: ${c.lessons.length} lessons, ${b.questions} questions; right option longest: ${share(b.longestCorrect)}; shortest: ${share(b.shortestCorrect)}; right index in 4-option questions [0,1,2,3]: ${b.positions.join(" ")}`,
    );
  }
}
