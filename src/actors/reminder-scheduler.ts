import { dispatch, type Ref, spawn, stop as stopActor } from "nact";
import { type Cancel, type Clock, utcDay } from "../clock";
import type { HabitReads } from "../db/habit-reads";
import { decideReminder, localMidnight, type ReminderContent } from "../learning/reminder-rules";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { SendOutcome } from "./broadcaster";
import { admitted, type CrashHooks, type Policy, replyToOf } from "./supervision";
import type { WriterClient } from "./writer-client";

/** How a wake went: handled, or refused while the actor is held after a crash. */
export type WakeReply =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "unavailable" };

/**
 * Sends the reminders due now (the scheduler also wakes itself every `tickMs`); `replyTo`, if
 * given, hears once they are all handled.
 */
export type ReminderSchedulerMsg = { readonly type: "wake"; readonly replyTo?: Ref<WakeReply> };

export interface ReminderSchedulerDeps {
  readonly reads: Pick<HabitReads, "dueReminders" | "reminderFacts">;
  readonly writer: Pick<WriterClient, "commit" | "enqueue">;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Pick<Metrics, "remindersSent">;
  /** Sends one reminder through the paced sender shared with broadcasts. */
  readonly send: (userId: number, content: ReminderContent) => Promise<SendOutcome>;
  /** How often due reminders are looked for; a reminder is at most this late. */
  readonly tickMs?: number;
  /** Reminders handled per wake at most; the rest wait for the next. */
  readonly batch?: number;
}

/**
 * Spawns the actor that sends daily reminders. Which reminders are due is in SQLite
 * (`reminders.next_at`), and each is moved to its next day before it is sent: after a crash or
 * restart the scheduler carries on from SQLite, and no reminder is sent twice (at worst one is
 * lost). Whether to send is the pure rule `decideReminder`; a 403 stops the user's reminders.
 * The clock drives it, so tests advance time instead of waiting.
 */
export function spawnReminderScheduler(
  parent: Ref<unknown>,
  deps: ReminderSchedulerDeps,
  policy: Policy,
) {
  const log = deps.logger.child({ actor: "reminders" });
  const hooks: CrashHooks = {
    log,
    answer: (message) => {
      const replyTo = replyToOf<WakeReply>(message);
      if (replyTo) dispatch(replyTo, { ok: false, reason: "unavailable" });
    },
  };
  const supervision = policy(hooks);
  const tickMs = deps.tickMs ?? 60_000;
  const batch = deps.batch ?? 500;

  async function sendDue(): Promise<void> {
    for (const row of deps.reads.dueReminders(deps.clock.now(), batch)) {
      const now = deps.clock.now();
      const since = utcDay(localMidnight(now, row.offsetMinutes));
      const decision = decideReminder(row, deps.reads.reminderFacts(row.userId, since), now);
      const { userId } = row;
      // Storage down: leave the rest due and try again on the next wake.
      if (!(await deps.writer.commit([{ type: "reminderDue", userId, nextAt: decision.nextAt }])))
        return;
      if (decision.kind === "skip") {
        log.debug({ userId, reason: decision.reason }, "reminder skipped");
        continue;
      }
      const outcome = await deps.send(userId, decision.content);
      deps.metrics.remindersSent.inc({ result: outcome });
      if (outcome === "sent") {
        deps.writer.enqueue([{ type: "reminderSent", userId, at: deps.clock.now() }]);
      } else if (outcome === "blocked") {
        await deps.writer.commit([{ type: "userUnreachable", userId, at: deps.clock.now() }]);
        log.info({ userId }, "user unreachable: reminders stopped");
      }
    }
  }

  const ref: Ref<ReminderSchedulerMsg> = spawn(
    parent,
    async (state: null, msg: ReminderSchedulerMsg) => {
      // One message type: every wake looks for what is due.
      if (!admitted(supervision, hooks, msg)) return state;
      await sendDue();
      if (msg.replyTo) dispatch(msg.replyTo, { ok: true });
      return state;
    },
    "reminders",
    { initialState: null, onCrash: supervision.onCrash },
  );

  // The timer lives outside the actor, so a crash or restart never stops the wake-ups.
  let cancel: Cancel | undefined;
  const arm = () => {
    cancel = deps.clock.setTimeout(() => {
      dispatch(ref, { type: "wake" });
      arm();
    }, tickMs);
  };
  arm();
  dispatch(ref, { type: "wake" });
  return {
    ref,
    /** Stops the wake-ups and the actor; due reminders wait in SQLite for the next start. */
    stop(): void {
      cancel?.();
      cancel = undefined;
      stopActor(ref);
    },
  };
}

export type ReminderScheduler = ReturnType<typeof spawnReminderScheduler>;
