import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Env } from "../config";

/** Whether this process is the compiled single binary (its modules live in Bun's embedded fs). */
export function isCompiledBinary(): boolean {
  return import.meta.path.startsWith("/$bunfs/") || import.meta.path.includes("~BUN");
}

/**
 * The compiled binary's home is the directory it lives in: it reads the `.env` there (values
 * already in the environment win) and resolves relative paths such as `data/rvx.db` against
 * it, so `/opt/rvx/rvx` behaves the same from any working directory.
 * Returns the directory it switched to, if any.
 */
export function enterBinaryHome(env: Env, execPath = process.execPath): string | undefined {
  if (!isCompiledBinary()) return undefined;
  const home = dirname(execPath);
  const file = join(home, ".env");
  if (existsSync(file)) {
    for (const [key, value] of Object.entries(parseDotenv(readFileSync(file, "utf8")))) {
      if (env[key] === undefined) env[key] = value;
    }
  }
  process.chdir(home);
  return home;
}

/** `KEY=value` lines; `#` comments, `export ` prefixes and single or double quotes allowed. */
export function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key = "", raw = ""] = match;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values[key] = quoted ? (quoted[2] ?? "") : raw.replace(/\s+#.*$/, "");
  }
  return values;
}
