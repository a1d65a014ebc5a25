import type { CrashContext, CrashHooks, OnCrash, Policy, Supervision } from "../actors/supervision";
import type { Clock } from "../clock";

/** What a policy may decide for a crashed actor (nact's supervision decisions). */
export type Decision = "resume" | "reset" | "stop";

/** setTimeout-style durations wrap negative at 2^31 ms (nact's timers too); never go past it. */
const MAX_DELAY_MS = 2 ** 31 - 1;

const always = () => true;

/**
 * An `onCrash` that logs the defect, answers the waiting caller, and returns `decision`. It never
 * throws: a throwing onCrash would take the process down.
 */
function decide(hooks: CrashHooks, decision: (ctx: CrashContext) => Decision): OnCrash {
  return (message, error, ctx) => {
    let chosen: Decision = "stop";
    try {
      chosen = decision(ctx);
      hooks.log.error(
        { err: error, actor: ctx.name, messageType: typeOf(message), decision: chosen },
        "actor crashed",
      );
    } catch {
      // Logging failed; the decision still stands.
    }
    try {
      hooks.answer(message);
    } catch {
      // The caller's ask times out instead; nothing else can be done here.
    }
    return ctx[chosen];
  };
}

/** A policy without per-actor state: actors spawned with the same hooks share one supervision. */
function stateless(decision: Decision): Policy {
  const shared = new WeakMap<CrashHooks, Supervision>();
  return (hooks) => {
    let supervision = shared.get(hooks);
    if (!supervision) {
      supervision = { onCrash: decide(hooks, () => decision), admits: always };
      shared.set(hooks, supervision);
    }
    return supervision;
  };
}

/** Answer the caller, keep going with the same state: for state that is safe after a defect. */
export const resume: Policy = stateless("resume");

/**
 * Answer the caller `unavailable`, then start again from the initial state (a user actor reloads
 * from SQLite). The next message is handled at once.
 */
export const resetAndAnswerUnavailable: Policy = stateless("reset");

export interface BackoffOptions {
  readonly clock: Clock;
  /** The pause after the first crash; it doubles with each crash in the window. */
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Crashes allowed within `windowMs`; past it the actor stays stopped for `stopMs`. */
  readonly budget: number;
  readonly windowMs: number;
  readonly stopMs: number;
}

/**
 * Reset after a crash, but handle nothing (answering `unavailable`) for a backoff that doubles
 * with each crash in `windowMs`; once more than `budget` crashes fall in the window, stay stopped
 * for `stopMs`. A defect that repeats on every message so cannot loop: the caller always gets an
 * answer, and the actor costs nothing while it is held.
 */
export function restartWithBackoff(options: BackoffOptions): Policy {
  const clamp = (ms: number) => Math.min(Math.max(0, ms), MAX_DELAY_MS);
  return (hooks): Supervision => {
    let crashes: number[] = [];
    let heldUntil = 0;
    return {
      onCrash: decide(hooks, () => {
        const now = options.clock.now();
        crashes = [...crashes.filter((at) => now - at < options.windowMs), now];
        const pause =
          crashes.length > options.budget
            ? options.stopMs
            : Math.min(options.maxBackoffMs, options.minBackoffMs * 2 ** (crashes.length - 1));
        heldUntil = now + clamp(pause);
        return "reset";
      }),
      admits: () => options.clock.now() >= heldUntil,
    };
  };
}

function typeOf(message: unknown): string | undefined {
  return typeof message === "object" && message !== null && "type" in message
    ? String(message.type)
    : undefined;
}
