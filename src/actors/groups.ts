import { dispatch, type Ref, spawn } from "nact";
import type { Clock } from "../clock";
import type { ReachReads } from "../db/reach-reads";
import { assertNever } from "../errors";
import type { Lang } from "../i18n/lang";
import type { Ack } from "../learning/account";
import type { Logger } from "../logger";
import {
  decideGroupExplain,
  GROUP_WINDOW_MS,
  type GroupAdmission,
} from "../news/groups/group-limit";
import { admitted, type CrashHooks, type Policy, replyToOf } from "./supervision";
import type { WriterClient } from "./writer-client";

export type { GroupAdmission } from "../news/groups/group-limit";

/** What a group's settings say: the language its admins chose, if any. */
export type GroupInfo =
  | { readonly ok: true; readonly lang?: Lang }
  | { readonly ok: false; readonly reason: "unavailable" };

/** The groups actor's protocol: every group RVX is in, one mailbox, so limits never race. */
export type GroupsMsg =
  /** May RVX post an answer in `chatId` now? Admitted, the answer is counted (and stored). */
  | {
      readonly type: "admit";
      readonly chatId: number;
      readonly replyTo: Ref<GroupAdmission | GroupInfo>;
    }
  | { readonly type: "info"; readonly chatId: number; readonly replyTo: Ref<GroupInfo> }
  | {
      readonly type: "setLanguage";
      readonly chatId: number;
      readonly lang: Lang;
      readonly replyTo: Ref<Ack>;
    }
  /** RVX's membership changed (my_chat_member): recorded for the operator. */
  | {
      readonly type: "membership";
      readonly chatId: number;
      readonly title: string;
      readonly status: string;
      readonly changedBy: number;
      readonly replyTo: Ref<Ack>;
    };

export interface GroupsDeps {
  readonly reads: Pick<ReachReads, "group" | "groupExplains">;
  readonly writer: Pick<WriterClient, "commit">;
  readonly clock: Clock;
  readonly logger: Logger;
  /** GROUP_EXPLAINS_PER_HOUR. */
  readonly perHour: number;
}

/** The recent answer times of the groups seen since start; loaded from SQLite on first use. */
type GroupsState = Map<number, readonly number[]>;

/**
 * Spawns the groups actor: the per-group limit (a rolling hour, kept in SQLite so a restart does
 * not reset it), the language a group's admins chose, and RVX's membership in groups.
 */
export function spawnGroups(parent: Ref<unknown>, deps: GroupsDeps, policy: Policy) {
  const log = deps.logger.child({ actor: "groups" });
  const hooks: CrashHooks = {
    log,
    answer: (message) => {
      const replyTo = replyToOf<GroupInfo>(message);
      if (replyTo) dispatch(replyTo, { ok: false, reason: "unavailable" });
    },
  };
  const supervision = policy(hooks);
  const unavailable = { ok: false, reason: "unavailable" } as const;
  // Until when each group, told it reached its limit, stays told (in memory: after a restart it
  // is told once more at most).
  const notices = new Map<number, number>();

  async function handle(state: GroupsState, msg: GroupsMsg): Promise<GroupsState> {
    const now = deps.clock.now();
    switch (msg.type) {
      case "admit": {
        const recent =
          state.get(msg.chatId) ?? deps.reads.groupExplains(msg.chatId, now - GROUP_WINDOW_MS);
        const { admission, next } = decideGroupExplain(recent, now, deps.perHour);
        if (!admission.ok) {
          // The group hears "back in N min" once per full stretch, not under every message.
          const quiet = now < (notices.get(msg.chatId) ?? 0);
          if (!quiet) notices.set(msg.chatId, now + admission.retryInMs);
          dispatch(msg.replyTo, { ...admission, quiet });
          return state.set(msg.chatId, next);
        }
        const write = {
          type: "groupExplained",
          chatId: msg.chatId,
          at: now,
          prunedBefore: now - GROUP_WINDOW_MS,
        } as const;
        if (!(await deps.writer.commit([write]))) {
          dispatch(msg.replyTo, unavailable);
          return state;
        }
        dispatch(msg.replyTo, admission);
        return state.set(msg.chatId, next);
      }
      case "info": {
        const lang = deps.reads.group(msg.chatId)?.lang;
        dispatch(msg.replyTo, { ok: true, ...(lang ? { lang } : {}) });
        return state;
      }
      case "setLanguage": {
        const write = {
          type: "groupLanguage",
          chatId: msg.chatId,
          lang: msg.lang,
          at: now,
        } as const;
        dispatch(msg.replyTo, (await deps.writer.commit([write])) ? { ok: true } : unavailable);
        return state;
      }
      case "membership": {
        const { chatId, title, status, changedBy } = msg;
        const write = {
          type: "groupMembership",
          chatId,
          title,
          status,
          changedBy,
          at: now,
        } as const;
        const ok = await deps.writer.commit([write]);
        if (ok) log.info({ chatId, status, changedBy }, "membership in a group changed");
        dispatch(msg.replyTo, ok ? { ok: true } : unavailable);
        return state;
      }
      default:
        return assertNever(msg);
    }
  }

  const ref = spawn(
    parent,
    async (state: GroupsState, msg: GroupsMsg) =>
      admitted(supervision, hooks, msg) ? handle(state, msg) : state,
    "groups",
    { initialStateFunc: (): GroupsState => new Map(), onCrash: supervision.onCrash },
  );
  return { ref };
}

export type Groups = ReturnType<typeof spawnGroups>;
