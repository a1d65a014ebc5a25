import { dispatch, type Ref, spawn, stop as stopActor } from "nact";
import type { Cancel, Clock } from "../clock";
import type { AdminReads, BroadcastRow } from "../db/admin-reads";
import { assertNever } from "../errors";
import type { Logger } from "../logger";
import { supervise } from "../supervisors/policies";
import type { DbWriterMsg } from "./db-writer";

/** How one message to one user went. */
export type SendOutcome = "sent" | "blocked" | "failed";

export type BroadcasterMsg =
  /** Starts (or resumes) a broadcast whose row is committed with status 'running'. */
  | { readonly type: "start"; readonly broadcastId: number }
  | {
      readonly type: "cancel";
      readonly broadcastId: number;
      readonly replyTo: Ref<{ ok: boolean }>;
    };

type Internal = { readonly type: "step" };

export interface BroadcasterDeps {
  readonly reads: AdminReads;
  readonly writer: Ref<DbWriterMsg>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Sends one broadcast message (grammY's auto-retry already waits out 429s). */
  readonly send: (userId: number, text: string) => Promise<SendOutcome>;
  /** Shows progress to the admin who started it (at most every `reportEvery` messages). */
  readonly report: (broadcast: BroadcastRow) => Promise<void>;
  /** Pause between messages: 40 ms keeps under Telegram's ~30 messages/s for bots. */
  readonly intervalMs?: number;
  readonly reportEvery?: number;
}

/** The broadcast being sent: its row as loaded, with the progress counters kept current. */
type Active = { -readonly [K in keyof BroadcastRow]: BroadcastRow[K] };

/**
 * Spawns the actor that sends admin broadcasts one message at a time, paced on the injected
 * clock. Progress (the last user id reached) is written through the DB-writer after every
 * message, so after a restart a broadcast resumes where it stopped; at worst the last message
 * before a crash is sent twice, never skipped.
 */
export function spawnBroadcaster(parent: Ref<unknown>, deps: BroadcasterDeps) {
  const log = deps.logger.child({ actor: "broadcaster" });
  const intervalMs = deps.intervalMs ?? 40;
  const reportEvery = deps.reportEvery ?? 25;
  const queue: number[] = [...deps.reads.runningBroadcasts()];
  let active: Active | undefined;
  let cancelStep: Cancel | undefined;

  const load = (id: number): Active | undefined => {
    const row = deps.reads.broadcast(id);
    return row?.status === "running" ? { ...row } : undefined;
  };

  const persist = (b: Active) =>
    dispatch(deps.writer, {
      type: "write",
      writes: [
        {
          type: "broadcastProgress",
          broadcastId: b.id,
          cursor: b.cursor,
          sent: b.sent,
          failed: b.failed,
          status: b.status,
        },
      ],
    });

  const report = async (b: Active) => {
    try {
      await deps.report({ ...b });
    } catch (error) {
      log.warn({ err: error, broadcastId: b.id }, "progress report failed");
    }
  };

  const schedule = (ref: Ref<BroadcasterMsg | Internal>) => {
    cancelStep ??= deps.clock.setTimeout(() => {
      cancelStep = undefined;
      dispatch(ref, { type: "step" });
    }, intervalMs);
  };

  async function step(ref: Ref<BroadcasterMsg | Internal>): Promise<void> {
    while (!active) {
      const next = queue.shift();
      if (next === undefined) return;
      active = load(next);
      if (active) log.info({ broadcastId: next, cursor: active.cursor }, "broadcast running");
    }
    const b = active;
    const [userId] = deps.reads.recipients(b.cursor, 1);
    if (userId === undefined) {
      b.status = "done";
      persist(b);
      await report(b);
      log.info({ broadcastId: b.id, sent: b.sent, failed: b.failed }, "broadcast done");
      active = undefined;
      if (queue.length > 0) schedule(ref);
      return;
    }
    const outcome = await deps.send(userId, b.text);
    b.cursor = userId;
    if (outcome === "sent") b.sent++;
    else b.failed++;
    persist(b);
    if ((b.sent + b.failed) % reportEvery === 0) await report(b);
    schedule(ref);
  }

  const ref: Ref<BroadcasterMsg | Internal> = spawn(
    parent,
    async (state: null, msg: BroadcasterMsg | Internal) => {
      switch (msg.type) {
        case "start":
          if (active?.id !== msg.broadcastId && !queue.includes(msg.broadcastId)) {
            queue.push(msg.broadcastId);
          }
          schedule(ref);
          return state;
        case "cancel": {
          const found = active?.id === msg.broadcastId || queue.includes(msg.broadcastId);
          const index = queue.indexOf(msg.broadcastId);
          if (index >= 0) queue.splice(index, 1);
          const b = active?.id === msg.broadcastId ? active : load(msg.broadcastId);
          if (b) {
            b.status = "cancelled";
            persist(b);
            await report(b);
          }
          if (active?.id === msg.broadcastId) active = undefined;
          dispatch(msg.replyTo, { ok: found });
          return state;
        }
        case "step":
          await step(ref);
          return state;
        default:
          return assertNever(msg);
      }
    },
    "broadcaster",
    // A defect mid-broadcast: keep going; progress in SQLite is at most one message behind.
    { initialState: null, onCrash: supervise("resume", log) },
  );
  if (queue.length > 0) schedule(ref);
  return {
    ref: ref as Ref<BroadcasterMsg>,
    /** Stops pacing and the actor; a running broadcast resumes from SQLite on the next start. */
    stop(): void {
      cancelStep?.();
      cancelStep = undefined;
      stopActor(ref);
    },
  };
}

export type Broadcaster = ReturnType<typeof spawnBroadcaster>;
