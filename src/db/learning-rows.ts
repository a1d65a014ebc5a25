/** A stored quest row, as the quests table holds it. */
export interface QuestRow {
  readonly questId: string;
  readonly progress: number;
  readonly target: number;
  readonly completed: boolean;
}

/** Consecutive UTC days with at least one lesson, quiz or explanation. */
export interface Streak {
  readonly days: number;
  /** The UTC day number of the last activity; meaningless while `days` is 0. */
  readonly lastDay: number;
}
