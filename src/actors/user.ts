import { dispatch, type Ref, spawn } from "nact";
import type { Provider } from "../analyzers/provider";
import { type Clock, utcDay } from "../clock";
import type { HabitReads } from "../db/habit-reads";
import type { Reads } from "../db/reads";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import {
  decideCancel,
  decideConfirmDelete,
  decideHello,
  decideRequestDelete,
  decideSetBanned,
  decideSetLanguage,
} from "../learning/account";
import { utcWeek } from "../learning/calendar";
import type { Course } from "../learning/content";
import { weekOf } from "../learning/daily-xp";
import { coursesView, decideLearn, decideQuests } from "../learning/learn-decide";
import { type Learner, UNAVAILABLE, type Unavailable } from "../learning/learner";
import { decideReminders } from "../learning/reminder-settings";
import { withQuestsOf } from "../learning/reward";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import { decideExplained, decideProfile, gateExplain } from "../news/explain-rules";
import type { Explainer } from "../news/explainer";
import { normalizeNews } from "../news/normalize";
import type { CrashHooks, Policy, Supervision } from "./supervision";
import { admitted, replyToOf } from "./supervision";
import { createUpdateEffects } from "./update-effects";
import { createRun } from "./user-commit";
import { type ConversationDeps, createConversation } from "./user-conversation";
import { createInline } from "./user-inline";
import { asked, inLanguageOf } from "./user-language";
import { createLoader, type UserState, unloadedByName, userActorName } from "./user-load";
import type { UserMsg } from "./user-protocol";
import { createTeach } from "./user-teach";
import type { WriterClient } from "./writer-client";

export { userActorName } from "./user-load";
// The protocol (UserMsg and its replies) lives in user-protocol.ts; callers import it from here.
export * from "./user-protocol";

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

  const loaded = createLoader(deps);
  const withQuests = (state: Learner, now: number) =>
    withQuestsOf(state, utcDay(now), () => deps.reads.quests(state.id, utcDay(now)));
  const teach = createTeach(deps);
  const conversation = createConversation(deps, withQuests, teach);
  const inline = createInline(deps);

  const effects = createUpdateEffects({ ...deps, log });
  const run = createRun(deps.writer, effects);

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
