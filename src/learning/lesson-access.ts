import type { Lang } from "../i18n/lang";
import type { Course } from "./content";
import type { LessonLink } from "./lesson-finder";
import { lessonStatuses, type ProgressMap } from "./progress";

/**
 * The lesson a "📚" button should open for this learner: `link` itself when it is open, else the
 * first open lesson of its course, titled as the way there ("Stablecoins → Lending and yield"),
 * so a button never answers "locked". Lessons
 * of unknown courses are dropped; duplicates after the swap are removed.
 */
export function readableLessons(
  links: readonly LessonLink[],
  courses: readonly Course[],
  progress: ProgressMap,
  lang: Lang,
): LessonLink[] {
  const out: LessonLink[] = [];
  for (const link of links) {
    const course = courses.find((c) => c.id === link.course);
    if (!course) continue;
    const statuses = lessonStatuses(course, progress);
    const index = course.lessons.findIndex((l) => l.id === link.lesson);
    const target =
      statuses[index] === "locked"
        ? course.lessons[statuses.indexOf("open")]
        : course.lessons[index];
    if (!target) continue;
    // "Stablecoins → Lending and yield": the lesson it opens, and where that path leads.
    const title = target.id === link.lesson ? link.title : `${target.title[lang]} → ${link.title}`;
    const readable = { course: course.id, lesson: target.id, title };
    if (!out.some((l) => l.course === readable.course && l.lesson === readable.lesson)) {
      out.push(readable);
    }
  }
  return out;
}
