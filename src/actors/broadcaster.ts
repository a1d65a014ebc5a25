import { dispatch, type Ref, spawn, stop as stopActor } from "nact";
import type { Cancel, Clock } from "../clock";
import type { AdminReads, BroadcastRow } from "../db/admin-reads";
import { assertNever } from "../errors";
import type { Logger } from "../logger";
import { admitted, type CrashHooks, type Policy, replyToOf } from "./supervision";
import type { WriterClient } from "./writer-client";

const UNAVAILABLE = { ok: false, reason: "unavailable" } as const;

/** How one message to one user went. */
export type SendOutcome = "sent" | "blocked" | "failed";

export type CreateReply =
  | { readonly ok: true; readonly broadcastId: number; readonly total: number }
  | { readonly ok: false; readonly reason: "unavailable" };

export type ConfirmReply =
  | { readonly ok: true; readonly total: number }
  /** Not this admin's pending broadcast (an old or forged button). */
  | { readonly ok: false; readonly reason: "stale" | "unavailable" };

export type BroadcasterMsg =
  /** An admin's draft: stored as 'pending' with its recipient count, awaiting confirmation. */
  | {
      readonly type: "create";
      readonly adminId: number;
      readonly chatId: number;
      readonly text: string;
      readonly replyTo: Ref<CreateReply>;
    }
  /**
   * The admin's answer to a draft: mark it running (progress shown in `messageId`; `start` it
   * once the admin has seen the progress message) or drop it.
   */
  | {
      readonly type: "confirm";
      readonly broadcastId: number;
      readonly adminId: number;
      readonly send: boolean;
      readonly messageId?: number;
      readonly replyTo: Ref<ConfirmReply>;
    }
  /** Starts (or resumes) a broadcast whose row is committed with status 'running'. */
  | { readonly type: "start"; readonly broadcastId: number }
  /** Stops a running broadcast (only the admin who started it, when `adminId` is given). */
  | {
      readonly type: "cancel";
      readonly broadcastId: number;
      readonly adminId?: number;
      readonly replyTo: Ref<{ ok: boolean }>;
    };

type Internal = { readonly type: "step" };

export interface BroadcasterDeps {
  readonly reads: AdminReads;
  readonly writer: Pick<WriterClient, "commit" | "enqueue" | "flush">;
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
export function spawnBroadcaster(parent: Ref<unknown>, deps: BroadcasterDeps, policy: Policy) {
  const log = deps.logger.child({ actor: "broadcaster" });
  const hooks: CrashHooks = {
    log,
    answer: (message) => {
      const replyTo = replyToOf<{ ok: false; reason?: "unavailable" }>(message);
      if (replyTo) dispatch(replyTo, UNAVAILABLE);
    },
  };
  const supervision = policy(hooks);
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
    deps.writer.enqueue([
      {
        type: "broadcastProgress",
        broadcastId: b.id,
        cursor: b.cursor,
        sent: b.sent,
        failed: b.failed,
        status: b.status,
      },
    ]);

  async function create(msg: Extract<BroadcasterMsg, { type: "create" }>): Promise<void> {
    const broadcastId = deps.clock.now();
    // Count users whose profile is still queued too.
    await deps.writer.flush().catch(() => undefined);
    const total = deps.reads.recipientCount(0);
    const { adminId, chatId, text } = msg;
    const created = await deps.writer.commit([
      { type: "broadcastCreate", broadcastId, adminId, chatId, text, total, at: broadcastId },
    ]);
    dispatch(msg.replyTo, created ? { ok: true, broadcastId, total } : UNAVAILABLE);
  }

  async function confirm(msg: Extract<BroadcasterMsg, { type: "confirm" }>): Promise<void> {
    const row = deps.reads.broadcast(msg.broadcastId);
    if (row?.status !== "pending" || row.adminId !== msg.adminId) {
      dispatch(msg.replyTo, { ok: false, reason: "stale" });
      return;
    }
    const ok = await deps.writer.commit([
      {
        type: "broadcastProgress",
        broadcastId: row.id,
        cursor: 0,
        sent: 0,
        failed: 0,
        status: msg.send ? "running" : "cancelled",
        ...(msg.messageId ? { progressMessageId: msg.messageId } : {}),
      },
    ]);
    dispatch(msg.replyTo, ok ? { ok: true, total: row.total } : UNAVAILABLE);
  }

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
      if (!admitted(supervision, hooks, msg)) return state;
      switch (msg.type) {
        case "start":
          if (active?.id !== msg.broadcastId && !queue.includes(msg.broadcastId)) {
            queue.push(msg.broadcastId);
          }
          schedule(ref);
          return state;
        case "create":
          await create(msg);
          return state;
        case "confirm":
          await confirm(msg);
          return state;
        case "cancel": {
          if (msg.adminId !== undefined) {
            const row = deps.reads.broadcast(msg.broadcastId);
            if (row?.status !== "running" || row.adminId !== msg.adminId) {
              dispatch(msg.replyTo, { ok: false });
              return state;
            }
          }
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
          dispatch(msg.replyTo, { ok: found || msg.adminId !== undefined });
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
    // After a defect progress in SQLite is at most one message behind.
    { initialState: null, onCrash: supervision.onCrash },
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
