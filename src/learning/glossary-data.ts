// Static imports, so `bun build --compile` embeds the glossary in the binary.
import basics from "../../data/glossary/01-basics.json";
import safety from "../../data/glossary/02-safety.json";
import ethereum from "../../data/glossary/03-ethereum.json";
import defi from "../../data/glossary/04-defi.json";
import markets from "../../data/glossary/05-markets.json";
import regulation from "../../data/glossary/06-regulation.json";
import more from "../../data/glossary/07-more.json";
import type { Course } from "./content";
import { type GlossaryTerm, validateGlossary } from "./glossary";

const FILES: ReadonlyArray<readonly [name: string, data: unknown]> = [
  ["01-basics.json", basics],
  ["02-safety.json", safety],
  ["03-ethereum.json", ethereum],
  ["04-defi.json", defi],
  ["05-markets.json", markets],
  ["06-regulation.json", regulation],
  ["07-more.json", more],
];

/**
 * The shipped glossary, validated against `courses` (see loadCourses). Throws a GlossaryError
 * naming the file and term when an entry is broken, so bad content stops startup.
 */
export function loadGlossary(courses: readonly Course[]): GlossaryTerm[] {
  return validateGlossary(
    FILES.map(([, data]) => data),
    courses,
    FILES.map(([name]) => name),
  );
}
