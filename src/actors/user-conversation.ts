import type { AnswerChain } from "../analyzers/chain";
import type { Clock } from "../clock";
import type { Reads } from "../db/reads";
import type { ThreadRow } from "../db/thread-reads";
import type { Ack } from "../learning/account";
import type { Course } from "../learning/content";
import type { Glossary, LessonLink } from "../learning/glossary-search";
import { answer, type Decision, type Learner } from "../learning/learner";
import { readableLessons } from "../learning/lesson-access";
import type { Metrics } from "../metrics";
import { asksAdvice } from "../news/conversation/advice";
import { decideAnswered, decideNews, decideScam, todayStart } from "../news/conversation/decide";
import { recognizedIn, recognizes } from "../news/conversation/recognized";
import type { AskReply, MessageReply, ThreadSeed } from "../news/conversation/reply";
import { type MessageInput, routeMessage } from "../news/conversation/route";
import { smalltalkTone } from "../news/conversation/smalltalk-tone";
import { decideAskAbout, decideDelivered, tutorContextOf } from "../news/conversation/threads";
import { gateExplain } from "../news/explain-rules";
import { cacheKey, type Explainer } from "../news/explainer";
import { classifyIntent, type ScamSignalId } from "../news/intent";
import { normalizeNews } from "../news/normalize";
import { memoizeText } from "../news/text-memo";
import { createMediaAnswers, type NewsRead } from "./user-conversation-media";
import { type Teach, withTeaching } from "./user-teach";

export interface ConversationDeps {
  /** The courses lesson buttons open (a locked lesson is swapped for the way there). */
  readonly courses: readonly Course[];
  readonly reads: Reads;
  readonly explainer: Explainer;
  readonly glossary: Glossary;
  /** The AI providers alone (see AnswerChain.tutor); absent without any AI key. */
  readonly tutor?: AnswerChain["tutor"];
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly floodIntervalMs: number;
  readonly dailyLimit: number;
  readonly threadTtlMs: number;
}

/**
 * The I/O around the conversation rules (src/news/conversation/): reads the thread, calls the
 * explainer, the AI providers or the glossary as the route says, and returns the decision for
 * the user actor to commit and reply. `withQuests` gives the state today's quests.
 */
export function createConversation(
  deps: ConversationDeps,
  withQuests: (state: Learner, now: number) => Learner,
  teach?: Pick<Teach, "suggest" | "analysis">,
) {
  const { reads, glossary, clock, dailyLimit } = deps;
  const limits = { floodIntervalMs: deps.floodIntervalMs, dailyLimit };
  const readable = (state: Learner, links: readonly LessonLink[]) =>
    readableLessons(links, deps.courses, state.progress, state.lang);
  // Both are pure functions of the text; shared results are never mutated (terms are copied).
  const intentOf = memoizeText(classifyIntent);
  const termsIn = memoizeText((text) => glossary.findTerms(text));
  const findTerms = (text: string) => [...termsIn(text)];
  const explainedToday = (state: Learner, key: string) =>
    reads.explainedSince(state.id, key, todayStart(clock.now()));

  async function message(state: Learner, input: MessageInput): Promise<Decision<MessageReply>> {
    const intent = intentOf(input.text);
    const route = routeMessage(state, input, intent, {
      now: clock.now(),
      threadTtlMs: deps.threadTtlMs,
      findThread: (chatId, messageId) => reads.thread(chatId, messageId),
    });
    if (route.go === "refuse") {
      const next = route.reply.reason === "thread_gone" ? { ...state, asking: undefined } : state;
      return answer(route.reply, next);
    }
    deps.metrics.messages.inc({ intent: intent.intent });
    switch (route.go) {
      case "static":
        return answer(
          route.kind === "smalltalk"
            ? { ok: true, kind: "smalltalk", tone: smalltalkTone(input.text) }
            : { ok: true, kind: route.kind },
          state,
        );
      case "scam":
        return scam({ ...state, asking: undefined }, input.text, route.signals);
      case "news":
        return news({ ...state, asking: undefined }, input.text, { onDelta: input.onDelta });
      case "link":
        return media.link({ ...state, asking: undefined }, route.reading, input.onDelta);
      case "image":
        return media.image({ ...state, asking: undefined }, input.text, route.image, input.onDelta);
      case "question":
        if (route.probe && glossary.answerQuestion(input.text, state.lang).kind === "unknown") {
          return answer({ ok: true, kind: "offtopic" }, state);
        }
        return question(
          { ...state, asking: undefined },
          input.text,
          route.thread,
          asksAdvice(input.text, intent),
          input.onDelta,
        );
    }
  }

  async function scam(state: Learner, text: string, signals: readonly ScamSignalId[]) {
    const gate = deps.tutor ? gateExplain(state, clock.now(), limits) : undefined;
    if (!gate?.ok) return decideScam(state, signals, undefined, clock.now(), dailyLimit);
    const explanation = await deps.explainer.explain(normalizeNews(text), state.lang);
    return decideScam(state, signals, { gate, explanation }, clock.now(), dailyLimit);
  }

  /**
   * Explains `text` as news: the quota, XP and repeat rules. `read.key` caches it under another
   * key (a link's canonical URL, an image); `read.from` says what it was read from.
   */
  async function news(
    state: Learner,
    text: string,
    read: NewsRead = {},
  ): Promise<Decision<MessageReply>> {
    const normalized = normalizeNews(text);
    const newsKey = read.key ?? cacheKey(normalized, state.lang);
    const repeat = explainedToday(state, newsKey);
    const gate = gateExplain(state, clock.now(), limits);
    if (!gate.ok && !repeat) {
      if (gate.reply.reason !== "banned") {
        deps.metrics.limitRejections.inc({ reason: gate.reply.reason });
      }
      return answer(gate.reply, state);
    }
    const explanation = await deps.explainer.explain(normalized, state.lang, {
      ...(read.key ? { key: read.key } : {}),
      ...(read.image ? { image: read.image } : {}),
      ...(read.onDelta ? { onDelta: read.onDelta } : {}),
    });
    if (read.image && explanation.provider === "offline" && !text.trim()) {
      // No provider read the picture and there is no caption: nothing was explained.
      return answer<MessageReply>({ ok: true, kind: "image_unread" }, state);
    }
    deps.metrics.explanations.inc({ source: explanation.source });
    const now = clock.now();
    const seed: ThreadSeed = {
      kind: "start",
      news: text,
      terms: findTerms(text),
      question: "",
      answer: explanation.text,
    };
    // The offline analysis runs again only when it decides something (~0.3 ms a post).
    const recognized =
      !repeat &&
      (explanation.provider !== "offline" ||
        (teach ? recognizedIn(teach.analysis(text, state.lang)) : recognizes(text, state.lang)));
    // A repeat is answered even past the flood interval or the quota: it costs nothing.
    const open = gate.ok ? gate : { ok: true as const, started: now, day: 0, used: 0 };
    const from = explanation.provider === "offline" && read.image ? undefined : read.from;
    const decision = decideNews(
      withQuests(state, now),
      { gate: open, explanation, newsKey, repeat, recognized, seed, ...(from ? { from } : {}) },
      now,
      dailyLimit,
    );
    return teach ? withTeaching(decision, teach.suggest(state, text, seed.terms, now)) : decision;
  }

  const media = createMediaAnswers(news);

  async function question(
    state: Learner,
    text: string,
    thread: ThreadRow | undefined,
    advice: boolean,
    onDelta?: (textSoFar: string) => void,
  ) {
    const seedFor = (reply: string, terms: readonly string[]): ThreadSeed =>
      thread
        ? { kind: "turn", rootId: thread.rootId, question: text, answer: reply }
        : { kind: "start", news: "", terms, question: text, answer: reply };
    const gate = deps.tutor ? gateExplain(state, clock.now(), limits) : undefined;
    if (deps.tutor && gate?.ok) {
      const ai = await deps.tutor({
        text,
        lang: state.lang,
        tutor: tutorContextOf(thread),
        ...(onDelta ? { onDelta } : {}),
      });
      if (ai) {
        const key = `q:${thread?.rootId ?? 0}:${cacheKey(normalizeNews(text), state.lang)}`;
        const now = clock.now();
        return decideAnswered(
          withQuests(state, now),
          {
            text: ai.text,
            ai: { gate, provider: ai.provider },
            related: [],
            key,
            repeat: explainedToday(state, key),
            advice: false,
            seed: seedFor(ai.text, thread?.terms ?? findTerms(text)),
          },
          now,
          dailyLimit,
        );
      }
    }
    const found = glossary.answerQuestion(text, state.lang, { preferTerms: thread?.terms ?? [] });
    if (found.kind === "unknown") {
      return answer<MessageReply>(
        {
          ok: true,
          kind: "unknown_term",
          closestLessons: readable(state, found.closestLessons),
          threadTerms: (thread?.terms ?? []).flatMap((id) => {
            const term = glossary.explain(id, state.lang);
            return term ? [{ id, name: term.term.name[state.lang] }] : [];
          }),
        },
        state,
      );
    }
    const key = `g:${found.term.id}`;
    const now = clock.now();
    return decideAnswered(
      withQuests(state, now),
      {
        text: found.text,
        related: found.related,
        ...(found.lesson ? { lesson: readable(state, [found.lesson])[0] } : {}),
        key,
        repeat: explainedToday(state, key),
        advice,
        seed: seedFor(found.text, [found.term.id, ...(thread?.terms ?? [])]),
      },
      now,
      dailyLimit,
    );
  }

  return {
    message,
    /** A text explained as news whatever its intent (an inline result the user sent). */
    news,
    /** "❓ Ask about this" pressed under RVX's message `messageId`. */
    askAbout(state: Learner, chatId: number, messageId: number): Decision<AskReply> {
      const thread = reads.thread(chatId, messageId);
      return decideAskAbout(state, chatId, thread, clock.now(), deps.threadTtlMs);
    },
    /** RVX's answer went out as `messageId`: store its thread turn. */
    delivered(state: Learner, chatId: number, messageId: number, seed: ThreadSeed): Decision<Ack> {
      return decideDelivered(state, chatId, messageId, seed, clock.now(), deps.threadTtlMs);
    },
  };
}
