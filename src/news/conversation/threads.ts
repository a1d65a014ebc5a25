import type { TutorContext } from "../../analyzers/tutor-prompt";
import type { ThreadRow } from "../../db/thread-reads";
import type { Write } from "../../db/writes";
import type { Ack } from "../../learning/account";
import { answer, type Decision, ensureUser, type Learner } from "../../learning/learner";
import type { AskReply, ThreadSeed } from "./reply";

/** The longest news text a thread keeps (what a follow-up's provider request quotes). */
export const THREAD_NEWS_CHARS = 1500;
/** The longest answer or question a thread keeps per turn. */
export const THREAD_TURN_CHARS = 600;

const cap = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/**
 * RVX's answer was sent as message `messageId`: store what a follow-up needs. A new thread also
 * drops this user's threads that expired; it writes the users row first when there is none yet.
 */
export function decideDelivered(
  state: Learner,
  chatId: number,
  messageId: number,
  seed: ThreadSeed,
  now: number,
  threadTtlMs: number,
): Decision<Ack> {
  const ok = { ok: true } as const;
  switch (seed.kind) {
    case "start": {
      const writes: Write[] = state.persisted ? [] : [ensureUser(state, state.lang, now)];
      writes.push({
        type: "threadStart",
        userId: state.id,
        chatId,
        rootId: messageId,
        news: cap(seed.news, THREAD_NEWS_CHARS),
        terms: seed.terms,
        question: cap(seed.question, THREAD_TURN_CHARS),
        answer: cap(seed.answer, THREAD_TURN_CHARS),
        at: now,
        expiredBefore: now - threadTtlMs,
      });
      return { reply: ok, next: { ...state, persisted: true }, writes };
    }
    case "turn":
      return {
        reply: ok,
        next: state,
        writes: [
          {
            type: "threadTurn",
            chatId,
            rootId: seed.rootId,
            messageId,
            question: cap(seed.question, THREAD_TURN_CHARS),
            answer: cap(seed.answer, THREAD_TURN_CHARS),
            at: now,
          },
        ],
      };
    case "link":
      return {
        reply: ok,
        next: state,
        writes: [{ type: "threadLink", chatId, rootId: seed.rootId, messageId }],
      };
  }
}

/**
 * "❓ Ask about this" under RVX's message `messageId`: the next text message is a question in
 * its thread, if the thread is this user's and still fresh. Nothing is written.
 */
export function decideAskAbout(
  state: Learner,
  chatId: number,
  thread: ThreadRow | undefined,
  now: number,
  threadTtlMs: number,
): Decision<AskReply> {
  if (state.banned) return answer({ ok: false, reason: "banned" }, state);
  if (!thread || thread.userId !== state.id || now - thread.updatedAt >= threadTtlMs) {
    return answer({ ok: false, reason: "thread_gone" }, { ...state, asking: undefined });
  }
  return answer(
    { ok: true, rootId: thread.rootId },
    { ...state, asking: { chatId, rootId: thread.rootId } },
  );
}

/** What a provider is told about a thread: its news and the latest turns. */
export function tutorContextOf(thread: ThreadRow | undefined): TutorContext {
  if (!thread) return { turns: [] };
  return thread.news ? { news: thread.news, turns: thread.turns } : { turns: thread.turns };
}
