import { LANGS } from "../i18n/lang";
import type { Localized } from "./content";

/** Reports a broken field at `path`; never returns. */
export type Fail = (path: string, problem: string) => never;
type Fields = Readonly<Record<string, unknown>>;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object with no fields beyond `known`, so a misspelt field is caught, not ignored. */
export function fields(value: unknown, path: string, known: readonly string[], fail: Fail): Fields {
  if (!isFields(value)) return fail(path, `must be an object, got ${kind(value)}`);
  const extra = Object.keys(value).find((key) => !known.includes(key));
  if (extra !== undefined) fail(`${path}.${extra}`, `unknown field (expected ${known.join(", ")})`);
  return value;
}

export function list(
  value: unknown,
  path: string,
  min: number,
  max: number,
  what: string,
  fail: Fail,
): readonly unknown[] {
  if (!Array.isArray(value)) return fail(path, `must be an array of ${what}, got ${kind(value)}`);
  if (value.length < min) fail(path, `needs at least ${min} ${what}, has ${value.length}`);
  if (value.length > max) fail(path, `allows at most ${max} ${what}, has ${value.length}`);
  return value;
}

export function text(value: unknown, path: string, max: number, fail: Fail): string {
  if (typeof value !== "string") return fail(path, `must be a string, got ${kind(value)}`);
  if (value.trim() === "") fail(path, "must not be empty");
  if (value.length > max) fail(path, `is ${value.length} characters, the limit is ${max}`);
  return value;
}

export function localized(value: unknown, path: string, max: number, fail: Fail): Localized {
  const o = fields(value, path, LANGS, fail);
  const missing = LANGS.find((lang) => !(lang in o));
  if (missing !== undefined) fail(`${path}.${missing}`, `missing the "${missing}" text`);
  return Object.fromEntries(
    LANGS.map((lang) => [lang, text(o[lang], `${path}.${lang}`, max, fail)]),
  ) as Localized;
}

export function id(value: unknown, path: string, max: number, fail: Fail): string {
  const s = text(value, path, Infinity, fail);
  if (!ID_PATTERN.test(s)) {
    fail(path, `id "${s}" must be lowercase words of [a-z0-9] joined by "-"`);
  }
  if (s.length > max) {
    fail(path, `id "${s}" is ${s.length} characters; at most ${max} fit in callback data`);
  }
  return s;
}

export function order(value: unknown, path: string, fail: Fail): number {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  return fail(path, `must be a positive integer, got ${JSON.stringify(value)}`);
}

export function unique(
  items: readonly { id: string }[],
  path: string,
  what: string,
  fail: Fail,
): void {
  items.forEach((item, i) => {
    const first = items.findIndex((other) => other.id === item.id);
    if (first < i) {
      fail(`${path}[${i}].id`, `duplicate ${what} id "${item.id}" (also ${path}[${first}].id)`);
    }
  });
}

export function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
