import { dispatch, type Ref, spawn } from "nact";
import type { Provider } from "../analyzers/provider";
import { type Clock, utcDay } from "../clock";
import type { HabitReads } from "../db/habit-reads";
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
import { weekOf } from "../learning/daily-xp";
import type { LearnAction } from "../learning/learn-action";
import {
  coursesView,
  decideLearn,
  decideQuests,
  type LeaderboardReply,
  type LearnReply,
  type QuestsReply,
} from "../learning/learn-decide";
import { decodePlace } from "../learning/learn-place";
import {
  type Decision,
  freshLearner,
  type Learner,
  NO_PROGRESS,
  UNAVAILABLE,
  type Unavailable,
} from "../learning/learner";
import { progressKey } from "../learning/progress";
import type { WeeklyProgress } from "../learning/progress-chart-svg";
import {
  decideReminders,
  type ReminderChange,
  type RemindersReply,
} from "../learning/reminder-settings";
import { withQuestsOf } from "../learning/reward";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { AskReply, MessageReply, ThreadSeed } from "../news/conversation/reply";
import type { MessageInput } from "../news/conversation/route";
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
import { createUpdateEffects } from "./update-effects";
import { type ConversationDeps, createConversation } from "./user-conversation";
import { createInline, type InlinePreviewReply } from "./user-inline";
import { asked, inLanguageOf } from "./user-language";
import { UserLoadError } from "./user-load-error";
import { type CheckAnswerReply, type CheckReply, createTeach } from "./user-teach";
import type { WriterClient } from "./writer-client";

export type { Ack, DoneReply, PendingReply, Session, TelegramProfile } from "../learning/account";
export type {
  LeaderboardReply,
  LearnReply,
  LearnView,
  QuestsReply,
} from "../learning/learn-decide";
export type { Unavailable } from "../learning/learner";
export type {
  ReminderChange,
  ReminderSetting,
  RemindersReply,
} from "../learning/reminder-settings";
export type { Reward } from "../learning/reward";
export type { AskReply, MessageReply, ThreadSeed } from "../news/conversation/reply";
export type { MessageInput } from "../news/conversation/route";
export type { ExplainReply, ProfileReply } from "../news/explain-rules";
export type { InlinePreviewReply } from "./user-inline";
export { UserLoadError } from "./user-load-error";
export type { CheckAnswerReply, CheckReply, LearnReplyWithBonus } from "./user-teach";

/**
 * The Telegram update a request comes from. A request that carries one applies its effects at
 * most once: the marker and the reply are committed with them, and a replay gets that reply.
 * The marker is keyed by update and request type: an update asks each type at most once.
 */
export interface FromUpdate {
  readonly updateId?: number;
}

/** The last seven UTC days of XP and the level, for /profile and /progress. */
export type ProgressReply =
  | { readonly ok: true; readonly week: WeeklyProgress; readonly lang: Lang }
  | Unavailable;

/** The user actor's protocol. Every request carries its `replyTo`. */
export type UserMsg = FromUpdate &
  (
    | { readonly type: "hello"; readonly profile: TelegramProfile; readonly replyTo: Ref<Session> }
    /** Explains `text` as news whatever it is (no intent, no thread); the bot sends `message`. */
    | { readonly type: "explain"; readonly text: string; readonly replyTo: Ref<ExplainReply> }
    /** A text message: answered by its intent, or as a follow-up in the thread it continues. */
    | {
        readonly type: "message";
        readonly input: MessageInput;
        readonly replyTo: Ref<MessageReply>;
      }
    /** "❓ Ask about this" under RVX's message `messageId`: the next message asks in its thread. */
    | {
        readonly type: "askAbout";
        readonly chatId: number;
        readonly messageId: number;
        readonly replyTo: Ref<AskReply>;
      }
    /** RVX's answer went out as `messageId`: store what a follow-up to it needs. */
    | {
        readonly type: "delivered";
        readonly chatId: number;
        readonly messageId: number;
        readonly seed: ThreadSeed;
        readonly replyTo: Ref<Ack>;
      }
    /** "🧠 Check yourself" under RVX's explanation `messageId`. */
    | {
        readonly type: "check";
        readonly chatId: number;
        readonly messageId: number;
        readonly replyTo: Ref<CheckReply>;
      }
    /** An answer to that question: `ref` names it, `shown` is the option's place on screen. */
    | {
        readonly type: "checkAnswer";
        readonly chatId: number;
        readonly messageId: number;
        readonly ref: string;
        readonly shown: number;
        readonly replyTo: Ref<CheckAnswerReply>;
      }
    /** An inline query: the explanation to show, spending nothing (within `deadlineMs`). */
    | {
        readonly type: "inlinePreview";
        readonly text: string;
        readonly deadlineMs: number;
        readonly replyTo: Ref<InlinePreviewReply>;
      }
    /** The user sent an inline result: its news counts as explained (quota and XP). */
    | { readonly type: "inlineChosen"; readonly text: string; readonly replyTo: Ref<MessageReply> }
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
    | { readonly type: "leaderboard"; readonly replyTo: Ref<LeaderboardReply> }
    | { readonly type: "progress"; readonly replyTo: Ref<ProgressReply> }
    /** Shows (`change` absent) or changes the daily reminder. */
    | {
        readonly type: "reminders";
        readonly change?: ReminderChange;
        readonly replyTo: Ref<RemindersReply>;
      }
  );

export interface UserDeps extends Pick<ConversationDeps, "glossary" | "tutor" | "threadTtlMs"> {
  /** The offline analyzer: an inline query's answer when no provider makes the deadline. */
  readonly offline?: Provider;
  readonly reads: Reads;
  /** Daily XP and reminder settings. */
  readonly habits: HabitReads;
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

/** A user actor's state before its first message has loaded it from SQLite. */
interface Unloaded {
  readonly unloaded: true;
  readonly id: number;
}
type UserState = Learner | Unloaded;

/** The actor name for a Telegram user id. */
export const userActorName = (userId: number): string => `u${userId}`;
const userIdOfActor = (name: string): number => Number(name.slice(1));
const ignoreStop = (): void => {};

/**
 * The behaviour of every user actor: one set of handlers per runtime, shared by all users (a
 * user's id is in its state), so an actor costs little more than its state. The rules are pure
 * (src/learning/, src/news/explain-rules.ts); this file only interprets their decisions: commit
 * the writes through the DB-writer, then reply, or reply `unavailable` and keep the old state.
 * State is loaded from SQLite by the first message after a spawn or a crash, inside the handler:
 * a load that throws is then a crash of that message (its caller answered, the policy's backoff
 * applied), never a reset that reloads, fails and resets again without end. The place in a
 * lesson or quiz is loaded with it.
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
    const place = decodePlace(deps.reads.learning(userId), deps.courses);
    return { ...row, persisted: true, progress, ...place };
  };

  const withQuests = (state: Learner, now: number) =>
    withQuestsOf(state, utcDay(now), () => deps.reads.quests(state.id, utcDay(now)));
  const teach = createTeach(deps);
  const conversation = createConversation(deps, withQuests, teach);
  const inline = createInline(deps);

  const effects = createUpdateEffects({ ...deps, log });

  /** Commits the decision's writes, then replies; on failure replies `unavailable`. */
  async function run<R>(
    state: Learner,
    decision: Decision<R>,
    replyTo: Ref<R | Unavailable>,
    committed: () => void = () => {},
  ): Promise<Learner> {
    if (
      decision.writes.length > 0 &&
      !(await deps.writer.commit(effects.writesOf(decision, replyTo)))
    ) {
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

  const loaded = (state: UserState): Learner => {
    if (!("unloaded" in state)) return state;
    try {
      return load(state.id);
    } catch (error) {
      throw new UserLoadError(state.id, { cause: error });
    }
  };

  async function handle(state: Learner, msg: UserMsg): Promise<Learner> {
    const now = deps.clock.now();
    switch (msg.type) {
      case "hello":
        return run(state, decideHello(state, msg.profile, deps.defaultLanguage, now), msg.replyTo);
      case "explain":
        return explain(state, msg);
      case "message":
        return run(
          state,
          inLanguageOf(state, await conversation.message(asked(state, msg.input), msg.input)),
          msg.replyTo,
        );
      case "askAbout":
        return run(state, conversation.askAbout(state, msg.chatId, msg.messageId), msg.replyTo);
      case "delivered": {
        const { chatId, messageId, seed } = msg;
        return run(state, conversation.delivered(state, chatId, messageId, seed), msg.replyTo);
      }
      case "check":
        return run(state, teach.open(state, msg.chatId, msg.messageId), msg.replyTo);
      case "checkAnswer": {
        const { chatId, messageId, ref, shown } = msg;
        const decision = teach.answer(state, { chatId, messageId, ref, shown }, now);
        return run(withQuests(state, now), decision, msg.replyTo);
      }
      case "inlinePreview":
        dispatch(msg.replyTo, await inline(state, msg.text, msg.deadlineMs));
        return state;
      case "inlineChosen":
        return run(state, await conversation.news(state, msg.text), msg.replyTo);
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
        const decision = decideLearn(deps.courses, current, msg.action, now);
        return run(state, teach.bonus(decision, now), msg.replyTo);
      }
      case "quests":
        return run(state, decideQuests(withQuests(state, now), now), msg.replyTo);
      case "leaderboard": {
        const week = utcWeek(utcDay(now));
        dispatch(msg.replyTo, { ok: true, board: deps.reads.leaderboard(state.id, week) });
        return state;
      }
      case "progress": {
        const today = utcDay(now);
        const week = weekOf(state, deps.habits.days(state.id, today - 6), today);
        dispatch(msg.replyTo, { ok: true, week, lang: state.lang });
        return state;
      }
      case "reminders": {
        const current = deps.habits.reminder(state.id);
        return run(state, decideReminders(state, current, msg.change, now), msg.replyTo);
      }
      default:
        return assertNever(msg);
    }
  }

  /**
   * One initial state function for every actor (no closure per user): the user id is in the
   * actor's name, and the state loads with the first message.
   */
  const unloadedByName = (ctx: { readonly name: string }): UserState => ({
    unloaded: true,
    id: userIdOfActor(ctx.name),
  });

  // A stateless policy gives the same supervision to every actor, so they share one handler.
  type Handler = (state: UserState, msg: UserMsg) => Promise<UserState>;
  const handlers = new WeakMap<Supervision, Handler>();
  const handlerFor = (supervision: Supervision) => {
    let handler = handlers.get(supervision);
    if (!handler) {
      handler = async (state, msg) => {
        if (!admitted(supervision, hooks, msg)) return state;
        const current = loaded(state);
        return effects.replayed(msg) ? current : handle(current, msg);
      };
      handlers.set(supervision, handler);
    }
    return handler;
  };
  return {
    /** Spawns user `userId`'s actor under `parent` (a shard), supervised by `policy`. */
    spawn(parent: Ref<unknown>, userId: number, policy: Policy): Ref<UserMsg> {
      const supervision = policy(hooks);
      return spawn(parent, handlerFor(supervision), userActorName(userId), {
        initialStateFunc: unloadedByName,
        onCrash: supervision.onCrash,
        // nact would make a fresh no-op per actor; one shared function is one less per user.
        afterStop: ignoreStop,
      });
    },
  };
}

export type UserBehaviour = ReturnType<typeof createUserBehaviour>;
