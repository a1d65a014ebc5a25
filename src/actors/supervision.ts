import type { Ref, SupervisionContext } from "nact";
import type { Logger } from "../logger";

// nact passes untyped messages to onCrash; a policy only logs, answers and decides.
// biome-ignore lint/suspicious/noExplicitAny: nact's supervision signature
export type CrashContext = SupervisionContext<any, any>;

/** nact's `onCrash`: what becomes of an actor whose handler threw. */
export type OnCrash = (
  message: unknown,
  error: Error | undefined,
  ctx: CrashContext,
) => CrashContext["resume"];

/** What an actor tells the policy it is spawned with. */
export interface CrashHooks {
  /** The actor's child logger. */
  readonly log: Logger;
  /**
   * Answers whoever waits on `message` with the actor's own "unavailable" reply (does nothing
   * for a message without a `replyTo`). Must not throw; a policy guards it anyway.
   */
  readonly answer: (message: unknown) => void;
}

/** What a policy gives the actor: nact's `onCrash`, and whether to handle a message now. */
export interface Supervision {
  readonly onCrash: OnCrash;
  /**
   * False while the policy holds the actor stopped (a restart's backoff, or a crash budget
   * spent); the actor then answers `unavailable` without handling the message.
   */
  readonly admits: () => boolean;
}

/**
 * A crash policy. Chosen where an actor is spawned (`spawnX(parent, deps, policy)`); the named
 * policies live in src/supervisors/policies.ts, which actors never import.
 */
export type Policy = (hooks: CrashHooks) => Supervision;

/** The policy's verdict on one message: handle it, or it was answered `unavailable` already. */
export function admitted(supervision: Supervision, hooks: CrashHooks, message: unknown): boolean {
  if (supervision.admits()) return true;
  hooks.answer(message);
  return false;
}

/** The `replyTo` of a request, if the message has one. */
export function replyToOf<T>(message: unknown): Ref<T> | undefined {
  return typeof message === "object" && message !== null && "replyTo" in message
    ? (message.replyTo as Ref<T> | undefined)
    : undefined;
}
