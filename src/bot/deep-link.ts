/*
 * Deep links into the private chat (t.me/<bot>?start=<payload>): the buttons a group gets for
 * learning commands and lessons. A payload is at most 64 chars of [A-Za-z0-9_-].
 */

/** What a /start payload opens. */
export type StartPayload =
  | { readonly kind: "learn" }
  | { readonly kind: "lesson"; readonly courseId: string; readonly lessonId: string };

/** `learn`, or `l_<course>_<lesson>` (content ids never hold `_`). */
export function startPayload(payload: StartPayload): string {
  return payload.kind === "learn" ? "learn" : `l_${payload.courseId}_${payload.lessonId}`;
}

export function parseStartPayload(text: string): StartPayload | undefined {
  if (text === "learn") return { kind: "learn" };
  const m = /^l_([a-z0-9-]{1,12})_([a-z0-9-]{1,16})$/.exec(text);
  return m ? { kind: "lesson", courseId: m[1] ?? "", lessonId: m[2] ?? "" } : undefined;
}

/** The link that opens the private chat with `bot` and sends /start with `payload`. */
export const privateLink = (bot: string, payload: StartPayload): string =>
  `https://t.me/${bot}?start=${startPayload(payload)}`;
