import type { Lang } from "../i18n/lang";
import type { Course, Localized, Question } from "./content";
import type { GlossaryTerm } from "./glossary";
import { answer, type Decision, type Learner } from "./learner";
import type { Reward } from "./reward";
import { rewardActivity } from "./reward";
import { optionOrder } from "./shuffle";

/** XP for the right answer to an explanation's "Check yourself" question (once per news). */
export const CHECK_XP = 3;

/**
 * One "Check yourself" question about an explanation's main term: a question of the lesson that
 * teaches it, or the glossary's "what does <term> mean?" with other terms' definitions as the
 * wrong options. `ref` names it in callback data: `g`, or `l<question id>`.
 */
export interface CheckQuestion {
  readonly ref: string;
  /** The lesson's question, or (glossary) the term whose meaning is asked. */
  readonly prompt: { readonly question: Localized } | { readonly term: Localized };
  readonly question: Question;
}

/** The question bank for `term`: its lesson's questions, then the glossary question. */
export function checkBank(
  term: GlossaryTerm,
  courses: readonly Course[],
  glossary: readonly GlossaryTerm[],
): CheckQuestion[] {
  const ref = term.lesson;
  const lesson = courses
    .find((c) => c.id === ref?.course)
    ?.lessons.find((l) => l.id === ref?.lesson);
  const fromLesson: CheckQuestion[] = (lesson?.quiz ?? []).map((question) => ({
    ref: `l${question.id}`,
    prompt: { question: question.question },
    question,
  }));
  const glossaryQuestion = definitionQuestion(term, glossary);
  return glossaryQuestion ? [...fromLesson, glossaryQuestion] : fromLesson;
}

/** "What does <term> mean?": its definition and two others (related terms first). */
function definitionQuestion(
  term: GlossaryTerm,
  glossary: readonly GlossaryTerm[],
): CheckQuestion | undefined {
  const byId = new Map(glossary.map((t) => [t.id, t]));
  const related = term.related.flatMap((id) => byId.get(id) ?? []);
  const others = [...related, ...glossary].filter((t) => t.id !== term.id);
  const wrong = [...new Map(others.map((t) => [t.id, t])).values()].slice(0, 2);
  if (wrong.length < 2) return undefined;
  return {
    ref: "g",
    prompt: { term: term.name },
    question: {
      id: "g",
      question: term.name,
      options: [term.definition, ...wrong.map((t) => t.definition)],
      correct: 0,
      explanation: term.definition,
    },
  };
}

/** The question a user gets for a news (the same one every time they open it). */
export function pickCheck(
  bank: readonly CheckQuestion[],
  userId: number,
  newsKey: string,
): CheckQuestion | undefined {
  if (bank.length === 0) return undefined;
  return bank[Bun.hash.xxHash32(`${userId}:${newsKey}`) % bank.length];
}

/** Options in the order shown to this user for this news (shuffled like every quiz). */
export const checkOrder = (check: CheckQuestion, userId: number, newsKey: string): number[] =>
  optionOrder(userId, "check", newsKey.slice(-16), 1, { ...check.question, id: check.ref });

/** The reply to a "Check yourself" answer. */
export type CheckAnswerReply =
  | {
      readonly ok: true;
      readonly correct: boolean;
      /** The right option and why, in the user's language. */
      readonly right: string;
      readonly explanation: string;
      readonly reward?: Reward;
    }
  | { readonly ok: false; readonly reason: "answered" | "gone" | "not_ours" | "unavailable" };

/**
 * An answer to "Check yourself": the first one per user and news counts (stored), and a right
 * one earns CHECK_XP; any later one changes nothing.
 */
export function decideCheckAnswer(
  state: Learner,
  facts: {
    readonly check: CheckQuestion;
    readonly shown: number;
    readonly order: readonly number[];
    readonly newsKey: string;
    readonly answered: boolean;
    readonly lang: Lang;
  },
  now: number,
): Decision<CheckAnswerReply> {
  const { check, order, lang } = facts;
  const chosen = order[facts.shown];
  if (chosen === undefined) return answer({ ok: false, reason: "gone" }, state);
  if (facts.answered) return answer({ ok: false, reason: "answered" }, state);
  const correct = chosen === check.question.correct;
  const record = {
    type: "newsChecked",
    userId: state.id,
    newsKey: facts.newsKey,
    correct,
    at: now,
  } as const;
  const done = rewardActivity(
    state,
    { baseXp: correct ? CHECK_XP : 0, events: {}, writes: [record] },
    now,
  );
  const right = check.question.options[check.question.correct]?.[lang] ?? "";
  return {
    reply: {
      ok: true,
      correct,
      right,
      explanation: check.question.explanation[lang],
      ...(correct ? { reward: done.reward } : {}),
    },
    next: done.next,
    // The answer is among the activity's writes, so it is stored even when it earned nothing.
    writes: done.writes,
  };
}
