import { LANGS, type Lang } from "../i18n/lang";
import type { Course, Localized } from "./content";
import { words } from "./glossary-text";

/** The lesson that teaches a term, by course and lesson id. */
export interface LessonRef {
  readonly course: string;
  readonly lesson: string;
}

/** One glossary entry: names, the forms people write it in, and a plain 1–2 sentence definition. */
export interface GlossaryTerm {
  readonly id: string;
  readonly name: Localized;
  /** Other names and inflections ("стейкинга", "stake"); the names count as aliases too. */
  readonly aliases: Readonly<Record<Lang, readonly string[]>>;
  readonly definition: Localized;
  /** Ids of related terms. */
  readonly related: readonly string[];
  readonly lesson?: LessonRef;
}

export const GLOSSARY_LIMITS = { id: 32, name: 80, alias: 60, definition: 420, minDefinition: 30 };

/** A glossary file breaks the rules; names the file and entry. */
export class GlossaryError extends Error {
  override readonly name = "GlossaryError";
  constructor(
    /** Like `terms[12].related[1]`. */
    readonly path: string,
    readonly problem: string,
    /** The file and term id the field belongs to, as far as known. */
    readonly source: string,
  ) {
    super(`${source}: ${path}: ${problem}`);
  }
}

type Fields = Readonly<Record<string, unknown>>;
type Fail = (path: string, problem: string) => never;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KNOWN = ["id", "name", "aliases", "definition", "related", "lesson"];

/**
 * Checks raw glossary files (each a parsed JSON array of terms) against the rules and the courses
 * (every lesson a term points at must exist) and returns the terms typed, in file order.
 * `sources[i]` names the file `raw[i]` came from. Throws {@link GlossaryError}.
 */
export function validateGlossary(
  raw: readonly unknown[],
  courses: readonly Course[],
  sources: readonly string[] = [],
): GlossaryTerm[] {
  const located: { term: GlossaryTerm; fail: Fail; path: string }[] = [];
  raw.forEach((file, f) => {
    const source = sources[f] ?? `glossary[${f}]`;
    if (!Array.isArray(file)) failAt(source)("", "must be an array of terms");
    (file as unknown[]).forEach((value, i) => {
      const path = `terms[${i}]`;
      const fail = failAt(idOf(value) ? `${source} (term "${idOf(value)}")` : source);
      located.push({ term: parseTerm(value, path, fail), fail, path });
    });
  });
  const ids = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const { term, fail, path } of located) {
    const other = ids.get(term.id);
    if (other !== undefined) fail(`${path}.id`, `duplicate id "${term.id}"`);
    ids.set(term.id, term.id);
    for (const alias of aliasesOf(term)) {
      const key = words(alias).join(" ");
      if (key === "") fail(`${path}.aliases`, `alias "${alias}" has no letters or digits`);
      const owner = aliases.get(key);
      if (owner !== undefined && owner !== term.id) {
        fail(`${path}.aliases`, `alias "${alias}" is also an alias of "${owner}"`);
      }
      aliases.set(key, term.id);
    }
  }
  for (const { term, fail, path } of located) {
    term.related.forEach((id, i) => {
      if (!ids.has(id)) fail(`${path}.related[${i}]`, `no term with id "${id}"`);
      if (id === term.id) fail(`${path}.related[${i}]`, "a term is not related to itself");
      if (term.related.indexOf(id) < i) fail(`${path}.related[${i}]`, `repeats "${id}"`);
    });
    const ref = term.lesson;
    if (ref !== undefined) {
      const course = courses.find((c) => c.id === ref.course);
      if (course === undefined) return fail(`${path}.lesson.course`, `no course "${ref.course}"`);
      if (!course.lessons.some((l) => l.id === ref.lesson)) {
        fail(`${path}.lesson.lesson`, `course "${ref.course}" has no lesson "${ref.lesson}"`);
      }
    }
  }
  return located.map(({ term }) => term);
}

/**
 * Every written form of a term: its names, each name's parts around a parenthesis
 * ("Proof of Work (PoW)" -> "Proof of Work", "PoW") and its aliases, in both languages.
 */
export function aliasesOf(term: GlossaryTerm): string[] {
  return LANGS.flatMap((lang) => {
    const name = term.name[lang];
    const parts = /^(.+?)\s*\((.+)\)$/.exec(name);
    return [name, ...(parts ? [parts[1] ?? "", parts[2] ?? ""] : []), ...term.aliases[lang]];
  });
}

function failAt(source: string): Fail {
  return (path, problem) => {
    throw new GlossaryError(path, problem, source);
  };
}

function idOf(value: unknown): string | undefined {
  return isFields(value) && typeof value.id === "string" ? value.id : undefined;
}

function parseTerm(value: unknown, path: string, fail: Fail): GlossaryTerm {
  if (!isFields(value)) return fail(path, "must be an object");
  const extra = Object.keys(value).find((key) => !KNOWN.includes(key));
  if (extra !== undefined) fail(`${path}.${extra}`, `unknown field (expected ${KNOWN.join(", ")})`);
  const id = text(value.id, `${path}.id`, GLOSSARY_LIMITS.id, fail);
  if (!ID_PATTERN.test(id)) fail(`${path}.id`, `id "${id}" must be lowercase words joined by "-"`);
  const term: GlossaryTerm = {
    id,
    name: localized(value.name, `${path}.name`, GLOSSARY_LIMITS.name, fail),
    aliases: aliasLists(value.aliases, `${path}.aliases`, fail),
    definition: localized(value.definition, `${path}.definition`, GLOSSARY_LIMITS.definition, fail),
    related: strings(value.related, `${path}.related`, fail),
  };
  LANGS.forEach((lang) => {
    if (term.definition[lang].length < GLOSSARY_LIMITS.minDefinition) {
      fail(`${path}.definition.${lang}`, "is too short to explain anything");
    }
  });
  if (value.lesson === undefined) return term;
  const lesson = value.lesson;
  if (!isFields(lesson)) return fail(`${path}.lesson`, "must be { course, lesson }");
  return {
    ...term,
    lesson: {
      course: text(lesson.course, `${path}.lesson.course`, 40, fail),
      lesson: text(lesson.lesson, `${path}.lesson.lesson`, 40, fail),
    },
  };
}

function aliasLists(value: unknown, path: string, fail: Fail): Record<Lang, string[]> {
  if (!isFields(value)) return fail(path, "must be an object with a list per language");
  return Object.fromEntries(
    LANGS.map((lang) => {
      if (!(lang in value)) fail(`${path}.${lang}`, `missing the "${lang}" list`);
      const list = strings(value[lang], `${path}.${lang}`, fail);
      list.forEach((alias, i) => {
        text(alias, `${path}.${lang}[${i}]`, GLOSSARY_LIMITS.alias, fail);
      });
      return [lang, list];
    }),
  ) as Record<Lang, string[]>;
}

function localized(value: unknown, path: string, max: number, fail: Fail): Localized {
  if (!isFields(value)) return fail(path, "must be an object with a text per language");
  return Object.fromEntries(
    LANGS.map((lang) => {
      if (!(lang in value)) fail(`${path}.${lang}`, `missing the "${lang}" text`);
      return [lang, text(value[lang], `${path}.${lang}`, max, fail)];
    }),
  ) as Localized;
}

function strings(value: unknown, path: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    return fail(path, "must be an array of strings");
  }
  return value as string[];
}

function text(value: unknown, path: string, max: number, fail: Fail): string {
  if (typeof value !== "string") return fail(path, "must be a string");
  if (value.trim() === "") fail(path, "must not be empty");
  if (value.length > max) fail(path, `is ${value.length} characters, the limit is ${max}`);
  return value;
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
