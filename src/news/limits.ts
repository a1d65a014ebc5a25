import { dayStart, utcDay } from "../clock";

export { utcDay };

export interface LimitState {
  readonly lastRequestAt: number;
  readonly quotaDay: number;
  readonly quotaUsed: number;
}

export interface LimitPolicy {
  readonly floodIntervalMs: number;
  readonly dailyLimit: number;
}

export type LimitDecision =
  | { readonly ok: true; readonly day: number; readonly used: number }
  | { readonly ok: false; readonly reason: "flood"; readonly retryInMs: number }
  | { readonly ok: false; readonly reason: "quota"; readonly resetInMs: number };

/** Decides whether one more explanation is allowed now; `used` is the count after it. */
export function checkLimits(state: LimitState, now: number, policy: LimitPolicy): LimitDecision {
  const sinceLast = now - state.lastRequestAt;
  if (sinceLast >= 0 && sinceLast < policy.floodIntervalMs) {
    return { ok: false, reason: "flood", retryInMs: policy.floodIntervalMs - sinceLast };
  }
  const day = utcDay(now);
  const usedToday = state.quotaDay === day ? state.quotaUsed : 0;
  if (usedToday >= policy.dailyLimit) {
    return { ok: false, reason: "quota", resetInMs: dayStart(day + 1) - now };
  }
  return { ok: true, day, used: usedToday + 1 };
}

/** Explanations left today. */
export function remainingToday(state: LimitState, now: number, dailyLimit: number): number {
  const used = state.quotaDay === utcDay(now) ? state.quotaUsed : 0;
  return Math.max(0, dailyLimit - used);
}
