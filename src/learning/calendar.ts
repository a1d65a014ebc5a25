import { utcDay } from "../news/limits";

// The same day as the explanation quota, so "today" means one thing everywhere.
export { utcDay };

const DAY_MS = 86_400_000;

/**
 * The UTC week number of a UTC day number. Day 0, 1970-01-01, was a Thursday; shifting by 3
 * makes every week start on Monday 00:00 UTC, like ISO weeks.
 */
export const utcWeek = (day: number): number => Math.floor((day + 3) / 7);

/** Time left until the next UTC midnight, when daily quests change. */
export const untilNextDay = (ms: number): number => (utcDay(ms) + 1) * DAY_MS - ms;
