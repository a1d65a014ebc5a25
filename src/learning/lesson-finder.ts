import type { Lang } from "../i18n/lang";
import type { Course } from "./content";
import type { LessonRef } from "./glossary";
import { STOPWORDS, words } from "./glossary-text";

/** A lesson to offer as a "📚 …" button: its ids and its title in the reply's language. */
export interface LessonLink {
  readonly course: string;
  readonly lesson: string;
  readonly title: string;
}

const TITLE_WEIGHT = 3;
const MAX_LESSONS = 3;

/**
 * Finds the lessons nearest to a question by the words they share (title words count triple,
 * rarer words more), after the lessons of `hints`. A question that shares nothing gets the first
 * course's first lessons.
 */
export function createLessonFinder(courses: readonly Course[], stem: (word: string) => string) {
  const docs = courses.flatMap((course) =>
    course.lessons.map((lesson) => {
      const weights = new Map<string, number>();
      const bump = (text: string, weight: number) => {
        for (const s of contentStems(words(text), stem)) {
          weights.set(s, Math.max(weights.get(s) ?? 0, weight));
        }
      };
      for (const lang of ["ru", "en"] as const) {
        for (const page of lesson.pages) bump(page[lang], 1);
        bump(lesson.title[lang], TITLE_WEIGHT);
      }
      return { course, lesson, weights };
    }),
  );
  const df = new Map<string, number>();
  for (const doc of docs) for (const s of doc.weights.keys()) df.set(s, (df.get(s) ?? 0) + 1);

  function closest(
    questionWords: readonly string[],
    lang: Lang,
    hints: readonly LessonRef[] = [],
  ): LessonLink[] {
    const asked = new Set(contentStems(questionWords, stem));
    const scored = docs
      .map((doc, order) => {
        let score = 0;
        for (const s of asked) {
          const w = doc.weights.get(s);
          if (w !== undefined) score += w * Math.log(1 + docs.length / (df.get(s) ?? 1));
        }
        return { doc, score, order };
      })
      .filter((d) => d.score > 0)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    const hinted = hints.flatMap((ref) => docs.filter((d) => isRef(d, ref)));
    const ranked = [...new Set([...hinted, ...scored.map((d) => d.doc)])];
    const picked = ranked.length > 0 ? ranked : starters();
    return picked.slice(0, MAX_LESSONS).map(({ course, lesson }) => ({
      course: course.id,
      lesson: lesson.id,
      title: lesson.title[lang],
    }));
  }

  function starters() {
    const first = courses.toSorted((a, b) => a.order - b.order)[0];
    return docs.filter((d) => d.course === first);
  }

  function link(ref: LessonRef, lang: Lang): LessonLink | undefined {
    const doc = docs.find((d) => isRef(d, ref));
    return doc && { course: ref.course, lesson: ref.lesson, title: doc.lesson.title[lang] };
  }

  return { closest, link };
}

function isRef(doc: { course: Course; lesson: { id: string } }, ref: LessonRef): boolean {
  return doc.course.id === ref.course && doc.lesson.id === ref.lesson;
}

function contentStems(tokens: readonly string[], stem: (word: string) => string): string[] {
  return tokens.filter((t) => t.length >= 3 && !STOPWORDS.has(t)).map(stem);
}
