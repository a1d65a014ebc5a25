import type { EventKind } from "../../analyzers/offline/events";
import type { Lang } from "../../i18n/lang";
import type { Course, Lesson } from "../../learning/content";
import type { GlossaryTerm } from "../../learning/glossary";
import type { LessonLink } from "../../learning/glossary-search";

/** The lesson offered under an explanation ("📚 What an ETF is · 3 min") and the term it teaches. */
export interface TeachingLesson extends LessonLink {
  readonly minutes: number;
  /** The explanation's main term: the one the lesson teaches and "Check yourself" asks about. */
  readonly term: string;
}

/**
 * The glossary terms that name what each kind of news is about, best first. Ids the glossary
 * lacks (or that point at no lesson) are skipped, so this table may name more than it has.
 */
export const EVENT_TERMS: Readonly<Partial<Record<EventKind, readonly string[]>>> = {
  etf: ["etf"],
  etf_flows: ["etf-flows", "etf"],
  hack: ["hack", "exchange"],
  bankruptcy: ["exchange", "custody"],
  depeg: ["depeg", "stablecoin"],
  regulation: ["regulation"],
  court_ruling: ["regulation", "sec"],
  settlement: ["regulation", "sec"],
  lawsuit: ["regulation", "sec"],
  cbdc: ["cbdc"],
  listing: ["listing", "exchange"],
  delisting: ["listing", "exchange"],
  airdrop: ["airdrop"],
  unlock: ["token-unlock"],
  halving: ["halving", "mining"],
  mining: ["mining"],
  upgrade: ["the-merge", "smart-contract"],
  price_move: ["volatility"],
  macro: ["interest-rate", "fed"],
};

/** Reading speed assumed for a lesson's pages, words a minute (a beginner reading carefully). */
const WORDS_PER_MINUTE = 150;

/** Minutes a lesson takes: its pages at a beginner's pace, plus half a minute a quiz question. */
export function lessonMinutes(lesson: Lesson, lang: Lang): number {
  const key = `${lang}`;
  const known = minutesMemo.get(lesson)?.[key];
  if (known !== undefined) return known;
  const words = lesson.pages.reduce(
    (n, page) => n + page[lang].split(/\s+/).filter(Boolean).length,
    0,
  );
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE + lesson.quiz.length / 2));
  minutesMemo.set(lesson, { ...minutesMemo.get(lesson), [key]: minutes });
  return minutes;
}

/** Lessons are immutable content: their minutes are counted once per language. */
const minutesMemo = new WeakMap<Lesson, Record<string, number>>();
/** The glossary by id, built once per glossary (mainTerm runs for every explanation). */
const termsById = new WeakMap<readonly GlossaryTerm[], ReadonlyMap<string, GlossaryTerm>>();

/**
 * The term an explanation is mainly about: the offline analyzer's event kinds first (strongest
 * first), then the glossary terms the text names, in order; only terms with a lesson count.
 */
export function mainTerm(
  kinds: readonly EventKind[],
  found: readonly string[],
  terms: readonly GlossaryTerm[],
): GlossaryTerm | undefined {
  let byId = termsById.get(terms);
  if (!byId) {
    byId = new Map(terms.map((term) => [term.id, term]));
    termsById.set(terms, byId);
  }
  const candidates = [...kinds.flatMap((kind) => EVENT_TERMS[kind] ?? []), ...found];
  for (const id of candidates) {
    const term = byId.get(id);
    if (term?.lesson) return term;
  }
  return undefined;
}

/** The lesson teaching `term`, titled in `lang` with its minutes; undefined if it is gone. */
export function teachingLesson(
  term: GlossaryTerm,
  courses: readonly Course[],
  lang: Lang,
): TeachingLesson | undefined {
  const ref = term.lesson;
  const course = ref && courses.find((c) => c.id === ref.course);
  const lesson = course?.lessons.find((l) => l.id === ref?.lesson);
  if (!course || !lesson) return undefined;
  return {
    course: course.id,
    lesson: lesson.id,
    title: lesson.title[lang],
    minutes: lessonMinutes(lesson, lang),
    term: term.id,
  };
}
