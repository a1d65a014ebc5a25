import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/** The pid of a live process holding `path`, if any (a stale file is ignored). */
export function lockHolder(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const pid = Number(readFileSync(path, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Marks the database as in use by this process, so `rvx restore` and a second instance can
 * tell. Returns a release function, or the pid of the live process that holds it.
 */
export function acquirePidfile(
  path: string,
): { ok: true; release: () => void } | { ok: false; pid: number } {
  const holder = lockHolder(path);
  if (holder !== undefined) return { ok: false, pid: holder };
  writeFileSync(path, `${process.pid}\n`);
  return {
    ok: true,
    release: () => {
      if (lockHolder(path) === undefined) rmSync(path, { force: true });
    },
  };
}
