import { assertNever } from "../errors";
import { CONTENT_LIMITS } from "./content";

/** What a learning button asks for; its callback data is {@link encodeAction}'s output. */
export type LearnAction =
  | { readonly kind: "courses" }
  | { readonly kind: "course"; readonly courseId: string }
  | {
      readonly kind: "page";
      readonly courseId: string;
      readonly lessonId: string;
      readonly page: number;
    }
  | { readonly kind: "quiz"; readonly courseId: string; readonly lessonId: string }
  | {
      readonly kind: "answer";
      readonly courseId: string;
      readonly lessonId: string;
      readonly questionId: string;
      readonly option: number;
    };

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_BYTES = 64;

/** Callback data a learning button may carry; the feature routes on it, then parses strictly. */
export const LEARN_CALLBACK = /^[MCLSQ](?::|$)/;

/** An id of at most `max` chars of [a-z0-9-], starting and ending with a letter or digit. */
const id = (max: number) => `([a-z0-9](?:[a-z0-9-]{0,${max - 2}}[a-z0-9])?)`;
const C = id(CONTENT_LIMITS.courseId);
const L = id(CONTENT_LIMITS.lessonId);
const QID = id(CONTENT_LIMITS.questionId);
const PAGE = "(0|[1-9][0-9]?)";
const PATTERNS = {
  courses: /^M$/,
  course: new RegExp(`^C:${C}$`),
  page: new RegExp(`^L:${C}:${L}:${PAGE}$`),
  quiz: new RegExp(`^S:${C}:${L}$`),
  answer: new RegExp(`^Q:${C}:${L}:${QID}:([0-9])$`),
} as const;

/**
 * Callback data for an action: `M` (course list), `C:<course>` (a course), `L:<course>:<lesson>:
 * <page>` (a lesson page), `S:<course>:<lesson>` (start or retry its quiz) and
 * `Q:<course>:<lesson>:<question>:<option>` (an answer). Ids are [a-z0-9-] within the content
 * limits, so the longest, an answer, is 38 bytes.
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
      return `Q:${action.courseId}:${action.lessonId}:${action.questionId}:${action.option}`;
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
    const [courseId, lessonId, questionId, option] = [at(m, 1), at(m, 2), at(m, 3), at(m, 4)];
    return { kind: "answer", courseId, lessonId, questionId, option: Number(option) };
  }
  return undefined;
}

const at = (match: RegExpExecArray, i: number): string => match[i] ?? "";
