import { dispatch, type Ref, spawn } from "nact";
import type { Clock } from "../clock";
import type { Reads, UserRow } from "../db/reads";
import type { Write } from "../db/writes";
import { assertNever } from "../errors";
import { type Lang, langFromTelegram } from "../i18n/lang";
import { levelFor, XP } from "../learning/levels";
import type { Quest } from "../learning/quests";
import { currentStreak, NO_STREAK } from "../learning/streak";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { Explainer, ExplanationSource } from "../news/explainer";
import { checkLimits, remainingToday, utcDay } from "../news/limits";
import { normalizeNews } from "../news/normalize";
import { supervise } from "../supervisors/policies";
import { ask } from "./ask";
import type { DbWriterMsg, WriteResult } from "./db-writer";
import {
  createLearning,
  type LearnerState,
  type LearningDeps,
  type LearningMsg,
} from "./user-learning";

export type {
  LeaderboardReply,
  LearnReply,
  LearnView,
  QuestsReply,
  Reward,
} from "./user-learning";

/** What Telegram tells us about a user on each update. */
export interface TelegramProfile {
  readonly firstName: string;
  readonly languageCode?: string;
}

/** Any request can fail this way (storage down, actor crashed); nothing was changed. */
export type Unavailable = { readonly ok: false; readonly reason: "unavailable" };

export type Session =
  | { readonly ok: true; readonly lang: Lang; readonly banned: boolean; readonly firstName: string }
  | Unavailable;

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

export type Ack = { readonly ok: true } | Unavailable;
export type PendingReply = { readonly ok: true; readonly token: string } | Unavailable;
export type DoneReply = { readonly ok: true; readonly done: boolean } | Unavailable;

/** The user actor's protocol. Every request carries its `replyTo`. */
export type UserMsg =
  | { readonly type: "hello"; readonly profile: TelegramProfile; readonly replyTo: Ref<Session> }
  | { readonly type: "explain"; readonly text: string; readonly replyTo: Ref<ExplainReply> }
  | { readonly type: "profile"; readonly replyTo: Ref<ProfileReply> }
  | { readonly type: "setLanguage"; readonly lang: Lang; readonly replyTo: Ref<Ack> }
  | { readonly type: "requestDelete"; readonly replyTo: Ref<PendingReply> }
  | { readonly type: "confirmDelete"; readonly token: string; readonly replyTo: Ref<DoneReply> }
  | { readonly type: "cancel"; readonly replyTo: Ref<DoneReply> }
  /** From an admin: bans or unbans this user (the user must already exist in SQLite). */
  | { readonly type: "setBanned"; readonly banned: boolean; readonly replyTo: Ref<Ack> }
  | LearningMsg;

export interface UserDeps extends LearningDeps {
  readonly reads: Reads;
  readonly writer: Ref<DbWriterMsg>;
  readonly explainer: Explainer;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly floodIntervalMs: number;
  readonly dailyLimit: number;
  readonly defaultLanguage: Lang;
  /** Upper bound on waiting for a group commit. */
  readonly commitTimeoutMs: number;
}

interface UserState extends UserRow, LearnerState {
  readonly pending?: { readonly kind: "delete"; readonly token: string };
}

/** The actor name for a Telegram user id. */
export const userActorName = (userId: number): string => `u${userId}`;

/**
 * The behaviour of every user actor: one set of handlers per runtime, shared by all users (a
 * user's id is in its state), so an actor costs little more than its state. Each actor owns
 * one user's profile, language, flood timestamp, today's quota, XP, and learning (lesson
 * progress, the lesson or quiz in progress, streak, quests; see user-learning.ts). Its state is
 * loaded from SQLite at spawn (and after a crash), and every change is committed through the
 * DB-writer before the reply that reports it.
 */
export function createUserBehaviour(deps: UserDeps) {
  const log = deps.logger.child({ actor: "user" });

  const load = (userId: number): UserState => {
    const row = deps.reads.user(userId);
    if (!row) return fresh(userId, deps.defaultLanguage);
    return { ...row, persisted: true, progress: learning.loadProgress(userId) };
  };

  const commit = async (writes: readonly Write[]): Promise<boolean> => {
    try {
      const result = await ask<DbWriterMsg, WriteResult>(
        deps.writer,
        (replyTo) => ({ type: "write", writes, replyTo }),
        deps.commitTimeoutMs,
        "db-writer",
      );
      return result.type === "committed";
    } catch (error) {
      log.error({ err: error, writes: writes.map((w) => w.type) }, "commit did not complete");
      return false;
    }
  };

  const ensureUser = (state: UserState, lang: Lang): Write => ({
    type: "ensureUser",
    userId: state.id,
    firstName: state.firstName,
    lang,
    at: deps.clock.now(),
  });

  const learning = createLearning<UserState>({
    deps,
    commit,
    ensureUser: (state) => ensureUser(state, state.lang),
  });

  // A defect while handling a message: answer the waiting caller, then reload from SQLite.
  const onCrash = supervise("reset", log, (message) => {
    const replyTo = (message as { replyTo?: Ref<Unavailable> } | undefined)?.replyTo;
    if (replyTo) dispatch(replyTo, { ok: false, reason: "unavailable" });
  });

  async function hello(state: UserState, msg: Extract<UserMsg, { type: "hello" }>) {
    const detected = langFromTelegram(msg.profile.languageCode, deps.defaultLanguage);
    const lang = state.langChosen ? state.lang : detected;
    const firstName = msg.profile.firstName.slice(0, 64);
    const now = deps.clock.now();
    const next: UserState = { ...state, firstName, lang };
    const seenToday = utcDay(state.lastSeenAt) === utcDay(now);
    dispatch(msg.replyTo, { ok: true, lang, banned: state.banned, firstName });
    // New, renamed, or first visit today: (re)write the profile, which stamps last_seen_at.
    if (!state.persisted || !seenToday || state.firstName !== firstName || state.lang !== lang) {
      dispatch(deps.writer, { type: "write", writes: [ensureUser(next, lang)] });
      return { ...next, persisted: true, lastSeenAt: now };
    }
    return next;
  }

  async function explain(state: UserState, msg: Extract<UserMsg, { type: "explain" }>) {
    if (state.banned) {
      dispatch(msg.replyTo, { ok: false, reason: "banned" });
      return state;
    }
    const started = deps.clock.now();
    const decision = checkLimits(state, started, deps);
    if (!decision.ok) {
      deps.metrics.limitRejections.inc({ reason: decision.reason });
      dispatch(msg.replyTo, decision);
      return state;
    }
    const explanation = await deps.explainer.explain(normalizeNews(msg.text), state.lang);
    const now = deps.clock.now();
    const userId = state.id;
    // XP, streak and quest progress are committed with the quota, before the reply.
    const result = await learning.activity(state, {
      baseXp: XP.explanation,
      events: { explain: 1 },
      writes: [
        { type: "consumeQuota", userId, at: started, day: decision.day, used: decision.used },
        {
          type: "logRequest",
          userId,
          source: explanation.source,
          at: now,
          durationMs: now - started,
        },
      ],
    });
    if (!result.ok) {
      dispatch(msg.replyTo, { ok: false, reason: "unavailable" });
      return state;
    }
    deps.metrics.explanations.inc({ source: explanation.source });
    const { reward } = result;
    dispatch(msg.replyTo, {
      ok: true,
      text: explanation.text,
      source: explanation.source,
      provider: explanation.provider,
      xpAwarded: reward.xpAwarded,
      xp: reward.xp,
      level: reward.level,
      leveledUp: reward.leveledUp,
      remaining: deps.dailyLimit - decision.used,
      questsCompleted: reward.questsCompleted,
    });
    return {
      ...result.state,
      lastRequestAt: started,
      quotaDay: decision.day,
      quotaUsed: decision.used,
    };
  }

  async function handle(state: UserState, msg: UserMsg): Promise<UserState> {
    switch (msg.type) {
      case "hello":
        return hello(state, msg);
      case "explain":
        return explain(state, msg);
      case "profile": {
        const { level, nextAt } = levelFor(state.xp);
        const now = deps.clock.now();
        const remaining = remainingToday(state, now, deps.dailyLimit);
        const streak = currentStreak(state.streak, utcDay(now));
        dispatch(msg.replyTo, {
          ok: true,
          firstName: state.firstName,
          lang: state.lang,
          xp: state.xp,
          level,
          nextAt,
          remaining,
          streak: streak.days,
          streakDoneToday: streak.doneToday,
        });
        return state;
      }
      case "setLanguage": {
        const next = { ...state, lang: msg.lang, langChosen: true };
        const ok = await commit([
          ensureUser(next, msg.lang),
          { type: "setLanguage", userId: state.id, lang: msg.lang },
        ]);
        dispatch(msg.replyTo, ok ? { ok: true } : { ok: false, reason: "unavailable" });
        return ok ? { ...next, persisted: true } : state;
      }
      case "setBanned": {
        const ok = await commit([{ type: "setBanned", userId: state.id, banned: msg.banned }]);
        dispatch(msg.replyTo, ok ? { ok: true } : { ok: false, reason: "unavailable" });
        if (ok) log.info({ userId: state.id, banned: msg.banned }, "ban changed by an admin");
        return ok ? { ...state, banned: msg.banned } : state;
      }
      case "requestDelete": {
        const token = crypto.randomUUID().slice(0, 8);
        dispatch(msg.replyTo, { ok: true, token });
        return { ...state, pending: { kind: "delete", token } };
      }
      case "confirmDelete": {
        if (state.pending?.kind !== "delete" || state.pending.token !== msg.token) {
          dispatch(msg.replyTo, { ok: true, done: false });
          return state;
        }
        const ok = await commit([{ type: "deleteUser", userId: state.id }]);
        dispatch(msg.replyTo, ok ? { ok: true, done: true } : { ok: false, reason: "unavailable" });
        if (ok) log.info({ userId: state.id }, "user erased their data");
        return ok ? fresh(state.id, deps.defaultLanguage) : state;
      }
      case "cancel": {
        dispatch(msg.replyTo, { ok: true, done: state.pending !== undefined });
        return { ...state, pending: undefined };
      }
      case "learn":
      case "learnAction":
      case "quests":
      case "leaderboard":
        return learning.handle(state, msg);
      default:
        return assertNever(msg);
    }
  }

  return {
    /** Spawns user `userId`'s actor under `parent` (a shard). */
    spawn(parent: Ref<unknown>, userId: number): Ref<UserMsg> {
      return spawn(parent, handle, userActorName(userId), {
        initialStateFunc: () => load(userId),
        onCrash,
      });
    },
  };
}

export type UserBehaviour = ReturnType<typeof createUserBehaviour>;

function fresh(id: number, lang: Lang): UserState {
  return {
    id,
    firstName: "",
    lang,
    langChosen: false,
    banned: false,
    xp: 0,
    lastRequestAt: 0,
    lastSeenAt: 0,
    quotaDay: 0,
    quotaUsed: 0,
    streak: NO_STREAK,
    progress: new Map(),
    persisted: false,
  };
}
