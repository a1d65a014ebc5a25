import type { Cancel, Clock } from "../clock";

const DAY_MS = 86_400_000;

/** The next time at `hourUtc`:00 UTC strictly after `now`. */
export function nextBackupAt(now: number, hourUtc: number): number {
  const today = Math.floor(now / DAY_MS) * DAY_MS + hourUtc * 3_600_000;
  return today > now ? today : today + DAY_MS;
}

/** Runs `backup` every day at `hourUtc` on the injected clock. Returns a cancel function. */
export function scheduleDailyBackups(clock: Clock, hourUtc: number, backup: () => void): Cancel {
  let cancel: Cancel = () => {};
  const arm = () => {
    cancel = clock.setTimeout(() => {
      backup();
      arm();
    }, nextBackupAt(clock.now(), hourUtc) - clock.now());
  };
  arm();
  return () => cancel();
}
