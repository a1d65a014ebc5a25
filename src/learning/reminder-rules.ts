import { utcDay } from "../clock";
import type { ReminderFacts, ReminderRow } from "../db/habit-reads";
import type { Lang } from "../i18n/lang";
import { currentStreak } from "./streak";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Reminders are never sent from 22:00 to 08:00 local time. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

/** The local hours a reminder may be set to: 08:00 … 21:00. */
export const REMINDER_HOURS: readonly number[] = Array.from(
  { length: QUIET_FROM_HOUR - QUIET_UNTIL_HOUR },
  (_, i) => QUIET_UNTIL_HOUR + i,
);

/**
 * The UTC offsets offered, in minutes east of UTC: every whole hour from −12 to +14, and the
 * half- and quarter-hour zones of populous places (India +5:30, Iran +3:30, Nepal +5:45, …).
 */
export const UTC_OFFSETS: readonly number[] = [
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60),
  -210,
  210,
  270,
  330,
  345,
  390,
  570,
].sort((a, b) => a - b);

export const isReminderHour = (hour: number): boolean => REMINDER_HOURS.includes(hour);
export const isUtcOffset = (minutes: number): boolean => UTC_OFFSETS.includes(minutes);

/** The local day number and hour at `now` for a UTC offset. */
export function localTime(now: number, offsetMinutes: number) {
  const local = now + offsetMinutes * MINUTE_MS;
  return { day: Math.floor(local / DAY_MS), hour: Math.floor((local % DAY_MS) / HOUR_MS) };
}

/** The UTC time at which the user's local day containing `now` began. */
export const localMidnight = (now: number, offsetMinutes: number): number =>
  localTime(now, offsetMinutes).day * DAY_MS - offsetMinutes * MINUTE_MS;

/** Whether `now` falls in the user's quiet hours (22:00 to 08:00 local). */
export function inQuietHours(now: number, offsetMinutes: number): boolean {
  const { hour } = localTime(now, offsetMinutes);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** The first time after `now` that is `hour`:00 in the user's local time. */
export function nextSlot(hour: number, offsetMinutes: number, now: number): number {
  const today = localMidnight(now, offsetMinutes) + hour * HOUR_MS;
  return today > now ? today : today + DAY_MS;
}

/** What a reminder says: the streak to keep, or the lesson left unfinished. */
export interface ReminderContent {
  readonly lang: Lang;
  /** The current streak in days (0: none). */
  readonly streak: number;
  /** A lesson whose quiz was tried and not passed: the button opens it. */
  readonly lesson?: { readonly courseId: string; readonly lessonId: string };
}

export type SkipReason = "gone" | "banned" | "quiet" | "learned" | "nothing";

/** What to do with a due reminder; either way it next falls due at `nextAt`. */
export type ReminderDecision =
  | { readonly kind: "send"; readonly nextAt: number; readonly content: ReminderContent }
  | { readonly kind: "skip"; readonly nextAt: number; readonly reason: SkipReason };

/**
 * A due reminder: sent only inside the user's allowed hours, only when they have not done a
 * lesson or quiz since their local midnight, and only when there is something to come back to
 * (a streak still alive, or an unfinished lesson). Due once a day: the next time is always the
 * slot after `now`, so a late or skipped reminder is not repeated the same day.
 */
export function decideReminder(
  row: ReminderRow,
  facts: ReminderFacts | undefined,
  now: number,
): ReminderDecision {
  const nextAt = nextSlot(row.hour, row.offsetMinutes, now);
  const skip = (reason: SkipReason): ReminderDecision => ({ kind: "skip", nextAt, reason });
  if (!facts) return skip("gone");
  if (facts.banned) return skip("banned");
  if (inQuietHours(now, row.offsetMinutes)) return skip("quiet");
  if (facts.learnedAt !== null && facts.learnedAt >= localMidnight(now, row.offsetMinutes)) {
    return skip("learned");
  }
  const streak = currentStreak(facts.streak, utcDay(now)).days;
  if (streak === 0 && !facts.unfinished) return skip("nothing");
  const content: ReminderContent = {
    lang: facts.lang,
    streak,
    ...(facts.unfinished ? { lesson: facts.unfinished } : {}),
  };
  return { kind: "send", nextAt, content };
}
