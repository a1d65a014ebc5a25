import { dayStart, utcDay } from "../../clock";
import type { Write } from "../../db/writes";
import type { LessonLink, NamedTerm } from "../../learning/glossary-search";
import { answer, type Decision, ensureUser, type Learner } from "../../learning/learner";
import { levelFor, XP } from "../../learning/levels";
import { rewardActivity } from "../../learning/reward";
import type { ExplainGate } from "../explain-rules";
import type { Explanation } from "../explainer";
import type { ScamSignalId } from "../intent";
import { remainingToday } from "../limits";
import type { Counted, MessageReply, NewsCount, ReadFrom, ThreadSeed } from "./reply";

type OpenGate = Extract<ExplainGate, { ok: true }>;

/** Nothing counted: XP as it is, today's requests as they are. */
function uncounted(state: Learner, now: number, dailyLimit: number): Counted {
  return {
    xpAwarded: 0,
    xp: state.xp,
    level: levelFor(state.xp).level,
    leveledUp: false,
    questsCompleted: [],
    remaining: remainingToday(state, now, dailyLimit),
    spent: false,
  };
}

/** The quota slot `gate` reserved, and the request log line (with what it was about). */
function spend(state: Learner, gate: OpenGate, source: string, key: string, now: number): Write[] {
  const userId = state.id;
  return [
    { type: "consumeQuota", userId, at: gate.started, day: gate.day, used: gate.used },
    { type: "logRequest", userId, source, at: now, durationMs: now - gate.started, newsKey: key },
  ];
}

const afterSpending = (next: Learner, gate: OpenGate): Learner => ({
  ...next,
  lastRequestAt: gate.started,
  quotaDay: gate.day,
  quotaUsed: gate.used,
});

export interface NewsFacts {
  readonly gate: OpenGate;
  readonly explanation: Explanation;
  /** The explanation's cache key: the same key again the same UTC day earns nothing. */
  readonly newsKey: string;
  readonly repeat: boolean;
  /** Whether the answer recognized anything (an AI answer, or the offline analyzer's findings). */
  readonly recognized: boolean;
  readonly seed: ThreadSeed;
  /** What the news was read from: a link's article or an image (absent: the message's text). */
  readonly from?: ReadFrom;
}

/**
 * A news post was explained. Only a new, recognized one spends a request and earns XP and quest
 * progress (committed with the quota in one transaction); a repeat the same day or an
 * explanation that recognized nothing is answered for free and earns nothing.
 */
export function decideNews(
  state: Learner,
  facts: NewsFacts,
  now: number,
  dailyLimit: number,
): Decision<MessageReply> {
  const { explanation, gate } = facts;
  const count: NewsCount = facts.repeat ? "repeat" : facts.recognized ? "new" : "unrecognized";
  const base = {
    ok: true,
    kind: "explained",
    text: explanation.text,
    source: explanation.source,
    provider: explanation.provider,
    count,
    thread: facts.seed,
    ...(facts.from ? { from: facts.from } : {}),
  } as const;
  if (count !== "new") return answer({ ...base, ...uncounted(state, now, dailyLimit) }, state);
  const done = rewardActivity(
    state,
    {
      baseXp: XP.explanation,
      events: { explain: 1 },
      writes: spend(state, gate, explanation.source, facts.newsKey, now),
    },
    now,
  );
  const { reward } = done;
  const counted: Counted = {
    xpAwarded: reward.xpAwarded,
    xp: reward.xp,
    level: reward.level,
    leveledUp: reward.leveledUp,
    questsCompleted: reward.questsCompleted,
    remaining: dailyLimit - gate.used,
    spent: true,
  };
  return {
    reply: { ...base, ...counted },
    next: afterSpending(done.next, gate),
    writes: done.writes,
  };
}

export interface AnswerFacts {
  readonly text: string;
  /** With a gate: an AI provider answered and the request is spent. Without: the glossary. */
  readonly ai?: { readonly gate: OpenGate; readonly provider: string };
  readonly related: readonly NamedTerm[];
  readonly lesson?: LessonLink;
  /** What was answered (a glossary term, or the question's cache key), for the repeat rule. */
  readonly key: string;
  readonly repeat: boolean;
  readonly advice: boolean;
  readonly seed: ThreadSeed;
}

/**
 * A question was answered: +2 XP unless the same thing was answered today already; a provider's
 * answer spends a request, the glossary's never does.
 */
export function decideAnswered(
  state: Learner,
  facts: AnswerFacts,
  now: number,
  dailyLimit: number,
): Decision<MessageReply> {
  const { ai } = facts;
  const base = {
    ok: true,
    kind: "answered",
    text: facts.text,
    by: ai ? "ai" : "glossary",
    related: facts.related,
    ...(facts.lesson ? { lesson: facts.lesson } : {}),
    repeat: facts.repeat,
    advice: facts.advice,
    thread: facts.seed,
  } as const;
  const writes = ai ? spend(state, ai.gate, ai.provider, facts.key, now) : [];
  if (facts.repeat && !ai) return answer({ ...base, ...uncounted(state, now, dailyLimit) }, state);
  const done = rewardActivity(
    state,
    {
      baseXp: facts.repeat ? 0 : XP.answer,
      events: {},
      writes:
        writes.length > 0
          ? writes
          : [
              {
                type: "logRequest",
                userId: state.id,
                source: "glossary",
                at: now,
                durationMs: 0,
                newsKey: facts.key,
              },
            ],
    },
    now,
  );
  const next = ai ? afterSpending(done.next, ai.gate) : done.next;
  const { reward } = done;
  return {
    reply: {
      ...base,
      xpAwarded: reward.xpAwarded,
      xp: reward.xp,
      level: reward.level,
      leveledUp: reward.leveledUp,
      questsCompleted: reward.questsCompleted,
      remaining: ai ? dailyLimit - ai.gate.used : remainingToday(state, now, dailyLimit),
      spent: ai !== undefined,
    },
    next,
    writes: done.writes,
  };
}

/**
 * A scam warning: no XP ever. A provider's explanation after the warning (only when a provider
 * wrote it just now, not from the cache) spends a request.
 */
export function decideScam(
  state: Learner,
  signals: readonly ScamSignalId[],
  provided: { readonly gate: OpenGate; readonly explanation: Explanation } | undefined,
  now: number,
  dailyLimit: number,
): Decision<MessageReply> {
  // The offline analyzer's answer would only repeat RVX's warning in other words.
  const text =
    provided && provided.explanation.provider !== "offline" ? provided.explanation.text : undefined;
  const called =
    provided !== undefined &&
    !["offline", "cache_memory", "cache_db"].includes(provided.explanation.source);
  if (!called || !provided) {
    const remaining = remainingToday(state, now, dailyLimit);
    return answer({ ok: true, kind: "scam", signals, ...(text ? { text } : {}), remaining }, state);
  }
  const { gate, explanation } = provided;
  return {
    reply: {
      ok: true,
      kind: "scam",
      signals,
      text: explanation.text,
      remaining: dailyLimit - gate.used,
    },
    next: afterSpending({ ...state, persisted: true }, gate),
    writes: [
      ensureUser(state, state.lang, now),
      ...spend(state, gate, explanation.source, "scam", now),
    ],
  };
}

/** The start of the UTC day of `now`: repeats are looked for since then. */
export const todayStart = (now: number): number => dayStart(utcDay(now));
