import { analyze, type Findings } from "../analyzers/offline/analyze";
import { utcDay } from "../clock";
import type { Reads } from "../db/reads";
import type { Write } from "../db/writes";
import type { Lang } from "../i18n/lang";
import type { Course } from "../learning/content";
import type { GlossaryTerm } from "../learning/glossary";
import type { Glossary } from "../learning/glossary-search";
import type { LearnReply } from "../learning/learn-decide";
import { answer, type Decision, type Learner } from "../learning/learner";
import { readableLessons } from "../learning/lesson-access";
import { type LearnReplyWithBonus, withLessonBonus } from "../learning/lesson-bonus";
import {
  type CheckAnswerReply,
  type CheckQuestion,
  checkBank,
  checkOrder,
  decideCheckAnswer,
  pickCheck,
} from "../learning/news-check";
import type { MessageReply } from "../news/conversation/reply";
import {
  lessonMinutes,
  mainTerm,
  type TeachingLesson,
  teachingLesson,
} from "../news/conversation/teach";
import { cacheKey } from "../news/explainer";
import { normalizeNews } from "../news/normalize";
import { memoizeText } from "../news/text-memo";

export type { LearnReplyWithBonus } from "../learning/lesson-bonus";
export type { CheckAnswerReply } from "../learning/news-check";

/** A "Check yourself" question as shown: its prompt and options in the order on screen. */
export type CheckReply =
  | {
      readonly ok: true;
      readonly ref: string;
      readonly prompt: { readonly kind: "question" | "term"; readonly text: string };
      readonly options: readonly string[];
    }
  | { readonly ok: false; readonly reason: "answered" | "gone" | "not_ours" | "unavailable" };

export interface TeachDeps {
  readonly reads: Pick<Reads, "thread" | "newsCheck" | "suggestion">;
  readonly glossary: Glossary;
  readonly courses: readonly Course[];
}

/**
 * News that teaches, for the user actor: the lesson offered under an explanation (and the
 * suggestion row its same-day bonus needs), the "Check yourself" question about it, and the
 * bonus when that lesson is passed the same day.
 */
export function createTeach(deps: TeachDeps) {
  const { glossary, courses } = deps;

  // The offline analysis (~0.3 ms a post) and the question banks (static content) are read
  // once per text and per term, not once per update.
  const analyses = {
    en: memoizeText((news) => analyze(news, "en")),
    ru: memoizeText((news) => analyze(news, "ru")),
  } satisfies Record<Lang, unknown>;
  /** The offline analysis of `news`, shared with the conversation (never mutated). */
  const analysis = (news: string, lang: Lang): Findings => analyses[lang](news);
  const termOf = (news: string, found: readonly string[], lang: Lang) =>
    mainTerm(analysis(news, lang).events, found, glossary.terms);
  const banks = new Map<string, CheckQuestion[]>();
  const bankOf = (term: GlossaryTerm) => {
    let bank = banks.get(term.id);
    if (!bank) {
      bank = checkBank(term, courses, glossary.terms);
      banks.set(term.id, bank);
    }
    return bank;
  };

  /** News identity for "once per news": the normalized text, whatever the language. */
  const newsKeyOf = (news: string) => cacheKey(normalizeNews(news), "en");

  /** The lesson under an explanation of `news`, and whether a check question exists for it. */
  function suggest(
    state: Learner,
    news: string,
    found: readonly string[],
    now: number,
  ): { lesson?: TeachingLesson; check: boolean; background: Write[] } {
    const term = termOf(news, found, state.lang);
    if (!term) return { check: false, background: [] };
    const taught = teachingLesson(term, courses, state.lang);
    const readable = taught && readableLessons([taught], courses, state.progress, state.lang)[0];
    const lesson =
      readable &&
      courses.find((c) => c.id === readable.course)?.lessons.find((l) => l.id === readable.lesson);
    const check = bankOf(term).length > 0;
    if (!readable || !lesson) return { check, background: [] };
    const suggestion: TeachingLesson = {
      ...readable,
      minutes: lessonMinutes(lesson, state.lang),
      term: term.id,
    };
    const write: Write = {
      type: "lessonSuggested",
      userId: state.id,
      day: utcDay(now),
      courseId: readable.course,
      lessonId: readable.lesson,
    };
    return { lesson: suggestion, check, background: [write] };
  }

  /** The check question of RVX's explanation `messageId`, as this user sees it. */
  function question(
    state: Learner,
    chatId: number,
    messageId: number,
    ref?: string,
  ):
    | { ok: true; check: CheckQuestion; order: number[]; newsKey: string }
    | { ok: false; reason: "gone" | "not_ours" } {
    const thread = deps.reads.thread(chatId, messageId);
    if (!thread?.news) return { ok: false, reason: "gone" };
    if (thread.userId !== state.id) return { ok: false, reason: "not_ours" };
    const term = termOf(thread.news, thread.terms, state.lang);
    if (!term) return { ok: false, reason: "gone" };
    const newsKey = newsKeyOf(thread.news);
    const bank = bankOf(term);
    const check =
      ref === undefined ? pickCheck(bank, state.id, newsKey) : bank.find((q) => q.ref === ref);
    if (!check) return { ok: false, reason: "gone" };
    return { ok: true, check, order: checkOrder(check, state.id, newsKey), newsKey };
  }

  return {
    analysis,
    suggest,
    /** "🧠 Check yourself" pressed under explanation `messageId`. */
    open(state: Learner, chatId: number, messageId: number): Decision<CheckReply> {
      const found = question(state, chatId, messageId);
      if (!found.ok) return answer(found, state);
      if (deps.reads.newsCheck(state.id, found.newsKey)) {
        return answer({ ok: false, reason: "answered" }, state);
      }
      const { check, order } = found;
      const { lang } = state;
      const prompt =
        "term" in check.prompt
          ? { kind: "term" as const, text: check.prompt.term[lang] }
          : { kind: "question" as const, text: check.prompt.question[lang] };
      const options = order.map((i) => check.question.options[i]?.[lang] ?? "");
      return answer({ ok: true, ref: check.ref, prompt, options }, state);
    },
    /** An answer (`shown`: its position on screen) to the check question of `messageId`. */
    answer(
      state: Learner,
      input: { chatId: number; messageId: number; ref: string; shown: number },
      now: number,
    ): Decision<CheckAnswerReply> {
      const found = question(state, input.chatId, input.messageId, input.ref);
      if (!found.ok) return answer(found, state);
      const answered = deps.reads.newsCheck(state.id, found.newsKey) !== undefined;
      return decideCheckAnswer(
        state,
        { ...found, shown: input.shown, answered, lang: state.lang },
        now,
      );
    },
    /** A finished quiz of the lesson suggested today earns the bonus once. */
    bonus(decision: Decision<LearnReply>, now: number): Decision<LearnReplyWithBonus> {
      const { reply } = decision;
      if (!reply.ok || reply.view.kind !== "result" || !reply.view.passed) return decision;
      const suggestion = deps.reads.suggestion(
        decision.next.id,
        utcDay(now),
        reply.view.course.id,
        reply.view.lesson.id,
      );
      return withLessonBonus(decision, suggestion, now);
    },
  };
}

export type Teach = ReturnType<typeof createTeach>;

/** An explanation's decision with its lesson button, check question and suggestion row. */
export function withTeaching(
  decision: Decision<MessageReply>,
  taught: ReturnType<Teach["suggest"]>,
): Decision<MessageReply> {
  const { reply } = decision;
  if (!reply.ok || reply.kind !== "explained") return decision;
  return {
    ...decision,
    reply: { ...reply, ...(taught.lesson ? { lesson: taught.lesson } : {}), check: taught.check },
    background: [...(decision.background ?? []), ...taught.background],
  };
}
