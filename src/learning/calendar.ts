import { dayStart, utcDay } from "../clock";

// The same day as the explanation quota, so "today" means one thing everywhere.
export { utcDay };

/**
 * The UTC week number of a UTC day number. Day 0, 1970-01-01, was a Thursday; shifting by 3
 * makes every week start on Monday 00:00 UTC, like ISO weeks.
 */
export const utcWeek = (day: number): number => Math.floor((day + 3) / 7);

/** Time left until the next UTC midnight, when daily quests change. */
export const untilNextDay = (ms: number): number => dayStart(utcDay(ms) + 1) - ms;
