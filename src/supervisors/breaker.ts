import type { CallReport } from "../actors/provider";
import type { ProviderFailureKind } from "../analyzers/provider";
import { assertNever } from "../errors";

/** Where a circuit is; the gauge rvx_provider_circuit_state reports {@link CIRCUIT_CODE}. */
export type CircuitStatus = "closed" | "half_open" | "open";

export const CIRCUIT_CODE: Record<CircuitStatus, number> = { closed: 0, half_open: 1, open: 2 };

/** The longest a breaker stays open, unless a Retry-After asks for longer. */
export const MAX_COOLDOWN_MS = 600_000;

/** Each cooldown is lengthened by up to this fraction, so restarts do not fall in step. */
export const JITTER = 0.2;

export interface BreakerSettings {
  /** Consecutive failures that open a closed breaker. */
  readonly failureThreshold: number;
  /** The first cooldown; doubled after each failed trial, reset by a success. */
  readonly cooldownMs: number;
  /** Cap on the doubled cooldown; a bad key opens the breaker for this long. */
  readonly maxCooldownMs: number;
}

type Common = {
  /** The cooldown the next opening starts from (before jitter). */
  readonly backoffMs: number;
  /** Whether a rejected key has been reported since the last success (report it once). */
  readonly badKeyReported: boolean;
};

/** One provider's breaker. */
export type BreakerState =
  | (Common & { readonly status: "closed"; readonly failures: number })
  | (Common & { readonly status: "half_open"; readonly trialTaken: boolean })
  | (Common & { readonly status: "open"; readonly until: number });

/** A failure that counts against the provider (a bad request is the request's fault). */
export type CountedFailure = Exclude<ProviderFailureKind, "bad_request">;

/** What happened to a provider, as far as its breaker cares. */
export type BreakerEvent =
  | { readonly type: "success" }
  | { readonly type: "failure"; readonly kind: CountedFailure; readonly retryAfterMs?: number }
  /** A call that says nothing about the provider's health (bad request, busy, cancelled). */
  | { readonly type: "released" }
  | { readonly type: "cooldown_elapsed" };

/** What the supervisor must do after a step. */
export type BreakerEffect =
  | {
      readonly type: "changed";
      readonly from: CircuitStatus;
      readonly to: CircuitStatus;
      readonly reason: string;
    }
  | { readonly type: "stop_actor" }
  | { readonly type: "spawn_actor" }
  | { readonly type: "wake_after"; readonly ms: number }
  | { readonly type: "bad_key"; readonly openMs: number };

/** The time and randomness a step may use; `random` returns [0, 1) like Math.random. */
export interface StepContext {
  readonly settings: BreakerSettings;
  readonly now: number;
  readonly random: () => number;
}

/** A closed breaker with no failures. */
export function initialBreaker(settings: BreakerSettings): BreakerState {
  return { status: "closed", failures: 0, backoffMs: settings.cooldownMs, badKeyReported: false };
}

/**
 * Claims the right to call: always granted while closed, granted once (the trial) while
 * half-open, never while open. Pure, so the caller can check and claim in one synchronous step.
 */
export function acquire(state: BreakerState): { state: BreakerState; granted: boolean } {
  if (state.status === "closed") return { state, granted: true };
  if (state.status === "half_open" && !state.trialTaken) {
    return { state: { ...state, trialTaken: true }, granted: true };
  }
  return { state, granted: false };
}

/** The breaker's transition function: state + event -> state + effects. */
export function step(
  state: BreakerState,
  event: BreakerEvent,
  ctx: StepContext,
): { state: BreakerState; effects: BreakerEffect[] } {
  switch (event.type) {
    case "success":
      if (state.status === "open") return unchanged(state); // a straggler from before opening
      if (state.status === "closed") return unchanged({ ...state, failures: 0 });
      return {
        state: initialBreaker(ctx.settings),
        effects: [changed("half_open", "closed", "trial succeeded")],
      };
    case "released":
      if (state.status === "half_open") return unchanged({ ...state, trialTaken: false });
      return unchanged(state);
    case "cooldown_elapsed":
      if (state.status !== "open") return unchanged(state);
      return {
        state: {
          status: "half_open",
          trialTaken: false,
          backoffMs: state.backoffMs,
          badKeyReported: state.badKeyReported,
        },
        effects: [changed("open", "half_open", "cooldown elapsed"), { type: "spawn_actor" }],
      };
    case "failure":
      return failed(state, event, ctx);
    default:
      return assertNever(event);
  }
}

function failed(
  state: BreakerState,
  event: Extract<BreakerEvent, { type: "failure" }>,
  ctx: StepContext,
): { state: BreakerState; effects: BreakerEffect[] } {
  if (state.status === "open") return unchanged(state);
  const { maxCooldownMs } = ctx.settings;
  if (event.kind === "auth" || event.kind === "quota") {
    const why = event.kind === "auth" ? "key rejected (auth)" : "quota or credit exhausted";
    const opened = open(state, maxCooldownMs, maxCooldownMs, why, ctx.now);
    if (state.badKeyReported) return opened;
    return {
      state: { ...opened.state, badKeyReported: true },
      effects: [...opened.effects, { type: "bad_key", openMs: maxCooldownMs }],
    };
  }
  // A trial failure doubles the cooldown; the first opening from closed uses it as it is.
  const backoffMs =
    state.status === "half_open" ? Math.min(maxCooldownMs, state.backoffMs * 2) : state.backoffMs;
  const jittered = Math.min(maxCooldownMs, Math.round(backoffMs * (1 + JITTER * ctx.random())));
  if (event.kind === "rate_limited" && event.retryAfterMs !== undefined) {
    // The provider said when to come back; never earlier, even past the cap.
    const openMs = Math.max(jittered, event.retryAfterMs);
    return open(
      state,
      backoffMs,
      openMs,
      `rate limited (Retry-After ${event.retryAfterMs} ms)`,
      ctx.now,
    );
  }
  if (state.status === "half_open") {
    return open(state, backoffMs, jittered, `trial failed: ${event.kind}`, ctx.now);
  }
  const failures = state.failures + 1;
  if (failures < ctx.settings.failureThreshold) return unchanged({ ...state, failures });
  return open(
    state,
    backoffMs,
    jittered,
    `${failures} consecutive failures, last: ${event.kind}`,
    ctx.now,
  );
}

function open(
  state: BreakerState,
  backoffMs: number,
  openMs: number,
  reason: string,
  now: number,
): { state: BreakerState; effects: BreakerEffect[] } {
  return {
    state: { status: "open", until: now + openMs, backoffMs, badKeyReported: state.badKeyReported },
    effects: [
      changed(state.status, "open", `${reason}; open for ${openMs} ms`),
      { type: "stop_actor" },
      { type: "wake_after", ms: openMs },
    ],
  };
}

function changed(from: CircuitStatus, to: CircuitStatus, reason: string): BreakerEffect {
  return { type: "changed", from, to, reason };
}

function unchanged(state: BreakerState): { state: BreakerState; effects: BreakerEffect[] } {
  return { state, effects: [] };
}

/** The breaker event a provider actor's call report stands for. */
export function eventOf(report: CallReport): BreakerEvent {
  switch (report.outcome) {
    case "ok":
      return { type: "success" };
    case "bad_request":
    case "busy":
    case "cancelled":
    case "crashed":
      return { type: "released" };
    case "timeout":
    case "network":
    case "server":
    case "rate_limited":
    case "auth":
    case "malformed":
    case "wrong_language":
    case "quota":
      return { type: "failure", kind: report.outcome, retryAfterMs: report.retryAfterMs };
    default:
      return assertNever(report.outcome);
  }
}
