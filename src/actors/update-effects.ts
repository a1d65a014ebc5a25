import { dispatch, type Ref } from "nact";
import type { Clock } from "../clock";
import type { Reads } from "../db/reads";
import type { Write } from "../db/writes";
import type { Course } from "../learning/content";
import { type Decision, UNAVAILABLE, type Unavailable } from "../learning/learner";
import type { Logger } from "../logger";
import { decodeReply, encodeReply } from "./reply-codec";

/** A request that may come from a Telegram update (see FromUpdate in user.ts). */
interface Request {
  readonly type: string;
  readonly updateId?: number;
  readonly replyTo: Ref<never>;
}

export interface UpdateEffectsDeps {
  readonly reads: Pick<Reads, "appliedReply">;
  readonly clock: Clock;
  readonly courses: readonly Course[];
  readonly log: Logger;
}

/**
 * Effects applied at most once per update, for the user actor: a request from an update whose
 * effects were committed is answered with the reply committed with them (`replayed`); otherwise
 * its commit carries an `updateApplied` marker with that reply (`writesOf`).
 */
export function createUpdateEffects(deps: UpdateEffectsDeps) {
  // The update each request in progress comes from, by its replyTo (unique per ask).
  const origins = new WeakMap<object, { readonly updateId: number; readonly kind: string }>();

  /** A stored reply; one naming content this build no longer has cannot be given again. */
  const decode = (stored: string): unknown => {
    try {
      return decodeReply(stored, deps.courses);
    } catch (error) {
      deps.log.warn({ err: error }, "a replayed update's reply names content that is gone");
      return UNAVAILABLE;
    }
  };

  return {
    /**
     * True when `msg` replays an update whose effects were applied: its caller has been sent
     * the reply given then. Otherwise the request is remembered for `writesOf`.
     */
    replayed(msg: Request): boolean {
      if (msg.updateId === undefined) return false;
      const stored = deps.reads.appliedReply(msg.updateId, msg.type);
      if (stored !== undefined) {
        dispatch(msg.replyTo as Ref<unknown>, decode(stored));
        return true;
      }
      origins.set(msg.replyTo, { updateId: msg.updateId, kind: msg.type });
      return false;
    },
    /** The decision's writes plus, for a request from an update, the marker with the reply. */
    writesOf<R>(decision: Decision<R>, replyTo: Ref<R | Unavailable>): readonly Write[] {
      const origin = origins.get(replyTo);
      if (!origin || decision.writes.length === 0) return decision.writes;
      const reply = encodeReply(decision.reply);
      const at = deps.clock.now();
      return [...decision.writes, { type: "updateApplied", ...origin, reply, at }];
    },
  };
}
