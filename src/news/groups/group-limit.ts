/** The window GROUP_EXPLAINS_PER_HOUR counts over. */
export const GROUP_WINDOW_MS = 3_600_000;

/** Whether RVX may post one more answer in a group now. */
export type GroupAdmission =
  | { readonly ok: true; readonly remaining: number }
  | {
      readonly ok: false;
      readonly reason: "group_limit";
      readonly retryInMs: number;
      /** Set by the groups actor: the group was already told, so RVX says nothing this time. */
      readonly quiet?: boolean;
    };

/**
 * The per-group limit over a rolling hour: `recent` are the times RVX answered in the group
 * (oldest first). Admitted, the answer's time is added; refused, the wait until the oldest one
 * leaves the window.
 */
export function decideGroupExplain(
  recent: readonly number[],
  now: number,
  limit: number,
  windowMs = GROUP_WINDOW_MS,
): { readonly admission: GroupAdmission; readonly next: readonly number[] } {
  const inWindow = recent.filter((at) => at > now - windowMs);
  if (inWindow.length >= limit) {
    const oldest = inWindow[inWindow.length - limit] ?? now;
    return {
      admission: { ok: false, reason: "group_limit", retryInMs: oldest + windowMs - now },
      next: inWindow,
    };
  }
  const next = [...inWindow, now];
  return { admission: { ok: true, remaining: limit - next.length }, next };
}

/** Telegram's chat member statuses that let a member change the group's settings. */
export const isGroupAdmin = (status: string): boolean =>
  status === "creator" || status === "administrator";
