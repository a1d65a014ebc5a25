import { assertNever } from "../errors";
import { isLang, type Lang } from "../i18n/lang";
import { CONTENT_LIMITS } from "../learning/content";
import type { LearnAction } from "../learning/learn-action";
import { isReminderHour, isUtcOffset } from "../learning/reminder-rules";

/*
 * Every callback_data format the bot writes and parses lives here: learning buttons, the
 * language buttons, data deletion, admin broadcasts and reminder settings.
 */

export type { LearnAction };

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_BYTES = 64;

/** Callback data a learning button may carry; the feature routes on it, then parses strictly. */
export const LEARN_CALLBACK = /^[MCLSQR](?::|$)/;

/** An id of at most `max` chars of [a-z0-9-], starting and ending with a letter or digit. */
const id = (max: number) => `([a-z0-9](?:[a-z0-9-]{0,${max - 2}}[a-z0-9])?)`;
const C = id(CONTENT_LIMITS.courseId);
const L = id(CONTENT_LIMITS.lessonId);
const QID = id(CONTENT_LIMITS.questionId);
const PAGE = "(0|[1-9][0-9]?)";
/** A quiz attempt number: 1 to 999999. */
const ATTEMPT = "([1-9][0-9]{0,5})";
const PATTERNS = {
  courses: /^M$/,
  course: new RegExp(`^C:${C}$`),
  page: new RegExp(`^L:${C}:${L}:${PAGE}$`),
  quiz: new RegExp(`^S:${C}:${L}$`),
  answer: new RegExp(`^Q:${C}:${L}:${QID}:${ATTEMPT}:([0-9])$`),
  review: new RegExp(`^R:${C}:${L}:${ATTEMPT}:${PAGE}$`),
} as const;

/**
 * Callback data for an action: `M` (course list), `C:<course>` (a course), `L:<course>:<lesson>:
 * <page>` (a lesson page), `S:<course>:<lesson>` (start or retry its quiz),
 * `Q:<course>:<lesson>:<question>:<attempt>:<shown>` (an answer: the attempt it was shown in and
 * the option's position on screen, which the attempt's stored order maps to the content) and
 * `R:<course>:<lesson>:<attempt>:<page>` (a page of that attempt's mistakes). Ids are [a-z0-9-]
 * within the content limits, so the longest, an answer, is at most 45 bytes.
 */
export function encodeAction(action: LearnAction): string {
  switch (action.kind) {
    case "courses":
      return "M";
    case "course":
      return `C:${action.courseId}`;
    case "page":
      return `L:${action.courseId}:${action.lessonId}:${action.page}`;
    case "quiz":
      return `S:${action.courseId}:${action.lessonId}`;
    case "answer":
      return `Q:${action.courseId}:${action.lessonId}:${action.questionId}:${action.attempt}:${action.shown}`;
    case "review":
      return `R:${action.courseId}:${action.lessonId}:${action.attempt}:${action.page}`;
    default:
      return assertNever(action);
  }
}

/**
 * Parses callback data with strict patterns: anything else (forged, truncated, from another
 * version) is undefined. Whether the ids exist and fit the user's state is the actor's check.
 */
export function parseAction(data: string): LearnAction | undefined {
  if (data.length > MAX_CALLBACK_BYTES) return undefined;
  if (PATTERNS.courses.test(data)) return { kind: "courses" };
  let m = PATTERNS.course.exec(data);
  if (m) return { kind: "course", courseId: at(m, 1) };
  m = PATTERNS.page.exec(data);
  if (m) return { kind: "page", courseId: at(m, 1), lessonId: at(m, 2), page: Number(at(m, 3)) };
  m = PATTERNS.quiz.exec(data);
  if (m) return { kind: "quiz", courseId: at(m, 1), lessonId: at(m, 2) };
  m = PATTERNS.answer.exec(data);
  if (m) {
    const [courseId, lessonId, questionId] = [at(m, 1), at(m, 2), at(m, 3)];
    const [attempt, shown] = [Number(at(m, 4)), Number(at(m, 5))];
    return { kind: "answer", courseId, lessonId, questionId, attempt, shown };
  }
  m = PATTERNS.review.exec(data);
  if (m) {
    const [courseId, lessonId, attempt, page] = [at(m, 1), at(m, 2), at(m, 3), at(m, 4)];
    return { kind: "review", courseId, lessonId, attempt: Number(attempt), page: Number(page) };
  }
  return undefined;
}

const at = (match: RegExpExecArray, i: number): string => match[i] ?? "";

/** The language buttons: `lang:<code>`. */
export const languageData = (lang: Lang): string => `lang:${lang}`;
export const LANGUAGE_CALLBACK = /^lang:(\w{2})$/;
/** The language a button asks for; undefined for a forged code. */
export const parseLanguage = (code: string | undefined): Lang | undefined =>
  isLang(code) ? code : undefined;

/** The data deletion buttons: `del:y:<token>` confirms, `del:n:<token>` keeps the data. */
export const deleteData = (confirm: boolean, token: string): string =>
  `del:${confirm ? "y" : "n"}:${token}`;
export const DELETE_CALLBACK = /^del:(y|n):([0-9a-f]{8})$/;

/** What an admin's broadcast button does: send or drop a draft, or stop a running broadcast. */
export type BroadcastButton = "send" | "drop" | "stop";
const BROADCAST_CODES = { send: "y", drop: "n", stop: "c" } as const;
/** `bc:y:<id>` sends a draft, `bc:n:<id>` drops it, `bc:c:<id>` stops a running broadcast. */
export const broadcastData = (button: BroadcastButton, broadcastId: number): string =>
  `bc:${BROADCAST_CODES[button]}:${broadcastId}`;
export const BROADCAST_CALLBACK = /^bc:(y|n|c):(\d{1,15})$/;
/** The button and broadcast id of a BROADCAST_CALLBACK match. */
export function parseBroadcast(code: string | undefined, id: string | undefined) {
  const buttons: Record<string, BroadcastButton> = { y: "send", n: "drop", c: "stop" };
  return { button: buttons[code ?? ""] ?? "stop", broadcastId: Number(id ?? "") };
}

/** What a /reminders button does. */
export type ReminderButton =
  | { readonly kind: "zones" }
  | { readonly kind: "hours"; readonly offsetMinutes: number }
  | { readonly kind: "set"; readonly offsetMinutes: number; readonly hour: number }
  | { readonly kind: "off" };

/** Callback data a /reminders button may carry; parsed strictly by parseReminderButton. */
export const REMINDER_CALLBACK = /^rm:/;

/**
 * `rm:z` (pick a time zone), `rm:o:<offset>` (pick an hour in that zone), `rm:h:<offset>:<hour>`
 * (turn on), `rm:x` (turn off); the offset is in minutes east of UTC. At most 14 bytes.
 */
export function reminderData(button: ReminderButton): string {
  switch (button.kind) {
    case "zones":
      return "rm:z";
    case "hours":
      return `rm:o:${button.offsetMinutes}`;
    case "set":
      return `rm:h:${button.offsetMinutes}:${button.hour}`;
    case "off":
      return "rm:x";
    default:
      return assertNever(button);
  }
}

/** A /reminders button, or undefined when forged: an hour or offset that is not offered. */
export function parseReminderButton(data: string): ReminderButton | undefined {
  if (data === "rm:z") return { kind: "zones" };
  if (data === "rm:x") return { kind: "off" };
  const m = /^rm:(o|h):(-?[1-9][0-9]{0,2}|0)(?::([1-9][0-9]?))?$/.exec(data);
  if (!m) return undefined;
  const offsetMinutes = Number(m[2]);
  if (!isUtcOffset(offsetMinutes)) return undefined;
  if (m[1] === "o") return m[3] === undefined ? { kind: "hours", offsetMinutes } : undefined;
  const hour = Number(m[3]);
  return isReminderHour(hour) ? { kind: "set", offsetMinutes, hour } : undefined;
}

/** "❓ Ask about this" under an explanation or answer: the message it is on names the thread. */
export const ASK_DATA = "ask";
export const ASK_CALLBACK = /^ask$/;

/** "🧠 Check yourself" under an explanation: the message it is on names the news. */
export const CHECK_DATA = "ck";
export const CHECK_CALLBACK = /^ck$/;

/**
 * An answer to a check question: `ca:<explanation message id>:<question ref>:<shown position>`,
 * the ref being `g` (the glossary's question) or `l<question id>`. At most 25 bytes.
 */
export const checkAnswerData = (messageId: number, ref: string, shown: number): string =>
  `ca:${messageId}:${ref}:${shown}`;
export const CHECK_ANSWER_CALLBACK = new RegExp(
  `^ca:([1-9][0-9]{0,11}):(g|l${id(CONTENT_LIMITS.questionId).replace("(", "(?:")}):([0-9])$`,
);

/** A group's language buttons (admins only): `gl:<code>`. */
export const groupLanguageData = (lang: Lang): string => `gl:${lang}`;
export const GROUP_LANGUAGE_CALLBACK = /^gl:(\w{2})$/;
