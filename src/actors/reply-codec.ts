import type { Course } from "../learning/content";

/** A course or lesson in a stored reply, by id: the content ships with the code. */
type CourseRef = { readonly $course: string };
type LessonRef = { readonly $lesson: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * Encodes a user actor's reply for the `update_effects` table. Courses and lessons (the whole
 * content of a course, tens of KB) are stored by id and restored from the shipped content.
 */
export function encodeReply(reply: unknown): string {
  return JSON.stringify(reply, (key, value: unknown) => {
    if (key === "course" && isObject(value) && "lessons" in value) return { $course: value.id };
    if (key === "lesson" && isObject(value) && "quiz" in value) return { $lesson: value.id };
    return value;
  });
}

/** Thrown when a stored reply names content this build no longer has. */
export class StaleReplyError extends Error {
  override readonly name = "StaleReplyError";
}

/** Decodes {@link encodeReply}'s output against `courses`; throws StaleReplyError if gone. */
export function decodeReply(json: string, courses: readonly Course[]): unknown {
  return JSON.parse(json, (_key, value: unknown) => {
    if (!isObject(value) || !isObject(value.course) || !("$course" in value.course)) return value;
    const id = (value.course as CourseRef).$course;
    const course = courses.find((c) => c.id === id);
    if (!course) throw new StaleReplyError(`course ${id} is gone`);
    if (!isObject(value.lesson) || !("$lesson" in value.lesson)) return { ...value, course };
    const lessonId = (value.lesson as LessonRef).$lesson;
    const lesson = course.lessons.find((l) => l.id === lessonId);
    if (!lesson) throw new StaleReplyError(`lesson ${id}/${lessonId} is gone`);
    return { ...value, course, lesson };
  });
}
