/**
 * XP needed to reach each level: index i holds the total XP for level i + 1. Steps grow so the
 * first levels come within a few days of use and later ones take weeks.
 */
export const LEVEL_XP: readonly number[] = [
  0, 50, 120, 220, 350, 520, 750, 1050, 1450, 2000, 2700, 3600, 4800, 6300, 8200,
];

export interface LevelInfo {
  readonly level: number;
  /** Total XP for the next level, or undefined at the top level. */
  readonly nextAt: number | undefined;
}

/** The level a total XP amount reaches. */
export function levelFor(xp: number): LevelInfo {
  let level = 1;
  while (level < LEVEL_XP.length && xp >= (LEVEL_XP[level] ?? Number.POSITIVE_INFINITY)) level++;
  return { level, nextAt: LEVEL_XP[level] };
}

/** XP awarded for each kind of progress. */
export const XP = {
  explanation: 5,
  /** A beginner's question answered (by an AI provider or the glossary). */
  answer: 2,
  lessonCompleted: 20,
  correctAnswer: 5,
  perfectQuiz: 15,
  questCompleted: 25,
} as const;
