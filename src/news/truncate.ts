const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` characters at a sentence boundary, else at a word boundary,
 * never mid-word, adding "…" when anything was cut.
 */
export function truncate(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const room = trimmed.slice(0, max - ELLIPSIS.length + 1);

  // The last sentence end that keeps at least half the budget.
  let sentenceEnd = -1;
  for (const match of room.matchAll(/[.!?…](?=[\s"»”)\]]|$)/g)) {
    if (match.index + 1 <= max) sentenceEnd = match.index + 1;
  }
  if (sentenceEnd >= max / 2) return trimmed.slice(0, sentenceEnd).trim();

  const wordEnd = room.search(/\s\S*$/);
  const cut = wordEnd > 0 ? room.slice(0, wordEnd) : room.slice(0, max - ELLIPSIS.length);
  return cut.replace(/[\s,;:—–-]+$/u, "") + ELLIPSIS;
}
