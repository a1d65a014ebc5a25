import { ConfigError } from "./errors";
import { isLang, type Lang } from "./i18n/lang";

export type Env = Record<string, string | undefined>;

/** Typed readers over one env; each throws ConfigError naming its variable. */
export function reader(env: Env) {
  const string = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    string,
    /** A model name (letters, digits and `_ . : / -`), or undefined when unset. */
    model(name: string): string | undefined {
      const value = string(name);
      if (value !== undefined && !/^[\w.:/-]+$/.test(value)) {
        throw new ConfigError(name, `"${value}" is not a model name`);
      }
      return value;
    },
    int(name: string, fallback: number, min: number, max: number): number {
      const raw = string(name);
      if (raw === undefined) return fallback;
      if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
      const value = Number(raw);
      if (value < min || value > max) {
        throw new ConfigError(name, `${value} is out of range (${min}..${max})`);
      }
      return value;
    },
    /** `true`/`false` (also 1/0, on/off, yes/no). */
    bool(name: string, fallback: boolean): boolean {
      const raw = string(name)?.toLowerCase();
      if (raw === undefined) return fallback;
      if (["true", "1", "on", "yes"].includes(raw)) return true;
      if (["false", "0", "off", "no"].includes(raw)) return false;
      throw new ConfigError(name, `"${raw}" is not true or false`);
    },
    url(name: string, fallback: string): string {
      const raw = string(name) ?? fallback;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new ConfigError(name, `"${raw}" is not a URL`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new ConfigError(name, `"${raw}" must be an http(s) URL`);
      }
      return raw.replace(/\/+$/, "");
    },
    lang(name: string, fallback: Lang): Lang {
      const raw = string(name)?.toLowerCase() ?? fallback;
      if (!isLang(raw))
        throw new ConfigError(name, `"${raw}" is not a supported language (ru, en)`);
      return raw;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const raw = string(name)?.toLowerCase() ?? fallback;
      if (!(allowed as readonly string[]).includes(raw)) {
        throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(", ")}`);
      }
      return raw as T;
    },
    /** A comma-separated list of distinct names from `allowed`, in the given order. */
    list<T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
      const raw = string(name);
      if (raw === undefined) return [...fallback];
      const items = raw
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
      if (items.length === 0) throw new ConfigError(name, "is empty");
      for (const [i, item] of items.entries()) {
        if (!(allowed as readonly string[]).includes(item)) {
          throw new ConfigError(name, `"${item}" is not one of ${allowed.join(", ")}`);
        }
        if (items.indexOf(item) !== i) throw new ConfigError(name, `"${item}" is listed twice`);
      }
      return items as T[];
    },
    idSet(name: string): ReadonlySet<number> {
      const raw = string(name);
      if (raw === undefined) return new Set();
      const ids = raw.split(/[\s,]+/).filter(Boolean);
      for (const id of ids) {
        if (!/^\d{1,15}$/.test(id))
          throw new ConfigError(name, `"${id}" is not a Telegram user id`);
      }
      return new Set(ids.map(Number));
    },
  };
}

/** The readers `parseConfig` and its parts share. */
export type Reader = ReturnType<typeof reader>;
