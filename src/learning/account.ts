import { utcDay } from "../clock";
import { type Lang, langFromTelegram } from "../i18n/lang";
import {
  answer,
  type Decision,
  ensureUser,
  freshLearner,
  type Learner,
  type Unavailable,
} from "./learner";

/** What Telegram tells us about a user on each update. */
export interface TelegramProfile {
  readonly firstName: string;
  readonly languageCode?: string;
}

export type Session =
  | { readonly ok: true; readonly lang: Lang; readonly banned: boolean; readonly firstName: string }
  | Unavailable;
export type Ack = { readonly ok: true } | Unavailable;
export type PendingReply = { readonly ok: true; readonly token: string } | Unavailable;
export type DoneReply = { readonly ok: true; readonly done: boolean } | Unavailable;

/**
 * Every update starts here: the user's language (their choice, else Telegram's) and name. A new,
 * renamed or first-today user has the profile (re)written after the reply, without waiting:
 * that stamps last_seen_at.
 */
export function decideHello(
  state: Learner,
  profile: TelegramProfile,
  defaultLanguage: Lang,
  now: number,
): Decision<Session> {
  const detected = langFromTelegram(profile.languageCode, defaultLanguage);
  const lang = state.langChosen ? state.lang : detected;
  const firstName = profile.firstName.slice(0, 64);
  const next: Learner = { ...state, firstName, lang };
  const reply = { ok: true, lang, banned: state.banned, firstName } as const;
  const seenToday = utcDay(state.lastSeenAt) === utcDay(now);
  if (!state.persisted || !seenToday || state.firstName !== firstName || state.lang !== lang) {
    return {
      reply,
      next: { ...next, persisted: true, lastSeenAt: now },
      writes: [],
      background: [ensureUser(next, lang, now)],
    };
  }
  return answer(reply, next);
}

export function decideSetLanguage(state: Learner, lang: Lang, now: number): Decision<Ack> {
  const next = { ...state, lang, langChosen: true };
  return {
    reply: { ok: true },
    next: { ...next, persisted: true },
    writes: [ensureUser(next, lang, now), { type: "setLanguage", userId: state.id, lang }],
  };
}

export const decideSetBanned = (state: Learner, banned: boolean): Decision<Ack> => ({
  reply: { ok: true },
  next: { ...state, banned },
  writes: [{ type: "setBanned", userId: state.id, banned }],
});

/** /deletemydata: a token the confirmation button must carry. */
export const decideRequestDelete = (state: Learner, token: string): Decision<PendingReply> =>
  answer({ ok: true, token }, { ...state, pending: { kind: "delete", token } });

/** The confirmation: erases everything, if the token is the one just issued. */
export function decideConfirmDelete(
  state: Learner,
  token: string,
  defaultLanguage: Lang,
): Decision<DoneReply> {
  if (state.pending?.kind !== "delete" || state.pending.token !== token) {
    return answer({ ok: true, done: false }, state);
  }
  return {
    reply: { ok: true, done: true },
    next: freshLearner(state.id, defaultLanguage),
    writes: [{ type: "deleteUser", userId: state.id }],
  };
}

export const decideCancel = (state: Learner): Decision<DoneReply> =>
  answer({ ok: true, done: state.pending !== undefined }, { ...state, pending: undefined });
