import { utcDay } from "../clock";
import type { Lang } from "../i18n/lang";
import { answer, type Decision, type Learner, type Unavailable } from "../learning/learner";
import { levelFor, XP } from "../learning/levels";
import type { Quest } from "../learning/quests";
import { rewardActivity } from "../learning/reward";
import { currentStreak } from "../learning/streak";
import type { Explanation, ExplanationSource } from "./explainer";
import { checkLimits, type LimitPolicy, remainingToday } from "./limits";

export type ExplainReply =
  | {
      readonly ok: true;
      readonly text: string;
      readonly source: ExplanationSource;
      readonly provider: string;
      readonly xpAwarded: number;
      readonly xp: number;
      readonly level: number;
      readonly leveledUp: boolean;
      readonly remaining: number;
      /** Daily quests this explanation completed; their bonus is part of `xpAwarded`. */
      readonly questsCompleted: readonly Quest[];
    }
  | { readonly ok: false; readonly reason: "flood"; readonly retryInMs: number }
  | { readonly ok: false; readonly reason: "quota"; readonly resetInMs: number }
  | { readonly ok: false; readonly reason: "banned" }
  | Unavailable;

export type ProfileReply =
  | {
      readonly ok: true;
      readonly firstName: string;
      readonly lang: Lang;
      readonly xp: number;
      readonly level: number;
      readonly nextAt: number | undefined;
      readonly remaining: number;
      /** Consecutive UTC days with a lesson, quiz or explanation; 0 once a day is missed. */
      readonly streak: number;
      readonly streakDoneToday: boolean;
    }
  | Unavailable;

/** Whether an explanation may start now: a refusal to send, or the quota slot it takes. */
export type ExplainGate =
  | {
      readonly ok: false;
      readonly reply: Extract<ExplainReply, { reason: "flood" | "quota" | "banned" }>;
    }
  | { readonly ok: true; readonly started: number; readonly day: number; readonly used: number };

export function gateExplain(state: Learner, now: number, limits: LimitPolicy): ExplainGate {
  if (state.banned) return { ok: false, reply: { ok: false, reason: "banned" } };
  const decision = checkLimits(state, now, limits);
  if (!decision.ok) return { ok: false, reply: decision };
  return { ok: true, started: now, day: decision.day, used: decision.used };
}

/**
 * An explanation arrived: the quota, the request log, XP, streak and quests, all committed in one
 * transaction before the reply. `state.quests` must be today's (see withQuestsOf).
 */
export function decideExplained(
  state: Learner,
  gate: Extract<ExplainGate, { ok: true }>,
  explanation: Explanation,
  now: number,
  dailyLimit: number,
): Decision<ExplainReply> {
  const userId = state.id;
  const { started, day, used } = gate;
  const { source } = explanation;
  const done = rewardActivity(
    state,
    {
      baseXp: XP.explanation,
      events: { explain: 1 },
      writes: [
        { type: "consumeQuota", userId, at: started, day, used },
        { type: "logRequest", userId, source, at: now, durationMs: now - started },
      ],
    },
    now,
  );
  const { reward } = done;
  return {
    reply: {
      ok: true,
      text: explanation.text,
      source,
      provider: explanation.provider,
      xpAwarded: reward.xpAwarded,
      xp: reward.xp,
      level: reward.level,
      leveledUp: reward.leveledUp,
      remaining: dailyLimit - used,
      questsCompleted: reward.questsCompleted,
    },
    next: { ...done.next, lastRequestAt: started, quotaDay: day, quotaUsed: used },
    writes: done.writes,
  };
}

export function decideProfile(
  state: Learner,
  now: number,
  dailyLimit: number,
): Decision<ProfileReply> {
  const { level, nextAt } = levelFor(state.xp);
  const streak = currentStreak(state.streak, utcDay(now));
  const reply = {
    ok: true,
    firstName: state.firstName,
    lang: state.lang,
    xp: state.xp,
    level,
    nextAt,
    remaining: remainingToday(state, now, dailyLimit),
    streak: streak.days,
    streakDoneToday: streak.doneToday,
  } as const;
  return answer(reply, state);
}
