const DAY_MS = 86_400_000;

/** The UTC day number of a timestamp; quotas, streaks and quests change with it. */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

/** The UTC midnight that starts day number `day`. */
export const dayStart = (day: number): number => day * DAY_MS;

/** A cancel function returned by {@link Clock.setTimeout}. */
export type Cancel = () => void;

/**
 * Time as a dependency: everything that reads the time or waits goes through a Clock, so
 * tests drive time with {@link ManualClock} instead of sleeping.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): Cancel;
}

/** setTimeout wraps negative at 2^31 ms; clamp so a long cooldown never fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    return () => clearTimeout(handle);
  },
};

type Timer = { at: number; seq: number; fn: () => void };

/** A clock for tests: time moves only when {@link ManualClock.advance} is called. */
export class ManualClock implements Clock {
  #now: number;
  #seq = 0;
  #timers = new Set<Timer>();

  constructor(start = Date.UTC(2026, 10, 24, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): Cancel {
    const timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }

  /** Moves time forward, firing due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const next = [...this.#timers]
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.#timers.delete(next);
      this.#now = Math.max(this.#now, next.at);
      next.fn();
    }
    this.#now = target;
  }

  /** Sets the time without firing timers (for "the next day" in tests). */
  set(ms: number): void {
    this.#now = ms;
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }
}
