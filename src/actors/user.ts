import { dispatch, type Ref, spawn } from "nact";
import { type Clock, utcDay } from "../clock";
import type { Reads } from "../db/reads";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import {
  type Ack,
  type DoneReply,
  decideCancel,
  decideConfirmDelete,
  decideHello,
  decideRequestDelete,
  decideSetBanned,
  decideSetLanguage,
  type PendingReply,
  type Session,
  type TelegramProfile,
} from "../learning/account";
import { utcWeek } from "../learning/calendar";
import type { Course } from "../learning/content";
import type { LearnAction } from "../learning/learn-action";
import {
  coursesView,
  decideLearn,
  decideQuests,
  type LeaderboardReply,
  type LearnReply,
  type QuestsReply,
} from "../learning/learn-decide";
import {
  type Decision,
  freshLearner,
  type Learner,
  NO_PROGRESS,
  UNAVAILABLE,
  type Unavailable,
} from "../learning/learner";
import { progressKey } from "../learning/progress";
import { withQuestsOf } from "../learning/reward";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import {
  decideExplained,
  decideProfile,
  type ExplainReply,
  gateExplain,
  type ProfileReply,
} from "../news/explain-rules";
import type { Explainer } from "../news/explainer";
import { normalizeNews } from "../news/normalize";
import type { CrashHooks, Policy, Supervision } from "./supervision";
import { admitted, replyToOf } from "./supervision";
import type { WriterClient } from "./writer-client";

export type { Ack, DoneReply, PendingReply, Session, TelegramProfile } from "../learning/account";
export type {
  LeaderboardReply,
  LearnReply,
  LearnView,
  QuestsReply,
} from "../learning/learn-decide";
export type { Unavailable } from "../learning/learner";
export type { Reward } from "../learning/reward";
export type { ExplainReply, ProfileReply } from "../news/explain-rules";

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
  | { readonly type: "learn"; readonly replyTo: Ref<LearnReply> }
  | {
      readonly type: "learnAction";
      readonly action: LearnAction;
      readonly replyTo: Ref<LearnReply>;
    }
  | { readonly type: "quests"; readonly replyTo: Ref<QuestsReply> }
  | { readonly type: "leaderboard"; readonly replyTo: Ref<LeaderboardReply> };

export interface UserDeps {
  readonly reads: Reads;
  readonly writer: WriterClient;
  readonly explainer: Explainer;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly floodIntervalMs: number;
  readonly dailyLimit: number;
  readonly defaultLanguage: Lang;
  /** Validated course content (see loadCourses). */
  readonly courses: readonly Course[];
  /** The token a data deletion must be confirmed with. */
  readonly token?: () => string;
}

/** The actor name for a Telegram user id. */
export const userActorName = (userId: number): string => `u${userId}`;
const userIdOfActor = (name: string): number => Number(name.slice(1));
const ignoreStop = (): void => {};

/**
 * The behaviour of every user actor: one set of handlers per runtime, shared by all users (a
 * user's id is in its state), so an actor costs little more than its state. The rules are pure
 * (src/learning/, src/news/explain-rules.ts); this file only interprets their decisions: commit
 * the writes through the DB-writer, then reply, or reply `unavailable` and keep the old state.
 * State is loaded from SQLite at spawn (and after a crash).
 */
export function createUserBehaviour(deps: UserDeps) {
  const log = deps.logger.child({ actor: "user" });
  const token = deps.token ?? (() => crypto.randomUUID().slice(0, 8));
  const hooks: CrashHooks = {
    log,
    answer: (message) => {
      const replyTo = replyToOf<Unavailable>(message);
      if (replyTo) dispatch(replyTo, UNAVAILABLE);
    },
  };

  const load = (userId: number): Learner => {
    const row = deps.reads.user(userId);
    if (!row) return freshLearner(userId, deps.defaultLanguage);
    const rows = deps.reads.lessonProgress(userId);
    const progress =
      rows.length === 0
        ? NO_PROGRESS
        : new Map(
            rows.map((r) => [
              progressKey(r.courseId, r.lessonId),
              { bestScore: r.bestScore, completed: r.completed },
            ]),
          );
    return { ...row, persisted: true, progress };
  };

  const withQuests = (state: Learner, now: number) =>
    withQuestsOf(state, utcDay(now), () => deps.reads.quests(state.id, utcDay(now)));

  /** Commits the decision's writes, then replies; on failure replies `unavailable`. */
  async function run<R>(
    state: Learner,
    decision: Decision<R>,
    replyTo: Ref<R | Unavailable>,
    committed: () => void = () => {},
  ): Promise<Learner> {
    if (decision.writes.length > 0 && !(await deps.writer.commit(decision.writes))) {
      dispatch(replyTo, UNAVAILABLE);
      return state;
    }
    committed();
    dispatch(replyTo, decision.reply);
    if (decision.background?.length) deps.writer.enqueue(decision.background);
    return decision.next;
  }

  async function explain(state: Learner, msg: Extract<UserMsg, { type: "explain" }>) {
    const gate = gateExplain(state, deps.clock.now(), deps);
    if (!gate.ok) {
      if (gate.reply.reason !== "banned")
        deps.metrics.limitRejections.inc({ reason: gate.reply.reason });
      dispatch(msg.replyTo, gate.reply);
      return state;
    }
    const explanation = await deps.explainer.explain(normalizeNews(msg.text), state.lang);
    const now = deps.clock.now();
    const decision = decideExplained(
      withQuests(state, now),
      gate,
      explanation,
      now,
      deps.dailyLimit,
    );
    return run(state, decision, msg.replyTo, () =>
      deps.metrics.explanations.inc({ source: explanation.source }),
    );
  }

  async function handle(state: Learner, msg: UserMsg, supervision: Supervision): Promise<Learner> {
    if (!admitted(supervision, hooks, msg)) return state;
    const now = deps.clock.now();
    switch (msg.type) {
      case "hello":
        return run(state, decideHello(state, msg.profile, deps.defaultLanguage, now), msg.replyTo);
      case "explain":
        return explain(state, msg);
      case "profile":
        return run(state, decideProfile(state, now, deps.dailyLimit), msg.replyTo);
      case "setLanguage":
        return run(state, decideSetLanguage(state, msg.lang, now), msg.replyTo);
      case "setBanned":
        return run(state, decideSetBanned(state, msg.banned), msg.replyTo, () =>
          log.info({ userId: state.id, banned: msg.banned }, "ban changed by an admin"),
        );
      case "requestDelete":
        return run(state, decideRequestDelete(state, token()), msg.replyTo);
      case "confirmDelete": {
        const decision = decideConfirmDelete(state, msg.token, deps.defaultLanguage);
        return run(state, decision, msg.replyTo, () => {
          if (decision.writes.length > 0) log.info({ userId: state.id }, "user erased their data");
        });
      }
      case "cancel":
        return run(state, decideCancel(state), msg.replyTo);
      case "learn":
        dispatch(msg.replyTo, { ok: true, view: coursesView(deps.courses, state) });
        return state;
      case "learnAction": {
        const needsQuests = msg.action.kind === "quiz" || msg.action.kind === "answer";
        const current = needsQuests ? withQuests(state, now) : state;
        return run(state, decideLearn(deps.courses, current, msg.action, now), msg.replyTo);
      }
      case "quests":
        return run(state, decideQuests(withQuests(state, now), now), msg.replyTo);
      case "leaderboard": {
        const week = utcWeek(utcDay(now));
        dispatch(msg.replyTo, { ok: true, board: deps.reads.leaderboard(state.id, week) });
        return state;
      }
      default:
        return assertNever(msg);
    }
  }

  /** One loader for every actor (no closure per user): the user id is in the actor's name. */
  const loadByName = (ctx: { readonly name: string }): Learner => load(userIdOfActor(ctx.name));

  // A stateless policy gives the same supervision to every actor, so they share one handler.
  const handlers = new WeakMap<Supervision, (state: Learner, msg: UserMsg) => Promise<Learner>>();
  const handlerFor = (supervision: Supervision) => {
    let handler = handlers.get(supervision);
    if (!handler) {
      handler = (state, msg) => handle(state, msg, supervision);
      handlers.set(supervision, handler);
    }
    return handler;
  };
  return {
    /** Spawns user `userId`'s actor under `parent` (a shard), supervised by `policy`. */
    spawn(parent: Ref<unknown>, userId: number, policy: Policy): Ref<UserMsg> {
      const supervision = policy(hooks);
      return spawn(parent, handlerFor(supervision), userActorName(userId), {
        initialStateFunc: loadByName,
        onCrash: supervision.onCrash,
        // nact would make a fresh no-op per actor; one shared function is one less per user.
        afterStop: ignoreStop,
      });
    },
  };
}

export type UserBehaviour = ReturnType<typeof createUserBehaviour>;
