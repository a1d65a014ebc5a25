import type { QuestRow } from "../db/learning-rows";

/** What a quest counts. */
export type QuestKind =
  | "explain"
  | "lessonRead"
  | "lessonPassed"
  | "quizFinished"
  | "correctAnswer"
  | "perfectQuiz";

export interface QuestDef {
  /** Stored in the quests table and used as the locale key `quests.<id>`; at most 16 chars. */
  readonly id: string;
  readonly kind: QuestKind;
  readonly target: number;
}

/** Every quest that can be drawn, in display order. */
export const QUEST_CATALOGUE: readonly QuestDef[] = [
  { id: "explain2", kind: "explain", target: 2 },
  { id: "explain3", kind: "explain", target: 3 },
  { id: "read1", kind: "lessonRead", target: 1 },
  { id: "lesson1", kind: "lessonPassed", target: 1 },
  { id: "quiz2", kind: "quizFinished", target: 2 },
  { id: "right5", kind: "correctAnswer", target: 5 },
  { id: "right8", kind: "correctAnswer", target: 8 },
  { id: "perfect1", kind: "perfectQuiz", target: 1 },
];

export const QUESTS_PER_DAY = 3;

export interface Quest extends QuestDef {
  readonly progress: number;
  readonly completed: boolean;
}

/** One user's quests for one UTC day. */
export interface DailyQuests {
  readonly day: number;
  readonly quests: readonly Quest[];
}

/** How much of each kind an activity did, e.g. `{ quizFinished: 1, correctAnswer: 3 }`. */
export type QuestEvents = Partial<Readonly<Record<QuestKind, number>>>;

export type { QuestRow };

/**
 * Draws a user's quests for a UTC day: {@link QUESTS_PER_DAY} quests of different kinds, the
 * same every time for the same user and day (so they need no storage until progress is made),
 * and different across users and days.
 */
export function drawQuests(userId: number, day: number): DailyQuests {
  const random = mulberry32(seed(userId, day));
  const kinds = [...new Set(QUEST_CATALOGUE.map((q) => q.kind))];
  // Fisher-Yates over the kinds, then one quest of each of the first few kinds.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as QuestKind, kinds[i] as QuestKind];
  }
  const chosen = kinds.slice(0, QUESTS_PER_DAY).map((kind) => {
    const options = QUEST_CATALOGUE.filter((q) => q.kind === kind);
    return options[Math.floor(random() * options.length)] as QuestDef;
  });
  const quests = QUEST_CATALOGUE.filter((def) => chosen.includes(def)).map(
    (def): Quest => ({ ...def, progress: 0, completed: false }),
  );
  return { day, quests };
}

/** Quests from stored rows; rows of quests no longer in the catalogue are dropped. */
export function questsFromRows(day: number, rows: readonly QuestRow[]): DailyQuests {
  const quests = QUEST_CATALOGUE.flatMap((def): Quest[] => {
    const row = rows.find((r) => r.questId === def.id);
    return row
      ? [{ ...def, target: row.target, progress: row.progress, completed: row.completed }]
      : [];
  });
  return { day, quests };
}

/**
 * Counts `events` towards the quests not yet completed. `completed` lists the quests this
 * call completed (each earns its bonus once); `changed` says whether anything needs saving.
 */
export function advanceQuests(
  daily: DailyQuests,
  events: QuestEvents,
): {
  readonly daily: DailyQuests;
  readonly completed: readonly Quest[];
  readonly changed: boolean;
} {
  const completed: Quest[] = [];
  let changed = false;
  const quests = daily.quests.map((quest) => {
    const amount = events[quest.kind] ?? 0;
    if (quest.completed || amount <= 0) return quest;
    changed = true;
    const progress = Math.min(quest.target, quest.progress + amount);
    const next = { ...quest, progress, completed: progress >= quest.target };
    if (next.completed) completed.push(next);
    return next;
  });
  return { daily: changed ? { ...daily, quests } : daily, completed, changed };
}

/** A 32-bit seed from a Telegram user id (up to 2^53) and a day number. */
function seed(userId: number, day: number): number {
  let h = 0x9e3779b9 ^ day;
  for (const part of [userId % 2 ** 32, Math.floor(userId / 2 ** 32)]) {
    h = Math.imul(h ^ part, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A small, fast, seedable PRNG; quality is plenty for picking three quests. */
function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
