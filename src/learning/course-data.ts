// Static imports, so `bun build --compile` embeds the course files in the binary.
import basics from "../../data/courses/01-basics.json";
import safety from "../../data/courses/02-safety.json";
import bitcoin from "../../data/courses/03-bitcoin.json";
import ethereum from "../../data/courses/04-ethereum.json";
import defi from "../../data/courses/05-defi.json";
import news from "../../data/courses/06-news.json";
import tgSafety from "../../data/courses/07-tg-safety.json";
import networks from "../../data/courses/08-networks.json";
import type { Course } from "./content";
import { validateCourses } from "./content-validate";

const FILES: ReadonlyArray<readonly [name: string, data: unknown]> = [
  ["01-basics.json", basics],
  ["02-safety.json", safety],
  ["03-bitcoin.json", bitcoin],
  ["04-ethereum.json", ethereum],
  ["05-defi.json", defi],
  ["06-news.json", news],
  ["07-tg-safety.json", tgSafety],
  ["08-networks.json", networks],
];

/**
 * The shipped courses, validated and sorted by `order`. Throws a ContentError naming the file
 * and field when a course file is broken, so bad content stops startup instead of a lesson.
 */
export function loadCourses(): Course[] {
  return validateCourses(
    FILES.map(([, data]) => data),
    FILES.map(([name]) => name),
  );
}
